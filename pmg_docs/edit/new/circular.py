"""`pmg new circular`: a commented circular that validates as it is (against mei-2012, the marco
whose Cuadros it prints); `--catalog` does not apply, the circular's `catalog:` says it.

The scaffold is a whole Markdown file, comments and example text together, so it is kept as a
file per language beside the templates (`circular.md` in Spanish, `circular.en.md`) rather than
as messages: both must stay a circular that validates, which a test checks.
"""

from __future__ import annotations

from ...i18n import SOURCE_LANGUAGE, language
from ...resources import templates_dir
from .common import Request, Scaffold


def scaffold_file(lang: str):
    folder = templates_dir() / "scaffolds"
    translated = folder / f"circular.{lang}.md"
    chosen = lang != SOURCE_LANGUAGE and translated.is_file()
    return translated if chosen else folder / "circular.md"


def scaffold(request: Request) -> Scaffold:
    return Scaffold(scaffold_file(language()).read_text(encoding="utf-8"))
