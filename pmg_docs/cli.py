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
def render(files, fmt, out_dir, catalog_dirs, templates, strict) -> None:
    """Render formulations and circulars to PDF and/or DOCX. Invalid sources are not
    rendered."""
    from .building import render_files

    summary = render_files(files, out_dir, _formats(fmt), catalog_dirs, strict, templates)
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
def build(directory, out_dir, fmt, catalog_dirs, templates, strict) -> None:
    """Render every formulation and circular under DIRECTORY (default: examples) into
    OUTPUT, keeping the folder structure."""
    from .building import build_tree

    summary = build_tree(directory, out_dir, _formats(fmt), catalog_dirs, strict, templates)
    _report(summary)


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
