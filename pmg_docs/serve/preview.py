"""The one place the live preview uses the render pipeline: a source path in, its findings and
its documents out.

The PDF comes first and the DOCX only when asked for, so that the pages reach the browser
without waiting for a format nobody looks at while typing. The DOCX is made from the same
loaded document, so it is the document of the preview, whatever was saved since.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .. import kinds
from ..checks import check_path
from ..diagnostics import Diagnostic, blocking
from ..load import CatalogRegistry, Document
from ..render.pipeline import RenderOptions, render_document
from ..writers.pdf_library import DEFAULT_ENGINE


@dataclass
class Preview:
    """What one save of a source looks like: every finding, and, when it could be laid out,
    the PDF and a way to make the DOCX of the same document."""

    diagnostics: list[Diagnostic]
    kind: str | None = None
    pdf: bytes | None = None
    # () -> (DOCX bytes, findings on the way); None when there is no document.
    docx: Callable[[], tuple[bytes, list[Diagnostic]]] | None = None
    # The files besides the source that the documents were made of (catalog, the sources it
    # names, templates): a change to any of them changes the preview.
    inputs: list[Path] = field(default_factory=list)


def preview(path: Path, registry: CatalogRegistry, templates: Path | None = None,
            render: bool = True, pdf_engine: str = DEFAULT_ENGINE) -> Preview:
    """Load and check `path`; with `render`, lay it out and make its PDF when it has no
    errors."""
    document, diagnostics = check_path(path, registry, templates)
    if document is None:
        return Preview(diagnostics)
    named = [] if kinds.is_catalog(document.kind) else [
        document.catalog_source.path, *(link.source.path for link in document.links)]
    if not render or kinds.is_catalog(document.kind) or blocking(diagnostics, strict=False):
        return Preview(diagnostics, document.kind, inputs=named)
    rendered = render_document(document, RenderOptions(formats=("pdf",), templates=templates,
                                                       pdf_engine=pdf_engine))
    found = [*diagnostics, *rendered.diagnostics]
    if "pdf" not in rendered.data:
        return Preview(found, document.kind, inputs=rendered.inputs or named)
    return Preview(found, document.kind, rendered.data["pdf"],
                   lambda: _docx(document, templates), rendered.inputs)


def _docx(document: Document, templates: Path | None) -> tuple[bytes, list[Diagnostic]]:
    rendered = render_document(document, RenderOptions(formats=("docx",), templates=templates))
    return rendered.data.get("docx", b""), rendered.diagnostics
