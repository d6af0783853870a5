"""Commands over a whole year: report (Resultados: PDF, DOCX, XLSX), export and import of
commitments as Excel workbooks."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from .. import kinds
from ..diagnostics import InputError, PdfLibraryMissing
from ..i18n import _, ngettext
from .common import catalogs_option, print_diagnostics, render_options, strict_option

if TYPE_CHECKING:
    from ..render.pipeline import RenderOptions


@click.command(help=_(
    "Los Resultados del año: lee cada formulación e informe de cumplimiento bajo CARPETA y "
    "escribe resultados-AÑO.pdf, .docx y .xlsx (totales, tramos, gráficos, anexo por servicio)."))
@click.argument("directory", metavar=_("CARPETA"),
                type=click.Path(file_okay=False, exists=True, path_type=Path))
@render_options(formats=("pdf", "docx", "xlsx"), annexes=False,
                format_help=_("pdf, docx, xlsx (el libro de Excel) o all."))
def report(directory: Path, options: RenderOptions) -> None:
    from ..build.lock import locked
    from ..diagnostics import blocking
    from ..load import CatalogRegistry
    from ..render.pipeline import write_rendered
    from ..render.report import render_report

    rendered, year = render_report(directory, CatalogRegistry(options.catalogs), options)
    print_diagnostics(rendered.diagnostics)
    if (year is None or blocking(rendered.diagnostics, options.strict)
            or not (rendered.data or rendered.pdf_missing)):
        raise InputError([], outcome=_("no se escribió el informe"))
    with locked(options.out_dir):
        write_rendered(rendered, options.out_dir, kinds.output_name(kinds.REPORT, year))
    for path in rendered.outputs:
        click.echo(_("escrito {path}").format(path=path))
    click.echo(ngettext("{reported} de {total} servicio con informe de cumplimiento",
                        "{reported} de {total} servicios con informe de cumplimiento",
                        len(year.services)).format(reported=len(year.judged),
                                                   total=len(year.services)))
    if rendered.pdf_missing:
        raise PdfLibraryMissing()


@click.command(help=_(
    "Las formulaciones (de todo formato), los informes de cumplimiento y los mensuales bajo "
    "CARPETA en un libro "
    "de Excel, que `pmg import xlsx` lee de vuelta. Un archivo con errores queda fuera: el libro "
    "se escribe con el resto, se dice qué archivo quedó fuera y por qué, y el código de salida "
    "es 1."))
@click.argument("directory", metavar=_("CARPETA"),
                type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("-o", "--output", "path", required=True, metavar=_("ARCHIVO"),
              type=click.Path(dir_okay=False, path_type=Path),
              help=_("El libro a escribir (.xlsx)."))
@click.option("--force", is_flag=True, help=_("Reemplazar el libro si existe."))
@catalogs_option
def export(directory: Path, path: Path, force: bool, catalog_dirs: tuple[Path, ...]) -> None:
    from ..build.lock import locked
    from ..load import CatalogRegistry
    from ..output import write_file
    from ..writers.commitments_xlsx import export_workbook, year_sources

    if path.exists() and not force:
        raise click.BadParameter(_("{path} ya existe; use --force para reemplazarlo").format(
            path=path), param_hint="'-o'")
    documents, left_out = year_sources(directory, CatalogRegistry(catalog_dirs))
    print_diagnostics(left_out)
    if not documents:
        raise InputError([], outcome=_("no se escribió el libro: no hay formulaciones ni "
                                       "informes que exportar"))
    data = export_workbook(documents)
    with locked(path.parent):
        write_file(path, data)
    formulations = sum(1 for _n, d in documents if d.kind == kinds.FORMULATION)
    reports = sum(1 for _n, d in documents if d.kind == kinds.RESULTS)
    monthly = len(documents) - formulations - reports
    counts = [ngettext("{count} formulación", "{count} formulaciones",
                       formulations).format(count=formulations)]
    if reports:
        counts.append(ngettext("{count} informe de cumplimiento",
                               "{count} informes de cumplimiento", reports).format(count=reports))
    if monthly:
        counts.append(ngettext("{count} informe mensual", "{count} informes mensuales",
                               monthly).format(count=monthly))
    click.echo(_("escrito {path}: {counts}").format(path=path, counts=", ".join(counts)))
    if left_out:
        raise InputError([], outcome=_("el libro se escribió sin los archivos con errores "
                                       "(arriba)"))


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
def import_xlsx(workbook: Path, out_dir: Path, force: bool, catalog_dirs: tuple[Path, ...],
                strict: bool) -> None:
    from ..build.lock import locked
    from ..edit.import_xlsx import import_workbook
    from ..load import CatalogRegistry

    # Locked before anything is read: what is checked (files that exist) must stay so.
    with locked(out_dir, create=False):
        written, problems = import_workbook(workbook, out_dir, CatalogRegistry(catalog_dirs),
                                            force=force, strict=strict)
    print_diagnostics(problems)
    if not written:
        raise InputError([], outcome=_("no se escribió ninguna formulación"))
    for path in written:
        click.echo(_("escrito {path}").format(path=path))
