"""Commands that check and render documents: validate, render, build, guide."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from .. import kinds
from ..diagnostics import InputError, InternalError, PdfLibraryMissing, terminal_safe
from ..i18n import _, ngettext
from .common import (
    OptionalArgument,
    catalog_option,
    catalogs_option,
    paths_argument,
    print_diagnostics,
    render_options,
    strict_option,
    templates_option,
)
from .completion import complete_system_ids

if TYPE_CHECKING:
    from ..build import Summary
    from ..render.pipeline import RenderOptions

# The forms of `pmg validate`'s report (validation_report.py writes each).
VALIDATE_FORMATS = ("text", "json", "github", "gitlab")


@click.command(help=_(
    "Revisa formulaciones, circulares y catálogos (archivos o carpetas) e informa cada "
    "problema, con su archivo, su línea y el lugar del documento. El informe va a la salida "
    "estándar; el código de salida es 1 si hay errores."))
@paths_argument
@catalogs_option
@templates_option
@strict_option
@click.option("--format", "fmt", type=click.Choice(VALIDATE_FORMATS), default="text",
              show_default=True,
              help=_("text: una línea por problema; json: para otros programas; github: "
                     "anotaciones de GitHub Actions; gitlab: informe Code Quality de GitLab."))
def validate(paths: tuple[Path, ...], catalog_dirs: tuple[Path, ...], templates: Path | None,
             strict: bool, fmt: str) -> None:
    from ..checks import validate_paths
    from ..load import CatalogRegistry
    from .validation_report import render

    found, count = validate_paths(paths, CatalogRegistry(catalog_dirs), templates)
    click.echo(render(fmt, list(found), count), nl=False)
    if found.has_errors(strict):
        raise InputError([])  # the report above says what


@click.command(help=_(
    "Diagrama formulaciones y circulares en PDF y/o DOCX. Las fuentes con errores no se "
    "diagraman."))
@click.argument("files", nargs=-1, required=True, metavar=_("ARCHIVO..."),
                type=click.Path(path_type=Path))
@render_options()
def render(files: tuple[Path, ...], options: RenderOptions) -> None:
    from ..build import render_files

    summary = render_files(files, options)
    print_diagnostics(summary.diagnostics)
    for path in summary.written:
        click.echo(terminal_safe(_("escrito {path}").format(path=path)))
    written = ngettext("{count} archivo escrito", "{count} archivos escritos",
                       len(summary.written)).format(count=len(summary.written))
    failed = ngettext("{count} fuente con errores", "{count} fuentes con errores",
                      summary.failed).format(count=summary.failed)
    click.echo(f"{written}, {failed}")
    _fail_for(summary)


@click.command(help=_(
    "Diagrama cada formulación y circular bajo CARPETA (por omisión, la que nombra `sources` "
    "en pmg.toml, o la carpeta actual) en la carpeta de salida, con la misma estructura de "
    "carpetas. Solo se rehacen los documentos cuyas fuentes cambiaron."))
@click.argument("directory", required=False, metavar=_("CARPETA"), cls=OptionalArgument,
                type=click.Path(file_okay=False, exists=True, path_type=Path))
@render_options(jobs=True)
def build(directory: Path | None, options: RenderOptions) -> None:
    from ..build import build_tree
    from .common import sources_folder
    from .progress import build_progress

    directory = directory or sources_folder()
    with build_progress(options.out_dir) as progress:
        summary = build_tree(directory, options, progress=progress)
    print_diagnostics(summary.diagnostics)
    built = ngettext("{count} construido", "{count} construidos",
                     summary.built).format(count=summary.built)
    click.echo(_("{built}, {skipped} sin cambios, {failed} con errores, en {seconds} s; "
                 "documentos en {folder}").format(
        built=built, skipped=summary.skipped, failed=summary.failed,
        seconds=f"{summary.seconds:.1f}", folder=options.out_dir))
    _fail_for(summary)


@click.command(help=_(
    "Diagrama la guía de «Requisitos técnicos» de un sistema de un catálogo "
    "(requisitos-SISTEMA.pdf/.docx): sus etapas y objetivos, y luego cada requisito técnico "
    "con su nota. Con --all, la guía de todo el marco (requisitos-CATÁLOGO.pdf/.docx): un "
    "índice con la página de cada sistema y etapa, y luego cada sistema."))
@click.argument("system_id", metavar=_("SISTEMA"), required=False, cls=OptionalArgument,
                shell_complete=complete_system_ids)
@click.option("--all", "every_system", is_flag=True,
              help=_("Todos los sistemas del catálogo, en una guía con índice, en vez de uno."))
@catalog_option(_("Id del catálogo que tiene el sistema (ver `pmg catalog list`)."),
                required=True)
@render_options(annexes=False)
def guide(system_id: str | None, every_system: bool, catalog_id: str,
          options: RenderOptions) -> None:
    from ..diagnostics import UnknownId, blocking
    from ..load import CatalogRegistry
    from ..render.pipeline import render_guide, write_rendered

    if every_system == (system_id is not None):
        raise click.UsageError(_(
            "se espera un SISTEMA o --all (la guía de todo el marco), no ambos ni ninguno; "
            "los sistemas: `pmg catalog show {catalog}`").format(catalog=catalog_id))
    registry = CatalogRegistry(options.catalogs)
    try:
        result = render_guide(system_id, catalog_id, registry, options)
    except UnknownId as exc:
        hint = "'--catalog'" if exc.param == "catalog" else "'" + _("SISTEMA") + "'"
        raise click.BadParameter(str(exc), param_hint=hint) from None
    print_diagnostics(result.diagnostics)
    if blocking(result.diagnostics, options.strict) or not (result.data or result.pdf_missing):
        raise InputError([], outcome=_("no se escribió la guía"))
    subject = kinds.subject(kinds.GUIDE, system_id, catalog_id, registry)[1]
    write_rendered(result, options.out_dir, kinds.output_name(kinds.GUIDE, subject))
    for path in result.outputs:
        click.echo(terminal_safe(_("escrito {path}").format(path=path)))
    if result.pdf_missing:
        raise PdfLibraryMissing()


def _fail_for(summary: Summary) -> None:
    """Exit 1 when a source has errors or a PDF could not be made (saying once what to
    install); 3 when one hit a bug in pmg-docs (after the others were rendered all the same).
    The diagnostics are printed already."""
    if summary.internal:
        raise InternalError("")
    if summary.pdf_missing:
        raise PdfLibraryMissing()
    if summary.failed:
        raise InputError([])
