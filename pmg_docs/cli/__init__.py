"""The `pmg` command: thin wrappers that parse options, call the library, print the result.

Exit codes: 0 success; 1 the input has errors (each printed as file:line: field: message);
2 the command line itself is wrong (click's usage errors); 3 an internal error (a bug). Commands
never exit: they raise the exceptions of diagnostics/, each carrying its code, and `run` is the
one place that turns them (and any other exception: a bug) into the process's exit. Library
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
from ..diagnostics import EXIT_INPUT, EXIT_INTERNAL, EXIT_OK  # noqa: E402
from . import documents, init, serve, sign, sources, year  # noqa: E402
from .common import Group  # noqa: E402


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]}, help=_(
    "Documentos del PMG y las MEI de Chile (formulaciones, circulares, guías) desde YAML.\n\n"
    "Códigos de salida: 0 sin errores; 1 la entrada tiene errores; 2 la línea de comandos (o "
    "pmg.toml) está mal; 3 un error interno de pmg-docs. Los mensajes salen en español; "
    "PMG_LANG=en los da en inglés."))
@click.version_option(__version__, prog_name="pmg")
def main() -> None:
    pass


for command in (init.init, documents.validate, documents.render, documents.build, documents.guide,
                sources.fmt, sources.diff, sources.new, sources.schema, sources.catalog,
                year.report, year.export, year.import_, sign.sign, sign.verify):
    main.add_command(command)
main.add_command(serve.serve)


def run() -> None:
    """The console entry point, and the only place pmg exits."""
    sys.exit(outcome())


def outcome(args: list[str] | None = None) -> int:
    """Run the command line `args` and return its exit code: a ClickException's own (input 1,
    usage 2, a bug already reported 3), shown as its class shows it; 1 after Ctrl-C; 3 for any
    other exception, a bug in pmg-docs, reported in one line rather than a traceback (set
    PMG_DEBUG=1 to see it)."""
    import os

    from ..i18n import click_gettext

    try:
        code = main(args=args, standalone_mode=False)
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.Abort:
        click.echo(click_gettext("Aborted!"), err=True)
        return EXIT_INPUT
    except Exception as exc:  # noqa: BLE001 - the last line of defence for users
        if os.environ.get("PMG_DEBUG"):
            raise
        from ..diagnostics import terminal_safe

        click.echo(terminal_safe(_(
            "pmg: error interno: {kind}: {problem} (es un error de pmg-docs; ejecute de nuevo "
            "con PMG_DEBUG=1 e informe lo que muestra)").format(kind=type(exc).__name__,
                                                                 problem=exc)), err=True)
        return EXIT_INTERNAL
    # `--help`, `--version` and ctx.exit(n) (pmg diff) return their code; a command, None.
    return code if isinstance(code, int) else EXIT_OK


if __name__ == "__main__":
    run()
