"""HTML tables as Word tables styled by the reference DOCX's table styles.

The table style ("Tabla PMG") draws borders and padding and shades the header row, the first
column, the total row or every other column; which of those a table shows is Word's "table
style options" (`w:tblLook`), read from the HTML's structure: a <thead>, a first column of <th>,
a last row of class `total`, <th> in every other column. What a style cannot hold is set on the
table itself and documented here:

- column widths (`w:gridCol`, `w:tcW`, `w:tblW`) and merged cells (`w:gridSpan`, `w:vMerge`);
- rows: header rows repeat on each page (`w:tblHeader`) and stay with the first row under them,
  a row does not split across pages (`w:cantSplit`) unless its table or row is marked `splits`,
  and the rows of a `<tbody class="together">` stay on one page (`w:keepNext` on their
  paragraphs: Word has no row-group property);
- a <th> in the body that none of the style options covers is shaded and bold on its own;
- a group's label (class `stage`) is centred down its rows (`w:vAlign`).

The room under a table is a paragraph of its own ("Espacio tras tabla", one point high, the rest
its space after): Word joins two tables that touch. Where the next block is a paragraph whose
space before is at least that room (a heading, a Cuadro's title), Word adds the room's point to
the larger of the two spaces, where CSS and Typst keep only the larger: that paragraph's space
before is one point less (`fold_table_gaps`), so what follows a table starts as low on the page
in every format and the pages break at the same row. (Leaving the room out instead made
LibreOffice 7.4 lose the rows of a table whose headings it could not move to the next page.)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.simpletypes import ST_Merge
from docx.shared import Mm

from ..html_tree import Grid, Placement, column_percentages, table_rows
from ..subset import BLOCK_TAGS, SPLITS_CLASS
from . import styles
from .html import UnsupportedHtml, classes

if TYPE_CHECKING:
    from ...style.model import Style

# A group's label (a stage's) is centred down its rows: a cell property Word keeps outside styles.
MIDDLE_CLASS = "stage"
MM_PER_PT = 25.4 / 72


@dataclass
class Look:
    """Word's table style options, as the HTML's structure asks for them."""

    first_row: bool = False
    last_row: bool = False
    first_column: bool = False
    banded_columns: bool = False

    @classmethod
    def of(cls, grid: Grid, rows) -> "Look":
        body = [r for r, (_row, is_header) in enumerate(rows) if not is_header]
        look = cls(first_row=len(body) < len(rows))
        if not body:
            return look
        look.last_row = "total" in classes(rows[body[-1]][0])
        # Labels beside values (th, td, th, td) are every other column; else a first column of
        # <th> is the first column.
        body_cells = [p for p in grid.placements if not p.is_header_row]
        look.banded_columns = grid.columns > 2 and all(
            p.colspan == 1 and (p.element.tag == "th") == (p.column % 2 == 0)
            for p in body_cells)
        look.first_column = not look.banded_columns and all(
            grid.covering.get((r, 0)) is not None and grid.covering[(r, 0)].element.tag == "th"
            for r in body)
        return look

    def covers(self, placement: Placement) -> bool:
        """Whether the style options shade this <th>."""
        return (placement.is_header_row or self.banded_columns
                or (self.first_column and placement.column == 0))

    def element(self):
        look = OxmlElement("w:tblLook")
        value = ((0x20 if self.first_row else 0) | (0x40 if self.last_row else 0)
                 | (0x80 if self.first_column else 0) | 0x200
                 | (0 if self.banded_columns else 0x400))
        look.set(qn("w:val"), f"{value:04X}")
        for name, on in (("firstRow", self.first_row), ("lastRow", self.last_row),
                         ("firstColumn", self.first_column), ("lastColumn", False),
                         ("noHBand", True), ("noVBand", not self.banded_columns)):
            look.set(qn(f"w:{name}"), "1" if on else "0")
        return look


class TableWriter:
    def __init__(self, blocks, text_width_mm: float, style: Style):
        self.blocks = blocks
        self.document = blocks.document
        # Column widths are percentages of the text width, as in the HTML.
        self.text_width_mm = text_width_mm
        # Shading of a body <th> no style option covers: the style's first-column fill.
        self.loose_header_fill = style.tablas.fondo_destacado
        # The PDF's tables take their column percentages of the text width less one border:
        # half of the outer borders lies outside the table. The DOCX's columns are as wide.
        self.border_mm = style.tablas.borde.grosor * MM_PER_PT

    def write(self, element, container) -> None:
        table_classes = classes(element)
        rows = table_rows(element)
        plain_rows = [(row, is_header) for row, is_header, _group in rows]
        grid = Grid(plain_rows)
        look = Look.of(grid, plain_rows)
        table = container.add_table(rows=len(rows), cols=grid.columns)
        style = next((styles.TABLE_CLASS_STYLES[c] for c in sorted(table_classes)
                      if c in styles.TABLE_CLASS_STYLES), styles.TABLE)
        table.style = self.document.styles[style]
        properties = table._tbl.tblPr
        for old in properties.findall(qn("w:tblLook")):
            properties.remove(old)
        properties.append(look.element())
        table.autofit = False
        row_cells = [row.cells for row in table.rows]
        splits_table = SPLITS_CLASS in table_classes
        for (row_element, is_header, _group), docx_row in zip(rows, table.rows):
            # In the order the schema wants them: cantSplit before tblHeader.
            if not (splits_table or SPLITS_CLASS in classes(row_element)):
                _row_flag(docx_row, "w:cantSplit")
            if is_header:
                _row_flag(docx_row, "w:tblHeader")
        cell_style = styles.LETTER_CELL if style == styles.TABLE_PLAIN else styles.CELL
        for placement in grid.placements:
            cell = _merged(row_cells, placement)
            loose_header = placement.element.tag == "th" and not look.covers(placement)
            if loose_header:
                _shade(cell, self.loose_header_fill)
            if MIDDLE_CLASS in classes(placement.element):
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            self.cell(cell, placement.element, cell_style, bold=loose_header)
        self._widths(element, table, row_cells, grid.columns)
        self._keep_groups(rows, row_cells)
        # Word joins two tables that touch into one; this paragraph keeps them apart and is the
        # room under the table (a table has no spacing of its own in Word). In a cell,
        # python-docx has already put an empty paragraph after the table.
        following = table._tbl.getnext()
        if following is not None and following.tag == qn("w:p") and len(following) == 0:
            following.getparent().remove(following)
        container.add_paragraph(style=self.document.styles[styles.TABLE_GAP])

    def _widths(self, element, table, row_cells, columns: int) -> None:
        widths = []
        base_mm = self.text_width_mm - self.border_mm
        for percent in column_percentages(element):
            widths.append(Mm(base_mm * percent / 100))
        widths = widths[:columns]
        # LibreOffice lays a fixed table out from the grid's widths, Word from the cells':
        # set both, and the table's.
        for index, (column, width) in enumerate(zip(table.columns, widths)):
            column.width = width
            for cells in row_cells:
                cells[index].width = width
        if widths:
            table_width = table._tbl.tblPr.find(qn("w:tblW"))
            table_width.set(qn("w:type"), "dxa")
            table_width.set(qn("w:w"), str(sum(int(w.twips) for w in widths)))

    @staticmethod
    def _keep_groups(rows, row_cells) -> None:
        for index, (_row, is_header, group) in enumerate(rows[:-1]):
            # A header row stays with the first row under it, as CSS's and Typst's do: never
            # alone at the foot of a page (where LibreOffice 7.4, when the next row cannot
            # follow it, loses the table's rows).
            if is_header or (group is not None and rows[index + 1][2] == group):
                for cell in dict.fromkeys(row_cells[index]):
                    for paragraph in cell.paragraphs:
                        paragraph.paragraph_format.keep_with_next = True

    def cell(self, cell, element, cell_style: str, bold: bool) -> None:
        if not any(child.tag in BLOCK_TAGS for child in element):
            paragraph = cell.paragraphs[0]
            paragraph.style = self.document.styles[next(
                (styles.CELL_CLASS_STYLES[c] for c in sorted(classes(element))
                 if c in styles.CELL_CLASS_STYLES), cell_style)]
            self.blocks.inline(paragraph, element, bold=bold)
            return
        if (element.text or "").strip() or any(
                child.tag not in BLOCK_TAGS or (child.tail or "").strip() for child in element):
            raise UnsupportedHtml("a table cell mixes inline elements and blocks")
        cell._tc.remove(cell.paragraphs[0]._p)
        for child in element:
            self.blocks.block(child, cell, self.blocks.cell_context)
        if not cell.paragraphs or cell._tc[-1].tag != qn("w:p"):
            # Word needs a paragraph at the end of every cell.
            cell.add_paragraph(style=self.document.styles[styles.CELL])


def fold_table_gaps(document) -> None:
    """Take the point of each room under a table off the space before of the paragraph that
    follows it, where that space covers the room (see the module's docstring)."""
    from docx.shared import Twips

    gap = document.styles[styles.TABLE_GAP].element
    gap_id = gap.get(qn("w:styleId"))
    line = _spacing(gap, "line")
    room = line + _spacing(gap, "after")
    for paragraph in document.element.body.iter(qn("w:p")):
        before, after = paragraph.getprevious(), paragraph.getnext()
        if (_style_id(paragraph) != gap_id or before is None or before.tag != qn("w:tbl")
                or after is None or after.tag != qn("w:p")):
            continue
        space = _space_before(document, after)
        if space >= room:
            after.get_or_add_pPr().spacing_before = Twips(space - line)


def _style_id(paragraph) -> str | None:
    found = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return None if found is None else found.get(qn("w:val"))


def _spacing(element, side: str) -> int:
    """A paragraph's or paragraph style's own spacing `side` in twips (0 when unset)."""
    found = element.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
    value = None if found is None else found.get(qn(f"w:{side}"))
    return int(value) if value is not None else 0


def _space_before(document, paragraph) -> int:
    """A paragraph's space before in twips: its own, else its style's (or a style it is based
    on)."""
    found = paragraph.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
    if found is not None and found.get(qn("w:before")) is not None:
        return int(found.get(qn("w:before")))
    style_id = _style_id(paragraph)
    style = document.styles.element.get_by_id(style_id) if style_id else None
    while style is not None:
        spacing = style.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
        if spacing is not None and spacing.get(qn("w:before")) is not None:
            return int(spacing.get(qn("w:before")))
        based = style.find(qn("w:basedOn"))
        style = None if based is None else document.styles.element.get_by_id(
            based.get(qn("w:val")))
    return 0


def _shade(cell, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def _row_flag(row, tag: str) -> None:
    flag = OxmlElement(tag)
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def _merged(row_cells, placement: Placement):
    """The cell that spans `placement`'s rows and columns. Rows are joined here, one by one:
    python-docx's `merge` recurses once per row and fails past about 900 (an área of 1 000
    systems in a Cuadro)."""
    first = placement.column
    last = first + placement.colspan - 1
    rows = [row_cells[r] for r in range(placement.row, placement.row + placement.rowspan)]
    cells = [row[first].merge(row[last]) if last > first else row[first] for row in rows]
    if len(cells) > 1:
        cells[0]._tc.vMerge = ST_Merge.RESTART
        for cell in cells[1:]:
            cell._tc.vMerge = ST_Merge.CONTINUE
    return cells[0]
