"""The page and the file around the text: page size and margins, running header and footer with
Word's page fields, document properties, and zip entries with fixed dates (equal inputs give
equal bytes).
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone

from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from . import styles

# A fixed zip entry time, so that equal inputs give equal bytes.
ZIP_TIME = (2000, 1, 1, 0, 0, 0)
FIXED_DATETIME = datetime(2000, 1, 1, tzinfo=timezone.utc)
# A4 as (width, height) in each orientation; a template asks for landscape with a class on
# <body>, which the PDF's stylesheet reads too.
PAGE_SIZES_MM = {"portrait": (210, 297), "landscape": (297, 210)}
# The page margins of document.css (@page), and where Word puts the running header and the
# footer so that they sit where the PDF's margin boxes put them.
MARGINS_MM = {"top": 22, "bottom": 20, "side": 16}
HEADER_DISTANCE_MM = 13
FOOTER_DISTANCE_MM = 8


def text_width_mm(orientation: str) -> float:
    return PAGE_SIZES_MM[orientation][0] - 2 * MARGINS_MM["side"]


def set_up_page(document, orientation: str) -> None:
    section = document.sections[0]
    section.orientation = (WD_ORIENT.LANDSCAPE if orientation == "landscape"
                           else WD_ORIENT.PORTRAIT)
    width, height = PAGE_SIZES_MM[orientation]
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin = section.right_margin = Mm(MARGINS_MM["side"])
    section.header_distance = Mm(HEADER_DISTANCE_MM)
    section.footer_distance = Mm(FOOTER_DISTANCE_MM)
    footer = section.footer.paragraphs[0]
    footer.style = document.styles[styles.FOOTER]
    footer.add_run("Página ")
    _field(footer, "PAGE")
    footer.add_run(" de ")
    _field(footer, "NUMPAGES")


def header_paragraph(document):
    """The running header's paragraph, styled; the caller writes its text."""
    paragraph = document.sections[0].header.paragraphs[0]
    paragraph.style = document.styles[styles.HEADER]
    return paragraph


def _field(paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays out the pages."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    shown = OxmlElement("w:t")
    shown.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, text, separate, shown, end):
        run._r.append(element)


def set_properties(document, title: str) -> None:
    props = document.core_properties
    props.title = title.strip()
    props.author = "pmg-docs"
    props.last_modified_by = "pmg-docs"
    props.language = "es-CL"
    props.created = FIXED_DATETIME
    props.modified = FIXED_DATETIME
    props.revision = 1


def fixed_zip_times(data: bytes) -> bytes:
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
