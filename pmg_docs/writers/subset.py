"""The HTML subset every template emits and both writers read: the contract between them.

WeasyPrint could lay out any HTML, but the DOCX writer understands only these elements; a
template that keeps to them gets the same content in both formats. Tests render every example
and check its HTML against `TAGS`, and the DOCX writer refuses anything else with a message
naming the element.
"""

from __future__ import annotations

# The document's frame.
FRAME_TAGS = frozenset({"html", "head", "meta", "title", "link", "body"})
# Blocks: headings, paragraphs, lists, tables, and `div`s (a page break, a running header, a
# block on the right half of the page, or a plain group).
BLOCK_TAGS = frozenset({"h1", "h2", "h3", "p", "ul", "ol", "table", "div"})
# Inside a paragraph, a list item or a cell.
INLINE_TAGS = frozenset({"strong", "b", "em", "i", "br"})
LIST_ITEM_TAGS = frozenset({"li"})
TABLE_PART_TAGS = frozenset({"colgroup", "col", "thead", "tbody", "tr", "th", "td"})

# Only inside a `div.chart` (written by the `chart` filter): the SVG the PDF shows; the DOCX
# writer draws the chart from the div's spec instead.
CHART_TAGS = frozenset({"img"})

TAGS = FRAME_TAGS | BLOCK_TAGS | INLINE_TAGS | LIST_ITEM_TAGS | TABLE_PART_TAGS | CHART_TAGS
