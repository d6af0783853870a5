"""Progress of a build: a bar on a terminal, one plain line per document otherwise (CI logs)."""

from __future__ import annotations

import sys
from contextlib import contextmanager

import click


@contextmanager
def build_progress():
    """Yields the callback `build_tree` calls once per source."""
    if not sys.stderr.isatty():
        def plain(path, result):
            if result is None:
                return  # unchanged documents are counted in the summary, not listed
            state = "built" if result.outputs and not any(
                d.severity.value == "error" for d in result.diagnostics) else "FAILED"
            click.echo(f"{state} {path}", err=True)

        yield plain
        return

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), transient=True) as bar:
        task = bar.add_task("building", total=None)

        def advance(path, result):
            bar.update(task, advance=1, description=f"building {path.name}")

        yield advance
