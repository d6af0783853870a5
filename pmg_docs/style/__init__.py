"""The look of every document, declared once (`templates/styles/estilo.yaml`) and derived for
each writer.

    model.py          the style as typed, frozen data (the file's keys and units)
    load.py           the package's file with a user's overrides; located errors
    css.py            the WeasyPrint engine's stylesheet of values (document.css reads them)
    docx.py           the reference DOCX: Word's styles, lists, theme and page furniture
    typst.py          the values a Typst preamble needs, in Typst's units
    template_css.py   `pmg validate`'s warning for CSS the Typst engine would not read
"""

from __future__ import annotations

from .load import STYLE_FILE, load_style, style_files
from .model import Style

__all__ = ["STYLE_FILE", "Style", "load_style", "style_files"]
