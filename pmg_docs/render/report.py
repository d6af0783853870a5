"""`pmg report DIR`: the year's *Resultados* as PDF and DOCX (the `report` kind, through the one
render pipeline) and as a workbook, from the formulations and results under DIR."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .. import kinds
from ..diagnostics import InputError, blocking
from ..domain.year import Year
from ..load import CatalogRegistry, Document
from ..load.sources import drawn_document
from ..models.catalog import Catalog
from ..views.year import consolidate
from .pipeline import Rendered, RenderOptions, render_document

XLSX = "xlsx"
FORMATS = ("pdf", "docx", XLSX)


def year_subject(directory: Path,
                 registry: CatalogRegistry) -> tuple[Document[Catalog], Year]:
    """What the year's report is drawn from (the report kind's subject factory): the year
    under `directory` and its catalog's document. Raises InputError."""
    year = consolidate(directory, registry)
    return year.catalog_document, year


def report_document(year: Year) -> Document[Year]:
    """The year as a document of the report kind its catalog declares."""
    return drawn_document(kinds.REPORT, year.catalog_document, year)


def render_report(directory: Path, registry: CatalogRegistry,
                  options: RenderOptions) -> tuple[Rendered, Year | None]:
    """The report's bytes by format, each that `options` asks for: pdf and docx through the
    render pipeline, xlsx (the workbook) from the year itself."""
    workbook = XLSX in options.formats
    options = replace(options, formats=tuple(f for f in options.formats if f != XLSX))
    try:
        year = kinds.subject(kinds.REPORT, directory, registry)[1]
        document = report_document(year)
    except InputError as exc:
        return Rendered(name=str(directory), diagnostics=exc.diagnostics), None
    rendered = Rendered(name=str(directory), diagnostics=list(year.diagnostics))
    if options.formats:
        made = render_document(document, options)
        rendered.diagnostics += made.diagnostics
        rendered.pdf_missing = made.pdf_missing
        if blocking(made.diagnostics, options.strict) or not made.data:
            return rendered, year
        rendered.data.update(made.data)
    if workbook:
        from ..writers.year_xlsx import year_workbook

        rendered.data[XLSX] = year_workbook(year)
    return rendered, year
