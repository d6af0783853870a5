"""`pmg export` and `pmg import xlsx`: a year's commitments out to a workbook and back, the same
model; an edited workbook's mistakes answered at their sheet, cell and column."""

from __future__ import annotations

import shutil

import openpyxl
import pytest
from click.testing import CliRunner

from pmg_docs.cli import main
from pmg_docs.load import CatalogRegistry, load_document
from tests.support.paths import ROOT

pytestmark = pytest.mark.slow  # every test writes and reads real workbooks

EXAMPLES = ROOT / "examples" / "2024"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture()
def book(tmp_path):
    path = tmp_path / "compromisos.xlsx"
    result = run("export", EXAMPLES, "-o", path)
    assert result.exit_code == 0, result.output
    return path


def test_round_trip_gives_the_same_models(book, tmp_path):
    out = tmp_path / "importadas"
    result = run("import", "xlsx", book, "-o", out)
    assert result.exit_code == 0, result.output
    registry = CatalogRegistry()
    for name in ("aduanas", "ips"):
        original = load_document(EXAMPLES / f"{name}.yaml", registry).model
        imported = load_document(out / f"{name}.yaml", registry).model
        assert imported == original
    # Written in the canonical layout, with the examples' short rows.
    text = (out / "aduanas.yaml").read_text(encoding="utf-8")
    assert "  - {stage: 1, weights: [15, 5]}" in text
    assert 'partida: "08"' in text


def test_the_workbook_holds_numbers_with_formats(book):
    workbook = openpyxl.load_workbook(book)
    assert workbook.sheetnames == ["Servicios", "Objetivos", "Indicadores", "Sistemas",
                                   "Medidas de género"]
    indicators = workbook["Indicadores"]
    assert [c.value for c in indicators[1]] == ["Archivo", "Objetivo", "Indicador",
                                                 "Ponderación", "Numerador", "Denominador",
                                                 "Meta", "Mide"]
    spending = next(r for r in indicators.iter_rows(min_row=2)
                    if r[0].value == "aduanas.yaml" and r[2].value == "concentracion-del-gasto")
    assert [c.value for c in spending[3:7]] == [5, 12608049, 11975373, 105.28]
    assert spending[6].number_format == "#,##0.00"
    assert indicators.freeze_panes == "A2" and indicators.auto_filter.ref.startswith("A1:H")
    services = workbook["Servicios"]
    assert services["D2"].value == "08" and services["D2"].number_format == "@"


def _edit(book, sheet, cell, value):
    workbook = openpyxl.load_workbook(book)
    workbook[sheet][cell] = value
    workbook.save(book)


@pytest.mark.parametrize("sheet, cell, value, message", [
    ("Indicadores", "G3", "ciento cinco", "hoja «Indicadores», celda G3 (Meta): «ciento cinco» "
                                          "no es un número"),
    ("Indicadores", "C2", "Equidad", "hoja «Indicadores», celda C2 (Indicador): «Equidad» no es "
                                     "un id"),
    ("Sistemas", "G2", 99, "aduanas.yaml: hoja «Sistemas», celda D2 (Ponderación): la "
                           "ponderación es 35.00, pero sus objetivos de etapa suman 119.00"),
    ("Indicadores", "C3", "gasto-total", "aduanas.yaml: hoja «Indicadores», celda C3 "
                                         "(Indicador): «gasto-total» no es un indicador"),
    ("Indicadores", "G3", 104, "aduanas.yaml: hoja «Indicadores», celda G3 (Meta): el valor es "
                               "104, pero 12608049 / 11975373 × 100 = 105.28"),
    # What the reader itself answers, row by row.
    ("Objetivos", "A2", "otro.yaml", "hoja «Objetivos», celda A2 (Archivo): «otro.yaml» no está "
                                     "en la hoja «Servicios»; se espera cada archivo allí"),
    ("Objetivos", "B3", "gestion-eficaz", "hoja «Objetivos», celda B3 (Objetivo): el objetivo "
                                          "«gestion-eficaz» de aduanas.yaml aparece dos veces"),
    ("Sistemas", "D3", 30, "hoja «Sistemas», celda D3 (Ponderación): la ponderación del sistema "
                           "«estado-verde» es 30 aquí y 35 en su primera fila"),
    ("Sistemas", "F3", 5, "hoja «Sistemas», celda F3 (Objetivo de etapa): se espera el objetivo "
                          "de etapa 2 (los objetivos de cada etapa van en orden, desde 1, uno "
                          "por fila); tiene 5"),
    ("Medidas de género", "B3", 5, "hoja «Medidas de género», celda B3 (N°): se espera la medida "
                                   "2 (las medidas de cada archivo van en orden, desde 1); tiene 5"),
])
def test_a_mistake_in_the_workbook_is_answered_at_its_cell(book, tmp_path, sheet, cell, value,
                                                         message):
    _edit(book, sheet, cell, value)
    out = tmp_path / "importadas"
    result = run("import", "xlsx", book, "-o", out)
    assert result.exit_code == 1
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.output
    assert not out.exists() or not any(out.iterdir()), "nothing is written"


def test_a_missing_sheet_is_named(book, tmp_path):
    workbook = openpyxl.load_workbook(book)
    del workbook["Objetivos"]
    workbook.save(book)
    result = run("import", "xlsx", book, "-o", tmp_path / "x")
    assert result.exit_code == 1 and "falta la hoja «Objetivos»" in result.stderr


def test_import_never_overwrites_without_force(book, tmp_path):
    out = tmp_path / "importadas"
    out.mkdir()
    (out / "aduanas.yaml").write_text("mío\n", encoding="utf-8")
    result = run("import", "xlsx", book, "-o", out)
    assert result.exit_code == 1 and "ya existe" in result.stderr
    assert (out / "aduanas.yaml").read_text(encoding="utf-8") == "mío\n"
    assert run("import", "xlsx", book, "-o", out, "--force").exit_code == 0


def test_export_refuses_a_folder_with_an_invalid_formulation(tmp_path):
    shutil.copy(EXAMPLES / "aduanas.yaml", tmp_path / "aduanas.yaml")
    path = tmp_path / "aduanas.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("weight: 35", "weight: 36"),
                    encoding="utf-8")
    result = run("export", tmp_path, "-o", tmp_path / "libro.xlsx")
    assert result.exit_code == 1
    assert "la ponderación es 36.00, pero sus objetivos de etapa suman 35.00" in result.stderr
    assert not (tmp_path / "libro.xlsx").exists()
