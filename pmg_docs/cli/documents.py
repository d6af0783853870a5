"""Commands that check and render documents: validate, render, build, guide."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .common import (
    EXIT_INPUT,
    EXIT_INTERNAL,
    annex_option,
    catalogs_option,
    format_option,
    formats,
    output_dir_option,
    print_diagnostics,
    strict_option,
    templates_option,
)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@catalogs_option
@templates_option
@strict_option
def validate(paths, catalog_dirs, templates, strict) -> None:
    """Check formulations, circulars and catalogs (files or folders) and report every
    problem."""
    from ..checks import validate_paths
    from ..load import CatalogRegistry

    found, count = validate_paths(paths, CatalogRegistry(catalog_dirs), templates)
    print_diagnostics(found)
    errors, warnings = len(found.errors), len(found.warnings)
    if found.has_errors(strict):
        click.echo(f"{count} file(s) checked: {errors} error(s), {warnings} warning(s)", err=True)
        sys.exit(EXIT_INPUT)
    click.echo(f"{count} file(s) checked: no errors, {warnings} warning(s)")


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@format_option
@output_dir_option
@catalogs_option
@templates_option
@strict_option
@annex_option
def render(files, fmt, out_dir, catalog_dirs, templates, strict, annexes) -> None:
    """Render formulations and circulars to PDF and/or DOCX. Invalid sources are not
    rendered."""
    from ..build import render_files

    summary = render_files(files, out_dir, formats(fmt), catalog_dirs, strict, templates,
                           annexes)
    _report(summary)


@click.command()
@click.argument("directory", required=False, default=Path("examples"),
                type=click.Path(file_okay=False, exists=True, path_type=Path))
@output_dir_option
@format_option
@catalogs_option
@templates_option
@strict_option
@annex_option
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Documents rendered at once (default: the number of CPUs).")
@click.option("--force", is_flag=True, help="Rebuild everything, ignoring the build cache.")
def build(directory, out_dir, fmt, catalog_dirs, templates, strict, annexes, jobs, force) -> None:
    """Render every formulation and circular under DIRECTORY (default: examples) into
    OUTPUT, keeping the folder structure. Only documents whose inputs changed are redone."""
    from ..build import build_tree
    from .progress import build_progress

    with build_progress() as progress:
        summary = build_tree(directory, out_dir, formats(fmt), catalog_dirs, strict, templates,
                             annexes, jobs=jobs, force=force, progress=progress)
    print_diagnostics(summary.diagnostics)
    click.echo(f"built {summary.built}, skipped {summary.skipped} (unchanged), failed "
               f"{summary.failed} in {summary.seconds:.1f} s; documents in {out_dir}")
    _exit_for(summary)


@click.command()
@click.argument("system_id")
@click.option("--catalog", "catalog_id", required=True,
              help="Id of the catalog that holds the system (see `pmg catalog list`).")
@format_option
@output_dir_option
@catalogs_option
@templates_option
@strict_option
def guide(system_id, catalog_id, fmt, out_dir, catalog_dirs, templates, strict) -> None:
    """Render the "Requisitos técnicos" guide of one system of a catalog
    (requisitos-SYSTEM_ID.pdf/.docx): its stages and objectives, then every technical
    requirement with its note."""
    from ..diagnostics import UnknownId
    from ..load import CatalogRegistry
    from ..render.pipeline import (
        RenderOptions,
        blocking,
        guide_file_name,
        render_guide,
        write_rendered,
    )

    options = RenderOptions(formats(fmt), strict, templates)
    try:
        result = render_guide(system_id, catalog_id, CatalogRegistry(catalog_dirs), options)
    except UnknownId as exc:
        hint = "'--catalog'" if exc.param == "catalog" else "'SYSTEM_ID'"
        raise click.BadParameter(str(exc), param_hint=hint) from None
    print_diagnostics(result.diagnostics)
    if blocking(result.diagnostics, strict) or not result.data:
        click.echo("no guide written", err=True)
        sys.exit(EXIT_INPUT)
    write_rendered(result, out_dir, guide_file_name(system_id))
    for path in result.outputs:
        click.echo(f"wrote {path}")


def _report(summary) -> None:
    print_diagnostics(summary.diagnostics)
    for path in summary.written:
        click.echo(f"wrote {path}")
    click.echo(f"{len(summary.written)} file(s) written, {summary.failed} source(s) failed")
    _exit_for(summary)


def _exit_for(summary) -> None:
    """1 when a source has errors; 3 when one hit a bug in pmg-docs (after the others were
    rendered all the same)."""
    if summary.internal:
        sys.exit(EXIT_INTERNAL)
    if summary.failed:
        sys.exit(EXIT_INPUT)
