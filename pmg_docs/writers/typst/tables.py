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
from .markup import CELL_CONTEXT, LONG_WORD

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
# A cell's markup that is one string literal and nothing else (markup.literal's escapes).
_ONE_LITERAL = re.compile(r'#("(?:[^"\\]|\\.)*")')
# A text shorter than this has neither a long word nor many words (`_may_be_tall`).
_SHORT_TEXT = min(LONG_WORD, TALL_WORDS)
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
        # Where each body row's cells start among the body cells (`_body`, made when a group
        # of rows is first asked about: most tables have none).
        self.body: list[int] | None = None
        self.starts: dict[int, int] = {}
        # Whether anything is left for Typst to measure.
        self.measured = False

    def _body(self) -> list[int]:
        if self.body is None:
            rows, placements = self.rows, self.grid.placements
            self.body = [i for i, p in enumerate(placements) if not rows[p.row][1]]
            for number, index in enumerate(self.body):
                self.starts.setdefault(placements[index].row, number)
            self.starts[len(rows)] = len(self.body)
        return self.body

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

    def fits_cell(self, index: int) -> bool:
        """Whether a kept cell surely fits on a page (else it must be measured, when it might
        be taller than one: TableWriter.write asks `_may_be_tall` first)."""
        return self._fit((index,))

    def group(self, placement) -> tuple[int, int] | None:
        """The body cells (from, to) of the rows a kept cell spanning rows keeps together, to
        be measured with it, unless they surely fit on a page."""
        body = self._body()
        rows, starts = self.rows, self.starts
        last = min(placement.row + placement.rowspan, len(rows))
        end = next((starts[r] for r in range(last, len(rows) + 1) if r in starts), len(body))
        start = starts[placement.row]
        if self._fit(body[start:end]):
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
        # A cell's look (`_look`) by what decides it, for each kind of table of the document
        # (plain, a Cuadro, which classes keep a cell on one line): tables repeat a few.
        self.looks: dict[tuple, dict[tuple, tuple[str, bool, bool]]] = {}

    def write(self, element, context: Context) -> str:
        """The table as Typst code: Typst's `table` in place when nothing kept in it can be
        taller than a page, else a call of the preamble's `pmg-table`, which measures what
        might be. One pass over the cells: what a cell's classes decide (fill, alignment,
        whether it stays on one line) is worked out once per document for each kind of cell,
        not for each cell (tables repeat a few)."""
        own = classes(element)
        rows = table_rows(element)
        grid = Grid([(row, is_header) for row, is_header, _group in rows])
        if grid.columns == 0:
            # No cell at all (a template's loop that gave no rows): nothing to show, as the
            # HTML shows nothing; Typst has no table of no columns. Nor is it a table Typst
            # tags, so finish.py is not told of it.
            return ""
        columns, shares = _columns(element, grid)
        plain = "plain" in own
        cuadro = "cuadro" in own
        # Which cells of each row are <th>, in the order Typst tags them (finish.py).
        self.writer.header_cells.append(
            [[cell.tag == "th" for cell in row] for row, _is_header, _group in rows])
        # Bounds of the cells' heights (heights.py) hold for a table as wide as the page's text.
        kept = _Kept(rows, grid, shares, None if context.narrowed else self.writer.heights)
        nowrap = frozenset({NOWRAP, *(NOWRAP_IN[c] for c in own if c in NOWRAP_IN)})
        cells = self._cells(grid, kept, _row_looks(rows, SPLITS_CLASS in own),
                            (plain, cuadro, nowrap))
        groups = {group for _row, is_header, group in rows if not is_header}
        # One group of rows kept together and no cell spanning it to say so: the whole table
        # is kept on one page.
        together = bool(groups) and None not in groups and len(groups) == 1
        if together:
            kept.table()
        fits = not kept.measured
        header_cells, body_cells = _written(cells, kept, fits)
        if fits:
            # Nothing kept here can be taller than a page: Typst need not measure, and the
            # table is written in place as the preamble's `pmg-table` would make it.
            table = _table_in_place(columns, plain, together, header_cells, body_cells)
        else:
            parts = [f"columns: ({columns},)"]
            if plain:
                parts.append("plain: true")
            if together:
                parts.append("together: true")
            if header_cells:
                parts.append(f"header: ({', '.join(header_cells)},)")
            parts.extend(body_cells)
            table = f"#pmg-table({', '.join(parts)})"
        if cuadro:
            table = f"#pmg-cuadro[{table}]"
        return table

    def _cells(self, grid: Grid, kept: _Kept, row_looks: list[tuple[bool, bool]],
               kind: tuple[bool, bool, frozenset[str]]) -> list[tuple]:
        """Each cell in grid order: (placement, in a header row, options of look, kept on a
        page, the rows it keeps together, measured, content as markup, content as an
        expression or None). `kind`: the table's (plain, a Cuadro, the classes that keep a cell
        on one line)."""
        plain, cuadro, nowrap = kind
        looks = self.looks.setdefault(kind, {})
        cells = []
        for index, placement in enumerate(grid.placements):
            cell = placement.element
            is_header = placement.is_header_row
            breakable, total = row_looks[placement.row]
            rows_kept, measure = (None, False) if breakable else _keeping(kept, index, placement)
            # A cell's look by what decides it: its class attribute, its tag, its row's kind.
            key = (cell.get("class"), cell.tag, is_header, total)
            look = looks.get(key)
            if look is None:
                look = looks[key] = _look(cell, is_header, total, plain, cuadro and is_header,
                                          nowrap)
            options, nowrap_cell, header = look
            if placement.colspan > 1 or placement.rowspan > 1:
                options = _spans(placement, options)
            content = self.content(cell)
            # A content of one string literal (most cells' text) as an expression as well.
            single = _ONE_LITERAL.fullmatch(content)
            code = single.group(1) if single else None
            if nowrap_cell and _may_break(cell):
                content = f"#pmg-nowrap[{content}]"
                code = code and f"pmg-nowrap({code})"
            if header:
                content = f"#pmg-th[{content}]"
                code = code and f"pmg-th({code})"
            cells.append((placement, is_header, options, not breakable, rows_kept, measure,
                          content, code))
        return cells

    def content(self, element) -> str:
        """A cell's inline content, or its blocks (paragraphs, lists) and the space below the
        last one, which CSS keeps inside the cell."""
        if len(element) == 0:
            # Text only (most cells): its markup as MarkupWriter.inline makes it, once per
            # document for each text.
            written = self.writer.text_markup.get(element.text)
            return self.writer.inline(element) if written is None else written
        if not any(child.tag in BLOCK_TAGS for child in element):
            return self.writer.inline(element)
        if (element.text or "").strip() or any(
                child.tag not in BLOCK_TAGS or (child.tail or "").strip() for child in element):
            raise UnsupportedHtml("a table cell mixes inline elements and blocks")
        return self.writer.blocks(element, CELL_CONTEXT) + "\n#pmg-cell-end"


def _table_in_place(columns: str, plain: bool, together: bool, header_cells: list[str],
                    body_cells: list[str]) -> str:
    """A table Typst need not measure as Typst's own `table` of `table.cell`s in a `block`,
    the preamble's options of a ruled or plain table spread into them (`pmg-ruled-block`,
    `pmg-ruled`): what `pmg-table` makes of it, without a function evaluated per table."""
    kind = "plain" if plain else "ruled"
    cells = ([f"table.header(repeat: true, {', '.join(header_cells)})"] if header_cells
             else []) + body_cells
    table = f"table(columns: ({columns},), ..pmg-{kind}, {', '.join(cells)})"
    if together:
        table = f"block(breakable: false, {table})"
    return f"#block(..pmg-{kind}-block, {table})"


def _row_looks(rows, splits_table: bool) -> list[tuple[bool, bool]]:
    """Each row's classes, read once for all its cells: whether its cells may break across
    pages (not when a cell spanning a group's rows keeps the group on one page), and whether
    it is a total row."""
    found = []
    for row, _is_header, group in rows:
        own_row = classes(row)
        found.append(((splits_table or SPLITS_CLASS in own_row) and group is None,
                      "total" in own_row))
    return found


def _keeping(kept: _Kept, index: int, placement) -> tuple[tuple[int, int] | None, bool]:
    """What keeps a cell that does not break on a page: the body cells of the rows it keeps
    together, to be measured with it (a cell spanning body rows), and whether it is measured
    itself (when it might be taller than a page)."""
    rows = None
    if not placement.is_header_row and placement.rowspan > 1:
        rows = kept.group(placement)
    measure = _may_be_tall(placement.element) and not kept.fits_cell(index)
    if measure:
        kept.measured = True
    return rows, measure


def _written(cells: list[tuple], kept: _Kept, fits: bool) -> tuple[list[str], list[str]]:
    """The header cells and the body cells as Typst code."""
    header_cells: list[str] = []
    body_cells: list[str] = []
    for placement, is_header, options, keep, rows_kept, measure, content, code in cells:
        if fits:
            # The `table.cell` that `pmg-table` would make of a `pmg-cell`: Typst evaluates
            # no function per cell.
            if keep and not is_header:
                options = f"{options}, breakable: false" if options else "breakable: false"
            if code is None:
                written = f"table.cell({options})[{content}]"
            else:
                # Its text as an argument, not a content block holding it (`[#"…"]`): the
                # same cell, which Typst parses and evaluates as one value, not as markup.
                written = f"table.cell({options}, {code})" if options else f"table.cell({code})"
        else:
            # The preamble's `pmg-cell`, for `pmg-table` to decide what to keep.
            written = _measured_cell(kept.share(placement), options, keep, rows_kept, measure,
                                     content)
        (header_cells if is_header else body_cells).append(written)
    return header_cells, body_cells


def _look(cell, is_header_row: bool, total: bool, plain: bool, centred_header: bool,
          nowrap: frozenset[str]) -> tuple[str, bool, bool]:
    """What a cell's classes, tag and row decide: its options of look (fill, alignment)
    joined, whether it stays on one line (if its text could break), whether it is a header
    cell (bold)."""
    own = classes(cell)
    options = []
    header = cell.tag == "th"
    if not plain and (header or total):
        options.append(f"fill: pmg-fills.{_fill(header, is_header_row, total)}")
    align = _alignment(own, centred_header)
    if align:
        options.append(f"align: {align}")
    return ", ".join(options), bool(own & nowrap) and WRAPS not in own, header


def _spans(placement, options: str) -> str:
    """A merged cell's spans before its other options of look."""
    spans = []
    if placement.colspan > 1:
        spans.append(f"colspan: {placement.colspan}")
    if placement.rowspan > 1:
        spans.append(f"rowspan: {placement.rowspan}")
    if options:
        spans.append(options)
    return ", ".join(spans)


def _measured_cell(share: float, look: str, keep: bool, rows: tuple[int, int] | None,
                   measure: bool, content: str) -> str:
    """A cell of a table Typst may have to measure, as the preamble's `pmg-cell`: its share of
    the table's width, its look, then what keeps it on a page: the rows it keeps together,
    measured with it (preamble), and whether it is measured itself."""
    options = [f"share: {share:.4f}"]
    if look:
        options.append(look)
    if rows:
        options.append(f"rows: {rows}")
    if keep:
        options.append("keep: true")
        if measure:
            options.append("measure: true")
    return f"pmg-cell({', '.join(options)})[{content}]"


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
        # Text only (most cells): no walk of its elements; none this short has a long word or
        # many words.
        text = element.text or ""
        if len(text) < _SHORT_TEXT:
            return False
        words = text.split()
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
