"""Commands over a whole year: report (Resultados: PDF, DOCX, XLSX), export and import of
commitments as Excel workbooks."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..i18n import _
from .common import EXIT_INPUT, catalogs_option, print_diagnostics, strict_option, \
    templates_option

REPORT_FORMATS = click.Choice(["pdf", "docx", "xlsx", "all"])


@click.command()
@click.argument("directory", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("out"), show_default=True, help=_("Carpeta de los documentos."))
@click.option("--format", "fmt", type=REPORT_FORMATS, default="all", show_default=True,
              help=_("pdf, docx, xlsx (el libro de Excel) o all."))
@catalogs_option
@templates_option
@strict_option
def report(directory, out_dir, fmt, catalog_dirs, templates, strict) -> None:
    """Los Resultados del año: lee cada formulación e informe de cumplimiento bajo DIRECTORY y
    escribe resultados-AÑO.pdf, .docx y .xlsx (totales, tramos, gráficos, anexo por servicio)."""
    from ..load import CatalogRegistry
    from ..render.pipeline import RenderOptions, blocking, write_rendered
    from ..year.report import report_name, render_report

    chosen = ("pdf", "docx", "xlsx") if fmt == "all" else (fmt,)
    options = RenderOptions(tuple(f for f in chosen if f != "xlsx"), strict, templates)
    rendered, year = render_report(directory, CatalogRegistry(catalog_dirs), options,
                                   workbook="xlsx" in chosen)
    print_diagnostics(rendered.diagnostics)
    if year is None or blocking(rendered.diagnostics, strict) or not rendered.data:
        click.echo(_("no se escribió el informe"), err=True)
        sys.exit(EXIT_INPUT)
    write_rendered(rendered, out_dir, report_name(year))
    for path in rendered.outputs:
        click.echo(_("escrito {path}").format(path=path))
    click.echo(_("{reported} de {total} servicios con informe de cumplimiento").format(
        reported=len(year.judged), total=len(year.services)))
