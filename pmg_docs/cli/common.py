"""What the commands share: options, how diagnostics are printed, and the exit codes.

Help texts are Spanish source strings in `_()`, translated when this module is imported: a
process speaks one language, chosen by PMG_LANG or the locale before it starts.
"""

from __future__ import annotations

from pathlib import Path

import click

from .. import kinds
from ..i18n import _
from .completion import complete_catalog_ids

FORMAT_CHOICES = click.Choice(["pdf", "docx", "all"])

# Exit codes, by class of failure (documented in the README and in `pmg --help`).
EXIT_OK = 0
EXIT_INPUT = 1      # the input has errors, each printed as file:line: field: message
EXIT_USAGE = 2      # the command line (or pmg.toml) is wrong; click's usage errors use 2 too
EXIT_INTERNAL = 3   # a bug in pmg-docs


def formats(value: str) -> tuple[str, ...]:
    return ("pdf", "docx") if value == "all" else (value,)


def print_diagnostics(diagnostics, err: bool = True) -> None:
    for diagnostic in diagnostics:
        click.echo(str(diagnostic), err=err)


class Group(click.Group):
    """A group whose commands' usage lines are in the user's language: click writes
    `[OPTIONS]` and `COMMAND [ARGS]...` as they are, outside its message catalog."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _translate_usage(self)

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        _translate_usage(cmd)
        super().add_command(cmd, name)


def _translate_usage(cmd: click.Command) -> None:
    if cmd.options_metavar == "[OPTIONS]":
        cmd.options_metavar = _("[OPCIONES]")
    if isinstance(cmd, click.Group) and cmd.subcommand_metavar == "COMMAND [ARGS]...":
        cmd.subcommand_metavar = _("COMANDO [ARGUMENTOS]...")
    for sub in getattr(cmd, "commands", {}).values():
        _translate_usage(sub)


class ConfigProblem(click.ClickException):
    """A pmg.toml that cannot be used: reported like a wrong command line."""

    exit_code = EXIT_USAGE

    def format_message(self) -> str:
        return self.message


def settings():
    """The project's pmg.toml (see pmg_docs/config.py), read once per command."""
    from ..config import ConfigError, load

    ctx = click.get_current_context(silent=True)
    cache = ctx.find_root().meta if ctx is not None else {}
    if "pmg.settings" not in cache:
        try:
            cache["pmg.settings"] = load()
        except ConfigError as exc:
            raise ConfigProblem(str(exc)) from None
    return cache["pmg.settings"]


def _with_configured_catalogs(ctx, param, value) -> tuple[Path, ...]:
    if ctx.resilient_parsing:  # completing a word: pmg.toml is read by completion.py itself
        return value
    # The project's folders first: one given on the command line wins over them.
    return (*settings().catalogs, *value)


def _or_configured_templates(ctx, param, value) -> Path | None:
    if ctx.resilient_parsing or value is not None:
        return value
    return settings().templates


FOLDER = click.Path(file_okay=False, exists=True, path_type=Path)

# Files or folders of sources (`pmg validate`, `pmg fmt`); they complete as files.
paths_argument = click.argument("paths", nargs=-1, required=True, metavar=_("RUTA..."),
                                type=click.Path(path_type=Path))

catalogs_option = click.option(
    "--catalogs", "catalog_dirs", multiple=True, type=FOLDER, metavar=_("CARPETA"),
    callback=_with_configured_catalogs,
    help=_("Otra carpeta de catálogos (ID.yaml), además de las de pmg.toml; se puede repetir. "
           "Prima sobre las del paquete."))
strict_option = click.option("--strict", is_flag=True,
                             help=_("Trata los avisos como errores."))
templates_option = click.option(
    "--templates", "templates", type=FOLDER, metavar=_("CARPETA"),
    callback=_or_configured_templates,
    help=_("Carpeta de plantillas propias, buscadas antes que las del paquete (se ejecutan en el "
           "entorno protegido de Jinja); por omisión, la de pmg.toml."))
def template_limits_options(command):
    """--template-seconds, --template-characters, --template-depth: what a template may use
    (pmg_docs/render/sandbox.py; the README's Security section)."""
    from ..render.sandbox import TemplateLimits

    defaults = TemplateLimits()
    options = [
        click.option("--template-seconds", type=click.FloatRange(min=0.1), show_default=True,
                     default=defaults.seconds, metavar=_("SEGUNDOS"),
                     help=_("Tiempo máximo de una plantilla por documento, en segundos.")),
        click.option("--template-characters", type=click.IntRange(min=1000), show_default=True,
                     default=defaults.characters, metavar="N",
                     help=_("Máximo de caracteres del HTML (y de cada texto) que produce una "
                            "plantilla.")),
        click.option("--template-depth", type=click.IntRange(min=2), show_default=True,
                     default=defaults.depth, metavar="N",
                     help=_("Máximo de plantillas y macros anidadas (include, extends, import, "
                            "llamadas).")),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def template_limits(seconds: float, characters: int, depth: int):
    from ..render.sandbox import TemplateLimits

    return TemplateLimits(seconds=seconds, characters=characters, depth=depth)


# The annexes the kind registry knows (it imports nothing until a command uses a part).
annex_option = click.option(
    "--annex", "annexes", multiple=True, type=click.Choice(kinds.annex_names()),
    help=_("Agrega un anexo; se puede repetir. requisitos: los requisitos técnicos de cada "
           "objetivo de etapa comprometido con ponderación mayor que 0."))


def catalog_option(help_text: str, required: bool = False):
    return click.option("--catalog", "catalog_id", metavar="ID", required=required,
                        shell_complete=complete_catalog_ids, help=help_text)



output_dir_option = click.option(
    "-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
    default=Path("out"), show_default=True, metavar=_("CARPETA"),
    help=_("Carpeta de los documentos."))
format_option = click.option(
    "--format", "fmt", type=FORMAT_CHOICES, default="all", show_default=True,
    help=_("Formato de los documentos: pdf, docx o ambos (all)."))
