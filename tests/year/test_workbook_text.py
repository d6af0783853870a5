"""Text in the workbooks pmg writes stays text: a service or ministry named like a formula is
stored as a string (no `<f>` in the sheet's XML, so no spreadsheet evaluates it) and read back
by `pmg import xlsx` as the same text. And the import reads what a sheet holds: every row,
past the size the sheet declares, within the rows and cell lengths a year can have."""

from __future__ import annotations

import re
import shutil
import zipfile

import openpyxl
import pytest
from click.testing import CliRunner

from pmg_docs.cli import main
from pmg_docs.edit import import_xlsx
from pmg_docs.load import CatalogRegistry, load_document
from tests.support.paths import ROOT

pytestmark = pytest.mark.slow  # every test writes and reads real workbooks

EXAMPLES = ROOT / "examples" / "2024"
LINK = '=HYPERLINK("http://example.invalid","x")'
NAMES = {"aduanas": {"name": LINK, "ministry": "@x"}, "ips": {"name": "+1", "ministry": "-2"}}


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def sheet_xml(book, title: str) -> str:
    """The XML of the sheet named `title`."""
    workbook = openpyxl.load_workbook(book, read_only=True)
    index = workbook.sheetnames.index(title) + 1
    with zipfile.ZipFile(book) as archive:
        return archive.read(f"xl/worksheets/sheet{index}.xml").decode("utf-8")


def assert_stored_as_text(book, title: str, texts) -> None:
    xml = sheet_xml(book, title)
    assert "<f>" not in xml and "<f " not in xml
    for text in texts:
        escaped = text.replace("&", "&amp;").replace('"', "&quot;")
        assert re.search(r'<c [^>]*t="inlineStr"[^>]*><is><t>' + re.escape(escaped), xml) or \
            re.search(r'<c [^>]*t="inlineStr"[^>]*><is><t>' + re.escape(text), xml), text
    values = {c for row in openpyxl.load_workbook(book)[title].iter_rows(values_only=True)
              for c in row}
    assert set(texts) <= values


@pytest.fixture()
def year(tmp_path):
    """The 2024 examples, their services and ministries renamed like formulas."""
    folder = tmp_path / "2024"
    shutil.copytree(EXAMPLES, folder)
    (folder / ".git").mkdir()  # the repository the results name their formulations in
    for stem, names in NAMES.items():
        path = folder / f"{stem}.yaml"
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"(?m)^  name: .*$", f"  name: '{names['name']}'", text, count=1)
        text = re.sub(r"(?m)^  ministry: .*$", f"  ministry: '{names['ministry']}'", text,
                      count=1)
        path.write_text(text, encoding="utf-8")
    return folder


def test_export_writes_formula_like_names_as_text_and_import_reads_them_back(year, tmp_path):
    book = tmp_path / "compromisos.xlsx"
    result = run("export", year, "-o", book)
    assert result.exit_code == 0, result.output
    assert_stored_as_text(book, "Servicios", [LINK, "@x", "+1", "-2"])
    out = tmp_path / "importadas"
    result = run("import", "xlsx", book, "-o", out)
    assert result.exit_code == 0, result.output
    registry = CatalogRegistry()
    for stem, names in NAMES.items():
        service = load_document(out / f"{stem}.yaml", registry).model.service
        assert (service.name, service.ministry) == (names["name"], names["ministry"])
        assert load_document(out / f"{stem}.yaml", registry).model == \
            load_document(year / f"{stem}.yaml", registry).model


def test_the_report_workbook_writes_formula_like_names_as_text(year, tmp_path):
    result = run("report", year, "-o", tmp_path / "out", "--format", "xlsx")
    assert result.exit_code == 0, result.output
    book = tmp_path / "out" / "resultados-2024.xlsx"
    assert_stored_as_text(book, "Servicios", [LINK, "@x", "+1", "-2"])
    assert_stored_as_text(book, "Compromisos", [LINK, "+1"])


@pytest.fixture()
def book(tmp_path):
    path = tmp_path / "compromisos.xlsx"
    assert run("export", EXAMPLES, "-o", path).exit_code == 0
    return path


def rewrite_sheets(book, pattern: bytes, replacement: bytes, part: str = "xl/worksheets/"):
    """A copy of `book` with `pattern` replaced (once per sheet) in the XML of its sheets
    whose part begins with `part`: what openpyxl would not write (it cuts a cell at 32 767
    characters, and sizes each sheet)."""
    edited = book.with_name("editado.xlsx")
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(edited, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith(part):
                data = re.sub(pattern, replacement, data, count=1)
            target.writestr(info, data)
    return edited


def test_rows_past_the_declared_size_are_read(book, tmp_path):
    # A sheet that declares one row but holds them all: every row is imported.
    shrunk = rewrite_sheets(book, rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:A1"/>')
    out = tmp_path / "importadas"
    result = run("import", "xlsx", shrunk, "-o", out)
    assert result.exit_code == 0, result.output
    registry = CatalogRegistry()
    for stem in ("aduanas", "ips"):
        assert load_document(out / f"{stem}.yaml", registry).model == \
            load_document(EXAMPLES / f"{stem}.yaml", registry).model


def test_a_sheet_past_the_row_limit_is_refused_where_it_is(book, tmp_path, monkeypatch):
    monkeypatch.setattr(import_xlsx, "MAX_ROWS", 3)
    result = run("import", "xlsx", book, "-o", tmp_path / "x")
    assert result.exit_code == 1
    assert "compromisos.xlsx: hoja «Objetivos»: tiene más de 3 filas" in result.stderr
    assert "divídalo en varios" in result.stderr


def test_a_cell_past_excels_length_is_refused_at_its_cell(book, tmp_path):
    long = rewrite_sheets(book, rb'(<c r="D2"[^>]*t="inlineStr"><is><t[^>]*>)',
                          rb"\1" + b"a" * import_xlsx.MAX_CELL_CHARACTERS,
                          part="xl/worksheets/sheet6.xml")  # Medidas de género
    result = run("import", "xlsx", long, "-o", tmp_path / "x")
    assert result.exit_code == 1
    assert "editado.xlsx: hoja «Medidas de género»: la celda D2 tiene " in result.stderr
    assert f"más que los {import_xlsx.MAX_CELL_CHARACTERS} que admite Excel" in result.stderr


def test_export_leaves_out_a_text_longer_than_a_cell_instead_of_cutting_it(tmp_path):
    folder = tmp_path / "2024"
    shutil.copytree(EXAMPLES, folder)
    path = folder / "ips.yaml"
    lines = "".join(f"      Línea {n} de una descripción muy larga, " + "a" * 80 + "\n"
                    for n in range(400))
    text = path.read_text(encoding="utf-8")
    text = re.sub(r'(?m)^(    description: \|\n)', lambda m: m.group(1) + lines, text, count=1)
    path.write_text(text, encoding="utf-8")
    result = run("export", folder, "-o", tmp_path / "c.xlsx")
    assert result.exit_code == 1, result.output
    assert ("ips.yaml:51: Medida de género N°1 › descripción: tiene 48614 caracteres, más que "
            "los 32767 de una celda de Excel") in result.stderr, result.stderr
    assert "ips.yaml: quedó fuera del libro" in result.stderr
    # The rest is written; ips.yaml is not in it, cut.
    services = openpyxl.load_workbook(tmp_path / "c.xlsx")["Servicios"]
    assert [r[0].value for r in services.iter_rows(min_row=2)] == ["aduanas.yaml"]
