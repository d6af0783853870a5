"""Flaws a reader sees on a page, found in any PDF (WeasyPrint's, Typst's, or LibreOffice's of
the DOCX): the checks read only what is drawn, so they take whichever PDF they are given.

* text cut by a table's border: a letter whose box a drawn vertical rule crosses (the rule runs
  through it), or that lies past the page's right edge;
* a letter's closing alone at the top of a page, away from its last paragraph;
* a title's number left alone at the start of a line ("…GESTIÓN AÑO" / "2024").
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTCurve, LTFigure, LTLine, LTRect, LTTextContainer

# A rule at most this wide is a border line, not a shaded box (points).
_RULE = 2.0
# How far into a letter a rule must run to cut it (points): a rule that only touches a letter's
# side bearing is not a cut.
_INTO = 1.0


def _items(container):
    """The drawn lines and boxes of a page, and each line of text as the list of its letters."""
    for item in container:
        if isinstance(item, LTFigure):
            yield from _items(item)
        elif isinstance(item, LTTextContainer):
            for line in item:
                yield [char for char in line if isinstance(char, LTChar)]
        else:
            yield item


def cut_letters(pdf: Path) -> list[str]:
    """Every place where a vertical border runs through a letter or between two letters of one
    word (text running out of its cell), or a letter lies past the page's right edge, as
    `page N: «text around it»`."""
    found = []
    for number, page in enumerate(extract_pages(pdf), 1):
        items = list(_items(page))
        rules = [i for i in items if isinstance(i, (LTLine, LTRect, LTCurve))
                 and i.width <= _RULE and i.height > 4]
        for line in (i for i in items if isinstance(i, list)):
            for index, char in enumerate(line):
                after = line[index + 1] if index + 1 < len(line) else None
                # The span a border must not cross: the letter itself, and the join to the next
                # letter of the same word.
                right = after.x0 + _INTO if after is not None and after.get_text().strip() \
                    and char.get_text().strip() and after.x0 - char.x1 < 0.5 else char.x1 - _INTO
                middle = (char.y0 + char.y1) / 2
                crossed = char.get_text().strip() and any(
                    char.x0 + _INTO < (rule.x0 + rule.x1) / 2 < right
                    and rule.y0 < middle < rule.y1 for rule in rules)
                if crossed or char.x1 > page.width:
                    around = "".join(c.get_text() for c in line[max(0, index - 12):index + 4])
                    found.append(f"page {number}: «{around}»")
    return found


def pages_text(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def lone_closing(pdf: Path, closing: str) -> str | None:
    """The page on which a letter's closing stands with no line of the letter before it (a
    running header, the same first line on every page, does not count)."""
    pages = [[line.strip() for line in page.splitlines() if line.strip()]
             for page in pages_text(pdf)]
    firsts = {lines[0] for lines in pages if lines}
    header = firsts.pop() if len(pages) > 1 and len(firsts) == 1 else None
    for number, lines in enumerate(pages, 1):
        if closing not in lines:
            continue
        if not [line for line in lines[:lines.index(closing)] if line != header]:
            return f"page {number}: «{closing}» is the first line"
    return None


# A line that ends with the word a title's number belongs to, and the next line that starts
# with that number.
_NUMBER_WORD = re.compile(r"(?:AÑO|Año|año|N°)$")
_STARTS_WITH_NUMBER = re.compile(r"^\d")


def numbers_left_alone(pdf: Path) -> list[str]:
    """Lines of the first page that end with «AÑO» or «N°» while the next starts with its number."""
    lines = [line.strip() for line in pages_text(pdf)[0].splitlines() if line.strip()]
    return [f"«{a}» / «{b}»" for a, b in zip(lines, lines[1:])
            if _NUMBER_WORD.search(a) and _STARTS_WITH_NUMBER.match(b)]
