"""The `pmg` command: thin wrappers that parse options, call the library, print the result.

Exit codes: 0 success; 1 the input has errors (each printed as file:line: field: message);
2 the command line itself is wrong (click's usage errors); 3 an internal error (a bug). Library modules are imported inside
the commands so that `pmg --help` and `pmg validate` stay quick and never load the writers.
"""

from __future__ import annotations

import sys

import click

from .. import __version__
from . import documents, workflow, year
from .common import EXIT_INTERNAL


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pmg")
def main() -> None:
    """Documents of Chile's PMG and MEI (formulations, circulars, guides) from YAML."""


for command in (documents.validate, documents.render, documents.build, documents.guide,
                workflow.fmt, workflow.diff, workflow.new, workflow.schema, workflow.catalog,
                year.report, year.export, year.import_):
    main.add_command(command)


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
        sys.exit(EXIT_INTERNAL)


if __name__ == "__main__":
    run()
