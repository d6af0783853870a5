"""The one place the live preview uses the render pipeline: a source path in, its findings and
its documents out.

The PDF comes first and the DOCX only when asked for, so that the pages reach the browser
without waiting for a format nobody looks at while typing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .. import kinds
from ..checks import check_path
from ..diagnostics import Diagnostic, InputError
from ..load import CatalogRegistry
from ..render.pipeline import RenderOptions, blocking, lay_out, produce


@dataclass
class Preview:
    """What one save of a source looks like: every finding, and, when it could be laid out,
    the PDF and a way to make the DOCX of the same HTML."""

    diagnostics: list[Diagnostic]
    kind: str | None = None
    pdf: bytes | None = None
    # () -> (DOCX bytes, findings of the DOCX writer); None when there is no document.
    docx: Callable[[], tuple[bytes, list[Diagnostic]]] | None = None
    # The files besides the source that the documents were made of (catalog, templates).
    inputs: list[Path] = field(default_factory=list)


def preview(path: Path, registry: CatalogRegistry, templates: Path | None = None,
            render: bool = True) -> Preview:
    """Load and check `path`; with `render`, lay it out and make its PDF when it has no
    errors."""
    document, diagnostics = check_path(path, registry, templates)
    if document is None:
        return Preview(diagnostics)
    inputs = [document.catalog_source.path] if document.catalog_source is not None else []
    if not render or document.kind == kinds.CATALOG or blocking(diagnostics, strict=False):
        return Preview(diagnostics, document.kind, inputs=inputs)
    options = RenderOptions(formats=("pdf", "docx"), templates=templates)
    try:
        html, files, notes = lay_out(document, options)
    except InputError as exc:
        return Preview([*diagnostics, *exc.diagnostics], document.kind, inputs=inputs)
    name = document.source.name
    pdf, pdf_notes = produce(html, "pdf", False, name, templates)
    found = [*diagnostics, *notes, *pdf_notes]
    if blocking(pdf_notes, strict=False):
        return Preview(found, document.kind, inputs=inputs)
    return Preview(found, document.kind, pdf,
                   lambda: produce(html, "docx", False, name, templates), [*inputs, *files])
