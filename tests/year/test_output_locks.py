"""`pmg import xlsx`, `pmg report` and `pmg export` write under the same output lock as render
and build, and the import writes nothing through a link inside its output folder."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from pmg_docs.build.lock import locked
from pmg_docs.cli import main
from tests.support.paths import ROOT

pytestmark = pytest.mark.slow  # each test writes a real workbook

EXAMPLES = ROOT / "examples" / "2024"
HELD = "otra ejecución de pmg está escribiendo en esta carpeta"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture()
def book(tmp_path):
    path = tmp_path / "libro" / "compromisos.xlsx"
    result = run("export", EXAMPLES, "-o", path)
    assert result.exit_code == 0, result.output
    return path


def test_import_waits_for_no_one_and_writes_nothing_into_a_locked_folder(book, tmp_path):
    out = tmp_path / "importadas"
    with locked(out):  # as a running build holds it
        result = run("import", "xlsx", book, "-o", out)
    assert result.exit_code == 1, result.output
    assert f"importadas: {HELD}" in result.output
    assert list(out.iterdir()) == []
    assert run("import", "xlsx", book, "-o", out).exit_code == 0


def test_export_refuses_a_locked_folder(book, tmp_path):
    with locked(book.parent):
        result = run("export", EXAMPLES, "-o", book, "--force")
    assert result.exit_code == 1, result.output
    assert HELD in result.output


def test_import_writes_nothing_through_a_link_inside_its_folder(book, tmp_path):
    import openpyxl

    outside = tmp_path / "fuera"
    outside.mkdir()
    out = tmp_path / "importadas"
    out.mkdir()
    (out / "sub").symlink_to(outside, target_is_directory=True)
    workbook = openpyxl.load_workbook(book)
    for sheet in workbook.worksheets:  # every file named «sub/…», as a user may have written
        for row in sheet.iter_rows(min_row=2, max_col=1):
            if isinstance(row[0].value, str) and row[0].value.endswith(".yaml"):
                row[0].value = f"sub/{row[0].value}"
    workbook.save(book)
    result = run("import", "xlsx", book, "-o", out)
    assert result.exit_code == 1, result.output
    assert "enlace" in result.output
    assert list(outside.iterdir()) == []
