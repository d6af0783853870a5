"""A chart as SVG, for the PDF: bars, their printed values, category labels, a title, in the
documents' font. Sizes are in points of the printed page (viewBox = 480 × height).

The template's `chart` filter writes a `<div class="chart" data-chart="…">` holding the SVG
image, which WeasyPrint draws as vector paths and text; the DOCX writer reads the spec from
`data-chart` and writes a native Word chart instead (writers/docx/charts.py, DrawingML
`c:chart`), which Word and LibreOffice draw as vectors and staff can restyle and edit in Word,
its data in an embedded workbook.

Why not the same SVG in the DOCX: Word shows an SVG only from Office 2016 on, and the format
requires a raster (PNG) copy beside it for every other reader, which would need a rasteriser
(cairo) that nothing else here needs; a native chart needs no fallback.
"""

from __future__ import annotations

import base64
import textwrap
from functools import partial
from html import escape as _html_escape

from markupsafe import Markup
from markupsafe import escape as escape_html

from ..views.charts import BAR, Chart

# &, < and > as entities, as xml.sax.saxutils.escape writes them; that module imports
# urllib.request, and with it ssl (~30 ms at the start of every process that renders).
escape = partial(_html_escape, quote=False)

COLOUR = "2F5597"  # the blue of the documents' headings

WIDTH = 480
FONT = 'font-family="Arimo, sans-serif"'
TITLE_SIZE, TEXT_SIZE = 10, 8
GRID = "#C9D3E6"


def _text(x, y, text, size=TEXT_SIZE, anchor="middle", weight="normal") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" {FONT} font-size="{size}" font-weight="{weight}" '
            f'text-anchor="{anchor}" fill="#1F1F1F">{escape(text)}</text>')


def _ticks(maximum: float) -> list[float]:
    step = maximum / 4
    return [step * i for i in range(5)]


def _tick_label(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _column(chart: Chart) -> tuple[list[str], int]:
    height = 240
    left, right, top, bottom = 36, 10, 28, 58
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    parts = []
    for tick in _ticks(chart.maximum):
        y = top + plot_h - plot_h * tick / chart.maximum
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{WIDTH - right}" y2="{y:.1f}" '
                     f'stroke="{GRID}" stroke-width="0.5"/>')
        parts.append(_text(left - 4, y + 3, _tick_label(tick), anchor="end"))
    slot = plot_w / max(len(chart.categories), 1)
    for i, (category, value, label) in enumerate(zip(chart.categories, chart.values,
                                                     chart.labels)):
        bar_h = plot_h * value / chart.maximum
        x = left + slot * i + slot * 0.15
        y = top + plot_h - bar_h
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{slot * 0.7:.1f}" '
                     f'height="{bar_h:.1f}" fill="#{COLOUR}"/>')
        parts.append(_text(x + slot * 0.35, y - 3, label))
        for n, line in enumerate(textwrap.wrap(category, max(int(slot / 4.2), 6))[:3]):
            parts.append(_text(x + slot * 0.35, top + plot_h + 11 + n * 9.5, line))
    parts.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{WIDTH - right}" '
                 f'y2="{top + plot_h}" stroke="#1F1F1F" stroke-width="0.7"/>')
    if chart.axis_title:
        parts.append(_text(left, top - 6, chart.axis_title, anchor="start"))
    return parts, height


def _bar(chart: Chart) -> tuple[list[str], int]:
    row = 24
    left, right, top = 170, 40, 30
    height = top + row * len(chart.categories) + 26
    plot_w = WIDTH - left - right
    plot_h = row * len(chart.categories)
    parts = []
    for tick in _ticks(chart.maximum):
        x = left + plot_w * tick / chart.maximum
        parts.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + plot_h}" '
                     f'stroke="{GRID}" stroke-width="0.5"/>')
        parts.append(_text(x, top + plot_h + 11, _tick_label(tick)))
    for i, (category, value, label) in enumerate(zip(chart.categories, chart.values,
                                                     chart.labels)):
        y = top + row * i
        bar_w = plot_w * value / chart.maximum
        parts.append(f'<rect x="{left}" y="{y + row * 0.18:.1f}" width="{bar_w:.1f}" '
                     f'height="{row * 0.64:.1f}" fill="#{COLOUR}"/>')
        parts.append(_text(left + bar_w + 3, y + row / 2 + 3, label, anchor="start"))
        lines = textwrap.wrap(category, 40)[:2]
        for n, line in enumerate(lines):
            offset = (n - (len(lines) - 1) / 2) * 9
            parts.append(_text(left - 5, y + row / 2 + 3 + offset, line, anchor="end"))
    parts.append(f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" '
                 f'stroke="#1F1F1F" stroke-width="0.7"/>')
    if chart.axis_title:
        parts.append(_text(WIDTH - right, top + plot_h + 22, chart.axis_title, anchor="end"))
    return parts, height


def size(chart: Chart) -> tuple[int, int]:
    """(width, height) of the chart in points: the DOCX chart keeps the same proportions."""
    return WIDTH, (_bar if chart.kind == BAR else _column)(chart)[1]


def svg(chart: Chart) -> str:
    parts, height = (_bar if chart.kind == BAR else _column)(chart)
    title = _text(WIDTH / 2, 14, chart.title, size=TITLE_SIZE, weight="bold")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
            f'width="{WIDTH}pt" height="{height}pt">{title}{"".join(parts)}</svg>')


def chart_html(spec: dict, title: str, axis_title: str = "") -> Markup:
    """The `chart` filter: `{{ view.charts.distribution | chart("Título", "Servicios") }}`."""
    chart = Chart(**{**spec, "title": title, "axis_title": axis_title})
    image = base64.b64encode(svg(chart).encode("utf-8")).decode("ascii")
    return Markup(f'<div class="chart" data-chart="{escape_html(chart.to_json())}">'
                  f'<img src="data:image/svg+xml;base64,{image}" alt="{escape_html(title)}" '
                  'style="width: 100%"></div>')
