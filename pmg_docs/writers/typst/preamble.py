"""The look of every Typst PDF: one mapping of values (`LOOK`, mirroring
templates/styles/document.css rule by rule) and the one function that writes it as the Typst
preamble (`preamble`). Nothing else in the Typst writer holds a size, a colour or a margin:
markup.py names a paragraph's role, a table's kind or a list's kind and the preamble's
functions lay it out, so a style file that gives another mapping restyles every PDF.

How CSS maps to Typst (measured against WeasyPrint on every example):
- CSS's exact line height: Typst puts the half-leading into the line box (`top-edge` and
  `bottom-edge` from Arimo's ascent and descent, paragraph leading 0), so a line is as tall as
  CSS's and the margins of the CSS carry over unchanged as block spacing above and below.
- Margins between blocks collapse to the larger in CSS; Typst's block spacing does the same.
- CSS's collapsed borders: the column percentages are of the text width less one rule, a
  cell's padding counts from the rule's edge, Typst's inset from its middle (half a rule more),
  and half of the outer rules lies outside the table, above and below it.
- Typst drops the spacing of the first and last block inside a container, where CSS lets
  their margins collapse through it: a container takes them on itself (`first`, `last`).
- A list's text starts `indent` in with its marker hanging to the left, as CSS's outside
  markers do: the marker sits right-aligned in a box as wide as the indent.

Text a user wrote never reaches this module: the running header comes in as a string literal
(markup.literal) and everything else through markup.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Arimo's ascent and descent, in em (its hhea table; Arial's metrics).
ASCENT, DESCENT = 0.905, 0.212


def _text(size: float, line: float, **more: Any) -> dict[str, Any]:
    return {"size": size, "line": line, **more}


LOOK: dict[str, Any] = {
    "page": {"paper": "a4", "margin": {"top": "22mm", "right": "16mm", "bottom": "20mm",
                                       "left": "16mm"}},
    "font": "Arimo",
    "language": ("es", "CL"),
    # Normal (html), and a circular's body.
    "body": _text(9.5, 12, color="#000000"),
    "circular": _text(10.5, 13.5),
    "header": _text(8, 10, color="#555555", rule="0.5pt + rgb(\"#999999\")", gap="3mm",
                    padding="1mm"),
    "footer": _text(8, 10, color="#555555", words=("Página ", " de ")),
    "headings": {
        1: _text(13, 16, above="0mm", below="6mm", align="center"),
        2: _text(11, 14, above="6mm", below="2mm", align="left"),
        3: _text(10, 13, above="5mm", below="2mm", align="left"),
    },
    # A paragraph by where it stands: (above, below, align, justify, keep with next,
    # unbreakable).
    "paragraphs": {
        "body": ("0mm", "1.5mm", None, False, False, False),
        "cell": ("0mm", "1mm", None, False, False, False),
        "letter-heading": ("0mm", "1.5mm", None, False, False, False),
        "place-date": ("6mm", "8mm", None, False, False, False),
        "letter": ("0mm", "3mm", None, True, False, False),
        "caption": ("5mm", "2mm", "center", False, True, True),
        "closing": ("6mm", "1.5mm", None, False, False, False),
        "signature": ("18mm", "12mm", "center", False, False, True),
        "distribution": ("0mm", "1mm", None, False, False, False),
    },
    "distribution": _text(9, 11.5),
    # A circular's Cuadro keeps the body size of other documents.
    "cuadro": _text(9.5, 12),
    # Lists: where the text starts, the space below an item (by the paragraph role it takes)
    # and above a nested list.
    "lists": {"indent": "5mm", "paren-indent": "7mm", "item-below": "1mm",
              "letter-item-below": "3mm", "nested-above": "1mm", "letter-nested-above": "3mm",
              "bullet": "•"},
    "table": {
        "below": "3mm", "rule": 0.5, "rule-color": "#7f7f7f", "inset": ("1.2mm", "1.456mm"),
        "header-fill": "#d9e2f3", "body-header-fill": "#eef2f9", "total-fill": "#eef2f9",
        "plain-inset": ("0.4mm", "1mm"),
    },
    "page-break-height": "1pt",
}


def _edges(size: float, line: float) -> str:
    """`top-edge` and `bottom-edge` that make a line `line` points tall at `size` points."""
    half_leading = (line - (ASCENT + DESCENT) * size) / 2
    return (f"top-edge: {ASCENT * size + half_leading:.4f}pt, "
            f"bottom-edge: {-(DESCENT * size + half_leading):.4f}pt")


def _text_set(style: Mapping[str, Any]) -> str:
    fill = f", fill: rgb(\"{style['color']}\")" if "color" in style else ""
    return f"size: {style['size']}pt, {_edges(style['size'], style['line'])}{fill}"


def _paragraph_roles(roles: Mapping[str, tuple]) -> str:
    entries = []
    for name, (above, below, align, justify, sticky, unbreakable) in roles.items():
        entries.append(
            f'"{name}": (above: {above}, below: {below}, align: {align or "none"}, '
            f"justify: {'true' if justify else 'false'}, sticky: {'true' if sticky else 'false'}, "
            f"breakable: {'false' if unbreakable else 'true'})")
    return "(" + ", ".join(entries) + ",)"


def preamble(landscape: bool, circular: bool, header: str | None, title: str | None,
             author: str | None, description: str | None, keywords: list[str],
             look: Mapping[str, Any] = LOOK) -> str:
    """The Typst source that comes before the document's blocks. `header`, `title`, `author`,
    `description` and `keywords` are string literals already (markup.literal)."""
    page, margin = look["page"], look["page"]["margin"]
    body = look["circular"] if circular else look["body"]
    head, foot, lists, table = look["header"], look["footer"], look["lists"], look["table"]
    words = foot["words"]
    plain_y, plain_x = table["plain-inset"]
    language, region = look["language"]
    info = [f"title: {title}"] if title else []
    if author:
        info.append(f"author: {author}")
    if description:
        info.append(f"description: {description}")
    info.append("keywords: (" + "".join(f"{k}, " for k in keywords) + ")")
    header_block = "none" if header is None else (
        f"block(width: 100%, inset: (bottom: {head['padding']}), stroke: (bottom: "
        f"{head['rule']}), align(right, text({_text_set(head)}, {header})))")
    heading_rules = "\n".join(
        f"#show heading.where(level: {level}): it => block(above: {h['above']}, "
        f"below: {h['below']}, sticky: true, width: 100%, align({h['align']}, "
        f"text({_text_set(h)}, weight: \"bold\", it.body)))"
        for level, h in look["headings"].items())
    return f"""#set document({", ".join(info)})
#set text(font: "{look['font']}", lang: "{language}", region: "{region}", {_text_set(body)},
  kerning: false, ligatures: false, hyphenate: false, fallback: false)
#set par(leading: 0pt, spacing: 0pt, justify: false, linebreaks: "simple")
#set block(spacing: 0pt)
#set page(paper: "{page['paper']}", flipped: {'true' if landscape else 'false'},
  margin: (top: {margin['top']}, right: {margin['right']}, bottom: {margin['bottom']},
           left: {margin['left']}),
  header: {header_block}, header-ascent: {head['gap']},
  footer: context align(right, text({_text_set(foot)},
    "{words[0]}" + str(counter(page).get().first()) + "{words[1]}"
    + str(counter(page).final().first()))),
  footer-descent: {margin['bottom']} / 2 - {foot['line'] / 2}pt)
{heading_rules}
#let pmg-roles = {_paragraph_roles(look['paragraphs'])}
#let pmg-p(role, align-to: none, body) = {{
  let r = pmg-roles.at(role)
  let a = if align-to != none {{ align-to }} else {{ r.align }}
  block(above: r.above, below: r.below, sticky: r.sticky, breakable: r.breakable, width: 100%,
    {{
      set par(justify: r.justify and align-to == none)
      if a == none {{ par(body) }} else {{ align(a, par(body)) }}
    }})
}}
#let pmg-edge(role, side) = if role == none {{ 0pt }} else {{ pmg-roles.at(role).at(side) }}
#let pmg-distribution(first: none, last: none, body) = block(breakable: false, width: 100%,
  above: pmg-edge(first, "above"), below: pmg-edge(last, "below"), {{
  set text({_text_set(look['distribution'])})
  body
}})
#let pmg-right(first: none, last: none, body) = block(width: 100%,
  above: pmg-edge(first, "above"), below: pmg-edge(last, "below"), pad(left: 50%, body))
#let pmg-page-break() = {{
  pagebreak(weak: true)
  block(height: {look['page-break-height']}, above: 0pt, below: 0pt)
}}
#let pmg-marker(width, m) = box(width: width, align(right, m + h(0.278em)))
#let pmg-list(kind, start: 1, letter: false, letter-body: false, nested: false, ..items) = {{
  let w = if kind == "paren" {{ {lists['paren-indent']} }} else {{ {lists['indent']} }}
  let below = if letter-body {{ {lists['letter-item-below']} }} else {{ {lists['item-below']} }}
  let nested-above = if letter-body {{ {lists['letter-nested-above']} }} else {{
    {lists['nested-above']} }}
  block(above: if nested {{ nested-above }} else {{ 0pt }}, below: below, width: 100%, {{
    set par(justify: letter-body)
    if kind == "bullet" {{
      list(indent: 0pt, body-indent: 0pt, spacing: below, tight: false,
        marker: pmg-marker(w, [{lists['bullet']}]),
        ..items.pos().map(i => block(below: below, i)))
    }} else {{
      let pattern = if letter {{ "a)" }} else if kind == "paren" {{ "1)" }} else {{ "1." }}
      enum(start: start, indent: 0pt, body-indent: 0pt, spacing: below, tight: false,
        numbering: n => pmg-marker(w, numbering(pattern, n)),
        ..items.pos().map(i => block(below: below, i)))
    }}
  }})
}}
#let pmg-cuadro(body) = {{
  set text({_text_set(look['cuadro'])})
  body
}}
#let pmg-place(name, body) = block(width: 100%, layout(size => {{
  context [#metadata((name: name, at: here().position(), width: size.width,
    height: measure(block(width: size.width, body)).height)) <pmg-place>]
  body
}}))
#let pmg-nowrap(body) = context box(width: measure(body).width, body)
#let pmg-th(body) = text(weight: "bold", body)
#let pmg-cell-end = v({look['paragraphs']['cell'][1]})
#let pmg-fills = (header: rgb("{table['header-fill']}"),
  body-header: rgb("{table['body-header-fill']}"), total: rgb("{table['total-fill']}"))
#let pmg-rule = {table['rule']}pt
#let pmg-cell(share: 1, keep: false, measure: false, ..args, body) = (
  share: share, keep: keep, measure: measure, args: args, body: body)
#let pmg-inset(plain) = if plain {{
  (top: {plain_y}, bottom: {plain_y}, left: 0pt, right: {plain_x})
}} else {{
  (x: {table['inset'][1]} + pmg-rule / 2, y: {table['inset'][0]} + pmg-rule / 2)
}}
#let pmg-table(plain: false, together: false, columns: (), header: (), ..cells) = {{
  let inset = pmg-inset(plain)
  let width = if plain {{ 100% }} else {{ 100% - pmg-rule }}
  let all = header + cells.pos()
  let make(c, breakable) = table.cell(..c.args, breakable: breakable, c.body)
  let build(breakable) = table(columns: columns,
    stroke: if plain {{ none }} else {{ pmg-rule + rgb("{table['rule-color']}") }},
    inset: inset,
    ..if header.len() > 0 {{ (table.header(repeat: true, ..header.map(c => make(c, auto))),) }},
    ..cells.pos().map(c => make(c, if c.keep and not breakable {{ false }} else {{ auto }})))
  let outer = if plain {{ 0pt }} else {{ (y: pmg-rule / 2) }}
  block(below: {table['below']}, width: width, inset: outer,
    layout(size => {{
      // What is kept on one page must fit on one (CSS's `avoid`): else it breaks.
      let room = size.height - 2 * inset.at("y", default: 0pt)
      let tall = all.any(c => c.measure and measure(
        block(width: c.share * size.width, inset: inset, c.body)).height > room)
      let table = build(tall)
      if together and not tall {{
        block(breakable: measure(block(width: size.width, table)).height > room, table)
      }} else {{ table }}
    }}))
}}
"""
