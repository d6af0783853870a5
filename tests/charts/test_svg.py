"""A chart drawn as SVG for the PDF: one bar per category, its length the value's share of the
axis, the printed label beside it, the title, every text escaped. Read from what the template's
`chart` filter writes: the spec for the DOCX writer and the SVG image for the PDF."""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ET

import lxml.html

from pmg_docs.views.charts import BAR, COLUMN, Chart
from pmg_docs.writers.chart_svg import chart_html

SVG = "{http://www.w3.org/2000/svg}"
SYSTEMS = Chart(kind=BAR, title="Cumplimiento por sistema",
                categories=["Estado Verde", "Calidad <de> Servicio & Experiencia Usuaría"],
                values=[80.36, 91.67], labels=["80.36", "91.67"], maximum=100,
                number_format="0.00", axis_title="%")
DISTRIBUTION = Chart(kind=COLUMN, title="Servicios por tramo", categories=["< 50", "90–100"],
                     values=[1, 3], labels=["1", "3"], maximum=4, axis_title="Servicios")


def drawn(chart: Chart) -> tuple[dict, str]:
    """What the `chart` filter writes for `chart`: the spec it carries and the SVG it shows."""
    spec = {k: v for k, v in chart.__dict__.items() if k not in ("title", "axis_title")}
    div = lxml.html.fragment_fromstring(str(chart_html(spec, chart.title, chart.axis_title)))
    assert div.get("class") == "chart"
    image = div.find("img")
    data = re.fullmatch(r"data:image/svg\+xml;base64,(.+)", image.get("src")).group(1)
    return {"spec": div.get("data-chart"), "alt": image.get("alt")}, base64.b64decode(
        data).decode("utf-8")


def svg(chart: Chart) -> str:
    return drawn(chart)[1]


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


def test_the_drawing_is_as_high_as_its_bars_need():
    root = ET.fromstring(svg(SYSTEMS))
    _, _, width, height = map(float, root.get("viewBox").split())
    assert (root.get("width"), root.get("height")) == (f"{width:g}pt", f"{height:g}pt")
    # A bar chart grows with its categories.
    longer = Chart(**{**SYSTEMS.__dict__, "categories": ["a", "b", "c"],
                      "values": [1, 2, 3], "labels": ["1", "2", "3"]})
    assert float(ET.fromstring(svg(longer)).get("viewBox").split()[3]) > height


def test_the_chart_filter_carries_the_spec_and_the_image():
    chart = Chart(**{**SYSTEMS.__dict__, "title": 'Cumplimiento "por" sistema'})
    written, image = drawn(chart)
    assert Chart.from_json(written["spec"]) == chart
    assert written["alt"] == 'Cumplimiento "por" sistema'
    assert _texts(ET.fromstring(image))[0] == 'Cumplimiento "por" sistema'
