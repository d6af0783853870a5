"""`pmg export`: a year's formulations and results as a workbook that `pmg import xlsx` reads back.

Every format with a workbook form (kinds.py, `Format.workbook`) is laid out from its model
(models/tabular.py): one sheet per list of the model, one row per item, each row naming the
file it belongs to (`Archivo`, relative to the exported folder) and its parents by their ids.
The sheet that lists the files (Servicios, Informes) is shared by every format of a kind.

What makes it a workbook an Excel user can edit:
- beside every id of the catalog, its name (a VLOOKUP into the hidden sheet «Listas», so it
  follows the id), and on the id a dropdown of the catalog's ids (a warning, not a refusal: a
  name typed instead is read as its id);
- a dropdown on every choice and yes/no cell;
- a target's value that numerator and denominator give is the formula that gives it
  (`=ROUND(E2/F2*100,1)`), read back as its value;
- a system's weight once, on its row of «Sistemas»; its stage objectives' weights on «Etapas».
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from .. import kinds
from ..diagnostics import Diagnostic, InputError, display_name
from ..i18n import _, ngettext
from ..load import CatalogRegistry, Document
from ..models.catalog import Catalog
from ..models.indicator import SCALE_FACTORS
from ..models.tabular import (
    CHOICE,
    DATE,
    FLAG,
    INTEGER,
    LINES,
    MAPPING_KEY,
    NUMBER,
    TEXT,
    Table,
    as_rows,
    cell_values,
    get,
    tables,
)
from ..models.tabular import Column as Field
from .xlsx import (
    CELL_CHARACTERS,
    DECIMAL,
    Column,
    add_table,
    append_row,
    new_workbook,
    workbook_bytes,
)

YES, NO = "Sí", "No"
FILE_HEADER = "Archivo"
LISTS_SHEET = "Listas"

# How a header of a sheet is filled: the file; a parent's key (`parent`, level) or its name;
# the item's own field or its name; an expanded list's N° and value.
FILE, PARENT, PARENT_NAME, OWN, OWN_NAME, NUMBER_OF, VALUE = (
    "file", "parent", "parent-name", "own", "own-name", "number", "value")


@dataclass(frozen=True)
class Header:
    title: str
    role: str
    column: Field | None = None
    level: int = 0


@dataclass
class Sheet:
    """A sheet of the workbook: its title, the tables (one per format; several only for the
    sheet listing a kind's files) and its headers."""

    title: str
    kind: str
    formats: list[str]
    table: Table
    headers: list[Header] = field(default_factory=list)

    @property
    def is_root(self) -> bool:
        return not self.table.path


def _name_title(column: Field) -> str:
    return _("{column} (nombre)").format(column=column.title)


def _headers(table: Table, columns: list[Field]) -> list[Header]:
    headers = [Header(_(FILE_HEADER), FILE)]
    for level, parent in enumerate(table.parents):
        headers.append(Header(parent.title, PARENT, parent, level))
        if parent.catalog_list:
            headers.append(Header(_name_title(parent), PARENT_NAME, parent, level))
    for column in columns:
        headers.append(Header(column.title, OWN, column))
        if column.catalog_list:
            headers.append(Header(_name_title(column), OWN_NAME, column))
    if table.expanded is not None:
        headers.append(Header(table.expanded.number_title, NUMBER_OF))
        headers.append(Header(table.expanded.column.title, VALUE, table.expanded.column))
    return headers


def layout() -> list[Sheet]:
    """Every sheet a workbook may have, in order: each kind's list of files, then each format's
    sheets."""
    sheets: dict[str, Sheet] = {}
    for kind_name, kind in kinds.KINDS.items():
        for fmt in kind.formats.values():
            if fmt.workbook is None or fmt.model is None:
                continue
            for table in tables(fmt.model.load(), fmt.workbook):
                sheet = sheets.get(table.title)
                if sheet is None:
                    sheets[table.title] = Sheet(table.title, kind_name, [fmt.name], table)
                elif sheet.is_root and not table.path and sheet.kind == kind_name:
                    sheet.formats.append(fmt.name)
                    known = {c.path for c in sheet.table.columns}
                    extra = tuple(c for c in table.columns if c.path not in known)
                    sheet.table = Table((), sheet.title, sheet.table.model, (),
                                        sheet.table.columns + extra)
                else:
                    raise TypeError(f"two formats name the sheet «{table.title}»")
    for sheet in sheets.values():
        sheet.headers = _headers(sheet.table, list(sheet.table.columns))
    return list(sheets.values())


def sheet_of(kind: str, fmt: str, path: tuple[str, ...]) -> Sheet:
    return next(s for s in layout() if s.kind == kind and fmt in s.formats
                and s.table.path == path)


# The indicator a row's target is of: how numerator and denominator make it -------------------

def indicator_scale(item: dict, catalog: Catalog) -> tuple[int, int] | None:
    """(factor, decimals) of the indicator a row is about: its own definition, the row itself
    (an indicator defined where it is committed), or the catalog's indicator it names."""
    for fields in (item.get("definition"), item if "name" in item else None):
        if isinstance(fields, dict):
            return (SCALE_FACTORS[fields.get("scale") or "percent"],
                    int(fields.get("target_decimals", 2)))
    ident = item.get("indicator")
    indicator = catalog.indicator(ident) if isinstance(ident, str) else None
    if indicator is None:
        return None
    return indicator.factor, indicator.target_decimals


def excel_round(value: float, decimals: int) -> float:
    """Excel's ROUND (halves away from zero), on the number as Python prints it."""
    rounded = Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    result = float(rounded)
    return int(result) if result.is_integer() else result


def target_formula(numerator_ref: str, denominator_ref: str, factor: int, decimals: int) -> str:
    return f"=ROUND({numerator_ref}/{denominator_ref}*{factor},{decimals})"


# Rows ------------------------------------------------------------------------------------------

def items_at(data: dict, path: tuple[str, ...], parents: tuple[dict, ...] = ()
             ) -> Iterator[tuple[tuple[dict, ...], dict]]:
    """(the items above, the item) of every item at the list path `path` of `data`."""
    if not path:
        yield parents, data
        return
    for entry in as_rows(data.get(path[0])):
        if len(path) == 1:
            yield parents, entry
        else:
            yield from items_at(entry, path[1:], (*parents, entry))


@dataclass
class _Row:
    values: list[Any]
    catalog: Catalog
    item: dict
    # The item whose indicator says how a target of the row is computed: the row's own, or,
    # on a series' sheet, the result the period is of.
    measured: dict | None = None


def _row_values(sheet: Sheet, name: str, parents: tuple[dict, ...], item: dict,
                catalog: Catalog) -> list[list[Any]]:
    own = dict(zip([c.path for c in sheet.table.columns], cell_values(sheet.table, item)))
    out: list[Any] = []
    for header in sheet.headers:
        if header.role == FILE:
            out.append(name)
        elif header.role == PARENT:
            assert header.column is not None
            out.append(get(parents[header.level], header.column.path))
        elif header.role == OWN:
            assert header.column is not None
            value = own[header.column.path]
            if header.column.kind == FLAG and value is not None:
                value = _(YES) if value else _(NO)
            out.append(value)
        else:
            out.append(None)  # names (formulas, set once the sheet exists), N° and value
    expanded = sheet.table.expanded
    if expanded is None:
        return [out]
    numbers = item.get(expanded.field) or []
    if not numbers:
        return [out]
    rows = []
    for number, value in enumerate(numbers, start=1):
        row = list(out)
        row[-2], row[-1] = number, value
        rows.append(row)
    return rows


def _too_long(document: Document[Any], sheet: Sheet, item_path: tuple, item: dict
              ) -> Iterator[Diagnostic]:
    """What a cell cannot hold: a text longer than Excel's cells, a line end inside one item of
    a list written one item per line."""
    for column in sheet.table.columns:
        value = get(item, column.path)
        if isinstance(value, str) and len(value) > CELL_CHARACTERS:
            yield document.diagnostic((*item_path, *column.path), _(
                "tiene {count} caracteres, más que los {limit} de una celda de Excel; se espera "
                "un texto más corto para exportarlo").format(count=len(value),
                                                            limit=CELL_CHARACTERS))
        if column.kind == LINES and isinstance(value, list):
            for k, line in enumerate(value):
                if "\n" in line:
                    yield document.diagnostic((*item_path, *column.path, k), _(
                        "tiene un salto de línea; en el libro cada línea de la celda es un "
                        "elemento de la lista: se espera un texto de una línea"))


def _item_paths(data: dict, path: tuple[str, ...], prefix: tuple = ()) -> Iterator[tuple]:
    if not path:
        yield prefix
        return
    for index, entry in enumerate(as_rows(data.get(path[0]))):
        # A series' row is its field (the period), not a position.
        here = (*prefix, path[0], entry.get(MAPPING_KEY, index))
        if len(path) == 1:
            yield here
        else:
            yield from _item_paths(entry, path[1:], here)


def _document_sheets(document: Document[Any]) -> list[Sheet]:
    fmt = document.format
    assert fmt is not None
    return [s for s in layout() if s.kind == document.kind and fmt.name in s.formats]


def unexportable(document: Document[Any]) -> list[Diagnostic]:
    """Why the document cannot go into the workbook as it is; empty when it can."""
    data = document.model.model_dump(mode="python")
    problems: list[Diagnostic] = []
    for sheet in _document_sheets(document):
        for item_path, (_parents, item) in zip(_item_paths(data, sheet.table.path),
                                               items_at(data, sheet.table.path)):
            problems += _too_long(document, sheet, item_path, item)
    return problems


# The workbook ----------------------------------------------------------------------------------

# A date in the ISO order YAML writes it, a date cell Excel sorts and filters as one.
DATE_FORMAT = "yyyy-mm-dd"
NUMBER_FORMATS = {NUMBER: DECIMAL, INTEGER: "0", TEXT: "@", LINES: "@", CHOICE: "@",
                  DATE: DATE_FORMAT}


@dataclass
class _Lists:
    """The hidden sheet of the catalogs' ids and names that dropdowns and names read."""

    columns: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)
    ranges: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)

    def range_of(self, catalog: Catalog, list_name: str) -> tuple[str, str] | None:
        """(ids range, ids-and-names range) of a catalog's list, added when first asked."""
        key = (catalog.id, list_name)
        if key not in self.ranges:
            entries = [(e.id, e.name) for e in getattr(catalog, list_name)]
            if not entries:
                return None
            first = get_column_letter(2 * len(self.columns) + 1)
            second = get_column_letter(2 * len(self.columns) + 2)
            self.columns.append((f"{catalog.id} {list_name}", entries))
            end = len(entries) + 1
            sheet = quote_sheetname(_(LISTS_SHEET))
            self.ranges[key] = (f"{sheet}!${first}$2:${first}${end}",
                                f"{sheet}!${first}$2:${second}${end}")
        return self.ranges.get(key)


def _validation(formula: str, message: str) -> DataValidation:
    return DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=True,
                          errorStyle="warning", errorTitle=_("Valor fuera de la lista"),
                          error=message)


def _spans(rows: list[int]) -> str:
    """`[2, 3, 4, 7]` -> row spans `2:4 7:7` as pairs for one column's ranges."""
    spans: list[tuple[int, int]] = []
    for row in sorted(rows):
        if spans and spans[-1][1] == row - 1:
            spans[-1] = (spans[-1][0], row)
        else:
            spans.append((row, row))
    return " ".join(f"{a}:{b}" for a, b in spans)


def _ranges(letter: str, rows: list[int]) -> str:
    return " ".join(f"{letter}{a}:{letter}{b}" for a, b in
                    (tuple(map(int, s.split(":"))) for s in _spans(rows).split()))


def _add_ranges(validation: DataValidation, ranges: str) -> None:
    # One range at a time: openpyxl reads what `add` is given as a single range.
    for cells in ranges.split():
        validation.add(cells)


def _finish_sheet(worksheet, sheet: Sheet, rows: list[_Row], lists: _Lists) -> None:
    """Names, dropdowns and target formulas, once the sheet's values are in place."""
    letters = {id(h): get_column_letter(i) for i, h in enumerate(sheet.headers, start=1)}
    by_path = {h.column.path: h for h in sheet.headers if h.role == OWN and h.column}
    dropdowns: dict[tuple[str, str], list[int]] = {}
    for number, row in enumerate(rows, start=2):
        for index, header in enumerate(sheet.headers):
            column = header.column
            if header.role in (PARENT_NAME, OWN_NAME) and column and column.catalog_list:
                ranges = lists.range_of(row.catalog, column.catalog_list)
                id_letter = get_column_letter(index)  # the id is the column before its name
                if ranges is not None:
                    worksheet.cell(number, index + 1).value = (
                        f'=IFERROR(VLOOKUP({id_letter}{number},{ranges[1]},2,FALSE),"")')
            if header.role in (PARENT, OWN) and column and column.catalog_list:
                ranges = lists.range_of(row.catalog, column.catalog_list)
                if ranges is not None:
                    dropdowns.setdefault((letters[id(header)], ranges[0]), []).append(number)
        _target_formulas(worksheet, by_path, letters, number, row)
    for (letter, source), numbers in dropdowns.items():
        validation = _validation(source, _(
            "No es un id de la lista del catálogo. pmg import lo lee si es el nombre de uno; "
            "si no, dice qué escribir."))
        _add_ranges(validation, _ranges(letter, numbers))
        worksheet.add_data_validation(validation)
    for header in sheet.headers:
        column = header.column
        choices = column.choices if column and header.role == OWN and column.kind == CHOICE \
            else (_(YES), _(NO)) if column and header.role == OWN and column.kind == FLAG else ()
        if choices and rows:
            validation = _validation('"' + ",".join(choices) + '"', _(
                "Se espera uno de: {choices}.").format(choices=", ".join(choices)))
            letter = letters[id(header)]
            validation.add(f"{letter}2:{letter}{len(rows) + 1}")
            worksheet.add_data_validation(validation)


def _target_formulas(worksheet, by_path: dict, letters: dict, number: int, row: _Row) -> None:
    """Each target value that its numerator and denominator give, as the formula that gives
    it; a value stated otherwise (or alone) stays the number typed."""
    for path, header in by_path.items():
        if path[-1] != "value" or (len(path) < 2 and row.measured is None):
            continue
        group = path[:-1]
        numerator, denominator = by_path.get((*group, "numerator")), \
            by_path.get((*group, "denominator"))
        target = get(row.item, group) if group else row.item
        scale = indicator_scale(row.measured or row.item, row.catalog)
        if numerator is None or denominator is None or not isinstance(target, dict) \
                or scale is None:
            continue
        n, d, value = target.get("numerator"), target.get("denominator"), target.get("value")
        if n is None or not d or value is None:
            continue
        factor, decimals = scale
        if excel_round(n / d * factor, decimals) != value:
            continue
        worksheet[f"{letters[id(header)]}{number}"] = target_formula(
            f"{letters[id(numerator)]}{number}", f"{letters[id(denominator)]}{number}",
            factor, decimals)


def export_workbook(documents: list[tuple[str, Document[Any]]]) -> bytes:
    """The workbook of `documents`: (file name as written under `Archivo`, loaded document),
    each exportable (`unexportable` empty)."""
    rows: dict[str, list[_Row]] = {}
    for name, document in documents:
        data = document.model.model_dump(mode="python")
        for sheet in _document_sheets(document):
            for parents, item in items_at(data, sheet.table.path):
                for values in _row_values(sheet, name, parents, item, document.catalog):
                    rows.setdefault(sheet.title, []).append(_Row(
                        values, document.catalog, item,
                        parents[-1] if sheet.table.mapping and parents else None))
    # Every sheet of a format the workbook holds, an empty one too: where the user adds what
    # the sources do not have yet (a series, another weight), and what import expects.
    present = {(document.kind, document.format.name) for _name, document in documents
               if document.format is not None}
    workbook = new_workbook()
    lists = _Lists()
    for sheet in layout():
        if not any((sheet.kind, f) in present for f in sheet.formats):
            continue
        rows.setdefault(sheet.title, [])
        columns = [Column(h.title, _format(h), width=_width(h)) for h in sheet.headers]
        add_table(workbook, sheet.title, columns, [r.values for r in rows[sheet.title]])
        _finish_sheet(workbook[sheet.title], sheet, rows[sheet.title], lists)
    if lists.columns:
        listing = workbook.create_sheet(_(LISTS_SHEET))
        listing.sheet_state = "hidden"
        append_row(listing, [value for title, _entries in lists.columns
                             for value in (title, _("nombre"))])
        # A catalog's names are text, even one that begins with "=" (append_row's rule).
        for number in range(max(len(e) for _t, e in lists.columns)):
            append_row(listing, [value for _title, entries in lists.columns
                                 for value in (entries[number] if number < len(entries)
                                               else (None, None))])
    # A workbook openpyxl writes holds no computed values: Excel and LibreOffice compute the
    # names and targets when they open it.
    workbook.calculation.fullCalcOnLoad = True
    return workbook_bytes(workbook)


def _format(header: Header) -> str | None:
    if header.role in (NUMBER_OF,):
        return "0"
    if header.role in (OWN, PARENT, VALUE) and header.column is not None:
        return NUMBER_FORMATS.get(header.column.kind)
    return None


def _width(header: Header) -> float | None:
    if header.role == FILE or header.role in (PARENT_NAME, OWN_NAME):
        return 30
    if header.column is not None and header.column.kind in (TEXT, LINES) \
            and header.role in (OWN, PARENT):
        return 26
    return None


# What a folder holds ---------------------------------------------------------------------------

WORKBOOK_KINDS = tuple(name for name, kind in kinds.KINDS.items()
                       if any(f.workbook is not None for f in kind.formats.values()))


def year_sources(directory: Path, registry: CatalogRegistry
                 ) -> tuple[list[tuple[str, Document[Any]]], list[Diagnostic]]:
    """Every formulation and results file under `directory` that the workbook can hold, clean,
    with its name relative to it; and, for each file left out, why (its errors, then one line
    that says it was left out)."""
    from ..checks import check_document
    from ..diagnostics import Severity
    from ..load import iter_source_files, load_document, load_source

    files, found_problems = iter_source_files([directory])
    left_out = list(found_problems)
    found = []
    for path in files:
        try:
            data = load_source(path).data
            if not isinstance(data, dict) or data.get("kind") not in WORKBOOK_KINDS:
                continue  # circulars, work plans, catalogs: no commitments to export
            document = load_document(path, registry)
            problems = [d for d in check_document(document) if d.severity is Severity.ERROR]
            if document.format is None or document.format.workbook is None:
                problems.append(document.diagnostic(("catalog",), _(
                    "el formato {format} no tiene forma de libro").format(
                    format=document.format.name if document.format else "?")))
            problems = problems or unexportable(document)
        except InputError as exc:
            problems = list(exc.diagnostics)
            document = None
        if problems:
            left_out += problems
            left_out.append(Diagnostic(display_name(path), None, (), ngettext(
                "quedó fuera del libro por el error de arriba; corríjalo y exporte de nuevo",
                "quedó fuera del libro por los errores de arriba; corríjalos y exporte de nuevo",
                len(problems))))
            continue
        assert document is not None
        found.append((path.relative_to(directory).as_posix(), document))
    return found, left_out
