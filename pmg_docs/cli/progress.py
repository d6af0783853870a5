"""Progress of a build: a bar on a terminal, one plain line per document otherwise (CI logs)."""

from __future__ import annotations

import sys
from contextlib import contextmanager

import click

from ..i18n import _


@contextmanager
def build_progress():
    """Yields the callback `build_tree` calls once per source."""
    if not sys.stderr.isatty():
        def plain(path, result):
            if result is None:
                return  # unchanged documents are counted in the summary, not listed
            done = result.outputs and not any(
                d.severity.value == "error" for d in result.diagnostics)
            click.echo((_("construido {path}") if done else _("CON ERRORES {path}")).format(
                path=path), err=True)

        yield plain
        return

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), transient=True) as bar:
        task = bar.add_task(_("construyendo"), total=None)

        def advance(path, result):
            bar.update(task, advance=1, description=_("construyendo {name}").format(
                name=path.name))

        yield advance
