"""HTML (our small subset) -> DOCX with python-docx.

Walks the same HTML the PDF is laid out from, so both formats carry the same content. Styles
(fonts, sizes, colours of headings and tables) come from `templates/reference.docx`, which staff
can restyle in Word without touching code. Only the subset our templates emit is understood;
anything else is an error, caught by tests before it reaches a user.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime, timezone

import lxml.html
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from ..resources import templates_dir
from ..richtext import PAREN_LIST_CLASS
from .subset import BLOCK_TAGS

HEADING_STYLES = {"h1": "Heading 1", "h2": "Heading 2", "h3": "Heading 3"}
HEADER_FILL = "D9E2F3"
BODY_HEADER_FILL = "EEF2F9"
# A fixed zip entry time, so that equal inputs give equal bytes.
ZIP_TIME = (2000, 1, 1, 0, 0, 0)
FIXED_DATETIME = datetime(2000, 1, 1, tzinfo=timezone.utc)
# A4 as (width, height) in each orientation; a template asks for landscape with a class on
# <body>, which the PDF's stylesheet reads too.
PAGE_SIZES_MM = {"portrait": (210, 297), "landscape": (297, 210)}
SIDE_MARGIN_MM = 16
# `p.space-before` (room for a signature), as in document.css.
SPACE_BEFORE_MM = 18


class UnsupportedHtml(ValueError):
    """The template emitted HTML outside the subset the DOCX writer understands."""


def reference_path():
    return templates_dir() / "reference.docx"


def write_docx(html: str) -> bytes:
    root = lxml.html.document_fromstring(html)
    body = root.find("body")
    document = Document(str(reference_path()))
    orientation = "landscape" if "landscape" in _classes(body) else "portrait"
    _setup_section(document, orientation)
    writer = _Writer(document, PAGE_SIZES_MM[orientation][0] - 2 * SIDE_MARGIN_MM)
    for child in body:
        writer.block(child)
    _set_properties(document, root)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip_times(buffer.getvalue())


def _setup_section(document, orientation: str) -> None:
    section = document.sections[0]
    section.orientation = (WD_ORIENT.LANDSCAPE if orientation == "landscape"
                           else WD_ORIENT.PORTRAIT)
    width, height = PAGE_SIZES_MM[orientation]
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.top_margin, section.bottom_margin = Mm(22), Mm(20)
    section.left_margin = section.right_margin = Mm(SIDE_MARGIN_MM)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.style = document.styles["Footer"]
    footer.add_run("Página ")
    _field(footer, "PAGE")
    footer.add_run(" de ")
    _field(footer, "NUMPAGES")


def _field(paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays out the pages."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = instruction
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    shown = OxmlElement("w:t")
    shown.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, text, separate, shown, end):
        run._r.append(element)


def _set_properties(document, root) -> None:
    props = document.core_properties
    title = root.findtext(".//title") or ""
    props.title = title.strip()
    props.author = "pmg-docs"
    props.last_modified_by = "pmg-docs"
    props.created = FIXED_DATETIME
    props.modified = FIXED_DATETIME
    props.revision = 1


def _fixed_zip_times(data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in sorted(source.infolist(), key=lambda i: (i.filename != "[Content_Types].xml",
                                                             i.filename)):
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def _classes(element) -> set[str]:
    return set((element.get("class") or "").split())


def _collapse(text: str | None) -> str:
    # HTML collapses only ASCII white space: a non-breaking space is content.
    return re.sub(r"[ \t\n\r\f]+", " ", text or "")


def _alignment(classes: set[str]):
    return (WD_ALIGN_PARAGRAPH.RIGHT if "right" in classes else
            WD_ALIGN_PARAGRAPH.CENTER if "center" in classes else None)


class _Writer:
    def __init__(self, document, text_width_mm: float):
        self.document = document
        # Column widths are percentages of the text width, as in the HTML.
        self.text_width_mm = text_width_mm
        # Left indent of the paragraphs being written, inside a `div.right-block`.
        self.indent = None

    # Blocks ---------------------------------------------------------------------------------

    def block(self, element, container=None) -> None:
        container = container if container is not None else self.document
        tag = element.tag
        classes = _classes(element)
        if tag in HEADING_STYLES:
            paragraph = container.add_paragraph(style=self.document.styles[HEADING_STYLES[tag]])
            self.inline(paragraph, element)
        elif tag == "p":
            paragraph = container.add_paragraph()
            self.inline(paragraph, element)
            paragraph.alignment = _alignment(classes)
            if self.indent is not None:
                paragraph.paragraph_format.left_indent = self.indent
            # As the stylesheet does: a caption stays with its table, a signature has room.
            if "caption" in classes:
                paragraph.paragraph_format.keep_with_next = True
            if "space-before" in classes:
                paragraph.paragraph_format.space_before = Mm(SPACE_BEFORE_MM)
        elif tag in ("ul", "ol"):
            self.list(element, container)
        elif tag == "table":
            self.table(element, container)
        elif tag == "div" and "running-header" in classes:
            header = self.document.sections[0].header.paragraphs[0]
            header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            header.style = self.document.styles["Header"]
            self.inline(header, element)
        elif tag == "div" and "right-block" in classes:
            # A block on the right half of the page (a letter's heading, its signature).
            outer, self.indent = self.indent, Mm(self.text_width_mm / 2)
            for child in element:
                self.block(child, container)
            self.indent = outer
        elif tag == "div" and "chart" in classes:
            # A chart (pmg_docs/charts): a native Word chart from the spec the PDF's SVG drew.
            from ..charts.docx import add_chart

            add_chart(self.document, container, element.get("data-chart"), self.text_width_mm)
        elif tag == "div" and "page-break" in classes:
            container.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif tag == "div":
            for child in element:
                self.block(child, container)
        else:
            raise UnsupportedHtml(f"<{tag}> is not in the HTML subset of pmg-docs templates")

    def list(self, element, container, outer_mm: float = 0) -> None:
        ordered = element.tag == "ol"
        start = int(element.get("start", "1"))
        # Official texts number their points "1)" and need room for "10)".
        paren = PAREN_LIST_CLASS in _classes(element)
        suffix, step = (")", 7) if paren else (".", 5)
        indent = outer_mm + step
        for number, item in enumerate(element.findall("li"), start=start):
            marker = f"{number}{suffix}" if ordered else "•"
            paragraph = container.add_paragraph(style=self.document.styles["List Paragraph"])
            fmt = paragraph.paragraph_format
            fmt.left_indent = Mm(indent)
            fmt.first_line_indent = Mm(-step)
            paragraph.add_run(marker + "\t")
            # An item holds inline content, paragraphs (loose lists), nested lists and other
            # blocks (a table inserted into a paragraph), written in their order.
            if item.text and item.text.strip():
                paragraph.add_run(_collapse(item.text).lstrip())
            first_paragraph = True
            for child in item:
                if child.tag in ("ul", "ol"):
                    self.list(child, container, indent)
                    paragraph, first_paragraph = None, False
                elif child.tag == "p":
                    if paragraph is None or not first_paragraph:
                        paragraph = self._continuation(container, indent)
                    self.inline(paragraph, child)
                    first_paragraph = False
                elif child.tag in BLOCK_TAGS:
                    self.block(child, container)
                    paragraph, first_paragraph = None, False
                else:
                    if paragraph is None:
                        paragraph = self._continuation(container, indent)
                    self.inline_element(paragraph, child, bold=False, italic=False)
                    if child.tail:
                        paragraph.add_run(_collapse(child.tail))

    def _continuation(self, container, indent_mm: float):
        paragraph = container.add_paragraph(style=self.document.styles["List Paragraph"])
        paragraph.paragraph_format.left_indent = Mm(indent_mm)
        return paragraph

    def table(self, element, container) -> None:
        widths = self._column_widths(element)
        rows = []
        for section in element:
            if section.tag in ("thead", "tbody"):
                rows.extend((row, section.tag == "thead") for row in section.findall("tr"))
            elif section.tag == "tr":
                rows.append((section, False))
            elif section.tag != "colgroup":
                raise UnsupportedHtml(f"<{section.tag}> inside <table>")
        grid = _Grid(rows)
        table = container.add_table(rows=len(rows), cols=grid.columns)
        # `table.plain` lays out without borders (a letter's DE / A lines).
        plain = "plain" in _classes(element)
        table.style = self.document.styles["Normal Table" if plain else "Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        docx_rows = table.rows
        row_cells = [row.cells for row in docx_rows]
        for (row_element, is_header), docx_row in zip(rows, docx_rows):
            if is_header:
                _repeat_header(docx_row)
            # As in the stylesheet: rows keep together, except in the gender-measures table and
            # rows marked "splits" (longer than a page would hold).
            _cant_split(docx_row, "gender-measures" not in _classes(element)
                        and "splits" not in _classes(row_element))
        for placement in grid.placements:
            cell = row_cells[placement.row][placement.column]
            if placement.rowspan > 1 or placement.colspan > 1:
                corner = row_cells[placement.row + placement.rowspan - 1][
                    placement.column + placement.colspan - 1]
                cell = cell.merge(corner)
            self.cell(cell, placement.element, placement.is_header_row)
        # LibreOffice lays a fixed table out from the grid's widths, Word from the cells':
        # set both.
        for index, (column, width) in enumerate(zip(table.columns, widths[:grid.columns])):
            column.width = width
            for cells in row_cells:
                cells[index].width = width
        if container is self.document:
            # Word joins two tables that touch into one; a small empty paragraph keeps them apart.
            spacer = container.add_paragraph()
            spacer.paragraph_format.space_after = 0
            spacer.paragraph_format.line_spacing = 0.6

    def _column_widths(self, element) -> list:
        widths = []
        for col in element.iter("col"):
            match = re.search(r"width:\s*([\d.]+)%", col.get("style", ""))
            if match:
                widths.append(Mm(self.text_width_mm * float(match.group(1)) / 100))
        return widths

    def cell(self, cell, element, in_header_row: bool) -> None:
        classes = _classes(element)
        header = element.tag == "th"
        if header:
            _shade(cell, HEADER_FILL if in_header_row else BODY_HEADER_FILL)
        alignment = (WD_ALIGN_PARAGRAPH.RIGHT if "number" in classes else
                     WD_ALIGN_PARAGRAPH.CENTER if "center" in classes or "stage" in classes else
                     None)
        paragraph = cell.paragraphs[0]
        has_blocks = any(child.tag in BLOCK_TAGS for child in element)
        if not has_blocks:
            self.inline(paragraph, element, bold=header)
            paragraph.alignment = alignment
            return
        first = True
        pending_inline = []
        for child in element:
            if child.tag in BLOCK_TAGS:
                if child.tag == "p":
                    target = paragraph if first else cell.add_paragraph()
                    self.inline(target, child, bold=header)
                    target.alignment = alignment
                else:
                    if first:
                        paragraph._p.getparent().remove(paragraph._p)
                    self.block(child, cell)
                first = False
            else:
                pending_inline.append(child)
        if pending_inline:
            raise UnsupportedHtml("a table cell mixes inline elements and blocks")

    # Inline ---------------------------------------------------------------------------------

    def inline(self, paragraph, element, bold: bool = False, italic: bool = False) -> None:
        text = _collapse(element.text)
        if paragraph.runs == [] or not paragraph.text:
            text = text.lstrip()
        if text:
            self._run(paragraph, text, bold, italic)
        for child in element:
            self.inline_element(paragraph, child, bold, italic)
            if child.tail:
                self._run(paragraph, _collapse(child.tail), bold, italic)
        # Trailing space inside a paragraph is layout noise.
        if paragraph.runs:
            last = paragraph.runs[-1]
            if last.text.endswith(" "):
                last.text = last.text.rstrip()

    def inline_element(self, paragraph, element, bold: bool, italic: bool) -> None:
        tag = element.tag
        if tag == "br":
            paragraph.add_run().add_break()
        elif tag in ("strong", "b"):
            self.inline(paragraph, element, True, italic)
        elif tag in ("em", "i"):
            self.inline(paragraph, element, bold, True)
        else:
            raise UnsupportedHtml(f"<{tag}> is not in the inline HTML subset")

    def _run(self, paragraph, text: str, bold: bool, italic: bool) -> None:
        run = paragraph.add_run(text)
        if bold:
            run.bold = True
        if italic:
            run.italic = True


class _Placement:
    __slots__ = ("element", "row", "column", "rowspan", "colspan", "is_header_row")

    def __init__(self, element, row, column, rowspan, colspan, is_header_row):
        self.element, self.row, self.column = element, row, column
        self.rowspan, self.colspan, self.is_header_row = rowspan, colspan, is_header_row


class _Grid:
    """Where each HTML cell lands in a rectangular grid, honouring colspan and rowspan."""

    def __init__(self, rows):
        taken: set[tuple[int, int]] = set()
        self.placements: list[_Placement] = []
        columns = 0
        for r, (row, is_header) in enumerate(rows):
            c = 0
            for cell in row:
                if cell.tag not in ("td", "th"):
                    raise UnsupportedHtml(f"<{cell.tag}> inside <tr>")
                while (r, c) in taken:
                    c += 1
                rowspan = int(cell.get("rowspan", "1"))
                colspan = int(cell.get("colspan", "1"))
                for dr in range(rowspan):
                    for dc in range(colspan):
                        taken.add((r + dr, c + dc))
                self.placements.append(_Placement(cell, r, c, rowspan, colspan, is_header))
                c += colspan
            columns = max(columns, c, max((cc + 1 for rr, cc in taken if rr == r), default=0))
        self.columns = columns


def _shade(cell, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    properties.append(flag)


def _cant_split(row, value: bool) -> None:
    if not value:
        return
    properties = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:cantSplit")
    flag.set(qn("w:val"), "true")
    properties.append(flag)

