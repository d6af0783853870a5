"""HTML tables as Typst tables, read as the DOCX writer reads them (html_tree.Grid):

- column widths from `<col style="width: N%">` (equal columns without them, as CSS's fixed
  layout gives);
- merged cells (`colspan`, `rowspan`), header rows (<thead>) repeated on every page;
- a row does not split across pages (its cells are unbreakable) unless its table or row is
  marked `splits`; the rows of a `<tbody class="together">` stay on one page: the cell that
  spans them (a stage's label) is unbreakable, which keeps every row it spans together. As
  CSS's `avoid` (and unlike Typst's unbreakable rows, whose overflow is cut off), nothing is
  kept together that is taller than a page: the preamble measures the cells that might be
  (`measure`) and lets the table break when one is;
- shading and bold of header cells, body header cells and total rows, alignment classes.

The fills, strokes and paddings are the preamble's (`pmg-table`, `pmg-fills`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

from ..html_tree import Grid, UnsupportedHtml, classes, column_percentages, table_rows
from ..subset import BLOCK_TAGS, SPLITS_CLASS
from .markup import LONG_WORD

if TYPE_CHECKING:
    from .heights import Heights
    from .markup import Context, MarkupWriter

CELL_ALIGNMENTS = {"number": "right", "center": "center"}
# A cell of fewer words than this, none of them long, is shorter than any page.
TALL_WORDS = 40
INLINE_TEXT_TAGS = frozenset({"td", "th", "strong", "b", "em", "i", "br"})
# Cells whose text stays on one line (CSS's `white-space: nowrap`): numbers, and requirement
# codes (E1-02-RT4) in a requirements table.
NOWRAP = "number"
# ... unless the cell is also a phrase (a band and what it earns): CSS `.number.phrase` wraps it.
WRAPS = "phrase"
NOWRAP_IN = {"requirements": "code"}
# A number's text that no line can break (Unicode's line breaking keeps digits, their
# separators and a percent sign after them together, and Typst breaks no word): kept on one
# line without `pmg-nowrap`, whose `context` and `measure` cost a layout of their own per cell
# (a fifth of a year's compile time, bench/typst_variants.py's plain-nowrap).
_UNBREAKABLE = re.compile(r"[0-9]+(?:[.,][0-9]+)*%?")
# The elements such a cell may hold: text and emphasis, no line break, no image.
_PLAIN_TEXT_TAGS = frozenset({"td", "th", "strong", "b", "em", "i"})
# An element's text and its descendants' (lxml.html's `text_content`, for the plain elements
# of the Typst writer's tree).
_TEXT_CONTENT = etree.XPath("string()")


class _Kept:
    """What of one table Typst must measure before keeping it on a page: the cells and groups
    of rows that heights.py cannot prove shorter than a page (all of them when the table is
    narrower than the page's text, or no bound is known)."""

    def __init__(self, rows, grid: Grid, shares: list[float], heights: Heights | None):
        self.rows, self.grid, self.shares, self.heights = rows, grid, shares, heights
        self.bounds: dict[int, float | None] = {}
        # Where each body row's cells start among the body cells (the grid is row by row).
        self.body = [i for i, p in enumerate(grid.placements) if not rows[p.row][1]]
        self.starts: dict[int, int] = {}
        for number, index in enumerate(self.body):
            self.starts.setdefault(grid.placements[index].row, number)
        self.starts[len(rows)] = len(self.body)
        # Whether anything is left for Typst to measure.
        self.measured = False

    def share(self, placement) -> float:
        return sum(self.shares[placement.column:placement.column + placement.colspan])

    def _bound(self, index: int) -> float | None:
        if index not in self.bounds:
            assert self.heights is not None
            placement = self.grid.placements[index]
            self.bounds[index] = self.heights.cell(placement.element, self.share(placement))
        return self.bounds[index]

    def _fit(self, indices) -> bool:
        return self.heights is not None and self.heights.fits(self._bound(i) for i in indices)

    def cell(self, index: int) -> bool:
        """Whether a kept cell must be measured: one that might be taller than a page."""
        measure = _may_be_tall(self.grid.placements[index].element) and not self._fit([index])
        self.measured = self.measured or measure
        return measure

    def group(self, placement) -> tuple[int, int] | None:
        """The body cells (from, to) of the rows a kept cell spanning rows keeps together, to
        be measured with it, unless they surely fit on a page."""
        rows, starts = self.rows, self.starts
        last = min(placement.row + placement.rowspan, len(rows))
        end = next((starts[r] for r in range(last, len(rows) + 1) if r in starts),
                   len(self.body))
        start = starts[placement.row]
        if self._fit(self.body[start:end]):
            return None
        self.measured = True
        return start, end

    def table(self) -> None:
        """The whole table is kept on one page: measured unless it surely fits."""
        if not self._fit(range(len(self.grid.placements))):
            self.measured = True


class TableWriter:
    def __init__(self, writer: MarkupWriter):
        self.writer = writer

    def write(self, element, context: Context) -> str:
        own = classes(element)
        rows = table_rows(element)
        grid = Grid([(row, is_header) for row, is_header, _group in rows])
        columns, shares = _columns(element, grid)
        splits_table = SPLITS_CLASS in own
        plain = "plain" in own
        cuadro = "cuadro" in own
        cells: list[tuple[bool, list[str], list[str], str]] = []
        # Which cells of each row are <th>, in the order Typst tags them (finish.py).
        self.writer.header_cells.append(
            [[cell.tag == "th" for cell in row] for row, _is_header, _group in rows])
        # Bounds of the cells' heights (heights.py) hold for a table as wide as the page's text.
        kept = _Kept(rows, grid, shares, None if context.narrowed else self.writer.heights)
        nowrap = {NOWRAP, *(NOWRAP_IN[c] for c in own if c in NOWRAP_IN)}
        # Each row's classes, read once for all its cells.
        row_classes = [classes(row) for row, _is_header, _group in rows]
        for index, placement in enumerate(grid.placements):
            _row, is_header, group = rows[placement.row]
            own_row = row_classes[placement.row]
            splits = splits_table or SPLITS_CLASS in own_row
            # A cell that spans a group's rows keeps the group on one page.
            options = _kept_options(kept, index, placement, is_header,
                                    breakable=splits and group is None)
            total = "total" in own_row
            look, content = self.cell(placement, total, plain, cuadro and is_header, nowrap)
            cells.append((is_header, options, look, content))
        parts = [f"columns: ({columns},)"]
        if plain:
            parts.append("plain: true")
        groups = {group for _row, is_header, group in rows if not is_header}
        if groups and None not in groups and len(groups) == 1:
            # One group of rows kept together and no cell spanning it to say so: the whole
            # table is kept on one page.
            parts.append("together: true")
            kept.table()
        if not kept.measured:
            # Nothing kept here can be taller than a page: Typst need not measure.
            parts.append("fits: true")
        written = [(is_header, _written(not kept.measured, is_header, options, look, content))
                   for is_header, options, look, content in cells]
        header = [cell for is_header, cell in written if is_header]
        if header:
            parts.append(f"header: ({', '.join(header)},)")
        parts.extend(cell for is_header, cell in written if not is_header)
        table = f"#pmg-table({', '.join(parts)})"
        if cuadro:
            table = f"#pmg-cuadro[{table}]"
        return table

    def cell(self, placement, total: bool, plain: bool, centred_header: bool,
             nowrap: set[str]) -> tuple[list[str], str]:
        """A cell's options of look (spans, fill, alignment) and its content."""
        element = placement.element
        own = classes(element)
        options = []
        if placement.colspan > 1:
            options.append(f"colspan: {placement.colspan}")
        if placement.rowspan > 1:
            options.append(f"rowspan: {placement.rowspan}")
        header = element.tag == "th"
        if not plain and (header or total):
            options.append(f"fill: pmg-fills.{_fill(header, placement.is_header_row, total)}")
        align = _alignment(own, centred_header)
        if align:
            options.append(f"align: {align}")
        content = self.content(element)
        if own & nowrap and WRAPS not in own and _may_break(element):
            content = f"#pmg-nowrap[{content}]"
        if header:
            content = f"#pmg-th[{content}]"
        return options, content

    def content(self, element) -> str:
        """A cell's inline content, or its blocks (paragraphs, lists) and the space below the
        last one, which CSS keeps inside the cell."""
        from .markup import CELL_CONTEXT

        if len(element) == 0 or not any(child.tag in BLOCK_TAGS for child in element):
            return self.writer.inline(element)
        if (element.text or "").strip() or any(
                child.tag not in BLOCK_TAGS or (child.tail or "").strip() for child in element):
            raise UnsupportedHtml("a table cell mixes inline elements and blocks")
        return self.writer.blocks(element, CELL_CONTEXT) + "\n#pmg-cell-end"


def _written(fits: bool, is_header: bool, kept: list[str], look: list[str],
             content: str) -> str:
    """A cell as Typst code. In a table that may have to be measured, the preamble's
    `pmg-cell` (what keeps it on a page, for `pmg-table` to decide); in one that fits, the
    `table.cell` that `pmg-table` would make of it: Typst evaluates no function per cell."""
    if not fits:
        return f"pmg-cell({', '.join(kept[:1] + look + kept[1:])})[{content}]"
    if "keep: true" in kept and not is_header:
        look = [*look, "breakable: false"]
    return f"table.cell({', '.join(look)})[{content}]"


def _kept_options(kept: _Kept, index: int, placement, is_header: bool,
                  breakable: bool) -> list[str]:
    """A cell's share of the table's width, then what keeps it on a page: the rows it keeps
    together, measured with it (preamble), and whether it is measured itself."""
    options = [f"share: {kept.share(placement):.4f}"]
    if not breakable and not is_header and placement.rowspan > 1:
        measured = kept.group(placement)
        if measured:
            options.append(f"rows: {measured}")
    if not breakable:
        options.append("keep: true")
        if kept.cell(index):
            options.append("measure: true")
    return options


def _columns(element, grid: Grid) -> tuple[str, list[float]]:
    """The table's columns as Typst writes them, and each one's share of the table's width:
    the <col> percentages, else equal columns (as CSS's fixed layout gives)."""
    percentages = column_percentages(element)[:grid.columns]
    if len(percentages) == grid.columns:
        return ", ".join(f"{p}%" for p in percentages), [p / 100 for p in percentages]
    return (", ".join("1fr" for _ in range(grid.columns)),
            [1 / max(grid.columns, 1)] * grid.columns)


def _alignment(own: set[str], centred_header: bool) -> str | None:
    if "stage" in own:
        return "center + horizon"
    if centred_header:
        return "center"
    if not own:
        return None
    return next((CELL_ALIGNMENTS[c] for c in sorted(own) if c in CELL_ALIGNMENTS), None)


def _may_break(element) -> bool:
    """Whether a line could break anywhere in a cell's text (see _UNBREAKABLE)."""
    if len(element) == 0:
        # Text only (most cells): no walk of its elements.
        return _UNBREAKABLE.fullmatch((element.text or "").strip()) is None
    if any(child.tag not in _PLAIN_TEXT_TAGS for child in element.iter()):
        return True
    return _UNBREAKABLE.fullmatch(str(_TEXT_CONTENT(element)).strip()) is None


def _may_be_tall(element) -> bool:
    """Whether a cell could be taller than a page, and must be measured before it is kept on
    one: one with blocks or images, many words, or a word long enough to be broken anywhere."""
    if len(element) == 0:
        # Text only (most cells): no walk of its elements.
        words = (element.text or "").split()
    elif any(child.tag not in INLINE_TEXT_TAGS for child in element.iter()):
        return True
    else:
        words = str(_TEXT_CONTENT(element)).split()
    return len(words) >= TALL_WORDS or max(map(len, words), default=0) >= LONG_WORD


def _fill(header: bool, in_header_row: bool, total: bool) -> str:
    """The preamble's fill of a shaded cell (CSS: th; tbody th; tr.total td, th)."""
    if header and in_header_row:
        return "header"
    return "total" if total else "body-header"
