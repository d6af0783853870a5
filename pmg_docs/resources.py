"""Where the package's own catalogs, templates and fonts are.

In a checkout (or an editable install) they sit at the top of the repository, where staff edit
them; a wheel carries them inside the package under `_data/`.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


@cache
def catalogs_dir() -> Path:
    return _data_dir("catalogs")


@cache
def templates_dir() -> Path:
    return _data_dir("templates")


# The reference of every field of every source (docs/campos.md, written by
# scripts/field_reference.py), as `pmg init` copies it into a working folder.
FIELD_REFERENCE = "campos.md"


def field_reference_file() -> Path:
    """The package's copy of the field reference: inside a wheel, or the checkout's docs/."""
    installed = _PACKAGE / "_data" / FIELD_REFERENCE
    return installed if installed.is_file() else _PACKAGE.parent / "docs" / FIELD_REFERENCE


def field_reference_shown() -> str:
    """Where the user reads the field reference, as a path from the current folder: the
    working folder's copy (`pmg init` writes it beside pmg.toml) when there is one, else the
    package's, wherever pmg is installed."""
    from .config import find

    found = find()
    here = (found.parent if found is not None else Path.cwd()) / FIELD_REFERENCE
    if here.is_file():
        try:
            # From a folder inside the working folder too: ../campos.md.
            return Path(os.path.relpath(here.resolve(), Path.cwd().resolve())).as_posix()
        except ValueError:  # another drive (Windows)
            return str(here.resolve())
    package = field_reference_file().resolve()
    try:
        return package.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(package)


@cache
def fonts_dir() -> Path:
    # The font travels with the package so that every machine lays out the same glyphs: Arimo,
    # as wide as Arial (the font the DOCX names), made by scripts/make_fonts.py.
    return _PACKAGE / "fonts"


# --- templates ---------------------------------------------------------------------------------

TEMPLATE_SUFFIX = ".html.j2"
# The first line of a document's template says what it lays out: `{#- pmg: formulation/objetivos
# -#}` (kind/format), `{#- pmg: circular -#}`, `{#- pmg: annex/requisitos -#}`.
_DECLARATION = re.compile(r"^\{#-?\s*pmg:\s*(?P<kind>[a-z][a-z0-9-]*)"
                          r"(?:/(?P<format>[a-z0-9][a-z0-9-]*))?\s*-?#\}")


def template_file(name: str, extra_dir: Path | None = None) -> Path | None:
    """The file of template `name`: the user's folder first, then the package's. Only a file
    that is really inside its folder counts (a link out of it does not)."""
    for folder in ([extra_dir] if extra_dir else []) + [templates_dir()]:
        root = Path(folder).resolve()
        candidate = (root / f"{name}{TEMPLATE_SUFFIX}").resolve()
        if candidate.is_relative_to(root) and candidate.is_file():
            return candidate
    return None


def template_declaration(path: Path) -> tuple[str, str | None] | None:
    """(kind, format) that a template's first line declares; None when it declares nothing."""
    with open(path, encoding="utf-8", errors="replace") as stream:
        match = _DECLARATION.match(stream.readline())
    return (match["kind"], match["format"]) if match else None
