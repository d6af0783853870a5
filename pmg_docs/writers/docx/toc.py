"""A table of contents (`<nav class="toc">`) as Word's TOC field, its result filled in.

Word shows a field's last result until the field is updated, and LibreOffice shows it as it is:
so the result holds the entries, each with its page number as the PDF lays it out (the pages
come from the PDF layout, `writers/pdf.py: anchor_pages`), and updating the field in Word
renumbers it from the document's own headings.
"""

from __future__ import annotations

from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from .html import UnsupportedHtml, collapse
from .styles import TOC_LEVELS, TOC_STYLE


def _field_char(run, kind: str) -> None:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    run._r.append(element)


def _instruction(run, text: str) -> None:
    element = OxmlElement("w:instrText")
    element.set(qn("xml:space"), "preserve")
    element.text = text
    run._r.append(element)


def _entries(nav) -> list[tuple[int, str, str]]:
    """(level, text, target id) of each link of the nav's list, level from its li's class
    `toc-N`."""
    found = []
    for li in nav.iter("li"):
        link = li.find("a")
        if link is None:
            raise UnsupportedHtml("<li> of a table of contents without its <a href=\"#…\">")
        level = 1
        for name in (li.get("class") or "").split():
            if name.startswith("toc-") and name[4:].isdigit():
                level = max(1, min(TOC_LEVELS, int(name[4:])))
        found.append((level, collapse(link.text_content()).strip(),
                      (link.get("href") or "").lstrip("#")))
    return found


def write_toc(document, container, nav, pages: dict[str, int], width_mm: float) -> None:
    entries = _entries(nav)
    levels = max((level for level, _text, _target in entries), default=1)
    for index, (level, text, target) in enumerate(entries):
        paragraph = container.add_paragraph(style=document.styles[TOC_STYLE.format(level=level)])
        paragraph.paragraph_format.tab_stops.add_tab_stop(
            Mm(width_mm), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        if index == 0:
            _field_char(paragraph.add_run(), "begin")
            _instruction(paragraph.add_run(), f' TOC \\o "1-{levels}" \\h \\z \\u ')
            _field_char(paragraph.add_run(), "separate")
        paragraph.add_run(text)
        paragraph.add_run("\t")
        page = pages.get(target)
        paragraph.add_run(str(page) if page is not None else "")
        if index == len(entries) - 1:
            _field_char(paragraph.add_run(), "end")
