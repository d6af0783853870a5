"""The shapes real results have, in the workbook: the report's date as a date cell, figures by
sex as columns, other weights and series on sheets of their own (one row per period, gaps
absent); a wrong figure answered at its cell with the arithmetic YAML gives."""

from __future__ import annotations

import datetime

import openpyxl
import pytest
from click.testing import CliRunner

from pmg_docs.cli import main
from pmg_docs.load import CatalogRegistry, load_document
from tests.support.paths import ROOT

pytestmark = pytest.mark.slow  # every test writes and reads real workbooks

EXAMPLES = ROOT / "examples"
RESULTS = "2025/resultados/ips-indicadores.yaml"
MONTHLY = "2024/mensual/aduanas.yaml"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture()
def book(tmp_path):
    path = tmp_path / "libro.xlsx"
    result = run("export", EXAMPLES, "-o", path)
    assert result.exit_code == 0, result.output
    return path


def _find(sheet, header: str, **match) -> str:
    """The reference of the cell under `header` in the row whose columns (by header) hold
    `match`."""
    headers = [c.value for c in sheet[1]]
    column = headers.index(header)
    wanted = {headers.index(h): v for h, v in match.items()}
    for row in sheet.iter_rows(min_row=2):
        if all(row[i].value == v for i, v in wanted.items()):
            return row[column].coordinate
    raise AssertionError(f"no row {match} in {sheet.title}")


def _edit(book, sheet_title, header, value, **match) -> str:
    workbook = openpyxl.load_workbook(book)
    sheet = workbook[sheet_title]
    ref = _find(sheet, header, **match)
    sheet[ref] = value
    workbook.save(book)
    return ref


def _import(book, tmp_path):
    out = tmp_path / "importadas"
    out.mkdir(exist_ok=True)
    (out / "pmg.toml").write_text("", encoding="utf-8")
    return run("import", "xlsx", book, "-o", out), out


def test_dates_are_date_cells_and_series_have_a_dropdown_of_periods(book):
    workbook = openpyxl.load_workbook(book)
    reports = workbook["Informes"]
    ref = _find(reports, "Fecha", Archivo=RESULTS)
    assert reports[ref].value == datetime.datetime(2026, 3, 31)
    assert reports[ref].number_format == "yyyy-mm-dd"
    series = workbook["Mensual por período"]
    rows = [(r[1].value, r[3].value) for r in series.iter_rows(min_row=2)]
    # Equidad de Género: no row for febrero nor agosto (the gaps), one for each month given.
    gender = [period for ident, period in rows if ident == "equidad-de-genero"]
    assert gender == ["enero", "marzo", "abril", "mayo", "junio", "julio", "septiembre",
                      "octubre", "noviembre", "diciembre"]
    validations = {str(v.sqref): v.formula1 for v in series.data_validations.dataValidation}
    assert validations[f"D2:D{len(rows) + 1}"].startswith('"enero,febrero,marzo,')
    # A period's value is the formula its figures give, as a target's.
    assert series["G3"].value == "=ROUND(E3/F3*100,1)"
    by_sex = workbook["Resultados indicadores"]
    ref = _find(by_sex, "Por sexo › M › denominador", Archivo=RESULTS,
                Indicador="tiempo-concesion-pgu")
    assert by_sex[ref].value == 98980


def test_a_date_typed_as_text_and_a_period_added_read_back(book, tmp_path):
    _edit(book, "Informes", "Fecha", "2026-04-02", Archivo=RESULTS)
    workbook = openpyxl.load_workbook(book)
    series = workbook["Mensual por período"]
    series.append([MONTHLY, "equidad-de-genero", None, "Febrero", 1, 8, 0.125])
    # Typed the Excel way: 12,5 % in a cell formatted as %, which holds 0.125.
    series.cell(series.max_row, 7).number_format = "0.0%"
    workbook.save(book)
    result, out = _import(book, tmp_path)
    assert result.exit_code == 0, result.output
    registry = CatalogRegistry()
    assert load_document(out / RESULTS, registry).model.date == datetime.date(2026, 4, 2)
    periods = load_document(out / MONTHLY, registry).model.indicators[0].periods
    assert periods.febrero.value == 12.5 and periods.agosto is None


@pytest.mark.parametrize("sheet, header, value, match, message", [
    # A month's value that its figures do not give: the period named, and the arithmetic.
    ("Mensual por período", "Valor", 81.2,
     {"Archivo": MONTHLY, "Indicador": "equidad-de-genero", "Período": "marzo"},
     f"{MONTHLY}: Indicador «Medidas de Equidad de Género» › serie › Marzo › valor: el valor "
     "es 81.2, pero 0 / 8 × 100 = 0.0; se espera que coincidan con 1 decimal"),
    # Figures by sex that do not add up to the result.
    ("Resultados indicadores", "Por sexo › H › numerador", 1301500,
     {"Archivo": RESULTS, "Indicador": "tiempo-concesion-pgu"},
     "numerador: H 1301500 + M 1261840 = 2563340, pero el resultado efectivo dice 2563240"),
    ("Resultados indicadores", "Por sexo › M › valor", 13.9,
     {"Archivo": RESULTS, "Indicador": "tiempo-concesion-pgu"},
     "› por sexo › M › valor: el valor es 13.9, pero 1261840 / 98980"),
    ("Mensual por período", "Período", "Marzzo",
     {"Archivo": MONTHLY, "Indicador": "equidad-de-genero", "Período": "marzo"},
     "(Período): «Marzzo» no es un período; se espera uno de: enero, febrero"),
    ("Mensual por período", "Período", "enero",
     {"Archivo": MONTHLY, "Indicador": "equidad-de-genero", "Período": "marzo"},
     "(Período): el período «enero» aparece dos veces para este indicador"),
    ("Informes", "Fecha", "31/03/2026", {"Archivo": RESULTS},
     "(Fecha): «31/03/2026» no es una fecha; se espera una fecha de Excel"),
    ("Otras ponderaciones", "Ponderación obtenida", 7,
     {"Archivo": RESULTS, "Indicador": "tiempo-concesion-pgu"},
     "7, pero el indicador se cumplió"),
])
def test_a_wrong_figure_of_a_new_sheet_is_answered_at_its_cell(book, tmp_path, sheet, header,
                                                               value, match, message):
    ref = _edit(book, sheet, header, value, **match)
    result, out = _import(book, tmp_path)
    assert result.exit_code == 1
    quoted = sheet if " " not in sheet else f"'{sheet}'"
    assert f"libro.xlsx:{quoted}!{ref} ({header}):" in result.stderr, result.stderr
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.output
    assert not any(p.suffix == ".yaml" for p in out.rglob("*")), "nothing is written"
