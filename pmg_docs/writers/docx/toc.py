"""A table of contents (`<nav class="toc">`, writers/subset.py) as Word's TOC field.

Word shows a field's last result until the field is updated, and LibreOffice shows it as
written, so the result is filled in: one paragraph per entry, its text, a tab with a leader of
dots and its page as the PDF lays the document out (writers/pdf.py, `anchor_pages`). Updating
the field in Word (F9) rebuilds it from the document's own headings (Heading 1, Heading 2),
which are the `h2`/`h3` the entries point to.
"""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from ..subset import TOC_LEVEL_PREFIX
from .html import UnsupportedHtml, collapse
from .styles import NORMAL

# Word's built-in styles of a table of contents' levels (shown as "TDC 1" in Spanish Word),
# added to the document that has one; a level's text starts this far in from the one above.
TOC_STYLE = "toc {level}"
LEVEL_INDENT_MM = 5
# Levels a table of contents may have: Word's TOC field knows nine.
MAX_LEVEL = 9


def entries(nav) -> list[tuple[int, str, str]]:
    """(level, text, the id it points to) of each entry of the nav's list."""
    found = []
    for item in nav.iter("li"):
        link = item.find("a")
        href = link.get("href") or "" if link is not None else ""
        if link is None or not href.startswith("#"):
            raise UnsupportedHtml('an entry of a table of contents is <li><a href="#id">…</a></li>')
        level = 1
        for name in (item.get("class") or "").split():
            digits = name[len(TOC_LEVEL_PREFIX):]
            if name.startswith(TOC_LEVEL_PREFIX) and digits.isdigit():
                level = max(1, min(MAX_LEVEL, int(digits)))
        found.append((level, collapse(link.text_content()).strip(), href[1:]))
    return found


def _style(document, level: int):
    name = TOC_STYLE.format(level=level)
    if name not in {style.name for style in document.styles}:
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles[NORMAL]
        style.paragraph_format.left_indent = Mm(LEVEL_INDENT_MM * (level - 1))
    return document.styles[name]


def _field(paragraph, kind: str, instruction: str | None = None) -> None:
    run = paragraph.add_run()
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run._r.append(char)
    if instruction is not None:
        text = OxmlElement("w:instrText")
        text.set(qn("xml:space"), "preserve")
        text.text = instruction
        paragraph.add_run()._r.append(text)


def write_toc(document, container, nav, pages: dict[str, int], width_mm: float) -> None:
    """The nav's entries as one TOC field, its result the entries with `pages` (by the id each
    points to; an id without a page prints none, and Word numbers it on update)."""
    found = entries(nav)
    if not found:
        return
    deepest = max(level for level, _text, _target in found)
    for index, (level, text, target) in enumerate(found):
        paragraph = container.add_paragraph(style=_style(document, level))
        paragraph.paragraph_format.tab_stops.add_tab_stop(Mm(width_mm), WD_TAB_ALIGNMENT.RIGHT,
                                                          WD_TAB_LEADER.DOTS)
        if index == 0:
            # \o: the heading levels it gathers; \z, \u: as Word writes its own.
            _field(paragraph, "begin", f' TOC \\o "1-{deepest}" \\z \\u ')
            _field(paragraph, "separate")
        page = pages.get(target)
        paragraph.add_run(f"{text}\t{page if page is not None else ''}")
        if index == len(found) - 1:
            _field(paragraph, "end")
