"""Images in the DOCX: a PNG or JPEG beside the templates, at the width the template gives.

The PDF reads the same `<img>` through WeasyPrint (and its package-only fetcher); here the file
is read only when it lies inside an allowed folder, so a template cannot put any other file of
the machine into a document.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlparse

from docx.shared import Mm

from ..subset import IMAGE_SUFFIXES
from .html import UnsupportedHtml

_WIDTH = re.compile(r"width:\s*([\d.]+)mm")


def image_path(src: str | None, allowed: list[Path]) -> Path:
    url = urlparse(src or "")
    path = Path(unquote(url.path)).resolve() if url.scheme == "file" else None
    if path is None or not any(path.is_relative_to(folder.resolve()) for folder in allowed) \
            or not path.is_file():
        raise UnsupportedHtml(f"<img src={src!r}>: an image must be a file beside the "
                              "templates, given with asset(\"name.png\")")
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        raise UnsupportedHtml(f"<img src={src!r}>: an image must be PNG or JPEG")
    return path


def make_room_for_drawing(paragraph) -> None:
    """Our styles give lines an exact height (the PDF's line height), and Word and LibreOffice
    clip a picture or chart in such a line to that height: a paragraph that holds one gets
    single spacing instead, whatever its style."""
    paragraph.paragraph_format.line_spacing = 1.0


def add_image(paragraph, element, allowed: list[Path]) -> None:
    """The `<img>` as a picture in the paragraph, `style="width: Nmm"` wide."""
    width = _WIDTH.search(element.get("style") or "")
    if width is None:
        raise UnsupportedHtml("<img> needs its width in millimetres: style=\"width: 30mm\"")
    paragraph.add_run().add_picture(str(image_path(element.get("src"), allowed)),
                                    width=Mm(float(width.group(1))))
    make_room_for_drawing(paragraph)
