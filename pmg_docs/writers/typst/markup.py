"""The HTML subset (writers/subset.py) as Typst markup: headings, paragraphs, emphasis, lists,
page breaks, images and charts; tables are tables.py's.

Text is never markup: every piece of text the HTML holds (a user's, a template's) is written as
a Typst string literal (`#"…"`), whose only escapes are `\\` and `"`, so `# [ ] $ @ * _ =` and
the rest print as typed and nothing a user writes can call a function. Everything else written
here is this module's own code: calls of the functions the preamble defines (preamble.py), which
hold every size, colour and margin; this module only says which role a block plays.

The walk mirrors the DOCX writer's (docx/blocks.py): the same classes decide a paragraph's role
there (a Word style) and here (a role of the preamble).
"""

from __future__ import annotations

import base64
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from ...resources import fonts_dir
from ...richtext import PAREN_LIST_CLASS
from ..html_tree import UnsupportedHtml, classes, collapse, image_path, width_mm
from ..pdf_metadata import is_signature_place
from ..subset import BLOCK_TAGS, LETTER_LIST_TYPE

if TYPE_CHECKING:
    from .heights import Heights

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4}
# Elements a link or a table of contents may point to (by `id`): section headings and notes.
ANCHORED = ("h1", "h2", "h3", "h4", "li")
# <nav class="toc">'s entries: <li class="toc-N">, level N.
_TOC_LEVEL = re.compile(r"^toc-([1-9])$")
# A class on a <div> that gives the paragraphs inside it their role (preamble's "paragraphs").
BLOCK_ROLES = {"letter-heading": "letter-heading", "letter-body": "letter",
               "signature": "signature", "distribution": "distribution"}
# A class on a <p> that gives it its own role wherever it stands.
PARAGRAPH_ROLES = {"caption": "caption", "place-date": "place-date", "closing": "closing"}
# Roles whose alignment an alignment class (`center`, `right`) does not change: the CSS's
# `.letter-body p` outweighs `.center`.
FIXED_ALIGNMENT = frozenset({"letter", "signature", "caption"})
ALIGNMENTS = {"center": "center", "right": "right"}
# A word this long gets a break opportunity every few characters: Typst, unlike CSS's
# `overflow-wrap: anywhere`, lets a word that fits no line run past the margin. No word of
# real text is this long (Spanish words, requirement codes, "usuarios/clientes/beneficiarios,"
# are shorter).
LONG_WORD = 40
# A long word, with the zero-width spaces render/long_words.py put in it (past 200 characters).
_LONG_WORD = re.compile(r"[^\s\u200b][^\s]{%d,}" % (LONG_WORD - 1))
_ZERO_WIDTH_SPACE = "\u200b"
# The characters of a long word kept together in one box: fits the narrowest column.
_PIECE = 8
_SVG_DATA = "data:image/svg+xml;base64,"


# What a string literal escapes (`literal`).
_ESCAPED = re.compile(r'[\\"\n\r\t]')


def literal(text: str) -> str:
    """`text` as a Typst string literal: printed as typed, never read as code."""
    if _ESCAPED.search(text) is None:
        return f'"{text}"'  # most texts: one search instead of five replacements
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
               .replace("\r", "\\r").replace("\t", "\\t"))
    return f'"{escaped}"'


def label_name(element_id: str) -> str:
    """The Typst label of an element's `id`: its UTF-8 bytes in hex, so that whatever the id
    holds, the label is letters and digits (a label written from text is never code)."""
    return "pmg-" + element_id.encode("utf-8").hex()


def collapsed(text: str | None) -> str:
    """html_tree.collapse(text), whose regular expression (a match for every space) is spared
    text with nothing to collapse: no white space but single spaces (most texts)."""
    if text and ("  " in text or "\n" in text or "\t" in text or "\r" in text
                 or "\f" in text):
        return collapse(text)
    return text or ""


def _breakable(text: str) -> str:
    """`text` as Typst markup, each long word cut into boxes of a few characters: Typst breaks
    a line between two boxes, and, unlike a zero-width space, a box leaves no character in the
    PDF's text, so the word is copied and searched whole, as in WeasyPrint's PDF."""
    if len(text) < LONG_WORD or max(map(len, text.split()), default=0) < LONG_WORD:
        # No long word (`_LONG_WORD`'s white space is str.split's): most pieces of text,
        # spared the search. tests/writers/test_typst_fast_paths.py holds it to `cut_long_words`.
        return "#" + literal(text) if text else ""
    return cut_long_words(text)


def cut_long_words(text: str) -> str:
    """`_breakable` for any text: its long words found and cut, the rest string literals."""
    parts = []
    done = 0
    for found in _LONG_WORD.finditer(text):
        if found.start() > done:
            parts.append("#" + literal(text[done:found.start()]))
        word = found.group().replace(_ZERO_WIDTH_SPACE, "")
        parts.extend(f"#box[#{literal(word[i:i + _PIECE])}]"
                     for i in range(0, len(word), _PIECE))
        done = found.end()
    if done < len(text):
        parts.append("#" + literal(text[done:]))
    return "".join(parts)


# What needs no glyph: spaces and invisible format characters (direction marks, zero-width space).
_UNDRAWN = frozenset({"Zs", "Zl", "Zp", "Cf", "Cc"})


@cache
def _not_drawn() -> re.Pattern[str]:
    """A character some face of the package's font (Arimo) does not draw. The characters every
    face draws are listed as ranges beside the fonts (scripts/make_fonts.py writes the list
    from their tables; a test checks it), so no process reads the fonts' tables. One search of
    a text is a C loop instead of a Python test of each of its characters."""
    ranges = []
    for line in (fonts_dir() / "drawn.txt").read_text(encoding="ascii").split():
        first, last = (chr(int(code, 16)) for code in line.split("-"))
        ranges.append(f"{re.escape(first)}-{re.escape(last)}")
    return re.compile(f"[^{''.join(ranges)}]")


def _shown(found: re.Match[str]) -> str:
    character = found.group()
    if unicodedata.category(character) in _UNDRAWN:
        return character
    return f"[U+{ord(character):04X}]"


def drawable(text: str) -> str:
    """`text` with each character the package's font cannot draw (an emoji) written as its code
    point, "[U+1F680]": the PDF uses no font of the machine, and PDF/A forbids a character
    drawn without a glyph (Typst refuses the document), so the reader sees what was there."""
    not_drawn = _not_drawn()
    if not_drawn.search(text) is None:
        return text
    return not_drawn.sub(_shown, text)


@dataclass(frozen=True)
class Context:
    """Where a block is written: the role of plain paragraphs there, and how deep in lists."""

    role: str = "body"
    list_level: int = -1
    in_letter: bool = False
    # Inside a prose text (<div class="prose">): h1 to h4 are section headings.
    prose: bool = False
    # Narrower than the page's text (in a list item, a cell, a right-hand block): a table
    # here is measured by Typst, never bounded from the page's width (heights.py).
    narrowed: bool = False


CELL_CONTEXT = Context(role="cell", narrowed=True)


def _list_kind(element) -> str:
    if element.tag == "ul":
        return "bullet"
    return "paren" if PAREN_LIST_CLASS in classes(element) else "decimal"


def _last_paragraph(element):
    """The <p> a block ends with, and the lists it stands in (outermost first); None when the
    block ends with anything else (a table, text outside a paragraph)."""
    lists = []
    node = element
    while True:
        children = list(node)
        if not children or (node.tag == "li" and (children[-1].tail or "").strip()):
            return None
        node = children[-1]
        if node.tag == "p":
            return node, lists
        if node.tag in ("ul", "ol"):
            lists.append(node)
        elif node.tag not in ("li", "div"):
            return None


def _role(own: set[str], context: Context) -> str:
    return next((PARAGRAPH_ROLES[c] for c in sorted(own) if c in PARAGRAPH_ROLES), context.role)


def _edges(element, context: Context) -> str:
    """The roles of a container's first and last paragraphs, whose spacing it takes on
    (preamble: Typst drops it inside the container)."""
    children = list(element)
    found = []
    for side, child in (("first", children[0] if children else None),
                        ("last", children[-1] if children else None)):
        if child is not None and child.tag == "p":
            found.append(f'{side}: "{_role(classes(child), context)}"')
    return ", ".join(found)


class Inline:
    """The inline content of one paragraph as Typst markup, with HTML's white space: collapsed,
    and none at the start or end of a line."""

    def __init__(self, writer: MarkupWriter):
        self.writer = writer
        self.parts: list[str] = []
        self.pending = ""
        self.at_line_start = True

    def text(self, text: str | None) -> None:
        text = collapsed(text)
        if self.at_line_start:
            text = text.lstrip(" ")
        if text:
            self.pending += text
            self.at_line_start = False

    def flush(self, line_end: bool = False) -> None:
        text = self.pending.rstrip(" ") if line_end else self.pending
        if text:
            self.parts.append(_breakable(drawable(text)))
        self.pending = ""

    def code(self, code: str) -> None:
        self.flush()
        self.parts.append(code)

    def element(self, element) -> None:
        tag = element.tag
        if tag == "br":
            self.flush(line_end=True)
            self.parts.append("#linebreak()")
            self.at_line_start = True
        elif tag in ("strong", "b", "em", "i"):
            inner = Inline(self.writer)
            inner.at_line_start = self.at_line_start
            inner.walk(element)
            inner.flush()
            function = "strong" if tag in ("strong", "b") else "emph"
            self.code(f"#{function}[{''.join(inner.parts)}]")
            self.at_line_start = inner.at_line_start
        elif tag == "img":
            self.code(f"#box({self.writer.image(element)})")
            self.at_line_start = False
        elif tag in ("sup", "a"):
            inner = Inline(self.writer)
            inner.at_line_start = self.at_line_start
            inner.walk(element)
            inner.flush()
            body = "".join(inner.parts)
            if tag == "sup":
                self.code(f"#pmg-sup[{body}]")
            else:
                target = self.writer.target(element)
                self.code(f"#link({target})[{body}]" if target else body)
            self.at_line_start = inner.at_line_start
        elif tag == "link":
            # A stylesheet a template links where it writes text (its running header): no
            # content; the writer reports it refused (_foreign_links), as WeasyPrint's does.
            return
        else:
            raise UnsupportedHtml(f"<{tag}> is not in the inline HTML subset")

    def walk(self, element) -> None:
        self.text(element.text)
        for child in element:
            self.element(child)
            self.text(child.tail)

    def markup(self) -> str:
        self.flush(line_end=True)
        return "".join(self.parts)


class MarkupWriter:
    def __init__(self, allowed: Sequence[Path], root: Path, heights: Heights | None = None):
        # Folders an <img> may be read from (the templates folders), and the folder they share,
        # which the compiler reads files below (compile.py).
        self.allowed = list(allowed)
        self.root = root
        # What an <img> asked for and was refused (outside the allowed folders, not an image).
        self.refused: list[str] = []
        # Whether the document reserves a place for a signature.
        self.places = False
        # For each table, in document order, which cells of each row are header cells.
        self.header_cells: list[list[list[bool]]] = []
        # A letter's last paragraph and what must stay with it (its closing and signature,
        # written), set by `blocks`: see `keep_closing`.
        self.kept: tuple[object, str] | None = None
        # The labels already placed: Typst refuses a label placed twice.
        self.placed: set[str] = set()
        from .tables import TableWriter

        self.tables = TableWriter(self)
        # The label of each `id` a link may point to (`anchor`), the first element holding it.
        self.labels: dict[str, str] = {}
        # Bounds of kept cells' heights on this document's pages (None: Typst measures all).
        self.heights = heights
        # The markup of each text-only element's text (`inline`): at most the document's text.
        self.text_markup: dict[str | None, str] = {}

    def anchor(self, root) -> None:
        """Collect the ids below `root` that get a label, before the blocks are written: a
        table of contents comes before the headings it points to."""
        for element in root.iter(*ANCHORED):
            found = element.get("id")
            if found and found not in self.labels:
                self.labels[found] = label_name(found)

    def target(self, element) -> str | None:
        """The label an <a href="#id"> points to, as Typst code, or None when no element of
        the document has that id (the text is then printed without a link)."""
        href = element.get("href") or ""
        name = self.labels.get(href[1:]) if href.startswith("#") else None
        return f"label({literal(name)})" if name else None

    def label(self, element) -> str:
        """` <label>` after an element whose id a link may point to (its first holder)."""
        found = element.get("id")
        name = self.labels.get(found) if found else None
        if name is None or name in self.placed:
            return ""
        self.placed.add(name)
        return f" <{name}>"

    def inline(self, element) -> str:
        if len(element) == 0:
            # Text only (most table cells): what Inline makes of it, without its walk, and
            # made once per document for each text (a table repeats "Sí", "0%", "-").
            raw = element.text
            written = self.text_markup.get(raw)
            if written is None:
                text = collapsed(raw).strip(" ")
                written = _breakable(drawable(text)) if text else ""
                self.text_markup[raw] = written
            return written
        inline = Inline(self)
        inline.walk(element)
        return inline.markup()

    def image(self, element) -> str:
        """An <img> as a Typst image call: a file beside the templates (by its checked path),
        or a chart's SVG (data written by writers/chart_svg.py) as bytes."""
        src = element.get("src") or ""
        alt = literal(element.get("alt") or "")
        if src.startswith(_SVG_DATA):
            svg = base64.b64decode(unquote(src[len(_SVG_DATA):])).decode("utf-8")
            return f'image(bytes({literal(svg)}), format: "svg", width: 100%, alt: {alt})'
        try:
            path = image_path(src, self.allowed)
        except UnsupportedHtml:
            # As the WeasyPrint writer does: the image is left out and the caller warns.
            self.refused.append(src)
            return "none"
        inside = "/" + path.relative_to(self.root).as_posix()
        return f"image({literal(inside)}, width: {width_mm(element)}mm, alt: {alt})"

    def blocks(self, elements, context: Context = Context()) -> str:
        children = list(elements)
        written = []
        index = 0
        while index < len(children):
            kept = self.keep_closing(children, index, context)
            written.append(self.block(children[index], context))
            if kept:
                # The item's flow drops the space below its last block: it is given back
                # here, where it meets the space above the next block as it would have.
                last = "signature" if kept == 2 else "closing"
                written.append(f'#v(pmg-edge("{last}", "below"), weak: true)')
            index += 1 + kept
        return "\n".join(written)

    def keep_closing(self, children, index: int, context: Context) -> int:
        """A letter's closing («Saluda atentamente a Ud.») is never alone at the top of a page
        (as CSS's `p.closing { page-break-before: avoid }`): its body's last paragraph sticks
        to it. Typst keeps a block with the next one only in the same flow, and a paragraph in
        a list item is in the item's flow, so then the closing and the signature after it are
        written at the end of that item, moved back out of the lists' indent. How many
        siblings after `index` that took (they are not written again)."""
        body = children[index]
        if (body.tag != "div" or "letter-body" not in classes(body) or index + 1 >= len(children)
                or children[index + 1].tag != "p" or "closing" not in classes(children[index + 1])):
            return 0
        last = _last_paragraph(body)
        if last is None:
            return 0
        paragraph, lists = last
        if not lists:
            # The closing follows in the same flow: the paragraph sticks to it (`paragraph`).
            self.kept = (paragraph, "")
            return 0
        taken = children[index + 1:index + 2]
        after = children[index + 2] if index + 2 < len(children) else None
        if after is not None and after.tag == "div" and "signature" in classes(after):
            taken.append(after)
        indent = " + ".join(f'pmg-list-indent("{_list_kind(e)}")' for e in lists)
        tail = "\n".join(self.block(e, context) for e in taken)
        # The pad starts a flow of its own, which drops its first block's space above: the
        # block around it gives it back.
        edges = 'above: pmg-edge("closing", "above")'
        self.kept = (paragraph, f"#block({edges}, pad(left: -({indent}))[\n{tail}\n])")
        return len(taken)

    def kept_tail(self, element) -> str | None:
        """What follows the letter's last paragraph in its own flow, if `element` is it."""
        if self.kept is None or self.kept[0] is not element:
            return None
        tail = self.kept[1]
        self.kept = None
        return tail

    def block(self, element, context: Context = Context()) -> str:
        tag = element.tag
        own = classes(element)
        if tag in HEADINGS:
            return (f"#heading(level: {HEADINGS[tag]}, outlined: false)[{self.inline(element)}]"
                    + self.label(element))
        if tag == "nav":
            return self.toc(element)
        if tag == "p":
            return self.paragraph(element, own, context)
        if tag in ("ul", "ol"):
            return self.list(element, context)
        if tag == "table":
            return self.tables.write(element, context)
        if tag == "div":
            return self.div(element, own, context)
        if tag == "link":
            return ""  # a stylesheet linked among the blocks: no content (see Inline.element)
        raise UnsupportedHtml(f"<{tag}> is not in the HTML subset of pmg-docs templates")

    def special_div(self, element, own: set[str], context: Context) -> str | None:
        """A <div> that is not a group of blocks: a chart, a page break, the running header,
        a prose text or its notes; None for any other."""
        if "running-header" in own:
            return ""  # the page's header (preamble), read by write_pdf
        if "chart" in own:
            image = element.find("img")
            if image is None:
                raise UnsupportedHtml("a chart <div> without its <img>")
            return f"#block(width: 100%, {self.image(image)})"
        if "page-break" in own:
            return "#pmg-page-break()"
        if "prose" in own:
            return f"#pmg-prose[\n{self.blocks(element, replace(context, prose=True))}\n]"
        if "footnotes" in own:
            return f"#pmg-notes[\n{self.blocks(element, context)}\n]"
        return None

    def div(self, element, own: set[str], context: Context) -> str:
        special = self.special_div(element, own, context)
        if special is not None:
            return special
        inner = context
        for name in sorted(own):
            if name in BLOCK_ROLES:
                inner = replace(inner, role=BLOCK_ROLES[name],
                                in_letter=inner.in_letter or name == "letter-body")
        if "right-block" in own:
            inner = replace(inner, narrowed=True)  # half the width (pmg-right)
        body = self.blocks(element, inner)
        place = element.get("id") or ""
        if is_signature_place(place):
            # Where `pmg sign --field firma` puts a signature (finish.py makes it a destination).
            body = f"#pmg-place({literal(place)})[\n{body}\n]"
            self.places = True
        edges = _edges(element, inner)
        if "distribution" in own:
            body = f"#pmg-distribution({edges})[\n{body}\n]"
            edges = ""
        if "right-block" in own:
            body = f"#pmg-right({edges})[\n{body}\n]"
        return body

    def paragraph(self, element, own: set[str], context: Context) -> str:
        role = _role(own, context)
        align = next((ALIGNMENTS[c] for c in sorted(own) if c in ALIGNMENTS), None)
        option = f", align-to: {align}" if align and role not in FIXED_ALIGNMENT else ""
        if self.kept_tail(element) is not None:
            option += ", keep: true"
        paragraph = f'#pmg-p("{role}"{option})[{self.inline(element)}]'
        if role == "caption":
            # A table's title has its own size (document.css's p.caption).
            return f"#pmg-caption[{paragraph}]"
        return paragraph

    def toc(self, element) -> str:
        """A table of contents: each <li class="toc-N"> an entry of level N whose page is its
        target's (preamble's `pmg-toc`)."""
        if "toc" not in classes(element):
            raise UnsupportedHtml('a <nav> that is not a table of contents (class "toc")')
        entries = []
        for item in element.iter("li"):
            level = next((int(m.group(1)) for c in sorted(classes(item))
                          if (m := _TOC_LEVEL.match(c))), 1)
            link = item.find("a")
            target = self.target(link) if link is not None else None
            entries.append(f"[#pmg-toc({level}, {target or 'none'})"
                           f"[{self.inline(link if link is not None else item)}]]")
        # One list, as the HTML's <ul>: the PDF's structure holds it as a list (L).
        return f"#pmg-toc-list({', '.join(entries)})"

    def list(self, element, context: Context) -> str:
        kind = _list_kind(element)
        letter = element.get("type") == LETTER_LIST_TYPE
        start = int(element.get("start", "1"))
        inner = replace(context, list_level=context.list_level + 1, narrowed=True)
        items = []
        for child in element:
            if child.tag != "li":
                raise UnsupportedHtml(f"<{child.tag}> inside <{element.tag}>")
            items.append(f"[{self.item(child, inner)}]")
        options = (f'"{kind}", start: {start}, letter: {"true" if letter else "false"}, '
                   f'letter-body: {"true" if context.role == "letter" else "false"}, '
                   f'nested: {"true" if context.list_level >= 0 else "false"}')
        return f"#pmg-list({options}, {', '.join(items)})"

    def item(self, item, context: Context) -> str:
        """A list item: its inline content and its blocks (paragraphs, nested lists, a table)
        in their order."""
        parts: list[str] = []
        anchor = self.label(item)
        if anchor:
            # A note's number points here: an invisible element holds the label.
            parts.append(f"#metadata(none){anchor}")
        inline = Inline(self)

        def close_inline() -> None:
            nonlocal inline
            markup = inline.markup()
            if markup:
                parts.append(f"#par[{markup}]")
            inline = Inline(self)

        inline.text(item.text)
        for child in item:
            if child.tag == "p":
                close_inline()
                tail = self.kept_tail(child)
                if tail is None:
                    parts.append(f"#par[{self.inline(child)}]")
                else:
                    parts.append(f"#block(sticky: true)[#par[{self.inline(child)}]]\n{tail}")
            elif child.tag in BLOCK_TAGS:
                close_inline()
                parts.append(self.block(child, context))
            else:
                inline.element(child)
            inline.text(child.tail)
        close_inline()
        return "\n".join(parts)
