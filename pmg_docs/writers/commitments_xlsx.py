"""`pmg export`: a year's commitments as a workbook that `pmg import xlsx` reads back.

One sheet per part of a formulation by objectives, one row per item, each row naming the file
it belongs to (`Archivo`, relative to the exported folder), so planning units can filter, sort
and edit in Excel and hand the workbook back:

    Servicios          Archivo, Catálogo, Ministerio, Partida, Servicio, Capítulo
    Objetivos          Archivo, Objetivo, Ponderación
    Indicadores        Archivo, Objetivo, Indicador, Ponderación, Numerador, Denominador, Meta, Mide
    Sistemas           Archivo, Objetivo, Sistema, Ponderación, Etapa, Objetivo de etapa,
                       Ponderación objetivo de etapa   (one row per stage objective)
    Medidas de género  Archivo, N°, Tipo, Descripción

Ids are the catalog's (`pmg catalog show` lists them); numbers are numbers; budget codes are
text ("08").
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import kinds
from ..diagnostics import Diagnostic, InputError
from ..i18n import _
from ..load import CatalogRegistry, Document
from ..models.objetivos import Formulation
from .xlsx import (
    CELL_CHARACTERS,
    DECIMAL,
    TEXT,
    Column,
    add_table,
    new_workbook,
    workbook_bytes,
)


@dataclass(frozen=True)
class Sheet:
    title: str
    columns: list[Column]

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]


def sheets() -> dict[str, Sheet]:
    """The workbook's sheets by their role, with headers in the user's language."""
    file_ = Column(_("Archivo"), width=28)
    objective = Column(_("Objetivo"), width=26)
    return {
        "services": Sheet(_("Servicios"), [
            file_, Column(_("Catálogo"), width=12), Column(_("Ministerio"), width=36),
            Column(_("Partida"), TEXT, width=9), Column(_("Servicio"), width=40),
            Column(_("Capítulo"), TEXT, width=10)]),
        "objectives": Sheet(_("Objetivos"), [file_, objective,
                                             Column(_("Ponderación"), DECIMAL)]),
        "indicators": Sheet(_("Indicadores"), [
            file_, objective, Column(_("Indicador"), width=30), Column(_("Ponderación"), DECIMAL),
            Column(_("Numerador"), DECIMAL, width=16), Column(_("Denominador"), DECIMAL, width=16),
            Column(_("Meta"), DECIMAL), Column(_("Mide"), width=8)]),
        "systems": Sheet(_("Sistemas"), [
            file_, objective, Column(_("Sistema"), width=40), Column(_("Ponderación"), DECIMAL),
            Column(_("Etapa"), "0", width=8), Column(_("Objetivo de etapa"), "0"),
            Column(_("Ponderación objetivo de etapa"), DECIMAL, width=16)]),
        "measures": Sheet(_("Medidas de género"), [
            file_, Column(_("N°"), "0", width=6), Column(_("Tipo"), width=30),
            Column(_("Descripción"), width=90)]),
    }


YES = "Sí"


# A row of a sheet: the values of its columns.
Row = list[object]


def _rows(name: str, model: Formulation) -> dict[str, list[Row]]:
    rows: dict[str, list[Row]] = {key: [] for key in sheets()}
    service = model.service
    rows["services"].append([name, model.catalog, service.ministry, service.partida,
                             service.name, service.chapter])
    for objective in model.objectives:
        rows["objectives"].append([name, objective.objective, objective.weight])
        for item in objective.indicators:
            target = item.target
            rows["indicators"].append([
                name, objective.objective, item.indicator, item.weight,
                target.numerator if target else None, target.denominator if target else None,
                target.value if target else None, _(YES) if item.measure_only else None])
        for system in objective.systems:
            for stage in system.stages:
                for number, weight in enumerate(stage.weights, start=1):
                    rows["systems"].append([name, objective.objective, system.system,
                                            system.weight, stage.stage, number, weight])
    for number, measure in enumerate(model.gender_measures, start=1):
        rows["measures"].append([name, number, measure.kind, measure.description])
    return rows


def _unexportable(document: Document[Formulation]) -> list[Diagnostic]:
    """What the workbook cannot hold: an own indicator, and a text longer than a cell (openpyxl
    would cut it at CELL_CHARACTERS without a word, and the import would read less)."""
    model = document.model
    problems = [document.diagnostic(("objectives", i, "indicators", j, "definition"), _(
        "un indicador propio (con `definition:`) no cabe en el libro de compromisos; se "
        "exportan solo indicadores del catálogo"))
        for i, o in enumerate(model.objectives)
        for j, x in enumerate(o.indicators) if x.definition is not None]
    problems += [document.diagnostic(("gender_measures", k, "description"), _(
        "tiene {count} caracteres, más que los {limit} de una celda de Excel; se espera un "
        "texto más corto para exportarlo").format(count=len(m.description),
                                                  limit=CELL_CHARACTERS))
        for k, m in enumerate(model.gender_measures) if len(m.description) > CELL_CHARACTERS]
    return problems


def export_workbook(documents: list[tuple[str, Document[Formulation]]]) -> bytes:
    """The workbook of `documents`: (file name as written under `Archivo`, loaded document)."""
    problems = []
    rows: dict[str, list[Row]] = {key: [] for key in sheets()}
    for name, document in documents:
        problems.extend(_unexportable(document))
        for key, found in _rows(name, document.model).items():
            rows[key].extend(found)
    if problems:
        raise InputError(problems)
    workbook = new_workbook()
    for key, sheet in sheets().items():
        add_table(workbook, sheet.title, sheet.columns, rows[key])
    return workbook_bytes(workbook)


def year_formulations(directory: Path, registry: CatalogRegistry
                      ) -> list[tuple[str, Document[Formulation]]]:
    """Every formulation by objectives under `directory` (the format with a workbook form),
    clean, with its name relative to it. Raises InputError with every problem found."""
    from ..checks import check_document
    from ..diagnostics import Severity
    from ..load import iter_source_files, load_document, load_source

    files, problems = iter_source_files([directory])
    problems = list(problems)
    found = []
    for path in files:
        try:
            data = load_source(path).data
            if not isinstance(data, dict) or data.get("kind") != kinds.FORMULATION:
                continue
            document = load_document(path, registry)
        except InputError as exc:
            problems.extend(exc.diagnostics)
            continue
        fmt = document.laid_out()[0]
        if not fmt.workbook:
            problems.append(document.diagnostic(("catalog",), _(
                "formulación en el formato {format}; el libro de compromisos lleva "
                "formulaciones por objetivos de gestión").format(format=fmt.name)))
            continue
        problems.extend(d for d in check_document(document) if d.severity is Severity.ERROR)
        found.append((path.relative_to(directory).as_posix(), document))
    if problems:
        raise InputError(problems)
    return found
