"""HTML (our small subset) -> DOCX with python-docx.

Walks the same HTML the PDF is laid out from, so both formats carry the same content. Every
paragraph, run and table takes a style of the reference DOCX (styles.py names them), built from the
style file (pmg_docs/writers/docx/reference.py), so staff restyle every document by editing that
file. Direct formatting is kept to what Word holds outside styles: page setup, column widths and
merged cells, row behaviour across pages (tables.py), list membership (`w:numPr`) and the indent of
a list item's further paragraphs (numbering.py). Only the subset our templates emit is understood;
anything else is an error, caught by tests before it reaches a user.

    package.py    page, running header and footer, properties, reproducible zip
    reference.py  the reference DOCX (styles, lists, theme), built from the style file
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
from typing import TYPE_CHECKING

import lxml.html
from docx import Document

from ...resources import templates_dir
from ..pdf_metadata import PdfMetadata
from ..zips import fixed_zip_times
from . import styles
from .blocks import BlockWriter
from .html import UnsupportedHtml, classes
from .package import package_order, set_properties, set_up_page, text_width_mm
from .tables import fold_table_gaps

if TYPE_CHECKING:
    from ...style.model import Style

__all__ = ["UnsupportedHtml", "reference_path", "write_docx"]


def reference_path():
    """The package style's reference DOCX as a file (scripts/make_reference_docx.py): what the
    writer builds in memory from the default style, for staff to open in Word."""
    return templates_dir() / "reference.docx"


def write_docx(html: str, extra_allowed: Sequence[Path] = (), style: Style | None = None,
               metadata: PdfMetadata | None = None,
               pages: dict[str, int] | None = None) -> bytes:
    """The DOCX of `html` in `style` (the package's when None); images are read from the
    package's templates folder and the folders in `extra_allowed` (the user's templates)
    only. `metadata` (the same the PDF records) fills the core properties: author, subject,
    keywords. `pages`: the page of each id in the PDF layout, printed by a table of
    contents."""
    from ...style import load_style
    from .reference import reference_docx

    style = style or load_style()
    root = lxml.html.document_fromstring(html)
    body = root.find("body")
    prose = any(styles.PROSE_CLASSES & classes(element) for element in body.iter())
    document = Document(io.BytesIO(reference_docx(style, prose)))
    landscape = style.pagina.landscape or "landscape" in classes(body)
    orientation = "landscape" if landscape else "portrait"
    set_up_page(document, orientation, style)
    writer = BlockWriter(document, text_width_mm(style, orientation),
                         [templates_dir(), *extra_allowed], style, pages)
    for child in body:
        writer.block(child, document)
    fold_table_gaps(document)
    set_properties(document, root.findtext(".//title") or "", metadata)
    buffer = io.BytesIO()
    document.save(buffer)
    return fixed_zip_times(buffer.getvalue(), package_order)
