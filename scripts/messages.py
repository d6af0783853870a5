"""Keep the message catalogs up to date with Babel's tools (run after changing any message).

    .venv/bin/python scripts/messages.py

1. extract: every `_()` / `ngettext` string of pmg_docs into pmg_docs/locale/pmg.pot (Spanish
   source), and click's own messages (English source) into pmg_docs/locale/click.pot;
2. update: merge them into the English catalog of pmg (locale/en/LC_MESSAGES/pmg.po) and the
   Spanish catalog of click (locale/es/LC_MESSAGES/click.po); new entries arrive untranslated
   (or fuzzy), to be translated by hand;
3. compile: the .mo files gettext reads, committed beside their .po.

`tests/test_i18n.py` fails while an entry is untranslated or fuzzy, or a .mo is stale.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click
from babel.messages.frontend import CommandLineInterface

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "pmg_docs" / "locale"
# (domain, folder extracted from, its parent, mapping file, the language translated into)
DOMAINS = (
    ("pmg", "pmg_docs", ROOT, ROOT / "babel.cfg", "en"),
    ("click", "click", Path(click.__file__).parent.parent, None, "es"),
)


def pybabel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *args])


def main() -> int:
    for domain, folder, parent, mapping, language in DOMAINS:
        template = LOCALE / f"{domain}.pot"
        options = ["--add-location=file", "--sort-output", "--no-wrap",
                   f"--project=pmg-docs ({domain})"]
        if mapping is not None:
            options.append(f"--mapping-file={mapping}")
        # Run from the folder's parent, so that locations read `click/core.py`, not a full path.
        os.chdir(parent)
        pybabel("extract", *options, "-o", str(template), folder)
        catalog = LOCALE / language / "LC_MESSAGES" / f"{domain}.po"
        if catalog.exists():
            pybabel("update", "--no-wrap", "--ignore-obsolete", "-D", domain,
                    "-i", str(template), "-d", str(LOCALE), "-l", language)
        else:
            pybabel("init", "--no-wrap", "-D", domain, "-i", str(template), "-d", str(LOCALE),
                    "-l", language)
        pybabel("compile", "-D", domain, "-d", str(LOCALE), "-l", language)
    return 0


if __name__ == "__main__":
    sys.exit(main())
