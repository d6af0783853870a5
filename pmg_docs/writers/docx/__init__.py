"""HTML (our small subset) -> DOCX with python-docx.

Walks the same HTML the PDF is laid out from, so both formats carry the same content. Every
paragraph, run and table takes a style of `templates/reference.docx` (styles.py names them), so
staff restyle every document by restyling that file in Word. Direct formatting is kept to what
Word holds outside styles: page setup, column widths and merged cells, row behaviour across
pages (tables.py), list membership (`w:numPr`) and the indent of a list item's further
paragraphs (numbering.py). Only the subset our templates emit is understood; anything else is an
error, caught by tests before it reaches a user.

    package.py    page, running header and footer, properties, reproducible zip
    blocks.py     headings, paragraphs, lists, emphasis
    tables.py     tables and their style options
    html.py       classes, collapsed text, the error for HTML outside the subset
    numbering.py  Word lists
    styles.py     the style names, and which HTML takes which
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import lxml.html
from docx import Document

from ...resources import templates_dir
from ..zips import fixed_zip_times
from .blocks import BlockWriter
from .html import UnsupportedHtml, classes
from .package import package_order, set_properties, set_up_page, text_width_mm

__all__ = ["UnsupportedHtml", "reference_path", "write_docx"]


def reference_path():
    return templates_dir() / "reference.docx"


def write_docx(html: str, extra_allowed: Sequence[Path] = (),
               pages: dict[str, int] | None = None) -> bytes:
    """The DOCX of `html`; images are read from the package's templates folder and the
    folders in `extra_allowed` (the user's templates) only. `pages`: the page of each id in
    the PDF layout, printed by a table of contents."""
    root = lxml.html.document_fromstring(html)
    body = root.find("body")
    document = Document(str(reference_path()))
    orientation = "landscape" if "landscape" in classes(body) else "portrait"
    set_up_page(document, orientation)
    writer = BlockWriter(document, text_width_mm(orientation),
                         [templates_dir(), *extra_allowed], pages)
    for child in body:
        writer.block(child, document)
    set_properties(document, root.findtext(".//title") or "")
    buffer = io.BytesIO()
    document.save(buffer)
    return fixed_zip_times(buffer.getvalue(), package_order)
