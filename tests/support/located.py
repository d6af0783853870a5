"""Running `pmg validate` on a broken fixture and checking the located answer it gets."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from pmg_docs.cli import main


def validate(path: Path, *options: str):
    return CliRunner().invoke(main, ["validate", *options, str(path)])


def assert_located(result, file_name: str, line: int, place: str | None, message: str) -> None:
    """Exit 1, no traceback, and a line `FILE:LINE: PLACE: …MESSAGE…` in the report (on
    stdout). PLACE is the item as the document names it ("Objetivo N°3 › ponderación"), or the
    field path where the source has no such names (a catalog)."""
    assert result.exit_code == 1, result.output
    where = f"{file_name}:{line}: " + (f"{place}: " if place else "")
    lines = [text for text in result.stdout.splitlines() if where in text]
    assert any(message in text for text in lines), result.stdout
    assert "Traceback" not in result.output
