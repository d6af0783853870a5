"""Typst source -> PDF bytes, in this process: one warm `typst.Compiler` per process (per thread),
fonts from the package only.

The compiler is made once (`compiler()`), with the package's fonts (pmg_docs/fonts: Arimo, as
wide as Arial, the DOCX's font) and without the machine's (`ignore_system_fonts`), so the bytes
do not depend on the machine; it keeps what it has laid out between documents. The PDF's
creation date is a fixed `timestamp` (SOURCE_DATE_EPOCH when set, as WeasyPrint reads it), so
equal inputs give equal bytes in every process.

A document is two in-memory files (`TypstSource`): the document itself, and the preamble's
functions as a module it imports, whose text is the same for every document of a style, so that
Typst evaluates them once per process rather than once per document (the binding's dictionary
input, documented in its README's "Multi-file projects"). Images are still read below `root`.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

from ...resources import fonts_dir
from ..pdf_metadata import NO_VARIANT, tagged
from .preamble import DEFINITIONS

# 2000-01-01T00:00:00Z, as the WeasyPrint writer stamps its fonts.
REPRODUCIBLE_EPOCH = 946684800

_local = threading.local()


# The document's own file: the name the binding takes as the one to compile.
MAIN = "main.typ"


@dataclass(frozen=True)
class TypstSource:
    """A document's Typst source: `main`, the document (its set and show rules, then its
    blocks), which imports `definitions`, the preamble's functions (preamble.definitions)."""

    main: str
    definitions: str

    def files(self) -> dict[str, bytes]:
        """The binding's input: file names (below the root, which the compiler reads images
        from; an image is a PNG or JPEG, never one of these) and their bytes."""
        return {MAIN: self.main.encode("utf-8"), DEFINITIONS: self.definitions.encode("utf-8")}


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


def compile_pdf(source: TypstSource, root: Path, variant: str) -> bytes:
    import typst

    try:
        # A dictionary of files: the binding's README ("Multi-file projects") and tests
        # (tests/test_multifile.py) document it, its type stub only bytes or a path.
        data = compiler().compile(source.files(), format="pdf",
                                  root=str(root), pdf_standards=standards(variant),
                                  timestamp=timestamp(), pdf_tags=tagged(variant))
    except typst.TypstError as exc:
        raise TypstFailed(f"{exc.message}: {exc.diagnostic}") from None
    assert isinstance(data, bytes)
    return data


def _query(source: TypstSource, root: Path, selector: str) -> list:
    """The values of the elements `selector` picks in the laid-out source. The binding queries
    only a compiler's own input, so a compiler is made for it: only documents that ask pay."""
    import json

    import typst

    # The stub's `Input` type variable (bytes, str or a path) binds neither the dictionary of
    # files (documented in the binding's README, as compile_pdf says) nor `font_paths`' list.
    query = typst.Compiler(source.files(), root=str(root),  # type: ignore[misc]
                           font_paths=[str(fonts_dir())], ignore_system_fonts=True)
    found: list = json.loads(query.query(selector, field="value"))
    return found


def signature_places(source: TypstSource, root: Path) -> list[dict]:
    """The places the document reserves for a signature (preamble's `pmg-place`), laid out: name,
    page, top-left corner, width and height."""
    return _query(source, root, "<pmg-place>")


def anchors(source: TypstSource, root: Path) -> list[tuple[str, int]]:
    """The (label, page) pairs the source's `<pmg-anchors>` element holds once laid out
    (writers/typst's anchor_pages)."""
    found = _query(source, root, "<pmg-anchors>")
    return [(str(name), int(page)) for name, page in (found[0] if found else [])]
