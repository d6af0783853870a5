"""A chart as data: what a view (views/report.py) makes and the writers draw.

A `Chart` is a title, categories, one series of values, their printed labels and the axis
maximum. The view gives the spec (kind, categories, values, labels, maximum); the template
names it and asks for it with the `chart` filter, which draws it as SVG for the PDF
(writers/chart_svg.py) and carries the spec for the DOCX writer, which draws a native Word
chart (writers/docx/charts.py).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

COLUMN = "column"  # vertical bars, categories along the bottom
BAR = "bar"        # horizontal bars, categories down the left (long names)


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
