"""What every writer of the HTML subset (subset.py) reads of the tree alike: classes, text as
HTML collapses it, where each table cell lands in the grid, an image's file, and the error for
HTML outside the subset. The DOCX writer (docx/) and the Typst PDF writer (typst/) both walk the
templates' HTML with these, so they agree on what the HTML says; this module imports neither
writer's library."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from lxml.html import HtmlElement

from .subset import IMAGE_SUFFIXES, TOGETHER_CLASS


class UnsupportedHtml(ValueError):
    """The template emitted HTML outside the subset the writers understand."""


def classes(element) -> set[str]:
    return set((element.get("class") or "").split())


# HTML collapses only ASCII white space: a non-breaking space is content.
_WHITE_SPACE = re.compile(r"[ \t\n\r\f]+")


def collapse(text: str | None) -> str:
    # Compiled once: this runs for every piece of text of every document.
    return _WHITE_SPACE.sub(" ", text) if text else ""


_WIDTH_MM = re.compile(r"width:\s*([\d.]+)mm")
_WIDTH_PERCENT = re.compile(r"width:\s*([\d.]+)%")


def width_mm(element) -> float:
    """An <img>'s width, `style="width: 30mm"`."""
    width = _WIDTH_MM.search(element.get("style") or "")
    if width is None:
        raise UnsupportedHtml("<img> needs its width in millimetres: style=\"width: 30mm\"")
    return float(width.group(1))


def column_percentages(table: HtmlElement) -> list[float]:
    """The widths its <col style="width: N%"> give, in order."""
    found = (_WIDTH_PERCENT.search(col.get("style", "")) for col in table.iter("col"))
    return [float(match.group(1)) for match in found if match]


def image_path(src: str | None, allowed: list[Path]) -> Path:
    """The file an <img src> names, when it lies inside an allowed folder (the templates
    folders) and is a PNG or JPEG; a template cannot put any other file into a document."""
    url = urlparse(src or "")
    path = Path(unquote(url.path)).resolve() if url.scheme == "file" else None
    if path is None or not any(path.is_relative_to(folder.resolve()) for folder in allowed) \
            or not path.is_file():
        raise UnsupportedHtml(f"<img src={src!r}>: an image must be a file beside the "
                              "templates, given with asset(\"name.png\")")
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        raise UnsupportedHtml(f"<img src={src!r}>: an image must be PNG or JPEG")
    return path


# As HTML reads them: a span is a whole number from 1, a column span at most 1000 and a row span
# at most the rows left in the table. A template's `rowspan="1000000000"` would otherwise be paid
# for square by square before anything is laid out.
MAX_COLSPAN = 1000
_LEADING_DIGITS = re.compile(r"\s*(\d+)")


def _span(written: str | None, most: int) -> int:
    if written is None:
        return 1  # most cells: no span written
    match = _LEADING_DIGITS.match(written)
    return max(1, min(int(match.group(1)) if match else 1, most))


@dataclass
class Placement:
    element: HtmlElement
    row: int
    column: int
    rowspan: int
    colspan: int
    is_header_row: bool


class Grid:
    """Where each HTML cell lands in a rectangular grid, honouring colspan and rowspan."""

    def __init__(self, rows: list[tuple[HtmlElement, bool]]) -> None:
        self.placements: list[Placement] = []
        # The cell covering each taken square of the grid (row, column).
        self.covering: dict[tuple[int, int], Placement] = {}
        covering = self.covering
        columns = 0
        # How far each row's taken cells reach (from cells of its own row or spanning into
        # it from above): kept as they are taken, not searched for among the taken squares
        # row by row, which grew as rows times cells.
        reach: dict[int, int] = {}
        for r, (row, is_header) in enumerate(rows):
            c = 0
            for cell in row:
                if cell.tag not in ("td", "th"):
                    raise UnsupportedHtml(f"<{cell.tag}> inside <tr>")
                while (r, c) in covering:
                    c += 1
                rowspan = _span(cell.get("rowspan"), len(rows) - r)
                colspan = _span(cell.get("colspan"), MAX_COLSPAN)
                placement = Placement(cell, r, c, rowspan, colspan, is_header)
                if rowspan == 1 and colspan == 1:
                    # Most cells: one square, no loops.
                    covering[(r, c)] = placement
                    if reach.get(r, 0) < c + 1:
                        reach[r] = c + 1
                else:
                    for dr in range(rowspan):
                        for dc in range(colspan):
                            covering[(r + dr, c + dc)] = placement
                        if colspan > 0:
                            reach[r + dr] = max(reach.get(r + dr, 0), c + colspan)
                self.placements.append(placement)
                c += colspan
            columns = max(columns, c, reach.get(r, 0))
        self.columns = columns


def table_rows(element: HtmlElement) -> list[tuple[HtmlElement, bool, int | None]]:
    """(row, is header, group) for each <tr>; rows of one <tbody class="together"> share a
    group number, other rows have None."""
    rows: list[tuple[HtmlElement, bool, int | None]] = []
    for number, section in enumerate(element):
        if section.tag in ("thead", "tbody"):
            group = number if TOGETHER_CLASS in classes(section) else None
            rows.extend((row, section.tag == "thead", group) for row in section.findall("tr"))
        elif section.tag == "tr":
            rows.append((section, False, None))
        elif section.tag != "colgroup":
            raise UnsupportedHtml(f"<{section.tag}> inside <table>")
    return rows
