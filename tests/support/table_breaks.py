"""Where the pages of a PDF break inside its tables of numbered rows (a work plan's activities),
read from what the PDF draws, so that any PDF can be compared with any other: Typst's,
WeasyPrint's, LibreOffice's of the DOCX.

A row starts where its number stands alone in the first column (left of the column headed
«Actividad», which repeats on every page); a number 1 starts the next table. A row's lines are
the distinct lines of text from its number down to the next row, heading or page foot.

`compare` checks the tolerance the README states («How tables break across pages»): the same
rows break at the same row, and where a row of a page wraps into another number of lines in one
layout (the widths agree to a hundredth of a point, not to the last bit: a line that just fits
in one may not in the other), that page and the pages after it, until both start a page at the
same row again, may end elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTFigure, LTTextContainer

# The header of the column right of the rows' numbers, on every page of a table.
FIRST_TEXT_COLUMN = "Actividad"
FOOTER = "Página "
# Lines of text closer than this (points) are one line.
SAME_LINE = 2.0


@dataclass(frozen=True)
class Row:
    table: int        # 1 for the document's first table of numbered rows
    number: int       # as printed
    page: int
    lines: int        # lines of text the row takes

    @property
    def key(self) -> tuple[int, int]:
        return (self.table, self.number)


def _chars(container):
    for item in container:
        if isinstance(item, LTChar):
            yield item
        elif isinstance(item, (LTFigure, LTTextContainer)):
            yield from _chars(item)


Char = tuple[float, float, float, str]  # top, left, right, the letter


def _text_lines(page) -> list[list[Char]]:
    """The page's lines of text, each its letters from left to right, grouped by their top (not
    by pdfminer's lines, which may join a row's number to the text beside it)."""
    chars = sorted((page.height - c.y1, c.x0, c.x1, c.get_text()) for c in _chars(page))
    lines: list[list[Char]] = []
    for char in chars:
        if lines and char[0] - lines[-1][0][0] < SAME_LINE / 2:
            lines[-1].append(char)
        else:
            lines.append([char])
    return [sorted(line, key=lambda c: c[1]) for line in lines]


def _column(lines: list[list[Char]]) -> float | None:
    """Where the second column's text starts: the left of «Actividad» in a header row."""
    for line in lines:
        text = "".join(c[3] for c in line)
        at = text.find(FIRST_TEXT_COLUMN)
        if at > 0 and text[:at].replace(" ", "") == "N°":
            return line[at][1]
    return None


def rows(pdf: Path) -> list[Row]:
    """Every numbered row of every table, in order."""
    found: list[Row] = []
    table = 0
    for page_number, page in enumerate(extract_pages(pdf), 1):
        lines = _text_lines(page)
        column = _column(lines)
        if column is None:
            continue
        starts, ends = [], []
        for line in lines:
            first = "".join(c[3] for c in line if c[2] < column).strip()
            text = "".join(c[3] for c in line)
            if first.isdigit():
                starts.append((line[0][0], int(first)))
            elif text.startswith(FOOTER) or first:
                # A heading, the next table's header, or the page's foot: the end of a row.
                ends.append(line[0][0])
        for index, (top, number) in enumerate(starts):
            if number == 1:
                table += 1
            below = [e for e in ends if e > top] + [s for s, _n in starts[index + 1:index + 2]]
            end = min(below, default=page.height)
            taken = sum(1 for line in lines if top - SAME_LINE < line[0][0] < end - SAME_LINE
                        and any(c[1] >= column - 1 for c in line))
            found.append(Row(table, number, page_number, taken))
    return found


def compare(a: list[Row], b: list[Row]) -> list[str]:
    """Where two layouts of the same document break their tables otherwise than the tolerance
    allows, as sentences ([] when they agree): a page that starts at the same row in both must
    end at the same row, unless one of its rows takes a different number of lines in each; the
    pages after such a page may break elsewhere until both start a page at the same row."""
    if [r.key for r in a] != [r.key for r in b]:
        return [f"not the same rows: {[r.key for r in a]} / {[r.key for r in b]}"]
    lines_a = {row.key: row.lines for row in a}
    lines_b = {row.key: row.lines for row in b}
    pages_a, pages_b = _pages(a), _pages(b)
    if len(pages_a) != len(pages_b):
        return [f"the rows take {len(pages_a)} / {len(pages_b)} pages"]
    problems = []
    for number, (page_a, page_b) in enumerate(zip(pages_a, pages_b), 1):
        if page_a[0].key != page_b[0].key or page_a[-1].key == page_b[-1].key:
            continue
        wraps = [row.key for row in (*page_a, *page_b) if lines_a[row.key] != lines_b[row.key]]
        if not wraps:
            problems.append(f"page {number} of rows: ends at row {page_a[-1].key} / "
                            f"{page_b[-1].key}, every row on it taking as many lines in both")
    return problems


def _pages(found: list[Row]) -> list[list[Row]]:
    """The rows of each page that holds some, page by page."""
    pages: list[list[Row]] = []
    for row in found:
        if pages and pages[-1][-1].page == row.page:
            pages[-1].append(row)
        else:
            pages.append([row])
    return pages
