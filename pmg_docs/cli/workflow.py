"""Commands for working in git and with catalogs: fmt, diff, new, schema, catalog."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import kinds
from .common import EXIT_INPUT, EXIT_OK, EXIT_USAGE, catalogs_option, print_diagnostics


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--check", is_flag=True,
              help="Change nothing; list the files that would change and exit 1 if any.")
@catalogs_option
def fmt(paths, check, catalog_dirs) -> None:
    """Rewrite catalogs, formulations and circulars (files or folders) in the canonical layout,
    keeping comments and values. A file that does not parse is reported and left as it is."""
    from ..load import CatalogRegistry
    from ..workflow.fmt import format_paths

    report = format_paths(paths, CatalogRegistry(catalog_dirs), check=check)
    print_diagnostics(report.diagnostics)
    verb = "would reformat" if check else "reformatted"
    for path in report.changed:
        click.echo(f"{verb} {path}")
    click.echo(f"{report.checked} file(s) checked, {len(report.changed)} {verb}, "
               f"{len(report.diagnostics)} problem(s)")
    if check and report.changed:
        click.echo("run `pmg fmt FILE…` to rewrite them in the canonical layout")
    if report.diagnostics or (check and report.changed):
        sys.exit(EXIT_INPUT)


@click.command()
@click.option("--kind", default="formulation-objetivos", show_default=True,
              help="The kind of source and, for kinds with several formats, its format: "
                   "catalog, circular, formulation-objetivos, formulation-areas, …")
@click.option("--all", "every", is_flag=True,
              help="Write the schema of every kind into the folder given with -o.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write to this file (with --all: this folder) instead of printing.")
def schema(kind, every, output) -> None:
    """Print or write the JSON Schema of a kind of source, for editors that check YAML."""
    from ..diagnostics import InputError
    from ..output import atomic_write
    from ..workflow.schema import schema_file_name, schema_names, schema_text

    if every and output is None:
        raise click.UsageError("--all needs -o FOLDER")
    try:
        texts = {kind: schema_text(kind)} if not every else {k: schema_text(k) for k in schema_names()}
    except InputError as exc:
        raise click.BadParameter(str(exc.diagnostics[0].message), param_hint="--kind") from None
    if output is None:
        click.echo(texts[kind], nl=False)
        return
    for name, text in texts.items():
        path = output / schema_file_name(name) if every else output
        atomic_write(path, text.encode("utf-8"))
        click.echo(f"wrote {path}")


class _PathsAfterDashDash(click.Command):
    """Keeps what follows `--` apart: `pmg diff REV1 REV2 -- PATH…` (as git does)."""

    def parse_args(self, ctx, args):
        if "--" in args:
            index = args.index("--")
            ctx.meta["pmg.paths"] = args[index + 1:]
            args = args[:index]
        return super().parse_args(ctx, args)


@click.command(cls=_PathsAfterDashDash)
@click.argument("refs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "md"]), default="text",
              show_default=True, help="md: Markdown for a pull-request comment.")
@catalogs_option
@click.pass_context
def diff(ctx, refs, fmt, catalog_dirs) -> None:
    """What changed in weights, targets, stages, measures…: `pmg diff OLD NEW` (two files) or
    `pmg diff REV1 [REV2] [-- PATH…]` (two git revisions; REV2 defaults to the working tree).

    Exit code: 0 nothing differs, 1 something does, 2 error."""
    from ..load.catalogs import CatalogRegistry
    from ..workflow.diff import diff_files, diff_revisions, render_markdown, render_text

    registry = CatalogRegistry(catalog_dirs)
    paths = ctx.meta.get("pmg.paths")
    if paths is None and len(refs) == 2 and all(Path(ref).is_file() for ref in refs):
        report = diff_files(Path(refs[0]), Path(refs[1]), registry)
    elif len(refs) <= 2:
        report = diff_revisions(refs[0], refs[1] if len(refs) == 2 else None, paths or (),
                                registry)
    else:
        raise click.UsageError("expected OLD NEW (two files) or REV1 [REV2] [-- PATH…]")
    if report.compared or not report.diagnostics:
        # With an error and nothing compared, "no pmg sources differ" would be a false answer.
        click.echo((render_markdown if fmt == "md" else render_text)(report), nl=False)
    print_diagnostics(report.diagnostics)
    if report.diagnostics:
        sys.exit(EXIT_USAGE)
    # As diff(1) does: 1 says that something differs, which is no failure of the command.
    sys.exit(1 if report.differs else EXIT_OK)


@click.command()
@click.argument("kind", type=click.Choice([k for k in kinds.source_kinds() if k != kinds.CATALOG]))
@click.option("-o", "--output", "path", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="File to write (default: print it).")
@click.option("--force", is_flag=True, help="Overwrite the file if it exists.")
@click.option("--catalog", "catalog_id",
              help="Id of the year's catalog; it says the format to write (not for circulars).")
@click.option("--service", "name", help="The service's name (default: last year's).")
@click.option("--ministry", help="The ministry, as printed.")
@click.option("--partida", help="Budget partida, two or three digits: 08.")
@click.option("--chapter", help="Budget capítulo, two or three digits: 04.")
@click.option("--from", "from_path", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Last year's, rolled forward onto the new catalog.")
@catalogs_option
def new(kind, path, force, catalog_id, name, ministry, partida, chapter, from_path,
        catalog_dirs) -> None:
    """Write a new, commented KIND source to start from. A circular validates as it is; a
    formulation lists what --catalog's marco lets a service commit, to fill in, or with --from
    carries last year's commitments onto it and lists what needs a decision."""
    from ..diagnostics import InputError
    from ..load import CatalogRegistry
    from ..workflow.new import ServiceFields, new_document

    service = ServiceFields(name=name, ministry=ministry, partida=partida, chapter=chapter)
    try:
        result = new_document(kind, catalog_id, service, CatalogRegistry(catalog_dirs),
                              from_path=from_path, output=path, force=force)
    except InputError as exc:
        print_diagnostics(exc.diagnostics)
        sys.exit(EXIT_INPUT)
    if path is None:
        click.echo(result.text, nl=False)
    else:
        click.echo(f"wrote {path}; check it with `pmg validate {path}`")
    if result.decisions:
        click.echo("To decide (also listed at the top of the file):", err=path is None)
        for decision in result.decisions:
            click.echo(f"  - {decision}", err=path is None)


@click.group()
def catalog() -> None:
    """List the catalogs and the ids they hold (objectives, indicators, systems, measures)."""


@catalog.command("list")
@catalogs_option
def catalog_list(catalog_dirs) -> None:
    """Every catalog: id, year, mechanism, version and title."""
    from ..load.catalogs import CatalogRegistry
    from ..workflow.catalog_info import list_catalogs

    listing, problems = list_catalogs(CatalogRegistry(catalog_dirs))
    _print_listing(listing)
    print_diagnostics(problems)
    if problems:
        sys.exit(EXIT_INPUT)


@catalog.command("show")
@click.argument("catalog_id")
@catalogs_option
def catalog_show(catalog_id, catalog_dirs) -> None:
    """The ids of one catalog's objectives, indicators, systems with their stages, and
    gender-measure kinds."""
    from ..diagnostics import InputError
    from ..load.catalogs import CatalogRegistry
    from ..workflow.catalog_info import UnknownId, show_catalog

    try:
        listings = show_catalog(catalog_id, CatalogRegistry(catalog_dirs))
    except UnknownId as exc:
        raise click.BadParameter(str(exc), param_hint="'CATALOG_ID'") from None
    except InputError as exc:
        print_diagnostics(exc.diagnostics)
        sys.exit(EXIT_INPUT)
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
