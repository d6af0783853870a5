"""Commands that check and render documents: validate, render, build, guide."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import kinds
from ..diagnostics import terminal_safe
from ..i18n import _, ngettext
from .common import (
    EXIT_INPUT,
    EXIT_INTERNAL,
    annex_option,
    catalog_option,
    catalogs_option,
    format_option,
    formats,
    output_dir_option,
    paths_argument,
    pdf_variant_option,
    print_diagnostics,
    strict_option,
    template_limits,
    template_limits_options,
    templates_option,
)
from .completion import complete_system_ids

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
def validate(paths, catalog_dirs, templates, strict, fmt) -> None:
    from ..checks import validate_paths
    from ..load import CatalogRegistry
    from .validation_report import render

    found, count = validate_paths(paths, CatalogRegistry(catalog_dirs), templates)
    click.echo(render(fmt, list(found), count), nl=False)
    if found.has_errors(strict):
        sys.exit(EXIT_INPUT)


@click.command(help=_(
    "Diagrama formulaciones y circulares en PDF y/o DOCX. Las fuentes con errores no se "
    "diagraman."))
@click.argument("files", nargs=-1, required=True, metavar=_("ARCHIVO..."),
                type=click.Path(path_type=Path))
@format_option
@output_dir_option
@catalogs_option
@templates_option
@strict_option
@annex_option
@template_limits_options
@pdf_variant_option
def render(files, fmt, out_dir, catalog_dirs, templates, strict, annexes, template_seconds,
           template_characters, template_depth, pdf_variant) -> None:
    from ..build import render_files

    summary = render_files(files, out_dir, formats(fmt), catalog_dirs, strict, templates,
                           annexes, limits=template_limits(template_seconds, template_characters,
                                                           template_depth),
                           pdf_variant=pdf_variant)
    _report(summary)


@click.command(help=_(
    "Diagrama cada formulación y circular bajo CARPETA (por omisión, examples) en la carpeta de "
    "salida, con la misma estructura de carpetas. Solo se rehacen los documentos cuyas fuentes "
    "cambiaron."))
@click.argument("directory", required=False, default=Path("examples"), metavar=_("CARPETA"),
                type=click.Path(file_okay=False, exists=True, path_type=Path))
@output_dir_option
@format_option
@catalogs_option
@templates_option
@strict_option
@annex_option
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help=_("Documentos diagramados a la vez (por omisión, el número de CPU)."))
@click.option("--force", is_flag=True,
              help=_("Rehace todo, sin mirar el caché de la construcción."))
@template_limits_options
@pdf_variant_option
def build(directory, out_dir, fmt, catalog_dirs, templates, strict, annexes, jobs, force,
          template_seconds, template_characters, template_depth, pdf_variant) -> None:
    from ..build import build_tree
    from .progress import build_progress

    with build_progress() as progress:
        summary = build_tree(directory, out_dir, formats(fmt), catalog_dirs, strict, templates,
                             annexes, jobs=jobs, force=force, progress=progress,
                             limits=template_limits(template_seconds, template_characters,
                                                    template_depth),
                             pdf_variant=pdf_variant)
    print_diagnostics(summary.diagnostics)
    built = ngettext("{count} construido", "{count} construidos",
                     summary.built).format(count=summary.built)
    click.echo(_("{built}, {skipped} sin cambios, {failed} con errores, en {seconds} s; "
                 "documentos en {folder}").format(
        built=built, skipped=summary.skipped, failed=summary.failed,
        seconds=f"{summary.seconds:.1f}", folder=out_dir))
    _exit_for(summary)


@click.command(help=_(
    "Diagrama la guía de «Requisitos técnicos» de un sistema de un catálogo "
    "(requisitos-SISTEMA.pdf/.docx): sus etapas y objetivos, y luego cada requisito técnico "
    "con su nota."))
@click.argument("system_id", metavar=_("SISTEMA"), shell_complete=complete_system_ids)
@catalog_option(_("Id del catálogo que tiene el sistema (ver `pmg catalog list`)."),
                required=True)
@format_option
@output_dir_option
@catalogs_option
@templates_option
@strict_option
@template_limits_options
@pdf_variant_option
def guide(system_id, catalog_id, fmt, out_dir, catalog_dirs, templates, strict, template_seconds,
          template_characters, template_depth, pdf_variant) -> None:
    from ..diagnostics import UnknownId
    from ..load import CatalogRegistry
    from ..render.pipeline import RenderOptions, blocking, render_guide, write_rendered

    options = RenderOptions(formats(fmt), strict, templates,
                            limits=template_limits(template_seconds, template_characters,
                                                   template_depth),
                            pdf_variant=pdf_variant)
    registry = CatalogRegistry(catalog_dirs)
    try:
        result = render_guide(system_id, catalog_id, registry, options)
    except UnknownId as exc:
        hint = "'--catalog'" if exc.param == "catalog" else "'" + _("SISTEMA") + "'"
        raise click.BadParameter(str(exc), param_hint=hint) from None
    print_diagnostics(result.diagnostics)
    if blocking(result.diagnostics, strict) or not result.data:
        click.echo(_("no se escribió la guía"), err=True)
        sys.exit(EXIT_INPUT)
    system = kinds.subject(kinds.GUIDE, system_id, catalog_id, registry)[1]
    write_rendered(result, out_dir, kinds.output_name(kinds.GUIDE, system))
    for path in result.outputs:
        click.echo(terminal_safe(_("escrito {path}").format(path=path)))


def _report(summary) -> None:
    print_diagnostics(summary.diagnostics)
    for path in summary.written:
        click.echo(terminal_safe(_("escrito {path}").format(path=path)))
    written = ngettext("{count} archivo escrito", "{count} archivos escritos",
                       len(summary.written)).format(count=len(summary.written))
    failed = ngettext("{count} fuente con errores", "{count} fuentes con errores",
                      summary.failed).format(count=summary.failed)
    click.echo(f"{written}, {failed}")
    _exit_for(summary)


def _exit_for(summary) -> None:
    """1 when a source has errors; 3 when one hit a bug in pmg-docs (after the others were
    rendered all the same)."""
    if summary.internal:
        sys.exit(EXIT_INTERNAL)
    if summary.failed:
        sys.exit(EXIT_INPUT)
