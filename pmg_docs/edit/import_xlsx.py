"""`pmg import xlsx`: a workbook laid out as `pmg export` writes it, back into YAML sources.

The sheets are those of writers/commitments_xlsx.py (`layout()`), read off each format's model.
Every cell is checked as it is read (a number where a number belongs, an id where an id does),
the way an Excel user types it: a name typed instead of an id is read as that id; a percentage
typed in a cell formatted as % (37,5 %, which the cell holds as 0.375) is read as 37.5 where the
field is a percentage; a target's formula (`=ROUND(E2/F2*100,1)`) is read as its value; a
number typed as text (`12.608.049`) gets the message the same text gets in YAML. Each source
is then validated like any other, and every problem is reported at its cell,
`libro.xlsx:Indicadores!G3 (Meta › valor): …`. Files are written only when the whole workbook
is clean, in the canonical layout, never over an existing file without `force`; over one, the
file is updated in place (its comments and order stay, only what changed changes).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter, quote_sheetname

from .. import kinds
from ..diagnostics import Diagnostic, InputError, blocking, display_name
from ..i18n import _
from ..load.number_hints import number_advice, yaml_number
from ..load.workbook_guard import UnsafeWorkbook, check_workbook_archive
from ..models.base import ID_PATTERN
from ..models.catalog import Catalog
from ..models.tabular import DATE, FLAG, INTEGER, LINES, NUMBER, TEXT, put
from ..models.tabular import Column as Field
from ..writers.commitments_xlsx import (
    FILE,
    NO,
    NUMBER_OF,
    OWN,
    PARENT,
    VALUE,
    YES,
    Sheet,
    excel_round,
    indicator_scale,
    layout,
)
from ..writers.xlsx import CELL_CHARACTERS

# Bounds on what is read, past the archive's (load/workbook_guard.py). A year's formulations
# are about 200 services of at most a few dozen commitments each: 5 000 rows in the largest
# sheet; 50 000 leaves ten times that. A sheet's columns past the export's are not read. A cell
# holds at most Excel's own limit.
MAX_ROWS = 50_000
MAX_COLUMNS = 64
MAX_CELL_CHARACTERS = CELL_CHARACTERS

TRUE_WORDS = {"sí", "si", "x", "yes", "true"}
FALSE_WORDS = {"no", "false"}

# The formula `pmg export` writes for a target its numerator and denominator give.
TARGET_FORMULA = re.compile(r"^=ROUND\(([A-Z]{1,3})(\d+)/([A-Z]{1,3})(\d+)\*(\d+),(\d)\)$")


@dataclass(frozen=True)
class Cell:
    sheet: str
    ref: str
    header: str

    def where(self, book: str) -> str:
        # As Excel writes a reference: the sheet's name quoted when it has spaces.
        sheet = self.sheet if re.fullmatch(r"\w+", self.sheet) else quote_sheetname(self.sheet)
        return f"{book}:{sheet}!{self.ref} ({self.header})"


@dataclass(frozen=True)
class Value:
    """A cell as read: its value (the computed one for a formula), its formula text if any,
    whether it is formatted as a percentage, and where it is."""

    value: object
    formula: str | None
    percent: bool
    cell: Cell


@dataclass
class Draft:
    """One source being read: its data, and the cell each field came from."""

    name: str
    kind: str
    format: str | None
    catalog: Catalog | None
    data: dict = field(default_factory=dict)
    cells: dict[tuple, Cell] = field(default_factory=dict)
    row: Cell | None = None  # its row on the sheet listing the files

    def cell_of(self, path: tuple) -> Cell | None:
        path = tuple(path)
        if path not in self.cells and any(isinstance(part, int) for part in path):
            # A group of an item's fields (the figures by sex): its first cell.
            inside = next((cell for at, cell in self.cells.items()
                           if at[:len(path)] == path), None)
            if inside is not None:
                return inside
        while path:
            if path in self.cells:
                return self.cells[path]
            path = path[:-1]
        return self.row


class WorkbookRefused(Exception):
    """A sheet past a bound: reading stops, and the message says where and what to do."""


class _Reader:
    def __init__(self, book_name: str):
        self.book = book_name
        self.problems: list[Diagnostic] = []

    def problem(self, cell: Cell | None, message: str) -> None:
        where = cell.where(self.book) if cell else self.book
        self.problems.append(Diagnostic(where, None, (), message))

    def rows(self, values: Workbook, formulas: Workbook, sheet: Sheet
             ) -> Iterator[dict[int, Value]]:
        """{header index: Value} of each non-empty row of `sheet`."""
        worksheet = values[sheet.title]
        formula_sheet = formulas[sheet.title]
        # The size a sheet declares (<dimension>) is a hint its program wrote, and openpyxl
        # would stop reading there: every row the sheet holds is read instead.
        worksheet.reset_dimensions()
        formula_sheet.reset_dimensions()
        try:
            yield from self._sheet_rows(worksheet, formula_sheet, sheet)
        except (SyntaxError, zipfile.BadZipFile, zlib.error) as exc:
            # XML that does not parse (ElementTree's ParseError is a SyntaxError), or damaged
            # compressed data: both found only as the sheet is read.
            raise WorkbookRefused(_(
                "hoja «{sheet}»: no se puede leer: {error}; se espera el libro guardado de "
                "nuevo por Excel, LibreOffice o pmg export").format(sheet=sheet.title,
                                                                   error=exc)) from exc

    def _sheet_rows(self, worksheet, formula_sheet, sheet: Sheet) -> Iterator[dict[int, Value]]:
        header_row = next(worksheet.iter_rows(max_row=1, max_col=MAX_COLUMNS), ())
        found = [c.value for c in header_row]
        positions: dict[int, int] = {}
        for index, header in enumerate(sheet.headers):
            if header.title not in found:
                if header.role in (FILE, PARENT, OWN, NUMBER_OF, VALUE):
                    self.problems.append(Diagnostic(self.book, None, (), _(
                        "hoja «{sheet}»: falta la columna «{header}» en la fila 1; se esperan: "
                        "{headers}").format(sheet=sheet.title, header=header.title,
                                            headers=", ".join(h.title for h in sheet.headers))))
                    return
                continue  # a name column: only a help to the eye
            positions[index] = found.index(header.title)
        width = max(positions.values()) + 1
        read = 0
        for number, (cells, formula_cells) in enumerate(zip(
                worksheet.iter_rows(min_row=2, max_col=width),
                formula_sheet.iter_rows(min_row=2, max_col=width)), start=2):
            row = {}
            for index, position in positions.items():
                cell = cells[position] if position < len(cells) else None
                raw = formula_cells[position].value if position < len(formula_cells) else None
                formula = raw if isinstance(raw, str) and raw.startswith("=") \
                    and getattr(formula_cells[position], "data_type", None) == "f" else None
                row[index] = Value(
                    getattr(cell, "value", None), formula,
                    "%" in (getattr(cell, "number_format", None) or ""),
                    Cell(sheet.title, f"{get_column_letter(position + 1)}{number}",
                         sheet.headers[index].title))
            if all(v.value in (None, "") and v.formula is None for i, v in row.items()
                   if sheet.headers[i].role != "own-name" and sheet.headers[i].role
                   != "parent-name"):
                continue
            read += 1
            if read > MAX_ROWS:
                raise WorkbookRefused(_(
                    "hoja «{sheet}»: tiene más de {limit} filas, más que cualquier año de "
                    "formulaciones; se espera un libro más pequeño: divídalo en varios").format(
                    sheet=sheet.title, limit=MAX_ROWS))
            for value in row.values():
                if isinstance(value.value, str) and len(value.value) > MAX_CELL_CHARACTERS:
                    raise WorkbookRefused(_(
                        "hoja «{sheet}»: la celda {ref} tiene {count} caracteres, más que los "
                        "{limit} que admite Excel; se espera un texto más corto").format(
                        sheet=sheet.title, ref=value.cell.ref, count=len(value.value),
                        limit=MAX_CELL_CHARACTERS))
            yield row

    # Typed cells --------------------------------------------------------------------------

    def text(self, value: object, cell: Cell, required: bool = False,
             strip: bool = True) -> str | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.problem(cell, _("celda vacía; se espera un texto"))
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(int(value)) if float(value).is_integer() else str(value)
        if not isinstance(value, str):
            self.problem(cell, _("se espera un texto; tiene {value}").format(value=value))
            return None
        # Long texts (Markdown) keep their line ends: a description is written as typed.
        return value.strip() if strip else value

    def number(self, value: object, cell: Cell, percent: bool = False,
               whole: bool = False) -> float | None:
        if value is None or value == "":
            return None
        if isinstance(value, str):
            if yaml_number(value) == value.strip():
                # 35 kept as text (a cell formatted as Text, or typed '35): no quotes to drop.
                self.problem(cell, _(
                    "la celda guarda «{value}» como texto; se espera un número: dé a la celda el "
                    "formato Número y escríbalo de nuevo").format(value=value.strip()))
                return None
            advice = number_advice(value)
            self.problem(cell, advice or _(
                "«{value}» no es un número; se espera un número (sin texto ni símbolos)").format(
                value=value))
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem(cell, _("«{value}» no es un número; se espera un número (sin texto ni "
                                 "símbolos)").format(value=value))
            return None
        if percent:
            # 37,5 % typed in a cell formatted as %: the cell holds 0.375.
            value = round(value * 100, 9)
        if whole and not float(value).is_integer():
            self.problem(cell, _("{value} no es un número entero; se espera un entero").format(
                value=value))
            return None
        return int(value) if float(value).is_integer() else value

    def flag(self, value: object, cell: Cell) -> bool | None:
        if isinstance(value, bool):
            return value
        text = "" if value is None else str(value).strip().lower()
        if not text:
            return None
        if text in TRUE_WORDS or text == _(YES).lower():
            return True
        if text in FALSE_WORDS or text == _(NO).lower():
            return False
        self.problem(cell, _("«{value}» no es sí ni no; se espera «{yes}», «{no}» o la celda "
                             "vacía").format(value=value, yes=_(YES), no=_(NO)))
        return None

    def date(self, value: object, cell: Cell) -> dt.date | None:
        """A date cell (Excel holds it as a date and time), or a date typed as ISO text."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, dt.datetime):
            if value.time() != dt.time():
                self.problem(cell, _("{value} tiene hora; se espera solo la fecha").format(
                    value=value.isoformat(sep=" ")))
                return None
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.problem(cell, _("«{value}» no es una fecha; se espera una fecha de Excel (celda con "
                             "formato Fecha) o el texto AAAA-MM-DD, como 2025-01-31").format(
            value=value))
        return None

    def ident(self, value: object, cell: Cell, column: Field, catalog: Catalog | None
              ) -> str | None:
        """An id of the catalog's list the column names; a name of one of its items is read
        as its id. An id the catalog lacks is left to the source's checks, which name it."""
        text = self.text(value, cell)
        if text is None or column.catalog_list is None or catalog is None:
            return text
        entries = [(e.id, e.name) for e in getattr(catalog, column.catalog_list)]
        if any(text == ident for ident, _name in entries):
            return text
        folded = " ".join(text.split()).casefold()
        for ident, name in entries:
            if " ".join(name.split()).casefold() == folded:
                return ident
        if re.match(ID_PATTERN, text) or not entries:
            return text
        names = {name: ident for ident, name in entries}
        close = difflib.get_close_matches(text, [*names, *(i for i, _n in entries)], n=1,
                                          cutoff=0.6)
        hint = ""
        if close:
            ident = names.get(close[0], close[0])
            hint = _("; ¿quiso decir «{id}» ({name})?").format(
                id=ident, name=dict(entries)[ident])
        self.problem(cell, _("«{value}» no es un id ni el nombre de un elemento de «{list}» del "
                             "catálogo {catalog}; se espera el id (la lista de la celda) o el "
                             "nombre tal como lo escribe el catálogo{hint}").format(
            value=text, list=column.title, catalog=catalog.id, hint=hint))
        return None


def _file_name(reader: _Reader, value: object, cell: Cell) -> str | None:
    name = reader.text(value, cell, required=True)
    if name is None:
        return None
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or path.suffix not in (".yaml", ".yml"):
        reader.problem(cell, _("«{name}» no sirve de nombre de archivo; se espera una ruta "
                               "relativa terminada en .yaml, sin «..»").format(name=name))
        return None
    return path.as_posix()


@dataclass
class _Book:
    """A workbook being read: the drafts by file name, and the parent keys that could not be
    read (rows under them are not reported again)."""

    reader: _Reader
    values: Workbook
    formulas: Workbook
    registry: Any
    drafts: dict[str, Draft] = field(default_factory=dict)
    unreadable: set[tuple[str, tuple]] = field(default_factory=set)

    def typed(self, column: Field, value: Value, draft: Draft, item: dict,
              row: dict[int, Value], sheet: Sheet) -> Any:
        reader, kind = self.reader, column.kind
        if kind == NUMBER or kind == INTEGER:
            if value.formula is not None:
                return self._formula(value, row, sheet)
            percent = value.percent and (column.percent or (
                column.name == "value" and self._percent_target(item, draft)))
            return reader.number(value.value, value.cell, percent=percent,
                                 whole=kind == INTEGER)
        if kind == FLAG:
            return reader.flag(value.value, value.cell)
        if kind == DATE:
            return reader.date(value.value, value.cell)
        if kind == LINES:
            text = reader.text(value.value, value.cell, strip=False)
            return [line.strip() for line in text.splitlines() if line.strip()] \
                if text is not None else None
        if kind == TEXT and column.catalog_list:
            return reader.ident(value.value, value.cell, column, draft.catalog)
        return reader.text(value.value, value.cell, strip=not column.markdown)

    def _percent_target(self, item: dict, draft: Draft) -> bool:
        scale = indicator_scale(item, draft.catalog) if draft.catalog else None
        return scale is not None and scale[0] == 100

    def _formula(self, value: Value, row: dict[int, Value], sheet: Sheet) -> Any:
        """A formula in a number's cell: the target formula `pmg export` writes is computed
        from this row's numerator and denominator; any other gives the value its program
        computed and saved."""
        assert value.formula is not None
        found = TARGET_FORMULA.match(value.formula.replace(" ", "").upper())
        number = int(re.sub(r"\D", "", value.cell.ref))
        if found and int(found.group(2)) == number == int(found.group(4)):
            by_letter = {re.sub(r"\d", "", v.cell.ref): v for v in row.values()}
            n_cell, d_cell = by_letter.get(found.group(1)), by_letter.get(found.group(3))
            if n_cell is not None and d_cell is not None:
                n = self.reader.number(n_cell.value, n_cell.cell)
                d = self.reader.number(d_cell.value, d_cell.cell)
                if n is None or d is None:
                    return None
                if not d:
                    self.reader.problem(value.cell, _("la fórmula divide por un denominador 0; "
                                                      "se espera un denominador mayor que 0"))
                    return None
                return excel_round(n / d * int(found.group(5)), int(found.group(6)))
        if value.value is None:
            self.reader.problem(value.cell, _(
                "la fórmula «{formula}» no tiene un valor calculado; se espera un número, o el "
                "libro guardado por Excel o LibreOffice, que calculan sus fórmulas").format(
                formula=value.formula))
            return None
        return self.reader.number(value.value, value.cell)


def _read_root(book: _Book, sheet: Sheet) -> None:
    """A draft for each row of a sheet listing files: its name, catalog and own fields."""
    reader = book.reader
    for row in reader.rows(book.values, book.formulas, sheet):
        file_value = row[0]
        name = _file_name(reader, file_value.value, file_value.cell)
        if name is None:
            continue
        if name in book.drafts:
            reader.problem(file_value.cell, _("«{name}» aparece dos veces; se espera una fila "
                                              "por archivo").format(name=name))
            continue
        draft = Draft(name, sheet.kind, None, None, {"kind": sheet.kind}, row=file_value.cell)
        book.drafts[name] = draft
        for index, header in enumerate(sheet.headers):
            if header.role != OWN or index not in row or header.column is None:
                continue
            column, value = header.column, row[index]
            typed = book.typed(column, value, draft, draft.data, row, sheet)
            if column.path == ("catalog",):
                typed = _catalog(book, draft, typed, value.cell)
            if typed is not None:
                put(draft.data, column.path, typed)
            draft.cells[column.path] = value.cell


def _catalog(book: _Book, draft: Draft, ident: object, cell: Cell) -> object:
    """The catalog a file's row names, which says its format."""
    if not isinstance(ident, str):
        book.reader.problem(cell, _("celda vacía; se espera el id del catálogo del año"))
        return None
    document = book.registry.get(ident)
    if document is None:
        book.reader.problem(cell, _("«{id}» no es un catálogo conocido; se espera uno de: "
                                    "{ids}").format(id=ident, ids=", ".join(book.registry.ids())))
        return ident
    draft.catalog = document.model
    spec = document.model.documents.get(draft.kind)
    kind = kinds.KINDS[draft.kind]
    fmt = kind.format(spec.format if spec else None)
    if fmt is None or fmt.workbook is None:
        book.reader.problem(cell, _("el catálogo {catalog} no declara un formato de {noun} que "
                                    "el libro lleve").format(catalog=ident,
                                                             noun=kinds.noun(draft.kind)))
        return ident
    draft.format = fmt.name
    return ident


def _read_items(book: _Book, sheet: Sheet) -> None:
    """Each row of a format's sheet: an item under its parents, in the file it names."""
    reader = book.reader
    for row in reader.rows(book.values, book.formulas, sheet):
        file_value = row[0]
        name = _file_name(reader, file_value.value, file_value.cell)
        if name is None:
            continue
        draft = book.drafts.get(name)
        if draft is None:
            root = next(s for s in layout() if s.is_root and s.kind == sheet.kind)
            reader.problem(file_value.cell, _(
                "«{name}» no está en la hoja «{sheet}»; se espera cada archivo allí").format(
                name=name, sheet=root.title))
            continue
        if draft.format not in sheet.formats:
            if draft.format is not None:
                reader.problem(file_value.cell, _(
                    "{name} está en el formato {format}; esta hoja es del formato {expected}: se "
                    "espera en las hojas de su formato").format(
                    name=name, format=draft.format, expected=", ".join(sheet.formats)))
            continue
        _read_item(book, sheet, draft, row)


def _parent_of(book: _Book, sheet: Sheet, draft: Draft, row: dict[int, Value]
               ) -> tuple[dict, tuple] | None:
    """The item a row belongs to (the draft itself for a top list) and its field path, found
    by the parents' keys the row names; None, reported once, when one is not there."""
    reader, table = book.reader, sheet.table
    container: dict = draft.data
    path: tuple = ()
    for index, header in enumerate(sheet.headers):
        if header.role != PARENT or header.column is None:
            continue
        level = header.level
        value = row[index]
        key = book.typed(header.column, value, draft, {}, row, sheet) \
            if header.column.kind != NUMBER else value.value
        entries = container.get(table.path[level]) or []
        found = next((k for k, e in enumerate(entries)
                      if e.get(header.column.name) == key), None)
        if found is None:
            if value.value in (None, "") and value.formula is None:
                reader.problem(value.cell, _(
                    "celda vacía; se espera el {parent} al que pertenece esta fila").format(
                    parent=header.title.lower()))
                return None
            # Under an item whose own row could not be read, the row is not reported again;
            # nor is a key the cell's own message already answered.
            if (draft.name, table.path[:level + 1]) not in book.unreadable \
                    and key is not None:
                parent = next(s for s in layout() if s.kind == sheet.kind
                              and draft.format in s.formats
                              and s.table.path == table.path[:level + 1])
                reader.problem(value.cell, _(
                    "«{id}» no está en la hoja «{sheet}» para {name}; se espera allí una fila "
                    "suya").format(id=key, sheet=parent.title, name=draft.name))
            return None
        container = entries[found]
        path = (*path, table.path[level], found)
    return container, path


def _read_item(book: _Book, sheet: Sheet, draft: Draft, row: dict[int, Value]) -> None:
    table = sheet.table
    parent = _parent_of(book, sheet, draft, row)
    if parent is None:
        return
    container, path = parent
    own = [(i, h) for i, h in enumerate(sheet.headers) if h.role == OWN and h.column]
    key_index, key_header = own[0]
    assert key_header.column is not None
    if table.mapping:
        _read_period(book, sheet, draft, row, container, (*path, table.path[-1]), own)
        return
    items = container.setdefault(table.path[-1], [])
    item: dict = {}
    key = book.typed(key_header.column, row[key_index], draft, item, row, sheet)
    if key is None:
        book.unreadable.add((draft.name, table.path))
    expanded = table.expanded
    existing = next((k for k, e in enumerate(items) if e.get(key_header.column.name) == key),
                    None) if expanded is not None and key is not None else None
    if existing is not None and expanded is not None:
        _expand(book, draft, items[existing], (*path, table.path[-1], existing), row, sheet)
        return
    here = (*path, table.path[-1], len(items))
    items.append(item)
    draft.cells[here] = row[key_index].cell
    for index, header in own:
        assert header.column is not None
        value = row[index]
        typed = key if index == key_index else book.typed(header.column, value, draft, item,
                                                         row, sheet)
        if typed is not None:
            put(item, header.column.path, typed)
        draft.cells[(*here, *header.column.path)] = value.cell
    if expanded is not None:
        _expand(book, draft, item, here, row, sheet)


def _read_period(book: _Book, sheet: Sheet, draft: Draft, row: dict[int, Value],
                 container: dict, here: tuple, own: list[tuple[int, Any]]) -> None:
    """One row of a series' sheet: the figures of the period its first column names."""
    reader = book.reader
    (key_index, key_header), rest = own[0], own[1:]
    assert key_header.column is not None
    cell = row[key_index].cell
    name = reader.text(row[key_index].value, cell, required=True)
    if name is None:
        return
    choices = key_header.column.choices
    period = name.casefold()
    if period not in choices:
        reader.problem(cell, _("«{value}» no es un período; se espera uno de: {choices}").format(
            value=name, choices=", ".join(choices)))
        return
    series = container.setdefault(here[-1], {})
    if period in series:
        reader.problem(cell, _("el período «{period}» aparece dos veces para este indicador; se "
                               "espera una fila por período").format(period=period))
        return
    figures: dict = {}
    series[period] = figures
    draft.cells[(*here, period)] = cell
    for index, header in rest:
        # The result the period is of (`container`) says the indicator's scale: a value typed
        # as a percentage in a %-formatted cell reads as its figure, as a target's does.
        typed = book.typed(header.column, row[index], draft, container, row, sheet)
        if typed is not None:
            put(figures, header.column.path, typed)
        draft.cells[(*here, period, *header.column.path)] = row[index].cell


def _expand(book: _Book, draft: Draft, item: dict, here: tuple, row: dict[int, Value],
            sheet: Sheet) -> None:
    """One number of an item's list of numbers (a stage objective's weight), with its N°."""
    expanded = sheet.table.expanded
    assert expanded is not None
    index_of = {h.role: i for i, h in enumerate(sheet.headers)}
    number_value, value = row[index_of[NUMBER_OF]], row[index_of[VALUE]]
    numbers = item.setdefault(expanded.field, [])
    number = book.reader.number(number_value.value, number_value.cell, whole=True)
    typed = book.typed(expanded.column, value, draft, item, row, sheet)
    if number is None and typed is None:
        return  # the item's list is empty
    if number != len(numbers) + 1:
        book.reader.problem(number_value.cell, _(
            "se espera el N° {expected} (los números de cada {item} van en orden, desde 1, uno "
            "por fila); tiene {got}").format(expected=len(numbers) + 1, got=number,
                                             item=sheet.table.key.title.lower()))
        return
    draft.cells[(*here, expanded.field, len(numbers))] = value.cell
    numbers.append(typed)


def _read_sheets(book: _Book, sheets: list[Sheet], present: list[Sheet]) -> None:
    """The sheets listing files first (they make the drafts), then each format's, parents
    before children."""
    for sheet in present:
        if sheet.is_root:
            _read_root(book, sheet)
    used = {(d.kind, d.format) for d in book.drafts.values()}
    for sheet in sheets:
        if sheet.is_root:
            continue
        if sheet.title not in book.values.sheetnames:
            if any((sheet.kind, f) in used for f in sheet.formats):
                book.reader.problems.append(Diagnostic(book.reader.book, None, (), _(
                    "falta la hoja «{sheet}»; se espera en un libro con archivos del formato "
                    "{format}, como lo escribe pmg export").format(
                    sheet=sheet.title, format=", ".join(sheet.formats))))
            continue
        _read_items(book, sheet)


def read_workbook(path: Path, registry) -> tuple[dict[str, Draft], list[Diagnostic]]:
    """The sources of a workbook as drafts (data and cells), and every problem read."""
    from openpyxl import load_workbook

    book_name = display_name(path)
    reader = _Reader(book_name)
    try:
        check_workbook_archive(path)
        # Twice: the values as saved (a formula's computed value), and the formulas themselves
        # (a target's formula is computed here, also in a workbook no program has computed).
        values = load_workbook(path, read_only=True, data_only=True)
        formulas = load_workbook(path, read_only=True, data_only=False)
    except UnsafeWorkbook as exc:
        return {}, [Diagnostic(book_name, None, (), str(exc))]
    except Exception as exc:  # openpyxl raises several kinds for a file that is no workbook
        return {}, [Diagnostic(book_name, None, (), _(
            "no se puede leer como libro de Excel (.xlsx): {error}").format(error=exc))]
    book = _Book(reader, values, formulas, registry)
    sheets = layout()
    present = [s for s in sheets if s.title in values.sheetnames]
    try:
        _read_sheets(book, sheets, present)
    except WorkbookRefused as exc:
        return {}, [Diagnostic(book_name, None, (), str(exc))]
    finally:
        values.close()
        formulas.close()
    if not present:
        names = ", ".join(s.title for s in sheets if s.is_root)
        reader.problems.append(Diagnostic(book_name, None, (), _(
            "el libro no tiene ninguna de las hojas {sheets}; se espera un libro escrito por pmg "
            "export").format(sheets=names)))
    return book.drafts, reader.problems


def _yaml_text(data: dict) -> str:
    """`data` as block YAML, with the short rows the examples write in flow style (a target,
    a stage and its weights); the canonical layout does the rest."""
    import io

    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.width = 100
    stream = io.StringIO()
    yaml.dump(_node(data), stream)
    return stream.getvalue()


def _node(value: object, key: str | None = None, in_stages: bool = False,
          flow: bool = False) -> object:
    """`value` as ruamel nodes, a target, an effective figure (by sex, by period too), a stage
    and another weight in flow style."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict):
        mapping = CommentedMap((k, _node(v, k, flow=key == "periods")) for k, v in value.items())
        if key in ("target", "effective", "men", "women") or in_stages or flow:
            mapping.fa.set_flow_style()
        return mapping
    if isinstance(value, list):
        sequence = CommentedSeq(_node(v, in_stages=key in ("stages", "other_weights"))
                                for v in value)
        if key in ("weights", "achieved"):
            sequence.fa.set_flow_style()
        return sequence
    return value


# ruamel folds a line longer than its width; an unchanged value must stay as it was written.
_NO_WRAP = 1 << 30


def _merge(node: Any, data: Any, key: str | None = None, flow: bool = False) -> Any:
    """`node` (the existing file, as ruamel read it with its comments) changed to hold `data`:
    a value that is equal is not touched, so it is written back as it was, with its style and
    its comment; a changed one is replaced, in the style the old one was written in; what is
    gone is removed; what is new is added where the model's order puts it."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap) and isinstance(data, dict):
        return _merge_mapping(node, data, flow or bool(node.fa.flow_style()))
    if isinstance(node, CommentedSeq) and isinstance(data, list):
        return _merge_sequence(node, data, key, flow or bool(node.fa.flow_style()))
    return node if _same_scalar(node, data) else _changed_scalar(node, data, key, flow)


def _merge_mapping(node: Any, data: dict, flow: bool) -> Any:
    for gone in [k for k in node if k not in data]:
        del node[gone]
    keys = list(data)
    for index, (k, v) in enumerate(data.items()):
        if k not in node:
            # After the keys that precede it in the data (the model's order).
            at = sum(1 for before in keys[:index] if before in node)
            node.insert(at, k, _new_value(v, k, flow))
            continue
        merged = _merge(node[k], v, k, flow)
        if merged is not node[k]:  # reassigning an equal value could restyle it
            node[k] = merged
    return node


def _merge_sequence(node: Any, data: list, key: str | None, flow: bool) -> Any:
    while len(node) > len(data):
        del node[len(node) - 1]
    for index, v in enumerate(data):
        if index < len(node):
            merged = _merge(node[index], v, None, flow)
            if merged is not node[index]:
                node[index] = merged
        else:
            node.append(_node(v, in_stages=key == "stages"))
    return node


def _new_value(value: Any, key: str, flow: bool) -> Any:
    """A value the file did not have, as ruamel nodes; text in the canonical style."""
    from .fmt import WIDTH, _styled

    if isinstance(value, str):
        return _styled(value, None if flow else WIDTH - len(key) - 2)
    return _node(value, key)


def _changed_scalar(node: Any, data: Any, key: str | None, flow: bool) -> Any:
    """`data` written as `node` was: a number with as many decimals as the old one had
    (`25.00` changed to 30 is `30.00`) when that writes it exactly; text in the old one's
    quotes or block style when it can hold the new text; else as new."""
    from ruamel.yaml.scalarfloat import ScalarFloat
    from ruamel.yaml.scalarstring import (
        DoubleQuotedScalarString,
        FoldedScalarString,
        LiteralScalarString,
        SingleQuotedScalarString,
    )

    from .fmt import _folded_safe, _literal_safe

    number = isinstance(data, (int, float)) and not isinstance(data, bool) and data >= 0
    if isinstance(node, ScalarFloat) and number and getattr(node, "_exp", None) is None:
        # As ruamel read it: the written width and where the point stands in it.
        decimals = getattr(node, "_width", 0) - getattr(node, "_prec", 0) - 1
        if decimals > 0:
            text = f"{data:.{decimals}f}"
            if float(text) == data:
                return ScalarFloat(float(text), width=len(text), prec=text.index("."),
                                   m_lead0=0)
    if type(node) is int and isinstance(data, float) and data.is_integer():
        return int(data)
    if isinstance(data, str):
        if isinstance(node, (DoubleQuotedScalarString, SingleQuotedScalarString)):
            return type(node)(data) if "\n" not in data else DoubleQuotedScalarString(data)
        if isinstance(node, LiteralScalarString) and _literal_safe(data):
            return LiteralScalarString(data)
        if isinstance(node, FoldedScalarString) and _folded_safe(data):
            return FoldedScalarString(data)
    return _new_value(data, key or "", flow)


def _same_scalar(node: Any, data: Any) -> bool:
    """Whether a value as written (a ruamel scalar) is the value read from the workbook."""
    if type(node) is bool or type(data) is bool:
        return node is data
    if isinstance(node, (int, float)) and isinstance(data, (int, float)):
        return bool(node == data)
    return isinstance(node, str) and isinstance(data, str) and str(node) == data


def _updated_text(existing: str, data: dict) -> str | None:
    """The existing source's text changed only where `data` differs, every other line as it
    was; None when it cannot be read as YAML (it is then written anew)."""
    import io

    from .fmt import _yaml
    from .fmt_keep import as_lf, newline_of, with_newline

    yaml = _yaml()
    # Unchanged text keeps its quotes, and a long line stays one line: no width folds it.
    yaml.preserve_quotes = True
    yaml.width = _NO_WRAP
    try:
        node = yaml.load(as_lf(existing))
    except Exception:  # any YAML error: the file is written anew, and the user told so
        return None
    if not isinstance(node, dict):
        return None
    stream = io.StringIO()
    yaml.dump(_merge(node, data), stream)
    return with_newline(stream.getvalue(), newline_of(existing))


def _located(draft: Draft, book: str, diagnostics) -> list[Diagnostic]:
    """A source's findings, at the cells their fields came from, with the place as the
    document names it: a cell's column does not say which period or which indicator a row
    of a series is about (`Indicador «…» › serie › Marzo › valor`)."""
    out = []
    for diagnostic in diagnostics:
        cell = draft.cell_of(diagnostic.path)
        where = cell.where(book) if cell else book
        place = f"{diagnostic.item}: " if diagnostic.item else ""
        out.append(Diagnostic(where, None, (), f"{draft.name}: {place}{diagnostic.message}",
                              diagnostic.severity))
    return out


def _document(draft: Draft, text: str, target: Path, registry, loaded: dict[Path, Any]) -> Any:
    """The typed document of a draft's text; a results file linked to its formulation, the
    workbook's own when it holds it (`loaded`, by resolved path), else the one on disk."""
    from ..load.from_text import document_from_text
    from ..load.references import attach_formulation, link_formulation

    document = document_from_text(text, target, draft.name, registry)
    link = document.format.link if document.format is not None else None
    if link is not None:
        written = document.source.data.get(link.field)
        named = (target.parent / written).resolve() if isinstance(written, str) else None
        if named is not None and named in loaded:
            attach_formulation(document, loaded[named])
        else:
            link_formulation(document, registry)
    return document


def import_workbook(path: Path, out_dir: Path, registry, force: bool = False,
                    strict: bool = False) -> tuple[list[Path], list[Diagnostic]]:
    """Write each source of the workbook at `path` under `out_dir`. Returns the files written
    and every finding; writes nothing when any finding is an error (or, with `strict`, a
    warning)."""
    from ..checks import check_document
    from ..output import write_document

    book = display_name(path)
    drafts, problems = read_workbook(path, registry)
    if not drafts and not problems:
        problems.append(Diagnostic(book, None, (), _(
            "el libro no tiene formulaciones ni informes; se espera al menos una fila en la "
            "hoja «{sheet}»").format(sheet=_(kinds.SERVICES_SHEET))))
    texts: dict[Path, str] = {}
    loaded: dict[Path, Any] = {}
    if not problems:
        # Formulations first: a results file of the workbook is checked against its own.
        for draft in sorted(drafts.values(), key=lambda d: d.kind != kinds.FORMULATION):
            text = _yaml_text(draft.data)
            target = out_dir / draft.name
            try:
                document = _document(draft, text, target, registry, loaded)
            except InputError as exc:
                problems += _located(draft, book, exc.diagnostics)
                continue
            loaded[target.resolve()] = document
            problems += _located(draft, book, check_document(document))
            texts[target] = _kept(target, text, draft, registry, problems, force,
                                  document.model)
    if not force:
        problems += [Diagnostic(display_name(target), None, (), _(
            "ya existe; se espera un archivo nuevo, o --force para reemplazarlo"))
            for target in texts if target.exists()]
    if blocking(problems, strict):
        return [], problems
    for target, text in texts.items():
        write_document(out_dir, target.relative_to(out_dir), text.encode("utf-8"))
    return list(texts), problems


def _kept(target: Path, text: str, draft: Draft, registry, problems: list[Diagnostic],
          force: bool, model: Any) -> str:
    """The text to write at `target`: over an existing source, that source updated in place
    (comments and order kept) when it reads back as the same model (`model`, the draft's);
    else the new text in the canonical layout."""
    from ..diagnostics import Severity
    from ..load.from_text import document_from_text
    from .fmt import FormatError, canonical_text

    if not (force and target.is_file()):
        return canonical_text(text, draft.name, registry)
    try:
        existing = target.read_bytes().decode("utf-8")  # as written: CRLF stays CRLF
        updated = _updated_text(existing, draft.data)
        if updated is not None:
            # Not canonical_text: that would restyle lines the workbook did not change.
            if document_from_text(updated, target, draft.name, registry).model == model:
                return updated
    except (OSError, UnicodeDecodeError, InputError, FormatError):
        pass
    problems.append(Diagnostic(display_name(target), None, (), _(
        "se escribe de nuevo desde el libro, sin los comentarios que tenía: no se pudo "
        "actualizar en su lugar"), Severity.WARNING))
    return canonical_text(text, draft.name, registry)
