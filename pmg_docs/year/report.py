"""`pmg report DIR`: the year's *Resultados* as PDF and DOCX (the `report` kind, through the one
render pipeline) and as a workbook, from the formulations and results under DIR."""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import InputError
from ..load import CatalogRegistry, Document
from ..load.sources import declared
from ..render.pipeline import Rendered, RenderOptions, blocking, render_document
from .consolidate import Year, consolidate

XLSX = "xlsx"
FORMATS = ("pdf", "docx", XLSX)


def report_name(year: Year) -> Path:
    return Path(f"resultados-{year.catalog.year}")


def report_document(year: Year) -> Document[Year]:
    """The year as a document of the `report` kind its catalog declares."""
    found = year.catalog_document
    spec, fmt = declared(found, found.source, "report")[1:]
    return Document(found.source, year, "report", catalog=found.model,
                    catalog_source=found.source, format=fmt, spec=spec)


def render_report(directory: Path, registry: CatalogRegistry, options: RenderOptions,
                  workbook: bool = True) -> tuple[Rendered, Year | None]:
    """The report's bytes by format (pdf, docx as `options` asks; xlsx when `workbook`)."""
    try:
        year = consolidate(directory, registry)
        document = report_document(year)
    except InputError as exc:
        return Rendered(name=str(directory), diagnostics=exc.diagnostics), None
    rendered = Rendered(name=str(directory), diagnostics=list(year.diagnostics))
    if options.formats:
        made = render_document(document, options)
        rendered.diagnostics += made.diagnostics
        if blocking(made.diagnostics, options.strict) or not made.data:
            return rendered, year
        rendered.data.update(made.data)
    if workbook:
        from .workbook import year_workbook

        rendered.data[XLSX] = year_workbook(year)
    return rendered, year
