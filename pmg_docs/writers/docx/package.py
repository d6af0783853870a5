"""The page and the file around the text: page size and margins, running header and footer with
Word's page fields, document properties, and zip entries with fixed dates (equal inputs give
equal bytes).
"""

from __future__ import annotations

import unicodedata
import zipfile
from datetime import datetime, timezone

from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from . import styles

# The documents' properties carry this time (the zip entries ZIP_TIME, writers/zips.py), so
# that equal inputs give equal bytes.
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


# Word's limit on a core property (python-docx refuses more). The document itself keeps the
# whole title; only the file's properties get a shortened one.
CORE_PROPERTY_LIMIT = 255


def core_title(title: str) -> str:
    """`title` as a core property: whole when it fits, else cut at a character (never inside
    one) and ended with an ellipsis so that a reader sees it was shortened."""
    title = title.strip()
    if len(title) <= CORE_PROPERTY_LIMIT:
        return title
    end = CORE_PROPERTY_LIMIT - 1
    while end > 0 and unicodedata.combining(title[end]):  # keep an accent with its letter
        end -= 1
    return title[:end].rstrip() + "…"


def set_properties(document, title: str, metadata=None) -> None:
    """The core properties Word shows in «Propiedades»: the title, who issues the document,
    its subject and keywords (the same the PDF records, writers/pdf_metadata.py), and pmg-docs
    as the one who last wrote it."""
    props = document.core_properties
    props.title = core_title(title)
    props.author = core_title(metadata.issuer) if metadata and metadata.issuer else "pmg-docs"
    props.last_modified_by = "pmg-docs"
    if metadata is not None:
        props.subject = core_title(metadata.description or "")
        props.keywords = core_title(", ".join(metadata.keywords()))
        props.category = core_title(metadata.kind_noun or metadata.kind)
    props.language = "es-CL"
    props.created = FIXED_DATETIME
    props.modified = FIXED_DATETIME
    props.revision = 1


def package_order(info: zipfile.ZipInfo) -> tuple:
    """The order of a DOCX's entries: [Content_Types].xml first, then by name."""
    return (info.filename != "[Content_Types].xml", info.filename)
