"""Progress of a build: a bar on a terminal, one plain line per document otherwise (CI logs)."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path

import click

from ..diagnostics import display_name, terminal_safe
from ..i18n import _


def built_line(path: Path, outputs: list[Path], out_dir: Path) -> str:
    """`2024/aduanas.yaml → out/2024/aduanas.pdf, out/2024/aduanas.docx`: the source and what
    was written from it (`outputs`, relative to `out_dir`), as paths from the working folder."""
    written = ", ".join(display_name(out_dir / output) for output in outputs)
    return terminal_safe(f"{display_name(path)} → {written}")


@contextmanager
def build_progress(out_dir: Path):
    """Yields the callback `build_tree` calls once per source; `out_dir` is where the build
    writes, so that each line names the files written."""
    if not sys.stderr.isatty():
        def plain(path, result):
            if result is None:
                return  # unchanged documents are counted in the summary, not listed
            done = result.outputs and not any(
                d.severity.value == "error" for d in result.diagnostics)
            click.echo(built_line(path, result.outputs, out_dir) if done else terminal_safe(
                _("CON ERRORES {path}").format(path=display_name(path))), err=True)

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
