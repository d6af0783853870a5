"""Commands over a whole year: report (Resultados: PDF, DOCX, XLSX), export and import of
commitments as Excel workbooks."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import kinds
from ..i18n import _
from .common import EXIT_INPUT, catalogs_option, print_diagnostics, strict_option, templates_option

REPORT_FORMATS = click.Choice(["pdf", "docx", "xlsx", "all"])


@click.command(help=_(
    "Los Resultados del año: lee cada formulación e informe de cumplimiento bajo CARPETA y "
    "escribe resultados-AÑO.pdf, .docx y .xlsx (totales, tramos, gráficos, anexo por servicio)."))
@click.argument("directory", metavar=_("CARPETA"),
                type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("out"), show_default=True, metavar=_("CARPETA"),
              help=_("Carpeta de los documentos."))
@click.option("--format", "fmt", type=REPORT_FORMATS, default="all", show_default=True,
              help=_("pdf, docx, xlsx (el libro de Excel) o all."))
@catalogs_option
@templates_option
@strict_option
def report(directory, out_dir, fmt, catalog_dirs, templates, strict) -> None:
    from ..load import CatalogRegistry
    from ..render.pipeline import RenderOptions, blocking, write_rendered
    from ..year.report import render_report

    chosen = ("pdf", "docx", "xlsx") if fmt == "all" else (fmt,)
    options = RenderOptions(tuple(f for f in chosen if f != "xlsx"), strict, templates)
    rendered, year = render_report(directory, CatalogRegistry(catalog_dirs), options,
                                   workbook="xlsx" in chosen)
    print_diagnostics(rendered.diagnostics)
    if year is None or blocking(rendered.diagnostics, strict) or not rendered.data:
        click.echo(_("no se escribió el informe"), err=True)
        sys.exit(EXIT_INPUT)
    write_rendered(rendered, out_dir, kinds.output_name(kinds.REPORT, year))
    for path in rendered.outputs:
        click.echo(_("escrito {path}").format(path=path))
    click.echo(_("{reported} de {total} servicios con informe de cumplimiento").format(
        reported=len(year.judged), total=len(year.services)))


@click.command(help=_(
    "Los compromisos de cada formulación bajo CARPETA en un libro de Excel, que "
    "`pmg import xlsx` lee de vuelta."))
@click.argument("directory", metavar=_("CARPETA"),
                type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("-o", "--output", "path", required=True, metavar=_("ARCHIVO"),
              type=click.Path(dir_okay=False, path_type=Path),
              help=_("El libro a escribir (.xlsx)."))
@click.option("--force", is_flag=True, help=_("Reemplazar el libro si existe."))
@catalogs_option
def export(directory, path, force, catalog_dirs) -> None:
    from ..diagnostics import InputError
    from ..load import CatalogRegistry
    from ..output import atomic_write
    from ..year.commitments_xlsx import export_workbook, year_formulations

    if path.exists() and not force:
        raise click.BadParameter(_("{path} ya existe; use --force para reemplazarlo").format(
            path=path), param_hint="'-o'")
    try:
        documents = year_formulations(directory, CatalogRegistry(catalog_dirs))
        data = export_workbook(documents)
    except InputError as exc:
        print_diagnostics(exc.diagnostics)
        click.echo(_("no se escribió el libro"), err=True)
        sys.exit(EXIT_INPUT)
    atomic_write(path, data)
    click.echo(_("escrito {path}: {count} formulaciones").format(path=path, count=len(documents)))


@click.group("import", help=_("Leer compromisos desde otros formatos (un libro de Excel)."))
def import_() -> None:
    pass


@import_.command("xlsx", help=_(
    "Un libro con la forma que escribe `pmg export`, de vuelta a formulaciones YAML, "
    "validadas; cada problema se informa en su hoja, fila y columna."))
@click.argument("workbook", metavar=_("LIBRO"),
                type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("-o", "--output", "out_dir", required=True, metavar=_("CARPETA"),
              type=click.Path(file_okay=False, path_type=Path),
              help=_("Carpeta donde escribir las formulaciones (con los nombres de la columna "
                     "Archivo)."))
@click.option("--force", is_flag=True, help=_("Reemplazar archivos existentes."))
@catalogs_option
@strict_option
def import_xlsx(workbook, out_dir, force, catalog_dirs, strict) -> None:
    from ..load import CatalogRegistry
    from ..year.import_xlsx import import_workbook

    written, problems = import_workbook(workbook, out_dir, CatalogRegistry(catalog_dirs),
                                        force=force, strict=strict)
    print_diagnostics(problems)
    if not written:
        click.echo(_("no se escribió ninguna formulación"), err=True)
        sys.exit(EXIT_INPUT)
    for path in written:
        click.echo(_("escrito {path}").format(path=path))
