"""How tall a table's cell of plain text can be, at most: to spare Typst a measurement.

A row (or a group of rows) kept on one page must not be kept when it is taller than a page
(CSS's `avoid`; Typst would cut it off): the preamble's `pmg-table` measures what might be, in
a `layout` callback, which costs a layout of its own (a fifth of a year's compile time,
bench/typst_variants.py's plain-tables). Most kept rows are a few lines of text, far shorter
than a page: this module proves it from the font's advance widths, and the table writer then
asks Typst for no measurement. When it cannot prove it (lists or images in a cell, a table
inside a list or a cell, a bound taller than the room), Typst measures as before, so the
pages are the same either way.

The bound, for a cell of text only (text, emphasis, line breaks), or of paragraphs of such text
(each line counted as below, and each paragraph's space below and the cell's own space after
its last added whole, never shared): Typst breaks lines first-fit
(`linebreaks: "simple"`, no hyphenation), so any line but the last, together with the first
piece of the next line, is wider than the column; summed over the lines, twice the text's
width exceeds (lines - 1) columns. A piece of text is never narrower than the sum of the
widest advance any face of the package's font gives each of its characters (no kerning, no
ligatures: preamble.py), with a margin for the shaper.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from functools import cache
from itertools import repeat
from typing import Any

from ...resources import fonts_dir
from .markup import collapsed

MM_PER_PT = 25.4 / 72
# What the shaper may add to the font's advances (a substituted glyph), and the room left
# unused, so that rounding never decides: the bound errs on the tall side only.
WIDTH_MARGIN = 1.1
SAFETY_MM = 2.0
# The elements of a cell whose height this module bounds.
TEXT_TAGS = frozenset({"td", "th", "strong", "b", "em", "i", "br"})


@cache
def _advances() -> tuple[dict[str, float], float]:
    """The widest advance, in em, any face of the package's font gives each character it
    draws, and the widest of all (for a character no face draws): read from `widths.txt`,
    which scripts/make_fonts.py writes from the faces (a test keeps it in step with them), not
    from the fonts' tables, which would cost every process fontTools and ~40 ms."""
    lines = (fonts_dir() / "widths.txt").read_text(encoding="ascii").splitlines()
    per_em, top = (int(number) for number in lines[0].split())
    widest = {chr(int(code, 16)): int(advance) / per_em
              for code, advance in (line.split() for line in lines[1:])}
    return widest, top / per_em


def text_width_em(text: str) -> float:
    """An upper bound of `text`'s width in em, in any face of the package's font."""
    widest, top = _advances()
    # map() walks the text in C: this runs for every character of the cells it bounds.
    return sum(map(widest.get, text, repeat(top))) * WIDTH_MARGIN


def _lines(pieces: Iterable[str]) -> list[str]:
    """A cell's text as its lines as written (split at <br>), white space collapsed."""
    lines = [""]
    for piece in pieces:
        if piece == "\n":
            lines.append("")
        else:
            lines[-1] += piece
    return [collapsed(line).strip() for line in lines]


def _pieces(element) -> Iterable[str]:
    if element.tag == "br":
        yield "\n"
    else:
        yield element.text or ""
    for child in element:
        yield from _pieces(child)
        yield child.tail or ""


def _paragraph_lines(element) -> tuple[list[str], int] | None:
    """The lines of a cell of paragraphs of text (markup.py writes each as the preamble's
    `pmg-p("cell")`), and how many paragraphs; None when it holds anything else: text
    outside them, a paragraph with a class (which may give it another role), or more than
    text inside one."""
    if (element.text or "").strip():
        return None
    lines: list[str] = []
    for paragraph in element:
        if (paragraph.tag != "p" or paragraph.get("class") is not None
                or (paragraph.tail or "").strip()
                or any(child.tag not in TEXT_TAGS for child in paragraph.iterdescendants())):
            return None
        lines.extend(_lines(_pieces(paragraph)))
    return lines, len(element)


class Heights:
    """Upper bounds of cell heights for the tables of one document laid out on full-width
    pages, from the look (preamble.look's `heights`)."""

    def __init__(self, values: Mapping[str, Any], landscape: bool):
        self.values = values
        width, height = values["page_mm"]
        if landscape:
            width, height = height, width
        top, right, bottom, left = values["margins_mm"]
        self.text_width = width - left - right
        rule = values["rule_pt"] * MM_PER_PT
        self.rule = rule
        inset_y, self.inset_x = values["inset_mm"]
        self.inset_y = inset_y + rule / 2
        # The preamble's room: the page's height less its margins, the table's outer inset
        # (half a rule above and below) and the cell's inset above and below.
        self.room = height - top - bottom - rule - 2 * self.inset_y - SAFETY_MM

    def cell(self, element, share: float) -> float | None:
        """The tallest a cell of text can be, in mm, in a column of `share` of the table's
        width; None when the cell holds more than text or paragraphs of text (lists, images,
        a paragraph of another role)."""
        spacing = 0.0
        if len(element) == 0:
            # Text only (most cells): its one piece, no walk of its elements.
            lines = _lines([element.text or ""])
        elif element[0].tag == "p":
            found = _paragraph_lines(element)
            if found is None:
                return None
            lines, count = found
            # Each paragraph's space below (the look's "cell" role: none above), and the
            # cell's own space after its last (the preamble's `pmg-cell-end`).
            spacing = (count + 1) * self.values["cell_paragraph_after_mm"]
        elif any(child.tag not in TEXT_TAGS for child in element.iter()):
            return None
        else:
            lines = _lines(_pieces(element))
        values = self.values
        size, line = values["size_pt"], values["line_pt"]
        # The column's content width: its share of the table (the text width less a rule),
        # less the insets (the preamble's, or a plain table's) and a rule.
        inset_x = max(self.inset_x + self.rule / 2, sum(values["plain_inset_x_mm"]))
        column = share * (self.text_width - self.rule) - 2 * inset_x - self.rule
        if column <= 0:
            return None
        count = 0
        for text in lines:
            width = text_width_em(text) * size * MM_PER_PT
            count += math.floor(2 * width / column) + 1
        return count * line * MM_PER_PT + spacing + 2 * self.inset_y + self.rule

    def fits(self, heights: Iterable[float | None]) -> bool:
        """Whether cells of these heights, one above the other, surely fit on one page."""
        total = 0.0
        for height in heights:
            if height is None:
                return False
            total += height
        return total <= self.room
