"""Typst source -> PDF bytes, in this process: one warm `typst.Compiler` per process (per thread),
fonts from the package only.

The compiler is made once (`compiler()`), with the package's fonts (pmg_docs/fonts: Arimo, as
wide as Arial, the DOCX's font) and without the machine's (`ignore_system_fonts`), so the bytes
do not depend on the machine; it keeps what it has laid out between documents. The PDF's
creation date is a fixed `timestamp` (SOURCE_DATE_EPOCH when set, as WeasyPrint reads it), so
equal inputs give equal bytes in every process.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from ...resources import fonts_dir
from ..pdf_metadata import NO_VARIANT, tagged

# 2000-01-01T00:00:00Z, as the WeasyPrint writer stamps its fonts.
REPRODUCIBLE_EPOCH = 946684800

_local = threading.local()


class TypstFailed(ValueError):
    """Typst refused the source this writer made: a bug of the writer, never the user's text
    (which reaches Typst only as string literals)."""


def compiler():
    """This thread's warm compiler."""
    found = getattr(_local, "compiler", None)
    if found is None:
        import typst

        found = typst.Compiler(font_paths=[str(fonts_dir())], ignore_system_fonts=True)
        _local.compiler = found
    return found


def standards(variant: str) -> list[str]:
    """The Typst name of a `--pdf-variant` (pdf_metadata.VARIANTS): `pdf/a-2a` -> `a-2a`."""
    return [] if variant == NO_VARIANT else [variant.removeprefix("pdf/")]


def timestamp() -> int:
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    return int(value) if value.isdigit() else REPRODUCIBLE_EPOCH


def compile_pdf(source: str, root: Path, variant: str) -> bytes:
    import typst

    try:
        data = compiler().compile(source.encode("utf-8"), format="pdf", root=str(root),
                                  pdf_standards=standards(variant), timestamp=timestamp(),
                                  pdf_tags=tagged(variant))
    except typst.TypstError as exc:
        raise TypstFailed(f"{exc.message}: {exc.diagnostic}") from None
    assert isinstance(data, bytes)
    return data


def signature_places(source: str, root: Path) -> list[dict]:
    """The places the document reserves for a signature (preamble's `pmg-place`), laid out: name,
    page, top-left corner, width and height. The binding queries only a compiler's own input,
    so a compiler is made for it: only documents that reserve a place pay for it."""
    import json

    import typst

    # The binding's stub types `font_paths` with a type variable mypy cannot bind here.
    query = typst.Compiler(source.encode("utf-8"), root=str(root),  # type: ignore[misc]
                           font_paths=[str(fonts_dir())], ignore_system_fonts=True)
    found: list[dict] = json.loads(query.query("<pmg-place>", field="value"))
    return found


def anchors(source: str, root: Path) -> list[tuple[str, int]]:
    """The (label, page) pairs the source's `<pmg-anchors>` element holds once laid out
    (writers/typst's anchor_pages); a compiler of its own, as for `signature_places`."""
    import json

    import typst

    query = typst.Compiler(source.encode("utf-8"), root=str(root),  # type: ignore[misc]
                           font_paths=[str(fonts_dir())], ignore_system_fonts=True)
    found = json.loads(query.query("<pmg-anchors>", field="value"))
    return [(str(name), int(page)) for name, page in (found[0] if found else [])]
