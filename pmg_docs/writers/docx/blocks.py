"""Headings, paragraphs, lists and emphasis, each written with the Word style that lays it out.

Which style a paragraph takes depends on where it stands (see styles.py): a class on it or on a
block around it (`letter-body`, `caption`, …), else the text style of its container (a cell's,
or the document's Normal). Runs carry character styles (Strong, Emphasis), never bold or italic
of their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from docx.oxml.ns import qn

from ...richtext import PAREN_LIST_CLASS
from ..subset import BLOCK_TAGS
from . import styles
from .html import UnsupportedHtml, classes, collapse
from .images import add_image
from .numbering import Lists, indent_continuation, list_kind
from .package import header_paragraph
from .tables import TableWriter

if TYPE_CHECKING:
    from ...style.model import Style


@dataclass(frozen=True)
class Context:
    """Where a block is written: the style of plain paragraphs there, and the list it is in."""

    text_style: str = styles.NORMAL
    # A class of styles.BLOCK_CLASS_STYLES (or a cell) is in force: alignment classes do not
    # restyle its paragraphs.
    styled_by_class: bool = False
    list_level: int = -1
    # Inside `<div class="prose">` (a prose document's text): h1 to h4 are its section
    # headings (Heading 1 to 4), not the document's title.
    headings: tuple[tuple[str, str], ...] = tuple(styles.HEADINGS.items())


CELL_CONTEXT = Context(text_style=styles.CELL_TEXT, styled_by_class=True)


def _character_style(bold: bool, italic: bool) -> str | None:
    if bold and italic:
        return styles.STRONG_EMPHASIS
    return styles.STRONG if bold else styles.EMPHASIS if italic else None


def _styled_by(own: set[str], context: Context) -> Context:
    for name in sorted(own):
        if name in styles.BLOCK_CLASS_STYLES:
            return replace(context, text_style=styles.BLOCK_CLASS_STYLES[name],
                           styled_by_class=True)
    return context


def paragraph_style(own: set[str], context: Context) -> str:
    inner = _styled_by(own, context)
    if inner is not context or context.styled_by_class:
        return inner.text_style
    for name in sorted(own):
        if name in styles.ALIGN_CLASS_STYLES:
            return styles.ALIGN_CLASS_STYLES[name]
    return context.text_style


def _keep_last_paragraph_with_next(container) -> None:
    """The last block written, when it is a paragraph (a letter's last point), keeps with what
    comes next, and moves whole: Word would move only its last lines, where LibreOffice, Typst
    (a block kept with the next moves whole) and the CSS (`page-break-inside: avoid`) move it
    whole."""
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    # The document's body, or a table cell's own element.
    element = getattr(getattr(container, "element", None), "body", None)
    element = container._element if element is None else element
    blocks = [child for child in element if child.tag in (qn("w:p"), qn("w:tbl"))]
    if blocks and blocks[-1].tag == qn("w:p"):
        paragraph = Paragraph(blocks[-1], container).paragraph_format
        paragraph.keep_with_next = True
        paragraph.keep_together = True


class BlockWriter:
    # How the blocks of a table cell are written (tables.py asks).
    cell_context = CELL_CONTEXT

    def __init__(self, document, text_width_mm: float, allowed: Sequence[Path],
                 style: Style, pages: dict[str, int] | None = None):
        self.document = document
        # The page of each id in the PDF layout, for a table of contents (toc.py).
        self.pages = pages or {}
        # Folders an <img> may be read from (the templates folders).
        self.allowed = list(allowed)
        self.text_width_mm = text_width_mm
        self.lists = Lists(document)
        self.tables = TableWriter(self, text_width_mm, style)

    def style(self, name: str):
        return self.document.styles[name]

    def block(self, element, container, context: Context = Context()) -> None:
        tag = element.tag
        own = classes(element)
        if tag in dict(context.headings) or _is_prose(tag, own):
            self.prose_block(element, container, context)
        elif tag == "p":
            self.paragraph(element, own, container, context)
        elif tag in ("ul", "ol"):
            self.list(element, container, context)
        elif tag == "table":
            self.tables.write(element, container)
        elif tag == "div" and "running-header" in own:
            self.inline(header_paragraph(self.document), element)
        elif tag == "div" and "chart" in own:
            # A chart (writers/chart_svg.py): a native Word chart from the spec the PDF's SVG drew.
            from .charts import add_chart

            add_chart(self.document, container, element.get("data-chart"), self.text_width_mm)
        elif tag == "div" and "page-break" in own:
            container.add_paragraph(style=self.style(styles.PAGE_BREAK))
        elif tag == "div":
            inner = _styled_by(own, context)
            for child in element:
                self.block(child, container, inner)
        else:
            raise UnsupportedHtml(f"<{tag}> is not in the HTML subset of pmg-docs templates")

    def prose_block(self, element, container, context: Context) -> None:
        """A heading (of the title or of a section), a prose document's table of contents (a
        Word TOC field, toc.py) or its text, whose h1 to h4 are section headings."""
        headings = dict(context.headings)
        if element.tag in headings:
            paragraph = container.add_paragraph(style=self.style(headings[element.tag]))
            self.inline(paragraph, element)
            return
        if element.tag == "nav":
            from .toc import write_toc

            write_toc(self.document, container, element, self.pages, self.text_width_mm)
            return
        inner = replace(context, headings=tuple(styles.PROSE_HEADINGS.items()))
        for child in element:
            self.block(child, container, inner)

    def paragraph(self, element, own: set[str], container, context: Context) -> None:
        closing = "closing" in own
        if closing:
            _keep_last_paragraph_with_next(container)
        paragraph = container.add_paragraph(style=self.style(paragraph_style(own, context)))
        self.inline(paragraph, element)
        if closing:
            # A letter's closing goes with its last paragraph and its signature (the CSS says
            # the same: `p.closing`), never alone on a page.
            paragraph.paragraph_format.keep_with_next = True

    def list(self, element, container, context: Context) -> None:
        kind = list_kind(element, PAREN_LIST_CLASS)
        level = context.list_level + 1
        num_id = self.lists.start(kind, level, int(element.get("start", "1")))
        item_style = (styles.LIST_PARAGRAPH if context.text_style == styles.NORMAL
                      else context.text_style)
        item = _Item(self, container, replace(context, list_level=level),
                     self.lists.text_indent(kind, level), self.style(item_style))
        for child in element:
            if child.tag != "li":
                raise UnsupportedHtml(f"<{child.tag}> inside <{element.tag}>")
            numbered = container.add_paragraph(style=item.style)
            self.lists.number(numbered, num_id, level)
            item.write(child, numbered)

    # Inline ---------------------------------------------------------------------------------

    def inline(self, paragraph, element, bold: bool = False, italic: bool = False) -> None:
        self._inline(paragraph, element, bold, italic)
        trim(paragraph)

    def _inline(self, paragraph, element, bold: bool, italic: bool) -> None:
        self.text(paragraph, element.text, bold, italic)
        for child in element:
            self.inline_element(paragraph, child, bold, italic)
            self.text(paragraph, child.tail, bold, italic)

    def inline_element(self, paragraph, element, bold: bool, italic: bool) -> None:
        tag = element.tag
        if tag == "br":
            paragraph.add_run().add_break()
        elif tag in ("strong", "b"):
            self._inline(paragraph, element, True, italic)
        elif tag in ("em", "i"):
            self._inline(paragraph, element, bold, True)
        elif tag == "img":
            add_image(paragraph, element, self.allowed)
        elif tag == "a":
            # A link within the document (a footnote's number): its text; Word has no target.
            self._inline(paragraph, element, bold, italic)
        elif tag == "sup":
            # Word's superscript, which sizes the number itself: the style file's
            # `notas.llamada` is the PDF's size. (A character style raising a 7 pt number with
            # `w:position` came out 4 pt and unraised in LibreOffice.)
            start = len(paragraph.runs)
            self._inline(paragraph, element, bold, italic)
            for run in paragraph.runs[start:]:
                run.font.superscript = True
        else:
            raise UnsupportedHtml(f"<{tag}> is not in the inline HTML subset")

    def text(self, paragraph, text: str | None, bold: bool = False, italic: bool = False) -> None:
        text = collapse(text)
        if _at_line_start(paragraph):
            # White space at the start of a line is layout, not content.
            text = text.lstrip()
        if text:
            name = _character_style(bold, italic)
            paragraph.add_run(text, style=self.style(name) if name else None)


def _is_prose(tag: str, own: set[str]) -> bool:
    """A prose document's table of contents, or its text."""
    return ((tag == "nav" and styles.TOC_CLASS in own)
            or (tag == "div" and styles.PROSE_CLASS in own))


def _at_line_start(paragraph) -> bool:
    """Nothing written yet, or a line break last. Asked of the last run that holds text, not of
    the paragraph's whole text: a cell of 2 000 lines asks it 4 000 times."""
    for run in reversed(paragraph._p.findall(qn("w:r"))):
        text = run.text
        if text:
            return text.endswith("\n")
    return True


def trim(paragraph) -> None:
    # Trailing space inside a paragraph is layout noise.
    if paragraph.runs:
        last = paragraph.runs[-1]
        if last.text.endswith(" "):
            last.text = last.text.rstrip()


class _Item:
    """The list items of one list: inline content, paragraphs (a loose list), nested lists and
    other blocks (a table inserted into a point), in their order. The first paragraph is the
    numbered one; later ones continue at the item's text indent."""

    def __init__(self, writer: BlockWriter, container, inner: Context, indent, style):
        self.writer, self.container, self.inner = writer, container, inner
        self.indent, self.style = indent, style

    def _continuation(self, style):
        paragraph = self.container.add_paragraph(style=style)
        indent_continuation(paragraph, self.indent)
        return paragraph

    def write(self, item, numbered) -> None:
        writer = self.writer
        # The paragraph that takes inline content now, and whether the numbered one has some.
        current, used = numbered, False

        def text(value):
            nonlocal current, used
            if (value or "").strip():
                if current is None:
                    current = self._continuation(self.style)
                writer.text(current, value)
                used = True

        text(item.text)
        for child in item:
            if child.tag == "p":
                if used:
                    current = self._continuation(writer.style(paragraph_style(
                        classes(child), replace(self.inner, list_level=-1))))
                writer.inline(current, child)
                used, current = True, None
            elif child.tag in BLOCK_TAGS:
                # A point may start with a block: its number then stands alone.
                writer.block(child, self.container, self.inner)
                used, current = True, None
            else:
                if current is None:
                    current = self._continuation(self.style)
                writer.inline_element(current, child, bold=False, italic=False)
                used = True
            text(child.tail)
        trim(numbered)
        if current is not None:
            trim(current)
