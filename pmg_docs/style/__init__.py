"""The look of every document, declared once (`templates/styles/estilo.yaml`) and derived for
each writer. The DOCX writer derives its reference DOCX (Word's styles, lists, theme) itself,
in writers/docx/reference.py: this package imports no writer, the writers read it.

    model.py          the style as typed, frozen data (the file's keys and units)
    load.py           the package's file with a user's overrides; located errors
    css.py            the WeasyPrint engine's stylesheet of values (document.css reads them)
    typst.py          the values a Typst preamble needs, in Typst's units
    template_css.py   `pmg validate`'s warning for CSS the Typst engine would not read
"""

from __future__ import annotations

from .load import STYLE_FILE, load_style, style_files
from .model import Style

__all__ = ["STYLE_FILE", "Style", "load_style", "style_files"]
