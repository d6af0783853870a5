"""Characters the documents' font cannot print.

Every document is set in the font that travels with the package (Arimo), so that every machine
prints the same glyphs. A character it lacks (an emoji, Arabic letters, fullwidth digits,
Chinese) is drawn by whatever font the machine has, or as a blank box when it has none: the PDF
then differs from machine to machine, and may show nothing where the text has something.
Such a character is a warning at its field, naming it, so that the author can write it otherwise;
with --strict it stops the document.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

from ..diagnostics import Diagnostic, FieldPath, Severity
from ..i18n import _, ngettext
from ..load.front_matter import FrontMatterSource

if TYPE_CHECKING:
    from ..load.document import Document

# Shown in a message; the rest are counted.
_NAMED = 5


@cache
def font_characters() -> frozenset[int]:
    """The code points every face of the documents' font has a glyph for: the font files of the
    package are its faces (text, bold, italic, bold italic), and Markdown may set any text in
    any of them."""
    from fontTools.ttLib import TTFont

    from ..resources import fonts_dir

    maps = [set(TTFont(face, lazy=True).getBestCmap())
            for face in sorted(fonts_dir().glob("*.ttf"))]
    return frozenset(set.intersection(*maps))


def _printed(char: str) -> bool:
    """Whether the character is drawn at all: spaces and format marks (zero-width space,
    direction marks) are not."""
    return not char.isspace() and unicodedata.category(char) not in ("Cf", "Cc", "Zl", "Zp")


# What Spanish text uses (Latin-1, dashes, quotes, the ellipsis, the bullet, €): in the font, as
# a test checks, so that ordinary text never pays for reading the font's tables.
SURELY_COVERED = frozenset([*range(0x20, 0x7F), *range(0xA0, 0x100), 0x2013, 0x2014, 0x2018,
                            0x2019, 0x201C, 0x201D, 0x2022, 0x2026, 0x20AC])


def _unusual(characters: Iterable[str]) -> set[str]:
    return {c for c in characters if ord(c) not in SURELY_COVERED and _printed(c)}


def _missing(text: str) -> list[str]:
    unusual = _unusual(set(text))
    if not unusual:
        return []
    covered = font_characters()
    return sorted((c for c in unusual if ord(c) not in covered), key=text.index)


def _any_unusual(texts: Iterable[tuple[FieldPath, str]]) -> bool:
    """Whether any of the texts has a character that is not surely covered: most sources have
    none, and are then answered by looking at the characters of all their texts at once (a
    text's unusual characters are among those of all the texts)."""
    return bool(_unusual(set("".join(text for _path, text in texts))))


def _named(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"«{char}» (U+{ord(char):04X}{' ' + name if name else ''})"


def check_glyphs(document: Document[Any]) -> Iterable[Diagnostic]:
    """A warning for every text of a loaded source with characters the font lacks."""
    source = document.source
    texts = source.texts()
    if not _any_unusual(texts):
        return
    for path, text in texts:
        missing = _missing(text)
        if not missing:
            continue
        shown = ", ".join(_named(c) for c in missing[:_NAMED])
        if len(missing) > _NAMED:
            shown += _(" y {count} más").format(count=len(missing) - _NAMED)
        diagnostic = document.diagnostic(path, ngettext(
            "{characters}: la fuente de los documentos no lo tiene; el PDF lo imprimiría como "
            "un cuadro en blanco o con otra fuente de la máquina, distinta en cada una; se "
            "espera texto sin él",
            "{characters}: la fuente de los documentos no los tiene; el PDF los imprimiría como "
            "cuadros en blanco o con otra fuente de la máquina, distinta en cada una; se "
            "espera texto sin ellos", len(missing)).format(characters=shown),
            severity=Severity.WARNING)
        if path == ("body",) and isinstance(source, FrontMatterSource):
            # A circular's text: the line of the first such character, not the text's first.
            before = text[:text.index(missing[0])]
            diagnostic = dataclasses.replace(diagnostic,
                                             line=source.body_line + before.count("\n"))
        yield diagnostic
