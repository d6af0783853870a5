"""What the commands share: options, how diagnostics are printed, and the exit codes."""

from __future__ import annotations

from pathlib import Path

import click

from .. import kinds

FORMAT_CHOICES = click.Choice(["pdf", "docx", "all"])
format_option = click.option("--format", "fmt", type=FORMAT_CHOICES, default="all",
                             show_default=True)
output_dir_option = click.option("-o", "--output", "out_dir",
                                 type=click.Path(file_okay=False, path_type=Path),
                                 default=Path("out"), show_default=True,
                                 help="Folder for the documents.")


def formats(value: str) -> tuple[str, ...]:
    return ("pdf", "docx") if value == "all" else (value,)


def print_diagnostics(diagnostics) -> None:
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
# The annexes the kind registry knows (it imports nothing until a command uses a part).
annex_option = click.option(
    "--annex", "annexes", multiple=True, type=click.Choice(kinds.annex_names()),
    help="Append an annex; may be repeated. requisitos: the technical requirements of every "
         "stage objective committed with a weight above 0.")


# Exit codes, by class of failure (documented in the README and in `pmg --help`).
EXIT_OK = 0
EXIT_INPUT = 1      # the input has errors, each printed as file:line: field: message
EXIT_USAGE = 2      # the command line itself is wrong (click's usage errors use 2 too)
EXIT_INTERNAL = 3   # a bug in pmg-docs
