"""The one place the PDF writer is imported, so that a machine without WeasyPrint's system
libraries gets a typed error rather than a traceback.

WeasyPrint loads Pango, GObject and HarfBuzz with cffi when it is imported, and raises OSError
when it cannot find them (on Windows without MSYS2's Pango, on a bare Linux container). That is
the user's to fix: `PdfLibraryMissing` says what to install, and the callers go on writing the
formats that need no PDF.
"""

from __future__ import annotations

import contextlib
import io
from types import ModuleType

from ..diagnostics import PdfLibraryMissing


def pdf_writer() -> ModuleType:
    """`pmg_docs.writers.pdf`, imported. Raises PdfLibraryMissing when WeasyPrint cannot load
    its system libraries."""
    try:
        # WeasyPrint prints its own English banner on standard output before it raises; our
        # message (PdfLibraryMissing) replaces it.
        with contextlib.redirect_stdout(io.StringIO()):
            from . import pdf
    except OSError:
        raise PdfLibraryMissing() from None
    return pdf
