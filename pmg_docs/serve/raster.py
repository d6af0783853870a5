"""PDF pages as PNG images for the browser, with PDFium (pypdfium2).

PDFium runs in the worker's own process: about 20 ms a page where poppler's pdftoppm, a new
process for every render, took over 300 ms (bench/serve_preview.py). A page is named by the hash
of its pixels, so a page that a save did not change keeps its name: it is not encoded again,
and the browser neither downloads nor repaints it.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

# 1.5 px per PDF point: an A4 page 893 px wide, sharp in a column of about 800 CSS pixels.
SCALE = 1.5


@dataclass(frozen=True)
class Page:
    name: str             # hash of the pixels
    width: int
    height: int
    png: bytes | None     # None: the caller already holds this image


def pages(pdf: bytes, known: frozenset[str] = frozenset(), scale: float = SCALE) -> list[Page]:
    """Every page of `pdf`; the PNG only of those whose name is not in `known`."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        out = []
        for page in document:
            bitmap = page.render(scale=scale)
            pixels = bitmap.buffer
            name = hashlib.blake2b(pixels, digest_size=16).hexdigest()
            png = None
            if name not in known:
                stream = io.BytesIO()
                # Level 1: a third of the default's time for files about 10 % larger, which
                # cost nothing on the loopback.
                bitmap.to_pil().save(stream, "PNG", compress_level=1)
                png = stream.getvalue()
            out.append(Page(name, bitmap.width, bitmap.height, png))
            page.close()
        return out
    finally:
        document.close()
