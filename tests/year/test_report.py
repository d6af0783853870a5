"""`pmg report`: the year's Resultados as PDF, DOCX and XLSX from the example year (and a
synthetic one), read back as a person would: the workbook with openpyxl, the documents' text,
the charts as vector graphics."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from bench.synthetic_year import make_year
from pmg_docs.cli import main
from tests.support.doc_text import docx_body_text, find_in_order, pdf_pages_text
from tests.support.paths import ROOT


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report")
    result = run("report", ROOT / "examples" / "2024", "-o", out)
    assert result.exit_code == 0, result.output
    return out


# In the order a reader meets them: summary, bands, the table by service, the annex.
IN_ORDER = [
    "RESULTADOS DEL PROGRAMA DE MEJORAMIENTO DE LA GESTIÓN AÑO 2024",
    "Servicios con formulación", "2", "Servicios con informe de cumplimiento", "2",
    "Cumplimiento global promedio", "82.50 %",
    "Total", "90 %", "7.6 %", "1", "Parcial", "75 %", "3.8 %", "1", "Sin incremento",
    "SERVICIO NACIONAL DE ADUANAS (08-04)", "90.00", "90.00 %", "Total",
    "INSTITUTO DE PREVISION SOCIAL (15-09)", "75.00", "75.00 %", "Parcial",
    "Estado Verde", "2", "80.36 %",
    "1. SERVICIO NACIONAL DE ADUANAS — 90.00 % (Total)",
    "Concentración del Gasto Subtítulos 22 + 29", "5.00", "105.28 %", "110.50 %", "95.28 %",
    "2. INSTITUTO DE PREVISION SOCIAL — 75.00 % (Parcial)",
]


@pytest.mark.slow
@pytest.mark.parametrize("fmt, extract", [("pdf", pdf_pages_text), ("docx", docx_body_text)])
def test_documents_carry_the_figures(report, fmt, extract):
    find_in_order(extract(report / f"resultados-2024.{fmt}"), IN_ORDER)


@pytest.mark.slow
def test_charts_are_vector_graphics_in_both_formats(report):
    # PDF: no raster image at all (the charts are SVG drawn as paths and text).
    listing = subprocess.run(["pdfimages", "-list", str(report / "resultados-2024.pdf")],
                             capture_output=True, text=True, check=True).stdout
    assert len(listing.strip().splitlines()) == 2, listing  # the two header lines only
    text = pdf_pages_text(report / "resultados-2024.pdf")
    find_in_order(text, ["Distribución del cumplimiento global (%)", "Servicios", "70–79",
                         "Cumplimiento promedio por sistema", "Estado Verde", "80.36"])
    # DOCX: two native Word charts, their data in embedded workbooks, no picture.
    with zipfile.ZipFile(report / "resultados-2024.docx") as package:
        names = package.namelist()
        chart = package.read("word/charts/chart1.xml").decode("utf-8")
    assert {"word/charts/chart1.xml", "word/charts/chart2.xml"} <= set(names)
    assert sum(n.startswith("word/embeddings/") for n in names) == 2
    assert not any(n.startswith("word/media/") for n in names)
    assert "Distribución del cumplimiento global (%)" in chart and "<c:v>70–79</c:v>" in chart


@pytest.mark.slow
def test_chart_paragraphs_are_tall_enough_to_show_their_charts(report):
    # Our styles give lines an exact height; a chart in such a line is cut to a 12 pt strip.
    from docx import Document
    from docx.enum.text import WD_LINE_SPACING

    holding = [p for p in Document(str(report / "resultados-2024.docx")).paragraphs
               if p._p.xpath(".//w:drawing")]
    assert len(holding) == 2
    assert {p.paragraph_format.line_spacing_rule for p in holding} == {WD_LINE_SPACING.SINGLE}


@pytest.mark.slow
def test_workbook_has_one_sheet_per_table_with_real_numbers(report):
    workbook = openpyxl.load_workbook(report / "resultados-2024.xlsx")
    assert workbook.sheetnames == ["Servicios", "Compromisos", "Tramos", "Distribución",
                                   "Sistemas", "Sin informe"]
    services = workbook["Servicios"]
    rows = [[c.value for c in row] for row in services.iter_rows(min_row=2)]
    assert rows == [
        ["MINISTERIO DE HACIENDA", "08", "04", "SERVICIO NACIONAL DE ADUANAS", 100, 90, 0.9,
         "Total", 0.076],
        ["MINISTERIO DEL TRABAJO Y PREVISION SOCIAL", "15", "09",
         "INSTITUTO DE PREVISION SOCIAL", 100, 75, 0.75, "Parcial", 0.038]]
    assert services["G2"].number_format == "0.00%" and services["F2"].number_format == "#,##0.00"
    for sheet in workbook:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet.auto_filter.ref.startswith("A1:"), sheet.title
    commitments = workbook["Compromisos"]
    spending = next(r for r in commitments.iter_rows(min_row=2, values_only=True)
                    if r[2] == "SERVICIO NACIONAL DE ADUANAS" and r[6] == "concentracion-del-gasto")
    assert spending[7:] == (5, 105.28, 110.5, 0.9528, "Sí", "No", 5)
    assert [[c.value for c in r] for r in workbook["Tramos"].iter_rows(min_row=2)] == [
        ["Total", 0.9, 0.076, 1], ["Parcial", 0.75, 0.038, 1], ["Sin incremento", 0, 0, 0]]


@pytest.mark.slow
def test_report_bytes_are_reproducible(report, tmp_path):
    assert run("report", ROOT / "examples" / "2024", "-o", tmp_path).exit_code == 0
    for fmt in ("pdf", "docx", "xlsx"):
        name = f"resultados-2024.{fmt}"
        assert (tmp_path / name).read_bytes() == (report / name).read_bytes(), fmt


def test_synthetic_year_of_twenty_services_adds_up(tmp_path):
    make_year(tmp_path / "year", 20)
    result = run("report", tmp_path / "year", "-o", tmp_path / "out", "--format", "xlsx")
    assert result.exit_code == 0, result.output
    workbook = openpyxl.load_workbook(tmp_path / "out" / "resultados-2024.xlsx")
    services = list(workbook["Servicios"].iter_rows(min_row=2, values_only=True))
    assert len(services) == 20
    for row in services:
        committed, earned, percent = row[4], row[5], row[6]
        assert percent == pytest.approx(earned / committed, abs=1e-4)
    bands = {r[0]: r[3] for r in workbook["Tramos"].iter_rows(min_row=2, values_only=True)}
    assert sum(bands.values()) == 20
    assert bands["Total"] == sum(1 for r in services if r[6] >= 0.9)
    assert sum(r[1] for r in workbook["Distribución"].iter_rows(min_row=2, values_only=True)) == 20


def test_a_year_with_a_broken_results_file_writes_nothing(tmp_path):
    make_year(tmp_path / "year", 3)
    broken = tmp_path / "year" / "resultados" / "servicio-002.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("indicator: equidad-de-genero",
                                                                 "indicator: equidad"),
                      encoding="utf-8")
    result = run("report", tmp_path / "year", "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "servicio-002.yaml" in result.stderr and "«equidad» no está comprometido" in \
        result.stderr
    assert not (tmp_path / "out").exists()
