"""The `pmg` command: thin wrappers that parse options, call the library, print the result.

Exit codes: 0 success; 1 the input has errors (each printed as file:line: field: message);
2 the command line itself is wrong (click's usage errors); 3 an internal error (a bug). Library modules are imported inside
the commands so that `pmg --help` and `pmg validate` stay quick and never load the writers.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__

FORMAT_CHOICES = click.Choice(["pdf", "docx", "all"])


def _formats(value: str) -> tuple[str, ...]:
    return ("pdf", "docx") if value == "all" else (value,)


def _print_diagnostics(diagnostics) -> None:
    for diagnostic in diagnostics:
        click.echo(str(diagnostic), err=True)


catalogs_option = click.option(
    "--catalogs", "catalog_dirs", multiple=True,
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Extra folder of catalogs (CATALOG_ID.yaml); may be repeated. Wins over the package's.")
strict_option = click.option("--strict", is_flag=True, help="Treat warnings as errors.")
templates_option = click.option(
    "--templates", "templates", type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Folder of your own templates, searched before the package's (run in Jinja's sandbox).")
# The names of pmg_docs.views.ANNEX_BUILDERS (a test keeps them equal), listed here so that
# `pmg --help` does not import the views.
annex_option = click.option(
    "--annex", "annexes", multiple=True, type=click.Choice(["requisitos"]),
    help="Append an annex; may be repeated. requisitos: the technical requirements of every "
         "stage objective committed with a weight above 0.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pmg")
def main() -> None:
    """Documents of Chile's PMG and MEI (formulations, circulars, guides) from YAML."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@catalogs_option
@strict_option
def validate(paths, catalog_dirs, strict) -> None:
    """Check formulations, circulars and catalogs (files or folders) and report every
    problem."""
    from .sources import CatalogRegistry
    from .validation import validate_paths

    found, count = validate_paths(paths, CatalogRegistry(catalog_dirs))
    _print_diagnostics(found)
    errors, warnings = len(found.errors), len(found.warnings)
    if found.has_errors(strict):
        click.echo(f"{count} file(s) checked: {errors} error(s), {warnings} warning(s)", err=True)
        sys.exit(1)
    click.echo(f"{count} file(s) checked: no errors, {warnings} warning(s)")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=FORMAT_CHOICES, default="all", show_default=True)
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("out"), show_default=True, help="Folder for the documents.")
@catalogs_option
@templates_option
@strict_option
@annex_option
def render(files, fmt, out_dir, catalog_dirs, templates, strict, annexes) -> None:
    """Render formulations and circulars to PDF and/or DOCX. Invalid sources are not
    rendered."""
    from .building import render_files

    summary = render_files(files, out_dir, _formats(fmt), catalog_dirs, strict, templates,
                           annexes)
    _report(summary)


@main.command()
@click.argument("directory", required=False, default=Path("examples"),
                type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("out"), show_default=True, help="Folder for the documents.")
@click.option("--format", "fmt", type=FORMAT_CHOICES, default="all", show_default=True)
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
    from .building import build_tree
    from .progress import build_progress

    with build_progress() as progress:
        summary = build_tree(directory, out_dir, _formats(fmt), catalog_dirs, strict, templates,
                             annexes, jobs=jobs, force=force, progress=progress)
    _print_diagnostics(summary.diagnostics)
    click.echo(f"built {summary.built}, skipped {summary.skipped} (unchanged), failed "
               f"{summary.failed} in {summary.seconds:.1f} s; documents in {out_dir}")
    if summary.failed:
        sys.exit(1)


@main.command()
@click.argument("kind", type=click.Choice(["circular"]))
@click.option("-o", "--output", "path", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="File to write (default: circular.md).")
@click.option("--force", is_flag=True, help="Overwrite the file if it exists.")
def new(kind, path, force) -> None:
    """Write a new, commented KIND source to start from (it validates as it is)."""
    from .diagnostics import InputError
    from .scaffold import new_source

    try:
        written = new_source(kind, path, force)
    except InputError as exc:
        _print_diagnostics(exc.diagnostics)
        sys.exit(1)
    click.echo(f"wrote {written}; check it with `pmg validate {written}`")


@main.command()
@click.argument("system_id")
@click.option("--catalog", "catalog_id", required=True,
              help="Id of the catalog that holds the system (see `pmg catalog list`).")
@click.option("--format", "fmt", type=FORMAT_CHOICES, default="all", show_default=True)
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("out"), show_default=True, help="Folder for the documents.")
@catalogs_option
@strict_option
def guide(system_id, catalog_id, fmt, out_dir, catalog_dirs, strict) -> None:
    """Render the "Requisitos técnicos" guide of one system of a catalog
    (requisitos-SYSTEM_ID.pdf/.docx): its stages and objectives, then every technical
    requirement with its note."""
    from .catalog_info import UnknownId
    from .guides import render_guide

    try:
        result = render_guide(system_id, catalog_id, out_dir, _formats(fmt), catalog_dirs, strict)
    except UnknownId as exc:
        hint = "'--catalog'" if exc.param == "catalog" else "'SYSTEM_ID'"
        raise click.BadParameter(str(exc), param_hint=hint) from None
    _print_diagnostics(result.diagnostics)
    for path in result.written:
        click.echo(f"wrote {path}")
    if not result.written:
        click.echo("no guide written", err=True)
        sys.exit(1)


@main.group()
def catalog() -> None:
    """List the catalogs and the ids they hold (objectives, indicators, systems, measures)."""


@catalog.command("list")
@catalogs_option
def catalog_list(catalog_dirs) -> None:
    """Every catalog: id, year, mechanism, version and title."""
    from .catalog_info import list_catalogs
    from .sources import CatalogRegistry

    listing, problems = list_catalogs(CatalogRegistry(catalog_dirs))
    _print_listing(listing)
    _print_diagnostics(problems)
    if problems:
        sys.exit(1)


@catalog.command("show")
@click.argument("catalog_id")
@catalogs_option
def catalog_show(catalog_id, catalog_dirs) -> None:
    """The ids of one catalog's objectives, indicators, systems with their stages, and
    gender-measure kinds."""
    from .catalog_info import UnknownId, show_catalog
    from .diagnostics import InputError
    from .sources import CatalogRegistry

    try:
        listings = show_catalog(catalog_id, CatalogRegistry(catalog_dirs))
    except UnknownId as exc:
        raise click.BadParameter(str(exc), param_hint="'CATALOG_ID'") from None
    except InputError as exc:
        _print_diagnostics(exc.diagnostics)
        sys.exit(1)
    for listing in listings:
        _print_listing(listing)


def _print_listing(listing) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=listing.title, title_justify="left", title_style="bold")
    for column in listing.columns:
        # Ids are what the reader copies: never broken across lines.
        table.add_column(column, no_wrap=column == "id")
    for row in listing.rows:
        table.add_row(*(Text(value) for value in row))  # Text: catalog words are not markup
    Console(highlight=False).print(table)


def _report(summary) -> None:
    _print_diagnostics(summary.diagnostics)
    for path in summary.written:
        click.echo(f"wrote {path}")
    click.echo(f"{len(summary.written)} file(s) written, {summary.failed} source(s) failed")
    if summary.failed:
        sys.exit(1)


def run() -> None:
    """The console entry point: a bug in pmg-docs is reported in one line, not a traceback
    (set PMG_DEBUG=1 to see it)."""
    import os

    try:
        main(standalone_mode=True)
    except Exception as exc:  # noqa: BLE001 - the last line of defence for users
        if os.environ.get("PMG_DEBUG"):
            raise
        click.echo(f"pmg: internal error: {type(exc).__name__}: {exc} (this is a bug in "
                   "pmg-docs; run again with PMG_DEBUG=1 and report the output)", err=True)
        sys.exit(3)


if __name__ == "__main__":
    run()
