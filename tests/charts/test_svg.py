"""A chart drawn as SVG for the PDF: one bar per category, its length the value's share of the
axis, the printed label beside it, the title, every text escaped."""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ET

import lxml.html

from pmg_docs.charts import BAR, COLUMN, Chart, chart_html
from pmg_docs.charts.svg import size, svg

SVG = "{http://www.w3.org/2000/svg}"
SYSTEMS = Chart(kind=BAR, title="Cumplimiento por sistema",
                categories=["Estado Verde", "Calidad <de> Servicio & Experiencia Usuaría"],
                values=[80.36, 91.67], labels=["80.36", "91.67"], maximum=100,
                number_format="0.00", axis_title="%")
DISTRIBUTION = Chart(kind=COLUMN, title="Servicios por tramo", categories=["< 50", "90–100"],
                     values=[1, 3], labels=["1", "3"], maximum=4, axis_title="Servicios")


def _texts(root) -> list[str]:
    return [t.text for t in root.iter(f"{SVG}text")]


def test_bars_are_as_long_as_their_values():
    root = ET.fromstring(svg(SYSTEMS))  # parses: the category's "<" and "&" are escaped
    bars = root.findall(f"{SVG}rect")
    assert len(bars) == 2
    widths = [float(b.get("width")) for b in bars]
    plot = widths[0] / 80.36 * 100
    assert [round(w / plot * 100, 1) for w in widths] == [80.4, 91.7]
    texts = _texts(root)
    assert texts[0] == "Cumplimiento por sistema"
    assert ["0", "25", "50", "75", "100"] == texts[1:6]  # the value axis in four steps
    assert texts.index("80.36") < texts.index("91.67")
    assert "Calidad <de> Servicio & Experiencia" in texts
    assert texts[-1] == "%"


def test_columns_stand_on_a_count_axis():
    root = ET.fromstring(svg(DISTRIBUTION))
    heights = [float(b.get("height")) for b in root.findall(f"{SVG}rect")]
    assert heights[1] == 3 * heights[0]
    texts = _texts(root)
    assert ["0", "1", "2", "3", "4"] == texts[1:6]
    assert {"< 50", "90–100", "1", "3", "Servicios"} <= set(texts)


def test_size_is_the_svg_s_own():
    for chart in (SYSTEMS, DISTRIBUTION):
        root = ET.fromstring(svg(chart))
        width, height = size(chart)
        assert root.get("viewBox") == f"0 0 {width} {height}"
        assert (root.get("width"), root.get("height")) == (f"{width}pt", f"{height}pt")
    # A bar chart grows with its categories.
    longer = Chart(**{**SYSTEMS.__dict__, "categories": ["a", "b", "c"],
                      "values": [1, 2, 3], "labels": ["1", "2", "3"]})
    assert size(longer)[1] > size(SYSTEMS)[1]


def test_the_chart_filter_carries_the_spec_and_the_image():
    spec = {k: v for k, v in SYSTEMS.__dict__.items() if k not in ("title", "axis_title")}
    markup = str(chart_html(spec, 'Cumplimiento "por" sistema', "%"))
    div = lxml.html.fragment_fromstring(markup)
    assert div.get("class") == "chart"
    chart = Chart.from_json(div.get("data-chart"))
    assert (chart.title, chart.values, chart.axis_title) == ('Cumplimiento "por" sistema',
                                                            [80.36, 91.67], "%")
    image = div.find("img")
    assert image.get("alt") == 'Cumplimiento "por" sistema'
    data = re.fullmatch(r"data:image/svg\+xml;base64,(.+)", image.get("src")).group(1)
    assert base64.b64decode(data).decode("utf-8") == svg(chart)
