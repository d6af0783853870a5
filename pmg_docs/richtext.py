"""Markdown written by staff, rendered into the small HTML subset both writers understand.

Raw HTML in the text is not passed through (markdown-it's `html` option is off), so `<script>`
or `<img src=...>` typed into a description prints as text. Links keep their text only: an
official document has no clickable targets, and the PDF writer must never fetch one.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from markupsafe import Markup


@cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    # Only what the HTML subset has: paragraphs, emphasis, lists, line breaks.
    md.disable(["image", "link", "autolink", "html_inline", "html_block", "code", "fence",
                "heading", "lheading", "table", "hr", "reference", "blockquote"],
               ignoreInvalid=True)
    return md


def render_markdown(text: str) -> Markup:
    return Markup(_parser().render(text))
