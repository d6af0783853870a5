"""Images in the DOCX: a PNG or JPEG beside the templates, at the width the template gives.

The PDF reads the same `<img>` through WeasyPrint (and its package-only fetcher); here the file
is read only when it lies inside an allowed folder, so a template cannot put any other file of
the machine into a document.
"""

from __future__ import annotations

from pathlib import Path

from docx.shared import Mm

from ..html_tree import image_path, width_mm


def make_room_for_drawing(paragraph) -> None:
    """Our styles give lines an exact height (the PDF's line height), and Word and LibreOffice
    clip a picture or chart in such a line to that height: a paragraph that holds one gets
    single spacing instead, whatever its style."""
    paragraph.paragraph_format.line_spacing = 1.0


def add_image(paragraph, element, allowed: list[Path]) -> None:
    """The `<img>` as a picture in the paragraph, `style="width: Nmm"` wide."""
    width = width_mm(element)
    paragraph.add_run().add_picture(str(image_path(element.get("src"), allowed)),
                                    width=Mm(width))
    make_room_for_drawing(paragraph)
