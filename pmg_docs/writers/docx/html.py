"""What the writer reads of the HTML: classes, text as HTML collapses it, and the error for HTML
outside the subset."""

from __future__ import annotations

import re


class UnsupportedHtml(ValueError):
    """The template emitted HTML outside the subset the DOCX writer understands."""


def classes(element) -> set[str]:
    return set((element.get("class") or "").split())


def collapse(text: str | None) -> str:
    # HTML collapses only ASCII white space: a non-breaking space is content.
    return re.sub(r"[ \t\n\r\f]+", " ", text or "")
