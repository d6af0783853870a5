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
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--check", is_flag=True,
              help="Change nothing; list the files that would change and exit 1 if any.")
def fmt(paths, check) -> None:
    """Rewrite catalogs, formulations and circulars (files or folders) in the canonical layout,
    keeping comments and values. A file that does not parse is reported and left as it is."""
    from .formatting import format_paths

    report = format_paths(paths, check=check)
    _print_diagnostics(report.diagnostics)
    verb = "would reformat" if check else "reformatted"
    for path in report.changed:
        click.echo(f"{verb} {path}")
    click.echo(f"{report.checked} file(s) checked, {len(report.changed)} {verb}, "
               f"{len(report.diagnostics)} problem(s)")
    if check and report.changed:
        click.echo("run `pmg fmt FILE…` to rewrite them in the canonical layout")
    if report.diagnostics or (check and report.changed):
        sys.exit(1)


@main.command()
@click.option("--kind", default="formulation", show_default=True,
              help="The kind of source: catalog, formulation, … (see `kind:` in a source).")
@click.option("--all", "every", is_flag=True,
              help="Write the schema of every kind into the folder given with -o.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write to this file (with --all: this folder) instead of printing.")
def schema(kind, every, output) -> None:
    """Print or write the JSON Schema of a kind of source, for editors that check YAML."""
    from .diagnostics import InputError
    from .output import atomic_write
    from .schemas import kinds, schema_file_name, schema_text

    if every and output is None:
        raise click.UsageError("--all needs -o FOLDER")
    try:
        texts = {kind: schema_text(kind)} if not every else {k: schema_text(k) for k in kinds()}
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


@main.command(cls=_PathsAfterDashDash)
@click.argument("refs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "md"]), default="text",
              show_default=True, help="md: Markdown for a pull-request comment.")
@catalogs_option
@click.pass_context
def diff(ctx, refs, fmt, catalog_dirs) -> None:
    """What changed in weights, targets, stages, measures…: `pmg diff OLD NEW` (two files) or
    `pmg diff REV1 [REV2] [-- PATH…]` (two git revisions; REV2 defaults to the working tree).

    Exit code: 0 nothing differs, 1 something does, 2 error."""
    from .diffing import diff_files, diff_revisions, render_markdown, render_text
    from .sources import CatalogRegistry

    registry = CatalogRegistry(catalog_dirs)
    paths = ctx.meta.get("pmg.paths")
    if paths is None and len(refs) == 2 and all(Path(ref).is_file() for ref in refs):
        report = diff_files(Path(refs[0]), Path(refs[1]), registry)
    elif len(refs) <= 2:
        report = diff_revisions(refs[0], refs[1] if len(refs) == 2 else None, paths or (),
                                registry)
    else:
        raise click.UsageError("expected OLD NEW (two files) or REV1 [REV2] [-- PATH…]")
    click.echo((render_markdown if fmt == "md" else render_text)(report), nl=False)
    _print_diagnostics(report.diagnostics)
    if report.diagnostics:
        sys.exit(2)
    sys.exit(1 if report.differs else 0)


@main.command()
@click.argument("kind", type=click.Choice(["circular", "formulation"]))
@click.option("-o", "--output", "path", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="File to write (default: circular.md; a formulation is printed).")
@click.option("--force", is_flag=True, help="Overwrite the file if it exists.")
@click.option("--catalog", "catalog_id", help="formulation: id of the year's catalog.")
@click.option("--service", "name", help="formulation: the service's name (default: last year's).")
@click.option("--ministry", help="formulation: the ministry, as printed.")
@click.option("--partida", help="formulation: budget partida, two or three digits: 08.")
@click.option("--chapter", help="formulation: budget capítulo, two or three digits: 04.")
@click.option("--from", "from_path", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="formulation: last year's, rolled forward onto the new catalog.")
@catalogs_option
def new(kind, path, force, catalog_id, name, ministry, partida, chapter, from_path,
        catalog_dirs) -> None:
    """Write a new, commented KIND source to start from. A circular validates as it is; a
    formulation lists every objective, indicator and system of --catalog with zero weights to
    fill in, or with --from carries last year's commitments onto it and lists what needs a
    decision."""
    from .diagnostics import InputError

    if kind == "formulation":
        if not catalog_id:
            raise click.UsageError("pmg new formulation needs --catalog ID")
        _new_formulation(catalog_id, name, ministry, partida, chapter, from_path, path, force,
                         catalog_dirs)
        return
    from .scaffold import new_source

    try:
        written = new_source(kind, path, force)
    except InputError as exc:
        _print_diagnostics(exc.diagnostics)
        sys.exit(1)
    click.echo(f"wrote {written}; check it with `pmg validate {written}`")


def _new_formulation(catalog_id, name, ministry, partida, chapter, from_path, output, force,
                     catalog_dirs) -> None:
    from .diagnostics import InputError
    from .formulation_scaffold import ServiceFields, new_formulation
    from .sources import CatalogRegistry

    service = ServiceFields(name=name, ministry=ministry, partida=partida, chapter=chapter)
    try:
        result = new_formulation(catalog_id, service, CatalogRegistry(catalog_dirs),
                                 from_path=from_path, output=output, force=force)
    except InputError as exc:
        _print_diagnostics(exc.diagnostics)
        sys.exit(1)
    if output is None:
        click.echo(result.text, nl=False)
    else:
        click.echo(f"wrote {output}; check it with `pmg validate {output}`")
    if result.decisions:
        click.echo("To decide (also listed at the top of the file):", err=output is None)
        for decision in result.decisions:
            click.echo(f"  - {decision}", err=output is None)


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
