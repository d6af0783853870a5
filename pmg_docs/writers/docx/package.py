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
def text_width_mm(style, orientation: str) -> float:
    return style.pagina.text_width_mm(orientation == "landscape")


def set_up_page(document, orientation: str, style) -> None:
    """The page of `style` (pmg_docs/style): size, margins, where Word puts the running header
    and the footer (so that they sit where the PDF's margin boxes put them), and the footer's
    text with Word's page fields where the pattern says {pagina} and {paginas}."""
    from ...style.model import PAGE, PAGES, pattern_parts

    page = style.pagina
    section = document.sections[0]
    section.orientation = (WD_ORIENT.LANDSCAPE if orientation == "landscape"
                           else WD_ORIENT.PORTRAIT)
    width, height = page.size_mm(orientation == "landscape")
    section.page_width, section.page_height = Mm(width), Mm(height)
    margins = page.margenes
    section.top_margin, section.bottom_margin = Mm(margins.superior), Mm(margins.inferior)
    section.left_margin, section.right_margin = Mm(margins.izquierdo), Mm(margins.derecho)
    section.header_distance = Mm(page.distancia_encabezado)
    section.footer_distance = Mm(page.distancia_pie)
    footer = section.footer.paragraphs[0]
    footer.style = document.styles[styles.FOOTER]
    fields = {PAGE: "PAGE", PAGES: "NUMPAGES"}
    for part in pattern_parts(style.pie.texto):
        if part in fields:
            _field(footer, fields[part])
        else:
            footer.add_run(part)


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
