"""The `pmg` command: thin wrappers that parse options, call the library, print the result.

Exit codes: 0 success; 1 the input has errors (each printed as file:line: field: message);
2 the command line itself is wrong (click's usage errors); 3 an internal error (a bug). Library
modules are imported inside the commands so that `pmg --help` and `pmg validate` stay quick and
never load the writers.
"""

from __future__ import annotations

import sys

import click

from ..i18n import _, use_for_click

# Before any command is built: click's own words ("Uso:", "Opciones") follow PMG_LANG too.
use_for_click()

from .. import __version__  # noqa: E402
from . import documents, serve, workflow, year  # noqa: E402
from .common import EXIT_INTERNAL, Group  # noqa: E402


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]}, help=_(
    "Documentos del PMG y las MEI de Chile (formulaciones, circulares, guías) desde YAML.\n\n"
    "Códigos de salida: 0 sin errores; 1 la entrada tiene errores; 2 la línea de comandos (o "
    "pmg.toml) está mal; 3 un error interno de pmg-docs. Los mensajes salen en español; "
    "PMG_LANG=en los da en inglés."))
@click.version_option(__version__, prog_name="pmg")
def main() -> None:
    pass


for command in (documents.validate, documents.render, documents.build, documents.guide,
                workflow.fmt, workflow.diff, workflow.new, workflow.schema, workflow.catalog,
                year.report, year.export, year.import_):
    main.add_command(command)
main.add_command(serve.serve)


def run() -> None:
    """The console entry point: a bug in pmg-docs is reported in one line, not a traceback
    (set PMG_DEBUG=1 to see it)."""
    import os

    try:
        main(standalone_mode=True)
    except Exception as exc:  # noqa: BLE001 - the last line of defence for users
        if os.environ.get("PMG_DEBUG"):
            raise
        from ..diagnostics import terminal_safe

        click.echo(terminal_safe(_(
            "pmg: error interno: {kind}: {problem} (es un error de pmg-docs; ejecute de nuevo "
            "con PMG_DEBUG=1 e informe lo que muestra)").format(kind=type(exc).__name__,
                                                                 problem=exc)), err=True)
        sys.exit(EXIT_INTERNAL)


if __name__ == "__main__":
    run()
