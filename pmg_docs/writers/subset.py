"""The HTML subset every template emits and every writer reads: the contract between them.

WeasyPrint could lay out any HTML, but the DOCX writer and the Typst PDF writer (writers/typst/)
understand only these elements; a template that keeps to them gets the same content in every
format. Tests render every example
and check its HTML against `TAGS`, and the DOCX writer refuses anything else with a message
naming the element.

Classes both writers read (templates/styles/document.css for the PDF, writers/docx/styles.py
for the Word style each one takes):

- `<body class="landscape">`: landscape A4.
- `<div>`: `page-break` (a new page), `running-header` (the text at the top of every page),
  `chart` (a chart: its SVG <img> in the PDF, a native Word chart drawn from its `data-chart`
  spec in the DOCX),
  `right-block` (on the right half of the page), and the parts of a letter, each with its Word
  style: `letter-heading`, `letter-body`, `signature`, `distribution`.
- `<p>`: `center`, `right`; `caption` (a Cuadro's title, kept with its table), `place-date`,
  `closing`.
- `<ol class="paren-markers">`: points numbered "1)", "2)"; `<ol type="a" class="paren-markers">`:
  "a)", "b)". Every `<ul>`/`<ol>` is a Word list (bullets, "1.", "1)", "a)") that restarts at its
  `start`.
- `<table>`: `plain` (no borders: a letter's DE / A lines), `cuadro` (a circular's Cuadro),
  `splits` (its rows may break across pages: cells longer than a page, such as descriptions).
  A `<thead>` repeats on every page; a first column of `<th>`, a last row of class `total` and
  `<th>` in every other column are shaded by the table style.
- `<tbody class="together">`: its rows stay on one page (a stage and its objectives; a work
  plan's table of a few activities), so that no cell spanning rows is left open at the foot of
  a page, unless they are taller than a page.

How every table breaks across pages, in each writer alike (the README's «How tables break
across pages» says how each says it): a row never splits unless `splits`; the header row
repeats on every page and never stands alone at a page's foot; a heading or a Cuadro's title
stays with the table's first row; otherwise a table breaks between any two rows.
- `<tr class="splits">`: this row may break across pages; `<tr class="total">`: a total row.
- `<td>`/`<th>`: `number` (aligned right), `center`, `stage` (the label of a group of rows,
  centred across and down).

Prose documents (issue 24; richtext/prose.py writes these from Markdown):

- `<div class="prose">`: a prose text, whose `h1`–`h4` are section headings (Word's Heading 1
  to 4; outside it `h1` is the document's title, `h2`/`h3` Heading 1/2). Each heading has an
  `id` that a table of contents points to.
- `<nav class="toc"><ul><li class="toc-N"><a href="#ID">text</a></li>…</ul></nav>`: a table of
  contents, level N from 1 to 4 (the style file's `indice` indents each); the PDF prints each
  entry's page (`target-counter`), the DOCX is a Word TOC field whose result holds the same
  entries and pages.
- `<sup><a href="#nota-N">N</a></sup>`: a footnote's number; `<div class="footnotes"><ol><li
  id="nota-N">…</li></ol></div>`: the notes, at the end of the text.
- `<td class="number">`/`<td class="center">` also for a Markdown table's aligned columns.

Images: `<img src="{{ asset('escudo.png') }}" alt="…" style="width: 30mm">` inside a paragraph or
a cell — a PNG or JPEG file beside the templates (the user's folder first), with its width in
millimetres and a text for readers that cannot see it. Both writers read only files inside the
templates folders.
"""

from __future__ import annotations

# The document's frame.
FRAME_TAGS = frozenset({"html", "head", "meta", "title", "link", "body"})
# Blocks: headings, paragraphs, lists, tables, and `div`s (a page break, a running header, a
# block on the right half of the page, or a plain group).
BLOCK_TAGS = frozenset({"h1", "h2", "h3", "h4", "p", "ul", "ol", "table", "div", "nav"})
# Inside a paragraph, a list item or a cell; `a` only as a link within the document
# (`href="#id"`: a footnote's number, an entry of the table of contents).
INLINE_TAGS = frozenset({"strong", "b", "em", "i", "br", "sup", "a"})
LIST_ITEM_TAGS = frozenset({"li"})
TABLE_PART_TAGS = frozenset({"colgroup", "col", "thead", "tbody", "tr", "th", "td"})

# Images (see above); inside a `div.chart` (written by the `chart` filter), the SVG the PDF
# shows, which the DOCX writer draws from the div's spec instead.
CHART_TAGS = frozenset({"img"})
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")

TAGS = FRAME_TAGS | BLOCK_TAGS | INLINE_TAGS | LIST_ITEM_TAGS | TABLE_PART_TAGS | CHART_TAGS

# Rows that may break across pages (on a <table> or a <tr>); rows kept on one page (<tbody>).
SPLITS_CLASS = "splits"
TOGETHER_CLASS = "together"
# <ol type="a">: lettered points.
LETTER_LIST_TYPE = "a"
