"""Word lists: every <ul>/<ol> becomes a numbering instance (`w:num`) of one of the reference
DOCX's list definitions (`w:abstractNum`: bullets, "1.", "1)", "a)"), and each item a paragraph
carrying `w:numPr`. A new instance per list restarts its count, at the list's `start`, as Word
does when a user restarts a list; markers and indents stay in the reference's definitions.
"""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.shared import Twips

from ..subset import LETTER_LIST_TYPE
from . import styles

# Word's list definitions have nine levels; a deeper list stays at the last one.
MAX_LEVEL = 8


def list_kind(element, paren_class: str) -> str:
    """The reference DOCX's list definition that lays out `element` (<ul> or <ol>)."""
    if element.tag == "ul":
        return styles.BULLETS
    if element.get("type") == LETTER_LIST_TYPE:
        return styles.LETTER_PAREN
    if paren_class in (element.get("class") or "").split():
        return styles.DECIMAL_PAREN
    return styles.DECIMAL


class Lists:
    def __init__(self, document):
        self.numbering = document.part.numbering_part.element
        self.definitions = {}
        for abstract in self.numbering.findall(qn("w:abstractNum")):
            name = abstract.find(qn("w:name"))
            if name is not None:
                self.definitions[name.get(qn("w:val"))] = abstract
        missing = {styles.BULLETS, styles.DECIMAL, styles.DECIMAL_PAREN,
                   styles.LETTER_PAREN} - set(self.definitions)
        if missing:
            raise ValueError(f"the reference DOCX lacks the list definitions {sorted(missing)}")

    def start(self, kind: str, level: int, first: int) -> int:
        """A new instance of list definition `kind`, counting from `first` at `level`."""
        abstract_id = int(self.definitions[kind].get(qn("w:abstractNumId")))
        num = self.numbering.add_num(abstract_id)
        override = num.add_lvlOverride(ilvl=min(level, MAX_LEVEL))
        override.add_startOverride(first)
        return num.numId

    def number(self, paragraph, num_id: int, level: int) -> None:
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = min(level, MAX_LEVEL)
        num_pr.get_or_add_numId().val = num_id

    def text_indent(self, kind: str, level: int) -> Twips:
        """Where the text of an item at `level` starts, as the list definition says."""
        level_element = self.definitions[kind].find(
            f"{qn('w:lvl')}[@{qn('w:ilvl')}='{min(level, MAX_LEVEL)}']")
        indent = level_element.find(f"{qn('w:pPr')}/{qn('w:ind')}")
        left = indent.get(qn("w:left")) or indent.get(qn("w:start")) or "0"
        return Twips(int(left))


def indent_continuation(paragraph, indent: Twips) -> None:
    """A further paragraph of a list item starts where the item's text does. Word keeps that
    indent in the list definition, not in a paragraph style, so it is set on the paragraph."""
    paragraph.paragraph_format.left_indent = indent
