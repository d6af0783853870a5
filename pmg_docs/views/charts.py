"""Charts of the consolidated year, drawn as vector graphics in both formats from one spec.

A chart is data (a `Chart`: title, categories, one series of values, their printed labels, the
axis maximum). The template asks for it with the `chart` filter, which writes a
`<div class="chart" data-chart="…">` holding an SVG image:

- the PDF shows the SVG (svg.py), which WeasyPrint draws as vector paths and text;
- the DOCX writer reads the spec from `data-chart` and writes a native Word chart (docx.py,
  DrawingML `c:chart`), which Word and LibreOffice draw as vectors and staff can restyle and
  edit in Word, its data in an embedded workbook.

Why not the same SVG in the DOCX: Word shows an SVG only from Office 2016 on, and the format
requires a raster (PNG) copy beside it for every other reader, which would need a rasteriser
(cairo) that nothing else here needs; a native chart needs no fallback.
"""

from __future__ import annotations

import base64
import json
from dataclasses import asdict, dataclass

from markupsafe import Markup, escape

COLUMN = "column"  # vertical bars, categories along the bottom
BAR = "bar"        # horizontal bars, categories down the left (long names)
COLOUR = "2F5597"  # the blue of the documents' headings


@dataclass(frozen=True)
class Chart:
    kind: str
    title: str
    categories: list[str]
    values: list[float]
    # The values as the document prints them (`12`, `87.50`), drawn at the end of each bar.
    labels: list[str]
    # The value axis runs from 0 to this.
    maximum: float
    # Excel-style number format of the values, for the DOCX chart and its workbook.
    number_format: str = "0"
    # What the values count or measure ("Servicios", "%"), under the value axis.
    axis_title: str = ""

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Chart:
        return cls(**json.loads(text))


def chart_html(spec: dict, title: str, axis_title: str = "") -> Markup:
    """The `chart` filter: `{{ view.charts.distribution | chart("Título", "Servicios") }}`."""
    from ..writers.chart_svg import svg

    chart = Chart(**{**spec, "title": title, "axis_title": axis_title})
    image = base64.b64encode(svg(chart).encode("utf-8")).decode("ascii")
    return Markup(f'<div class="chart" data-chart="{escape(chart.to_json())}">'
                  f'<img src="data:image/svg+xml;base64,{image}" alt="{escape(title)}" '
                  'style="width: 100%"></div>')
