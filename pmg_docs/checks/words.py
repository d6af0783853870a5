"""Words longer than any real one.

A word is laid out whole before it is cut into lines; a "word" of two million letters (a pasted
block of data, a hostile text) fills hundreds of pages and takes the PDF writer minutes, though
the file is within every size limit. No Spanish word, code or web address comes near
`LONGEST_WORD` characters, so a longer run without a space is an error at its field, before
anything is laid out.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..diagnostics import Diagnostic
from ..i18n import _
from ..load.front_matter import FrontMatterSource

if TYPE_CHECKING:
    from ..load.document import Document

LONGEST_WORD = 1000

_LONG_WORD = re.compile(r"\S{%d,}" % (LONGEST_WORD + 1))
# Characters of the word shown in the message.
_SHOWN = 20


def check_word_lengths(document: Document[Any]) -> Iterable[Diagnostic]:
    """An error for every text of a loaded source that holds a word longer than LONGEST_WORD."""
    source = document.source
    for path, text in source.texts():
        if len(text) <= LONGEST_WORD:
            continue
        found = _LONG_WORD.search(text)
        if found is None:
            continue
        diagnostic = document.diagnostic(path, _(
            "una palabra de {count} caracteres sin espacios («{start}…»); ninguna palabra real "
            "pasa de {limit}: sepárela con espacios o acórtela").format(
            count=f"{len(found.group()):_}".replace("_", "."),
            start=found.group()[:_SHOWN],
            limit=f"{LONGEST_WORD:_}".replace("_", ".")))
        if path == ("body",) and isinstance(source, FrontMatterSource):
            # A circular's text: the line where the word begins, not the text's first.
            diagnostic = dataclasses.replace(
                diagnostic, line=source.body_line + text.count("\n", 0, found.start()))
        yield diagnostic
