"""A chart as a native Word chart: a DrawingML chart part with the chart's categories, values,
axis and title, its data in an embedded workbook, shown by an inline drawing. Built in a
document in memory; nothing is rendered."""

from __future__ import annotations

import base64
import io

import lxml.html
import openpyxl
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from pmg_docs.views.charts import BAR, COLUMN, Chart
from pmg_docs.writers.chart_svg import chart_html
from pmg_docs.writers.docx.charts import add_chart

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
SYSTEMS = Chart(kind=BAR, title="Cumplimiento por sistema",
                categories=["Estado Verde", "Calidad <de> Servicio"], values=[80.36, 91.67],
                labels=["80.36", "91.67"], maximum=100, number_format="0.00", axis_title="%")


def _pdf_proportion(chart: Chart) -> float:
    """Height / width of the SVG the PDF shows for `chart`."""
    spec = {k: v for k, v in chart.__dict__.items() if k not in ("title", "axis_title")}
    source = lxml.html.fragment_fromstring(str(chart_html(spec, chart.title))).find("img")
    image = etree.fromstring(base64.b64decode(source.get("src").split(",", 1)[1]))
    _, _, width, height = map(float, image.get("viewBox").split())
    return height / width


def _added(chart: Chart):
    document = Document()
    add_chart(document, document, chart.to_json(), 160)
    [part] = [rel.target_part for rel in document.part.rels.values() if rel.reltype == RT.CHART]
    return document, part


def test_the_chart_part_holds_the_data():
    _document, part = _added(SYSTEMS)
    space = etree.fromstring(part.blob)
    assert space.find(f".//{C}barDir").get("val") == "bar"
    assert [v.text for v in space.iterfind(f".//{C}cat//{C}pt/{C}v")] == [
        "Estado Verde", "Calidad <de> Servicio"]
    assert [float(v.text) for v in space.iterfind(f".//{C}val//{C}pt/{C}v")] == [80.36, 91.67]
    assert space.find(f".//{C}val//{C}formatCode").text == "0.00"
    assert "".join(t.text for t in space.find(f".//{C}title").iter(f"{A}t")) == (
        "Cumplimiento por sistema")
    scaling = space.find(f".//{C}valAx/{C}scaling")
    assert (float(scaling.find(f"{C}min").get("val")),
            float(scaling.find(f"{C}max").get("val"))) == (0, 100)
    assert float(space.find(f".//{C}valAx/{C}majorUnit").get("val")) == 25
    assert space.find(f".//{C}dLbls/{C}showVal").get("val") == "1"


def test_columns_are_columns():
    chart = Chart(kind=COLUMN, title="Servicios", categories=["< 50", "90–100"], values=[1, 3],
                  labels=["1", "3"], maximum=4)
    space = etree.fromstring(_added(chart)[1].blob)
    assert space.find(f".//{C}barDir").get("val") == "col"
    assert float(space.find(f".//{C}valAx/{C}majorUnit").get("val")) == 1


def test_the_embedded_workbook_holds_the_same_data():
    _document, part = _added(SYSTEMS)
    [sheet_part] = [rel.target_part for rel in part.rels.values() if rel.reltype == RT.PACKAGE]
    sheet = openpyxl.load_workbook(io.BytesIO(sheet_part.blob))["Sheet1"]
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [
        [None, "%"], ["Estado Verde", 80.36], ["Calidad <de> Servicio", 91.67]]


def test_an_inline_drawing_shows_the_chart_with_its_title_as_description():
    document, part = _added(SYSTEMS)
    [inline] = document.element.body.iter(f"{WP}inline")
    assert inline.find(f"{WP}docPr").get("descr") == "Cumplimiento por sistema"
    extent = inline.find(f"{WP}extent")
    # 160 mm wide, in the proportions of the PDF's drawing of the same chart.
    assert int(extent.get("cx")) == 160 * 36000
    assert abs(int(extent.get("cy")) / int(extent.get("cx")) - _pdf_proportion(SYSTEMS)) < 0.001
    rid = inline.find(f".//{C}chart").get(
        "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
    assert document.part.rels[rid].target_part is part
