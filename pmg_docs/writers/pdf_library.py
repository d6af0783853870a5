"""The one place the PDF writers are imported, by engine: Typst (the default, writers/typst/,
a wheel on every desktop) or WeasyPrint (writers/pdf.py, the extra `pmg-docs[weasyprint]`).

Nothing imports WeasyPrint unless its engine is asked for. WeasyPrint loads Pango, GObject and
HarfBuzz with cffi when it is imported, and raises OSError when it cannot find them (on Windows
without MSYS2's Pango, on a bare Linux container); without the extra it is not installed at all.
Both are the user's to fix: `PdfLibraryMissing` says what to install (or to use the Typst
engine), and the callers go on writing the formats that need no PDF.
"""

from __future__ import annotations

import contextlib
import io
from types import ModuleType

from ..diagnostics import PdfLibraryMissing

TYPST, WEASYPRINT = "typst", "weasyprint"
# `--pdf-engine` and pmg.toml's `pdf_engine`.
ENGINES = (TYPST, WEASYPRINT)
DEFAULT_ENGINE = TYPST


def pdf_writer(engine: str = DEFAULT_ENGINE) -> ModuleType:
    """The PDF writer of `engine`, imported: a module with `write_pdf`, `warm_up` and
    `release_fonts`. Raises PdfLibraryMissing when WeasyPrint is asked for and is not
    installed or cannot load its system libraries."""
    if engine == TYPST:
        from . import typst

        return typst
    try:
        # WeasyPrint prints its own English banner on standard output before it raises; our
        # message (PdfLibraryMissing) replaces it.
        with contextlib.redirect_stdout(io.StringIO()):
            from . import pdf
    except (OSError, ImportError):
        raise PdfLibraryMissing() from None
    return pdf
