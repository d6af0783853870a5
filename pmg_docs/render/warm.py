"""Paying for the imports and the fonts once, before the first document: a process that renders
many (a build's worker, the preview's worker) calls `warm_up` when it starts, so that its first
document costs what the others do."""

from __future__ import annotations

from collections.abc import Iterable


def warm_up(formats: Iterable[str] = ("pdf", "docx"), engine: str | None = None,
            every_kind: bool = True) -> None:
    """Import every kind's model, checks and view (unless not `every_kind`) and the writers of
    `formats` (only those: a PDF-only build never imports python-docx), the PDF writer of
    `engine` (the default one when None); load the fonts (and, for WeasyPrint, parse the
    stylesheets every PDF uses)."""
    from .. import kinds
    from ..diagnostics import PdfLibraryMissing
    from . import pipeline  # noqa: F401 - imported to be warm

    for entry in kinds.KINDS.values() if every_kind else ():
        for fmt in entry.formats.values():
            for part in (fmt.model, fmt.checks, fmt.view):
                if part is not None:
                    part.load()
    formats = tuple(formats)
    if "docx" in formats:
        from ..writers import docx  # noqa: F401 - imported to be warm
    if "pdf" in formats:
        from ..writers.pdf_library import DEFAULT_ENGINE, pdf_writer

        try:
            pdf_writer(engine or DEFAULT_ENGINE).warm_up()
        except PdfLibraryMissing:
            pass  # each document that asks for a PDF reports it; the DOCX needs no Pango
    settle()


def settle() -> None:
    """Tell the garbage collector that what exists now (modules, models, compiled templates,
    fonts) lives as long as the process: its full collections no longer walk it again and
    again while documents are made. Measured on a year of 200 PDFs on two processes: ~4 % less
    CPU (bench/PROFILE.md, section 8)."""
    import gc

    gc.freeze()
