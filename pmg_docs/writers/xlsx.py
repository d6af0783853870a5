"""Workbooks (openpyxl) as reproducible bytes, and sheets laid out as staff expect a table.

openpyxl stamps the save time into the workbook's properties and its zip entries; a document
pmg-docs writes must be the same bytes for the same inputs, so both are fixed here. A table
sheet has a bold, filled, frozen header row, an autofilter over the table, widths that fit the
headings, and a number format for every numeric column: numbers stay numbers.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from .zips import fixed_zip_times

# The same fixed time as the zip entries (writers/zips.py: 2000-01-01).
FIXED_TIME = datetime(2000, 1, 1)
HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")

PERCENT = "0.00%"   # a fraction shown as a percentage: 0.9 -> 90.00%
DECIMAL = "#,##0.00"
INTEGER = "#,##0"
TEXT = "@"
# The most characters a cell holds: Excel's limit, at which openpyxl cuts a longer text.
CELL_CHARACTERS = 32_767


@dataclass(frozen=True)
class Column:
    header: str
    number_format: str | None = None  # None: text
    width: float | None = None


def new_workbook() -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    return workbook


def append_row(sheet: Worksheet, values) -> None:
    """Append `values` as a row, every text as text. openpyxl takes a text beginning with `=`
    for a formula, and a spreadsheet would then evaluate a service named
    `=HYPERLINK("http://…")`; such a cell is set back to a string, which openpyxl writes as an
    inline string (`t="inlineStr"`, no `<f>`). Texts beginning with `+`, `-`, `@`, a tab or a
    line end are strings already: a formula is only ever read from an `<f>` element."""
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        if cell.data_type == "f":
            cell.data_type = "s"


def add_table(workbook: Workbook, title: str, columns: list[Column], rows) -> None:
    """A sheet named `title` holding a table: header row, then `rows` (sequences of values)."""
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append([c.header for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    count = 0
    for row in rows:
        append_row(sheet, row)
        count += 1
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width or max(12, len(column.header) + 2)
        if column.number_format:
            for (cell,) in sheet.iter_rows(min_row=2, max_row=count + 1, min_col=index,
                                           max_col=index):
                cell.number_format = column.number_format
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"


def workbook_bytes(workbook: Workbook) -> bytes:
    """The workbook's bytes, with no clock time in them."""
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    workbook.properties.creator = "pmg-docs"
    buffer = io.BytesIO()
    # ExcelWriter directly: openpyxl's save_workbook would stamp the save time first.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(workbook, archive).save()
    return fixed_zip_times(buffer.getvalue())

