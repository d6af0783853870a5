"""What the commands share: options (the render options gathered into one object), and how
diagnostics are printed. Exit codes belong to the exceptions (diagnostics/) and are decided in
one place, the entry point (cli/__init__.py).

Help texts are Spanish source strings in `_()`, translated when this module is imported: a
process speaks one language, chosen by PMG_LANG or the locale before it starts.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from .. import kinds
from ..diagnostics import Diagnostic, UsageProblem
from ..i18n import _
from ..writers.pdf_library import ENGINES
from ..writers.pdf_metadata import DEFAULT_VARIANT, VARIANTS
from .completion import complete_catalog_ids

if TYPE_CHECKING:
    from ..config import Settings
    from ..render.pipeline import RenderOptions

F = TypeVar("F", bound=Callable[..., Any])

# The formats of a document; «all» is every one of them.
DOCUMENT_FORMATS = ("pdf", "docx")


def print_diagnostics(diagnostics: Iterable[Diagnostic], err: bool = True) -> None:
    for diagnostic in diagnostics:
        click.echo(str(diagnostic), err=err)


class Group(click.Group):
    """A group whose commands' usage lines are in the user's language: click writes
    `[OPTIONS]` and `COMMAND [ARGS]...` as they are, outside its message catalog."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
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


def settings() -> Settings:
    """The project's pmg.toml (see pmg_docs/config.py), read once per command."""
    from ..config import ConfigError, load

    ctx = click.get_current_context(silent=True)
    cache = ctx.find_root().meta if ctx is not None else {}
    if "pmg.settings" not in cache:
        try:
            cache["pmg.settings"] = load()
        except ConfigError as exc:
            raise UsageProblem(str(exc)) from None
    found: Settings = cache["pmg.settings"]
    return found


def sources_folder() -> Path:
    """The folder `pmg build` and `pmg serve` read when given none: pmg.toml's `sources`, else
    the working folder."""
    return settings().sources or Path(".")


def _with_configured_catalogs(ctx: click.Context, param: click.Parameter,
                              value: tuple[Path, ...]) -> tuple[Path, ...]:
    if ctx.resilient_parsing:  # completing a word: pmg.toml is read by completion.py itself
        return value
    for folder in value:
        _refuse_wide(folder, "--catalogs")
    # The project's folders first: one given on the command line wins over them.
    return (*settings().catalogs, *value)


def _or_configured_templates(ctx: click.Context, param: click.Parameter,
                             value: Path | None) -> Path | None:
    if ctx.resilient_parsing:
        return value
    if value is not None:
        _refuse_wide(value, "--templates")
        return value
    return settings().templates


def _refuse_wide(folder: Path, option: str) -> None:
    """A folder given on the command line that holds the working folder's whole repository
    (or the home folder) is refused before any build walks it: pmg.toml's rule."""
    from ..config import git_root, holds_repository

    working = Path.cwd().resolve()
    repository = git_root(working) or working
    if holds_repository(folder.resolve(), repository):
        raise UsageProblem(_("{option}: la carpeta «{folder}» contiene el repositorio entero "
                             "({root}) o la carpeta personal; se espera una carpeta de "
                             "catálogos o de plantillas, no una que los abarque a todos").format(
            option=option, folder=folder, root=repository))


FOLDER = click.Path(file_okay=False, exists=True, path_type=Path)


class OptionalArgument(click.Argument):
    """An argument that may be left out, shown so in the usage line (`pmg build [CARPETA]`);
    click brackets only the arguments whose metavar it makes itself, and ours are Spanish."""

    def get_usage_pieces(self, ctx: click.Context) -> list[str]:
        return [f"[{piece}]" for piece in super().get_usage_pieces(ctx)]

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
def _template_limits_options() -> list[Callable[[F], F]]:
    """--template-seconds, --template-characters, --template-depth: what a template may use
    (pmg_docs/render/sandbox.py; the README's Security section)."""
    from ..render.sandbox import TemplateLimits

    defaults = TemplateLimits()
    return [
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


# The annexes the kind registry knows (it imports nothing until a command uses a part).
annex_option = click.option(
    "--annex", "annexes", multiple=True, type=click.Choice(kinds.annex_names()),
    help=_("Agrega un anexo; se puede repetir. requisitos: los requisitos técnicos de cada "
           "objetivo de etapa comprometido con ponderación mayor que 0."))

pdf_variant_option = click.option(
    "--pdf-variant", "pdf_variant", type=click.Choice(VARIANTS), default=DEFAULT_VARIANT,
    show_default=True,
    help=_("Norma que declara el PDF: PDF/A (archivo; nivel «a»: etiquetado para lectores de "
           "pantalla), PDF/UA-1, o none (un PDF simple, sin etiquetas ni declaración)."))


def _or_configured_engine(ctx: click.Context, param: click.Parameter,
                          value: str | None) -> str:
    from ..writers.pdf_library import DEFAULT_ENGINE

    if value is not None or ctx.resilient_parsing:
        return value or DEFAULT_ENGINE
    return settings().pdf_engine or DEFAULT_ENGINE


pdf_engine_option = click.option(
    "--pdf-engine", "pdf_engine", type=click.Choice(ENGINES), default=None,
    callback=_or_configured_engine,
    help=_("Motor que diagrama el PDF: typst (por omisión; no necesita Pango) o weasyprint "
           "(el extra pmg-docs[weasyprint], para plantillas con CSS propio). pmg.toml lo puede "
           "fijar con pdf_engine."))


def catalog_option(help_text: str, required: bool = False) -> Callable[[F], F]:
    return click.option("--catalog", "catalog_id", metavar="ID", required=required,
                        shell_complete=complete_catalog_ids, help=help_text)


jobs_options = [
    click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
                 help=_("Documentos diagramados a la vez (por omisión, el número de CPU).")),
    click.option("--force", is_flag=True,
                 help=_("Rehace todo, sin mirar el caché de la construcción.")),
]

# What `render_options` gathers: the names click gives the values of its options.
_GATHERED = ("fmt", "out_dir", "catalog_dirs", "templates", "strict", "annexes", "jobs", "force",
             "template_seconds", "template_characters", "template_depth", "pdf_variant",
             "pdf_engine")


def render_options(*, formats: tuple[str, ...] = DOCUMENT_FORMATS, format_help: str = "",
                   annexes: bool = True, jobs: bool = False) -> Callable[[F], F]:
    """The options render, build, guide and report share (format, output folder, catalogs,
    templates, --strict, annexes, template limits, PDF variant; with `jobs`, -j and --force),
    gathered into one RenderOptions the command receives as `options`. `formats` are the
    values of --format besides «all», which means every one of them."""

    def decorate(command: F) -> F:
        @functools.wraps(command)
        def gathering(*args: Any, **values: Any) -> Any:
            gathered = {name: values.pop(name) for name in _GATHERED if name in values}
            values["options"] = _options(gathered, formats)
            return command(*args, **values)

        options = [
            click.option("--format", "fmt", type=click.Choice([*formats, "all"]), default="all",
                         show_default=True,
                         help=format_help or _("Formato de los documentos: pdf, docx o ambos "
                                               "(all).")),
            click.option("-o", "--output", "out_dir",
                         type=click.Path(file_okay=False, path_type=Path), default=Path("out"),
                         show_default=True, metavar=_("CARPETA"),
                         help=_("Carpeta de los documentos.")),
            catalogs_option, templates_option, strict_option,
            *([annex_option] if annexes else []), *(jobs_options if jobs else []),
            *_template_limits_options(), pdf_variant_option, pdf_engine_option]
        for option in reversed(options):
            gathering = option(gathering)
        return gathering  # type: ignore[return-value]

    return decorate


def _options(values: dict[str, Any], formats: tuple[str, ...]) -> RenderOptions:
    """The one RenderOptions of a command, from its options' values."""
    from ..render.pipeline import RenderOptions
    from ..render.sandbox import TemplateLimits

    fmt = values["fmt"]
    return RenderOptions(
        formats=formats if fmt == "all" else (fmt,), strict=values["strict"],
        templates=values["templates"], annexes=tuple(values.get("annexes", ())),
        limits=TemplateLimits(seconds=values["template_seconds"],
                              characters=values["template_characters"],
                              depth=values["template_depth"]),
        pdf_variant=values["pdf_variant"], pdf_engine=values["pdf_engine"],
        out_dir=values["out_dir"],
        catalogs=tuple(values["catalog_dirs"]), jobs=values.get("jobs"),
        force=values.get("force", False))
