"""Commands on the sources themselves: fmt (layout), diff (what changed), new (a source to fill
in), schema (for editors) and catalog (list, show, the next year's copy)."""

from __future__ import annotations

from pathlib import Path

import click

from .. import kinds
from ..diagnostics import InputError, UsageProblem
from ..i18n import _, ngettext
from .common import (
    Group,
    catalog_option,
    catalogs_option,
    paths_argument,
    print_diagnostics,
)
from .completion import complete_catalog_ids


@click.command(help=_(
    "Reescribe catálogos, formulaciones y circulares (archivos o carpetas) en la forma "
    "canónica, conservando comentarios y valores. Un archivo que no se puede leer se informa y "
    "queda como está."))
@paths_argument
@click.option("--check", is_flag=True,
              help=_("No cambia nada; lista los archivos que cambiarían y termina con 1 si hay "
                     "alguno."))
@catalogs_option
def fmt(paths, check, catalog_dirs) -> None:
    from ..edit.fmt import format_paths
    from ..load import CatalogRegistry

    report = format_paths(paths, CatalogRegistry(catalog_dirs), check=check)
    print_diagnostics(report.diagnostics)
    for path in report.changed:
        click.echo((_("cambiaría {path}") if check else _("reescrito {path}")).format(path=path))
    checked = ngettext("{count} archivo revisado", "{count} archivos revisados",
                       report.checked).format(count=report.checked)
    changed = (ngettext("{count} cambiaría", "{count} cambiarían", len(report.changed)) if check
               else ngettext("{count} reescrito", "{count} reescritos", len(report.changed))
               ).format(count=len(report.changed))
    problems = ngettext("{count} problema", "{count} problemas",
                        len(report.diagnostics)).format(count=len(report.diagnostics))
    click.echo(f"{checked}, {changed}, {problems}")
    if check and report.changed:
        click.echo(_("ejecute `pmg fmt ARCHIVO…` para reescribirlos en la forma canónica"))
    if report.diagnostics or (check and report.changed):
        raise InputError([])  # each printed above


@click.command(help=_(
    "Muestra o escribe el JSON Schema de un tipo de fuente, para editores que revisan YAML."))
@click.option("--kind", default=kinds.default_schema(), show_default=True, metavar=_("TIPO"),
              help=_("El tipo de fuente y, en los tipos con varios formatos, su formato: "
                     "catalog, circular, formulation-objetivos, formulation-areas, …"))
@click.option("--all", "every", is_flag=True,
              help=_("Escribe el schema de cada tipo en la carpeta dada con -o."))
@click.option("-o", "--output", type=click.Path(path_type=Path), metavar=_("RUTA"),
              help=_("Escribe en este archivo (con --all: en esta carpeta) en vez de mostrarlo."))
def schema(kind, every, output) -> None:
    from ..edit.schema import schema_file_name, schema_names, schema_text
    from ..output import write_file

    if every and output is None:
        raise click.UsageError(_("--all necesita -o CARPETA"))
    try:
        names = schema_names() if every else [kind]
        texts = {name: schema_text(name) for name in names}
    except InputError as exc:
        raise click.BadParameter(str(exc.diagnostics[0].message), param_hint="--kind") from None
    if output is None:
        click.echo(texts[kind], nl=False)
        return
    for name, text in texts.items():
        path = output / schema_file_name(name) if every else output
        write_file(path, text.encode("utf-8"))
        click.echo(_("escrito {path}").format(path=path))


class _PathsAfterDashDash(click.Command):
    """Keeps what follows `--` apart: `pmg diff REV1 REV2 -- PATH…` (as git does)."""

    def parse_args(self, ctx, args):
        if "--" in args:
            index = args.index("--")
            ctx.meta["pmg.paths"] = args[index + 1:]
            args = args[:index]
        return super().parse_args(ctx, args)


@click.command(cls=_PathsAfterDashDash, help=_(
    "Qué cambió en ponderaciones, metas, etapas, medidas…: `pmg diff ANTES AHORA` (dos "
    "archivos) o `pmg diff REV1 [REV2] [-- RUTA…]` (dos revisiones de git; REV2 es por omisión "
    "el directorio de trabajo).\n\nCódigo de salida: 0 nada difiere, 1 algo difiere, 2 error."))
@click.argument("refs", nargs=-1, required=True, metavar=_("ANTES AHORA | REV1 [REV2]"))
@click.option("--format", "fmt", type=click.Choice(["text", "md"]), default="text",
              show_default=True,
              help=_("md: Markdown, para un comentario en una solicitud de cambios."))
@catalogs_option
@click.pass_context
def diff(ctx, refs, fmt, catalog_dirs) -> None:
    from ..diff import diff_files, diff_revisions, render_markdown, render_text
    from ..load.catalogs import CatalogRegistry

    registry = CatalogRegistry(catalog_dirs)
    paths = ctx.meta.get("pmg.paths")
    if paths is None and len(refs) == 2 and all(Path(ref).is_file() for ref in refs):
        report = diff_files(Path(refs[0]), Path(refs[1]), registry)
    elif len(refs) <= 2:
        report = diff_revisions(refs[0], refs[1] if len(refs) == 2 else None, paths or (),
                                registry)
    else:
        raise click.UsageError(_("se espera ANTES AHORA (dos archivos) o REV1 [REV2] "
                                 "[-- RUTA…]"))
    if report.compared or not report.diagnostics:
        # With an error and nothing compared, "no pmg sources differ" would be a false answer.
        click.echo((render_markdown if fmt == "md" else render_text)(report), nl=False)
    print_diagnostics(report.diagnostics)
    if report.diagnostics:
        raise UsageProblem("")  # each printed above
    # As diff(1) does: 1 says that something differs, which is no failure of the command.
    ctx.exit(1 if report.differs else 0)


@click.command(help=_(
    "Escribe una fuente nueva y comentada de tipo TIPO para empezar. Una circular se valida tal "
    "como sale; una formulación lista lo que el marco de --catalog permite comprometer, para "
    "completarlo, o con --from traslada lo comprometido el año anterior y lista lo que hay que "
    "decidir.\n\nTIPO es uno de: {kinds}.").format(kinds=", ".join(
        f"{kind} ({_(kinds.KINDS[kind].noun)})" for kind in kinds.written_kinds())))
@click.argument("kind", type=click.Choice(kinds.written_kinds()),
                metavar=_("TIPO"))
@click.option("-o", "--output", "path", type=click.Path(dir_okay=False, path_type=Path),
              default=None, metavar=_("ARCHIVO"),
              help=_("Archivo que escribir (por omisión, se muestra)."))
@click.option("--force", is_flag=True, help=_("Sobrescribe el archivo si existe."))
@catalog_option(_("Id del catálogo del año; dice el formato en que se escribe (no en las "
                  "circulares)."))
@click.option("--service", "name", metavar=_("NOMBRE"),
              help=_("El nombre del servicio (por omisión, el del año anterior)."))
@click.option("--ministry", metavar=_("NOMBRE"), help=_("El ministerio, tal como se imprime."))
@click.option("--partida", metavar=_("CÓDIGO"),
              help=_("Partida presupuestaria, dos o tres dígitos: 08."))
@click.option("--chapter", metavar=_("CÓDIGO"),
              help=_("Capítulo presupuestario, dos o tres dígitos: 04."))
@click.option("--from", "from_path", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              metavar=_("ARCHIVO"),
              help=_("La formulación del año anterior, trasladada al nuevo catálogo."))
@catalogs_option
def new(kind, path, force, catalog_id, name, ministry, partida, chapter, from_path,
        catalog_dirs) -> None:
    from ..edit.new import ServiceFields, new_document
    from ..load import CatalogRegistry

    service = ServiceFields(name=name, ministry=ministry, partida=partida, chapter=chapter)
    result = new_document(kind, catalog_id, service, CatalogRegistry(catalog_dirs),
                          from_path=from_path, output=path, force=force)
    if path is None:
        click.echo(result.text, nl=False)
    else:
        click.echo(_("escrito {path}; revíselo con `pmg validate {path}`").format(path=path))
    if result.decisions:
        click.echo(_("Por decidir (también al comienzo del archivo):"), err=path is None)
        for decision in result.decisions:
            click.echo(f"  - {decision}", err=path is None)


@click.group(cls=Group, help=_(
    "Lista los catálogos y los ids que contienen (objetivos, indicadores, sistemas, medidas), "
    "o empieza el catálogo de un año nuevo."))
def catalog() -> None:
    pass


@catalog.command("list", help=_("Cada catálogo: id, año, mecanismo, versión y título."))
@catalogs_option
def catalog_list(catalog_dirs) -> None:
    from ..edit.catalog_info import list_catalogs
    from ..load.catalogs import CatalogRegistry
    from .listing import print_listing

    listing, problems = list_catalogs(CatalogRegistry(catalog_dirs))
    print_listing(listing)
    if problems:
        raise InputError(problems)


@catalog.command("show", help=_(
    "Los ids de un catálogo: objetivos, indicadores, sistemas con sus etapas, tipos de medidas "
    "de género, prioridades, áreas y marcos."))
@click.argument("catalog_id", metavar="ID", shell_complete=complete_catalog_ids)
@catalogs_option
def catalog_show(catalog_id, catalog_dirs) -> None:
    from ..edit.catalog_info import UnknownId, show_catalog
    from ..load.catalogs import CatalogRegistry
    from .listing import print_listing

    try:
        listings = show_catalog(catalog_id, CatalogRegistry(catalog_dirs))
    except UnknownId as exc:
        raise click.BadParameter(str(exc), param_hint="'ID'") from None
    for listing in listings:
        print_listing(listing)


@catalog.command("new", help=_(
    "Empieza el catálogo de un año nuevo copiando otro (comentarios incluidos) con su id y su "
    "año cambiados; luego se edita lo que cambió en el Programa Marco."))
@click.argument("new_id", metavar=_("ID_NUEVO"))
@click.option("--from", "from_id", required=True, metavar="ID",
              shell_complete=complete_catalog_ids, help=_("El catálogo que se copia."))
@click.option("--year", type=int, metavar=_("AÑO"),
              help=_("El año del nuevo catálogo (por omisión, el siguiente al copiado)."))
@click.option("-o", "--output", "path", type=click.Path(dir_okay=False, path_type=Path),
              metavar=_("ARCHIVO"),
              help=_("Archivo que escribir (por omisión, ID_NUEVO.yaml en la primera carpeta "
                     "de catálogos de pmg.toml)."))
@click.option("--force", is_flag=True, help=_("Sobrescribe el archivo si existe."))
@catalogs_option
def catalog_new(new_id, from_id, year, path, force, catalog_dirs) -> None:
    from ..diagnostics import display_name
    from ..edit.catalog_info import UnknownId, new_catalog
    from ..load.catalogs import CatalogRegistry
    from .common import settings

    if path is None:
        folders = settings().catalogs
        if not folders:
            raise click.UsageError(_("falta -o ARCHIVO (o un pmg.toml con `catalogs = "
                                     "[\"CARPETA\"]`)"))
        path = folders[0] / f"{new_id}.yaml"
    try:
        written = new_catalog(new_id, from_id, year, path, CatalogRegistry(catalog_dirs),
                              force=force)
    except UnknownId as exc:
        raise click.BadParameter(str(exc), param_hint="'--from'") from None
    click.echo(_("escrito {path}; edite en él lo que cambió en el Programa Marco y revíselo "
                 "con `pmg validate {path}`").format(path=display_name(written)))
