"""A chart as a native Word chart (DrawingML `c:chart`) in a python-docx document.

python-pptx writes the chart's XML (the same DrawingML chart part Word uses) and styles it
through its chart objects; the part, its embedded workbook (openpyxl, so that "Edit data" works
in Word) and the inline drawing that shows it are added to the DOCX package here.
"""

from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml as parse_docx_xml
from docx.shared import Mm
from lxml import etree

from ...views.charts import BAR, Chart
from ..chart_svg import COLOUR, size
from ..xlsx import append_row, new_workbook, workbook_bytes
from .images import make_room_for_drawing

CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The documents' font (Arial in the DOCX; the PDF's Arimo has its widths).
FONT = "Arial"
NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _chart_space(chart: Chart):
    """The chartSpace element of `chart`, styled like the PDF's SVG."""
    from pptx.chart.chart import Chart as PptxChart
    from pptx.chart.data import CategoryChartData
    from pptx.dml.color import RGBColor
    from pptx.enum.chart import XL_AXIS_CROSSES, XL_CHART_TYPE, XL_LABEL_POSITION
    from pptx.oxml import parse_xml
    from pptx.util import Pt

    data = CategoryChartData(number_format=chart.number_format)
    data.categories = chart.categories
    data.add_series(chart.axis_title or chart.title, chart.values)
    kind = XL_CHART_TYPE.BAR_CLUSTERED if chart.kind == BAR else XL_CHART_TYPE.COLUMN_CLUSTERED
    space = parse_xml(data.xml_bytes(kind))
    styled = PptxChart(space, None)
    styled.font.name = FONT
    styled.font.size = Pt(8)
    styled.has_legend = False
    styled.has_title = True
    styled.chart_title.text_frame.text = chart.title
    title_font = styled.chart_title.text_frame.paragraphs[0].runs[0].font
    title_font.size, title_font.bold, title_font.name = Pt(10), True, FONT
    plot = styled.plots[0]
    plot.gap_width = 40
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format = chart.number_format
    labels.number_format_is_linked = False
    labels.position = XL_LABEL_POSITION.OUTSIDE_END
    fill = plot.series[0].format.fill
    fill.solid()
    fill.fore_color.rgb = RGBColor.from_string(COLOUR)
    axis = styled.value_axis
    axis.minimum_scale, axis.maximum_scale = 0, chart.maximum
    axis.major_unit = chart.maximum / 4
    axis.has_major_gridlines = True
    if chart.kind == BAR:
        # Categories from the top down, as the PDF lists them, values along the bottom.
        styled.category_axis.reverse_order = True
        styled.category_axis.crosses = XL_AXIS_CROSSES.MAXIMUM
    return space


def _workbook(chart: Chart) -> bytes:
    """The chart's data as python-pptx's formulas expect it: Sheet1, categories in A2…,
    the series' name in B1 and its values in B2…"""
    workbook = new_workbook()
    sheet = workbook.create_sheet("Sheet1")
    append_row(sheet, [None, chart.axis_title or chart.title])
    for category, value in zip(chart.categories, chart.values):
        append_row(sheet, [category, value])
    return workbook_bytes(workbook)


def add_chart(document, container, spec: str, width_mm: float) -> None:
    """Append the chart described by `spec` (its JSON) to `container`, `width_mm` wide."""
    chart = Chart.from_json(spec)
    package = document.part.package
    space = _chart_space(chart)
    chart_part = Part(package.next_partname("/word/charts/chart%d.xml"), CHART_TYPE, b"",
                      package)
    sheet_part = Part(PackURI(package.next_partname(
        "/word/embeddings/Microsoft_Excel_Sheet%d.xlsx")), SHEET_TYPE, _workbook(chart), package)
    external = etree.SubElement(space, f"{{{NS_C}}}externalData")
    external.set(f"{{{NS_R}}}id", chart_part.relate_to(sheet_part, RT.PACKAGE))
    etree.SubElement(external, f"{{{NS_C}}}autoUpdate").set("val", "0")
    chart_part._blob = etree.tostring(space, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
    rid = document.part.relate_to(chart_part, RT.CHART)
    width, height = size(chart)
    cx = Mm(width_mm)
    cy = int(cx * height / width)
    number = sum(1 for _ in document.element.body.iter(
        "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")) + 1
    drawing = parse_docx_xml(
        '<w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        f'xmlns:c="{NS_C}" xmlns:r="{NS_R}">'
        f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{number}" name="Gráfico {number}" descr=""/>'
        '<wp:cNvGraphicFramePr/><a:graphic><a:graphicData '
        'uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
        f'<c:chart r:id="{rid}"/></a:graphicData></a:graphic></wp:inline></w:drawing>')
    drawing.find(".//{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
                 "docPr").set("descr", chart.title)
    paragraph = container.add_paragraph()
    paragraph.paragraph_format.keep_with_next = False
    paragraph.add_run()._r.append(drawing)
    make_room_for_drawing(paragraph)
