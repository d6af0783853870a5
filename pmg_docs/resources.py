"""Where the package's own catalogs, templates and fonts are.

In a checkout (or an editable install) they sit at the top of the repository, where staff edit
them; a wheel carries them inside the package under `_data/`.
"""

from __future__ import annotations

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


@cache
def fonts_dir() -> Path:
    # The font travels as a pinned PyPI package so that every machine lays out the same glyphs.
    import font_source_sans_pro

    return Path(font_source_sans_pro.font_directory).resolve()
