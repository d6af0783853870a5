"""Markdown written by staff, rendered into the small HTML subset both writers understand.

Raw HTML in the text is not passed through (markdown-it's `html` option is off), so `<script>`
or `<img src=...>` typed into a description prints as text. Links keep their text only: an
official document has no clickable targets, and the PDF writer must never fetch one.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from markupsafe import Markup

PAREN_LIST_CLASS = "paren-markers"


def new_parser() -> MarkdownIt:
    """A parser of the subset; callers that add rules of their own (circulars) take a copy."""
    # An allowlist, not a blocklist: paragraphs, lists, emphasis and line breaks are all the
    # HTML subset has. Everything else (headings, code, images, links, raw HTML) stays text.
    md = MarkdownIt("zero", {"html": False}).enable(
        ["list", "emphasis", "newline", "escape", "entity"])
    md.core.ruler.push("paren_markers", _mark_paren_lists)
    return md


def _mark_paren_lists(state) -> None:
    # Official texts number their points "1)", "2)"; a list written that way keeps its markers
    # in both writers through this class (HTML itself only knows "1.").
    for token in state.tokens:
        if token.type == "ordered_list_open" and token.markup == ")":
            token.attrSet("class", PAREN_LIST_CLASS)


@cache
def _parser() -> MarkdownIt:
    return new_parser()


def render_markdown(text: str) -> Markup:
    return Markup(_parser().render(text))
