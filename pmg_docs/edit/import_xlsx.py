"""`pmg import xlsx`: a workbook laid out as `pmg export` writes it, back into formulation YAML.

Every cell is checked as it is read (a number where a number belongs, an id where an id does);
each formulation is then validated like any source, and every problem is reported at its
sheet, row and column (`libro.xlsx: hoja «Indicadores», celda F5 (Meta): …`). Files are written
only when the whole workbook is clean, in the canonical layout, never over an existing file
without `force`.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from .. import kinds
from ..diagnostics import Diagnostic, InputError, blocking, display_name
from ..i18n import _
from ..load.workbook_guard import UnsafeWorkbook, check_workbook_archive
from ..models.base import ID_PATTERN
from ..writers.commitments_xlsx import YES, Sheet, sheets
from ..writers.xlsx import CELL_CHARACTERS

# Bounds on what is read, past the archive's (load/workbook_guard.py). A year's formulations
# are about 200 services of at most a few dozen commitments each: 5 000 rows in the largest
# sheet; 50 000 leaves ten times that. The export's sheets have at most 8 columns, and a
# sheet's extra columns are not read. A cell holds at most Excel's own limit.
MAX_ROWS = 50_000
MAX_COLUMNS = 64
MAX_CELL_CHARACTERS = CELL_CHARACTERS

TRUE_WORDS = {"sí", "si", "x", "yes", "true"}
FALSE_WORDS = {"", "no", "false"}


@dataclass(frozen=True)
class Cell:
    sheet: str
    ref: str
    header: str

    def where(self) -> str:
        return _("hoja «{sheet}», celda {ref} ({header})").format(
            sheet=self.sheet, ref=self.ref, header=self.header)


# A row of a sheet: each header's cell value and where it is.
Values = dict[str, tuple[object, Cell]]


@dataclass
class Draft:
    """One formulation being read: its data, and the cell each field came from."""

    name: str
    data: dict = field(default_factory=dict)
    cells: dict[tuple, Cell] = field(default_factory=dict)
    row: Cell | None = None  # the Servicios row

    def cell_of(self, path: tuple) -> Cell | None:
        path = tuple(path)
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
        where = f"{cell.where()}: " if cell else ""
        self.problems.append(Diagnostic(self.book, None, (), where + message))

    def rows(self, workbook: Workbook, sheet: Sheet) -> Iterator[tuple[int, Values]]:
        """(row number, {header: (value, Cell)}) of each non-empty row of `sheet`."""
        if sheet.title not in workbook.sheetnames:
            self.problems.append(Diagnostic(self.book, None, (), _(
                "falta la hoja «{sheet}»; se esperan las hojas: {sheets}").format(
                sheet=sheet.title, sheets=", ".join(s.title for s in sheets().values()))))
            return
        worksheet = workbook[sheet.title]
        # The size a sheet declares (<dimension>) is a hint its program wrote, and openpyxl
        # would stop reading there: every row the sheet holds is read instead.
        worksheet.reset_dimensions()
        try:
            yield from self._sheet_rows(worksheet, sheet)
        except (SyntaxError, zipfile.BadZipFile, zlib.error) as exc:
            # XML that does not parse (ElementTree's ParseError is a SyntaxError), or damaged
            # compressed data: both found only as the sheet is read.
            raise WorkbookRefused(_(
                "hoja «{sheet}»: no se puede leer: {error}; se espera el libro guardado de "
                "nuevo por Excel, LibreOffice o pmg export").format(sheet=sheet.title,
                                                                   error=exc)) from exc

    def _sheet_rows(self, worksheet, sheet: Sheet) -> Iterator[tuple[int, Values]]:
        header_row = next(worksheet.iter_rows(max_row=1, max_col=MAX_COLUMNS), ())
        headers = [c.value for c in header_row]
        positions: dict[str, int] = {}
        for header in sheet.headers:
            if header not in headers:
                self.problems.append(Diagnostic(self.book, None, (), _(
                    "hoja «{sheet}»: falta la columna «{header}» en la fila 1; se esperan: "
                    "{headers}").format(sheet=sheet.title, header=header,
                                        headers=", ".join(sheet.headers))))
                return
            positions[header] = headers.index(header)
        yield from self._data_rows(worksheet, sheet.title, positions)

    def _data_rows(self, worksheet, title: str,
                   positions: dict[str, int]) -> Iterator[tuple[int, Values]]:
        """The rows under the header, each cell's text bounded, at most MAX_ROWS of them."""
        read = 0
        for number, cells in enumerate(
                worksheet.iter_rows(min_row=2, max_col=max(positions.values()) + 1), start=2):
            values = {h: (cells[i].value if i < len(cells) else None,
                          Cell(title, f"{get_column_letter(i + 1)}{number}", h))
                      for h, i in positions.items()}
            if all(v in (None, "") for v, _cell in values.values()):
                continue
            read += 1
            if read > MAX_ROWS:
                raise WorkbookRefused(_(
                    "hoja «{sheet}»: tiene más de {limit} filas, más que cualquier año de "
                    "formulaciones; se espera un libro más pequeño: divídalo en varios").format(
                    sheet=title, limit=MAX_ROWS))
            for value, cell in values.values():
                if isinstance(value, str) and len(value) > MAX_CELL_CHARACTERS:
                    raise WorkbookRefused(_(
                        "hoja «{sheet}»: la celda {ref} tiene {count} caracteres, más que los "
                        "{limit} que admite Excel; se espera un texto más corto").format(
                        sheet=title, ref=cell.ref, count=len(value),
                        limit=MAX_CELL_CHARACTERS))
            yield number, values

    # Typed cells --------------------------------------------------------------------------

    def text(self, value: object, cell: Cell, required: bool = True,
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

    def ident(self, value: object, cell: Cell) -> str | None:
        text = self.text(value, cell)
        if text is not None and not re.match(ID_PATTERN, text):
            self.problem(cell, _("«{value}» no es un id; se espera un id del catálogo: "
                                 "minúsculas, dígitos y guiones, como estado-verde").format(
                value=text))
            return None
        return text

    def number(self, value: object, cell: Cell, required: bool = True,
               whole: bool = False) -> float | None:
        if value is None or value == "":
            if required:
                self.problem(cell, _("celda vacía; se espera un número"))
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem(cell, _("«{value}» no es un número; se espera un número (sin texto ni "
                                 "símbolos)").format(value=value))
            return None
        if whole and not float(value).is_integer():
            self.problem(cell, _("{value} no es un número entero; se espera un entero").format(
                value=value))
            return None
        return int(value) if float(value).is_integer() else value

    def flag(self, value: object, cell: Cell) -> bool | None:
        text = "" if value is None else str(value).strip().lower()
        if isinstance(value, bool):
            return value
        if text in TRUE_WORDS or text == _(YES).lower():
            return True
        if text in FALSE_WORDS:
            return False
        self.problem(cell, _("«{value}» no es sí ni no; se espera «{yes}» o la celda "
                             "vacía").format(value=value, yes=_(YES)))
        return None


def _file_name(reader: _Reader, value: object, cell: Cell) -> str | None:
    name = reader.text(value, cell)
    if name is None:
        return None
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or path.suffix not in (".yaml", ".yml"):
        reader.problem(cell, _("«{name}» no sirve de nombre de archivo; se espera una ruta "
                               "relativa terminada en .yaml, sin «..»").format(name=name))
        return None
    return path.as_posix()


def read_workbook(path: Path) -> tuple[dict[str, Draft], list[Diagnostic]]:
    """The formulations of a workbook as drafts (data and cells), and every problem read."""
    from openpyxl import load_workbook

    book_name = display_name(path)
    reader = _Reader(book_name)
    try:
        check_workbook_archive(path)
        workbook = load_workbook(path, read_only=True, data_only=True)
    except UnsafeWorkbook as exc:
        return {}, [Diagnostic(book_name, None, (), str(exc))]
    except Exception as exc:  # openpyxl raises several kinds for a file that is no workbook
        return {}, [Diagnostic(book_name, None, (), _(
            "no se puede leer como libro de Excel (.xlsx): {error}").format(error=exc))]
    book = _Book(reader, workbook, sheets())
    # Servicios first (it lists the files), then Objetivos (the others name its objectives).
    try:
        for read in (_read_services, _read_objectives, _read_indicators, _read_systems,
                     _read_measures):
            read(book)
    except WorkbookRefused as exc:
        return {}, [Diagnostic(book_name, None, (), str(exc))]
    return book.drafts, reader.problems


@dataclass
class _Book:
    """A workbook being read: its sheets by role, the drafts by file name, and where each
    draft's objectives are in its list."""

    reader: _Reader
    workbook: Workbook
    layout: dict[str, Sheet]
    drafts: dict[str, Draft] = field(default_factory=dict)
    objectives: dict[tuple[str, str], int] = field(default_factory=dict)

    def draft_of(self, values: Values) -> Draft | None:
        """The draft of the file a row names, which Servicios must list."""
        services = self.layout["services"]
        name = _file_name(self.reader, *values[services.headers[0]])
        if name is None:
            return None
        if name not in self.drafts:
            self.reader.problem(values[services.headers[0]][1], _(
                "«{name}» no está en la hoja «{sheet}»; se espera cada archivo allí, con su "
                "servicio").format(name=name, sheet=services.title))
            return None
        return self.drafts[name]

    def drafted(self, key: str) -> Iterator[tuple[Draft, Values, list[str]]]:
        """(draft, cells by header, headers) of each row of a sheet, for files listed in
        Servicios."""
        sheet = self.layout[key]
        for _row, values in self.reader.rows(self.workbook, sheet):
            draft = self.draft_of(values)
            if draft is not None:
                yield draft, values, sheet.headers

    def objective_of(self, draft: Draft, values: Values, header: str) -> int | None:
        """Where the objective a row names is in the draft's list, which Objetivos made."""
        objective = self.reader.ident(*values[header])
        if objective is None:
            return None
        index = self.objectives.get((draft.name, objective))
        if index is None:
            self.reader.problem(values[header][1], _(
                "el objetivo «{id}» no está en la hoja «{sheet}» para {name}; se espera allí "
                "con su ponderación").format(id=objective, sheet=self.layout["objectives"].title,
                                             name=draft.name))
        return index


def _read_services(book: _Book) -> None:
    """A draft for each row of Servicios: its file name, catalog and service."""
    reader, s = book.reader, book.layout["services"]
    for _row, values in reader.rows(book.workbook, s):
        h = s.headers
        name = _file_name(reader, *values[h[0]])
        if name is None:
            continue
        if name in book.drafts:
            reader.problem(values[h[0]][1], _("«{name}» aparece dos veces; se espera una fila "
                                              "por archivo").format(name=name))
            continue
        draft = Draft(name, row=values[h[4]][1])
        draft.data = {"kind": kinds.FORMULATION, "catalog": reader.ident(*values[h[1]]),
                      "service": {"ministry": reader.text(*values[h[2]]),
                                  "partida": reader.text(*values[h[3]]),
                                  "name": reader.text(*values[h[4]]),
                                  "chapter": reader.text(*values[h[5]])},
                      "objectives": [], "gender_measures": []}
        for key, header in zip(("ministry", "partida", "name", "chapter"), h[2:]):
            draft.cells[("service", key)] = values[header][1]
        draft.cells[("catalog",)] = values[h[1]][1]
        book.drafts[name] = draft


def _read_objectives(book: _Book) -> None:
    """Each row of Objetivos: an objective of its file, with its weight."""
    reader = book.reader
    for draft, values, h in book.drafted("objectives"):
        objective = reader.ident(*values[h[1]])
        if objective is None:
            continue
        if (draft.name, objective) in book.objectives:
            reader.problem(values[h[1]][1], _("el objetivo «{id}» de {name} aparece dos veces; "
                                              "se espera una fila por objetivo").format(
                id=objective, name=draft.name))
            continue
        index = len(draft.data["objectives"])
        book.objectives[(draft.name, objective)] = index
        draft.data["objectives"].append({"objective": objective,
                                         "weight": reader.number(*values[h[2]])})
        draft.cells[("objectives", index)] = values[h[1]][1]
        draft.cells[("objectives", index, "weight")] = values[h[2]][1]


def _read_indicators(book: _Book) -> None:
    """Each row of Indicadores: a catalog indicator committed under an objective."""
    reader = book.reader
    for draft, values, h in book.drafted("indicators"):
        i = book.objective_of(draft, values, h[1])
        if i is None:
            continue
        items = draft.data["objectives"][i].setdefault("indicators", [])
        base = ("objectives", i, "indicators", len(items))
        item: dict[str, object] = {"indicator": reader.ident(*values[h[2]]),
                                   "weight": reader.number(*values[h[3]])}
        numerator = reader.number(*values[h[4]], required=False)
        denominator = reader.number(*values[h[5]], required=False)
        value = reader.number(*values[h[6]], required=False)
        target = {k: v for k, v in (("numerator", numerator), ("denominator", denominator),
                                    ("value", value)) if v is not None}
        if target:
            item["target"] = target
        if reader.flag(*values[h[7]]):
            item["measure_only"] = True
        items.append(item)
        draft.cells[base] = values[h[2]][1]
        draft.cells[base + ("indicator",)] = values[h[2]][1]
        draft.cells[base + ("weight",)] = values[h[3]][1]
        draft.cells[base + ("measure_only",)] = values[h[7]][1]
        for key, header in (("numerator", h[4]), ("denominator", h[5]), ("value", h[6])):
            draft.cells[base + ("target", key)] = values[header][1]
        draft.cells[base + ("target",)] = values[h[6]][1]


def _read_systems(book: _Book) -> None:
    """Each row of Sistemas: one stage objective's weight of a system committed under an
    objective; a system's rows share its weight, and a stage's objectives come in order."""
    reader = book.reader
    for draft, values, h in book.drafted("systems"):
        i = book.objective_of(draft, values, h[1])
        ident = reader.ident(*values[h[2]])
        weight = reader.number(*values[h[3]])
        stage = reader.number(*values[h[4]], whole=True)
        number = reader.number(*values[h[5]], whole=True)
        objective_weight = reader.number(*values[h[6]])
        if i is None or ident is None or stage is None or number is None:
            continue
        j, system = _system_entry(draft, i, ident, weight, values, h)
        if weight != system["weight"]:
            reader.problem(values[h[3]][1], _(
                "la ponderación del sistema «{id}» es {got} aquí y {first} en su primera fila; "
                "se espera la misma en todas sus filas").format(id=ident, got=weight,
                                                                first=system["weight"]))
        k = next((n for n, st in enumerate(system["stages"]) if st["stage"] == stage), None)
        if k is None:
            k = len(system["stages"])
            system["stages"].append({"stage": stage, "weights": []})
            draft.cells[("objectives", i, "systems", j, "stages", k)] = values[h[4]][1]
        weights = system["stages"][k]["weights"]
        if number != len(weights) + 1:
            reader.problem(values[h[5]][1], _(
                "se espera el objetivo de etapa {expected} (los objetivos de cada etapa van en "
                "orden, desde 1, uno por fila); tiene {got}").format(expected=len(weights) + 1,
                                                                     got=number))
            continue
        draft.cells[("objectives", i, "systems", j, "stages", k, "weights", len(weights))] = \
            values[h[6]][1]
        weights.append(objective_weight)


def _system_entry(draft: Draft, i: int, ident: str, weight: float | None, values: Values,
                  h: list[str]) -> tuple[int, dict[str, Any]]:
    """Where the system `ident` is under the draft's objective number `i`, and its entry,
    added at its first row."""
    systems = draft.data["objectives"][i].setdefault("systems", [])
    j = next((k for k, s_ in enumerate(systems) if s_["system"] == ident), None)
    if j is None:
        j = len(systems)
        systems.append({"system": ident, "weight": weight, "stages": []})
        draft.cells[("objectives", i, "systems", j)] = values[h[2]][1]
        draft.cells[("objectives", i, "systems", j, "system")] = values[h[2]][1]
        draft.cells[("objectives", i, "systems", j, "weight")] = values[h[3]][1]
    system: dict[str, Any] = systems[j]
    return j, system


def _read_measures(book: _Book) -> None:
    """Each row of Medidas de género: a gender measure of its file, numbered in order."""
    reader = book.reader
    for draft, values, h in book.drafted("measures"):
        measures = draft.data["gender_measures"]
        number = reader.number(*values[h[1]], whole=True)
        if number is not None and number != len(measures) + 1:
            reader.problem(values[h[1]][1], _(
                "se espera la medida {expected} (las medidas de cada archivo van en orden, desde "
                "1); tiene {got}").format(expected=len(measures) + 1, got=number))
        draft.cells[("gender_measures", len(measures))] = values[h[1]][1]
        draft.cells[("gender_measures", len(measures), "kind")] = values[h[2]][1]
        draft.cells[("gender_measures", len(measures), "description")] = values[h[3]][1]
        measures.append({"kind": reader.ident(*values[h[2]]),
                         "description": reader.text(*values[h[3]], strip=False)})


def _yaml_text(data: dict) -> str:
    """`data` as block YAML, with the short rows the examples write in flow style (a target,
    a stage and its weights); the canonical layout does the rest."""
    import io

    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    def node(value: object, key: str | None = None, in_stages: bool = False) -> object:
        if isinstance(value, dict):
            mapping = CommentedMap((k, node(v, k)) for k, v in value.items())
            if key == "target" or in_stages:
                mapping.fa.set_flow_style()
            return mapping
        if isinstance(value, list):
            sequence = CommentedSeq(node(v, in_stages=key == "stages") for v in value)
            if key == "weights":
                sequence.fa.set_flow_style()
            return sequence
        return value

    yaml = YAML()
    yaml.width = 100
    stream = io.StringIO()
    yaml.dump(node(data), stream)
    return stream.getvalue()


def _located(draft: Draft, book: str, diagnostics) -> list[Diagnostic]:
    """A formulation's findings, at the cells their fields came from."""
    out = []
    for diagnostic in diagnostics:
        cell = draft.cell_of(diagnostic.path)
        where = f"{cell.where()}: " if cell else ""
        out.append(Diagnostic(book, None, (), f"{draft.name}: {where}{diagnostic.message}",
                              diagnostic.severity))
    return out


def import_workbook(path: Path, out_dir: Path, registry, force: bool = False,
                    strict: bool = False) -> tuple[list[Path], list[Diagnostic]]:
    """Write each formulation of the workbook at `path` under `out_dir`. Returns the files
    written and every finding; writes nothing when any finding is an error (or, with
    `strict`, a warning)."""
    from ..checks import check_document
    from ..load.from_text import document_from_text
    from ..output import write_document
    from .fmt import canonical_text

    book = display_name(path)
    drafts, problems = read_workbook(path)
    if not drafts and not problems:
        problems.append(Diagnostic(book, None, (), _(
            "el libro no tiene formulaciones; se espera al menos una fila en la hoja "
            "«{sheet}»").format(sheet=sheets()["services"].title)))
    texts: dict[Path, str] = {}
    if not problems:
        for draft in drafts.values():
            text = _yaml_text(draft.data)
            target = out_dir / draft.name
            try:
                document = document_from_text(text, target, draft.name, registry)
            except InputError as exc:
                problems += _located(draft, book, exc.diagnostics)
                continue
            problems += _located(draft, book, check_document(document))
            texts[target] = canonical_text(text, draft.name, registry)
    if not force:
        problems += [Diagnostic(display_name(target), None, (), _(
            "ya existe; se espera un archivo nuevo, o --force para reemplazarlo"))
            for target in texts if target.exists()]
    if blocking(problems, strict):
        return [], problems
    for target, text in texts.items():
        write_document(out_dir, target.relative_to(out_dir), text.encode("utf-8"))
    return list(texts), problems
