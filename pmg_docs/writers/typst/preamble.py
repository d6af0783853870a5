"""The look of every Typst PDF and the two functions that write it as Typst: the document's
preamble (`preamble`: its set and show rules) and the preamble's functions, a module every
document imports (`definitions`, the same text for every document of a style). The values
come from the style in force (templates/styles/estilo.yaml with the user's overrides, read
through style/typst.py: `look`); what document.css fixes as rules rather than values (h1
centred, the header's gap, the bullet, a page break's height) is `RULES` here.
Nothing else in the Typst writer holds a size, a colour or a margin: markup.py names a
paragraph's role, a table's kind or a list's kind and the preamble's functions lay it out, so a
user's style file restyles the Typst PDF as it restyles the WeasyPrint PDF and the DOCX.

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

Text a user wrote never reaches this module: the running header comes in as markup made of
string literals (markup.py) and everything else through markup.py.

The preamble is the same for every document of a kind and style; what is a document's own (its
title, its running header's text) comes after its blocks (`closing`), so that Typst can reuse
between documents the tables and paragraphs it laid out (see `closing`).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

# Arimo's ascent and descent, in em (its hhea table; Arial's metrics).
ASCENT, DESCENT = 0.905, 0.212
MM_PER_PT = 25.4 / 72

# What document.css writes as rules, not values of the style file.
RULES: dict[str, Any] = {
    "language": ("es", "CL"),
    # .running-header's padding-bottom, and @top-center's gap below it (css.py).
    "header-padding": "1mm", "header-gap": "3mm",
    # h1 is centred (the document's title), h2 and h3 are not.
    "heading-align": {1: "center", 2: "left", 3: "left"},
    "bullet": "•",
    # .page-break's height.
    "page-break-height": "1pt",
}

# The name of the module of the preamble's functions (`definitions`) beside the document.
DEFINITIONS = "pmg.typ"

# The text styles a table may stand in: a document's body, a circular's, a distribution list,
# footnotes, a caption (a Cuadro takes the body's).
_TABLE_TEXTS = ("body", "letter", "distribution", "footnote", "caption")


def _number(value: float) -> str:
    """A Typst number: at most three decimals, no trailing zeros."""
    return f"{value:.3f}".rstrip("0").rstrip(".")


def _mm(value: float) -> str:
    return f"{_number(value)}mm"


def _text(size: float, line: float, **more: Any) -> dict[str, Any]:
    return {"size": size, "line": line, **more}


def look(values: Mapping[str, Any]) -> dict[str, Any]:
    """The preamble's mapping from the style's values (style/typst.py's `typst_values`)."""
    headings = values["headings"]
    after, cell_after = _mm(values["paragraph_after_mm"]), _mm(values["cell_paragraph_after_mm"])
    letter_after = _mm(values["letter_after_mm"])
    rule = values["table_stroke_pt"]
    inset_y, inset_x = values["cell_inset_mm"]
    plain_y, plain_x = values["plain_cell_inset_mm"]
    place_date, signature = values["place_date_mm"], values["signature_mm"]
    caption = (values["caption_before_mm"], values["caption_after_mm"])
    return {
        "page": {"width": _mm(values["page_width_mm"]), "height": _mm(values["page_height_mm"]),
                 "landscape": values["landscape"],
                 "margin": {"top": _mm(values["margin_top_mm"]),
                            "right": _mm(values["margin_right_mm"]),
                            "bottom": _mm(values["margin_bottom_mm"]),
                            "left": _mm(values["margin_left_mm"])}},
        "font": values["font"],
        "language": RULES["language"],
        # Normal (html), and a circular's body.
        "body": _text(values["body_size_pt"], values["body_leading_pt"],
                      color=values["body_colour"]),
        "circular": _text(values["letter_size_pt"], values["letter_leading_pt"]),
        "header": _text(values["header_size_pt"], values["header_leading_pt"],
                        color=values["header_colour"],
                        rule=f'{_number(values["header_rule_pt"])}pt + '
                             f'rgb("{values["header_rule_colour"]}")',
                        gap=RULES["header-gap"], padding=RULES["header-padding"]),
        "footer": _text(values["footer_size_pt"], values["footer_leading_pt"],
                        color=values["footer_colour"], parts=values["footer_parts"]),
        "headings": {
            level: _text(h["size_pt"], h["leading_pt"], above=_mm(h["before_mm"]),
                         below=_mm(h["after_mm"]), align=RULES["heading-align"][level])
            for level, h in headings.items()},
        # A paragraph by where it stands: (above, below, align, justify, keep with next,
        # unbreakable).
        "paragraphs": {
            "body": ("0mm", after, None, False, False, False),
            "cell": ("0mm", cell_after, None, False, False, False),
            "letter-heading": ("0mm", after, None, False, False, False),
            "place-date": (_mm(place_date[0]), _mm(place_date[1]), None, False, False, False),
            "letter": ("0mm", letter_after, None, True, False, False),
            "caption": (_mm(caption[0]), _mm(caption[1]), "center", False, True, True),
            "closing": (_mm(values["closing_before_mm"]), after, None, False, False, False),
            "signature": (_mm(signature[0]), _mm(signature[1]), "center", False, False, True),
            "distribution": ("0mm", _mm(values["distribution_after_mm"]), None, False, False,
                             False),
        },
        "distribution": _text(values["distribution_size_pt"],
                              values["distribution_leading_pt"]),
        # A circular's Cuadro keeps the body size of other documents.
        "cuadro": _text(values["body_size_pt"], values["body_leading_pt"]),
        # Lists: where the text starts, the space below an item (by the paragraph role it
        # takes) and above a nested list.
        "lists": {"indent": _mm(values["list_indent_mm"]),
                  "paren-indent": _mm(values["paren_list_indent_mm"]),
                  "item-below": _mm(values["list_item_after_mm"]),
                  "letter-item-below": letter_after,
                  "nested-above": _mm(values["list_item_after_mm"]),
                  "letter-nested-above": letter_after, "bullet": RULES["bullet"]},
        "table": {
            "below": _mm(values["table_after_mm"]), "rule": _number(rule),
            "rule-color": values["table_stroke_colour"],
            # The CSS padding (css.cell_padding_mm: Word's margin less a quarter rule), from
            # which the inset counts half a rule more (the preamble adds it).
            "inset": (_mm(inset_y), _mm(inset_x - rule * MM_PER_PT / 4)),
            "header-fill": values["header_fill"], "body-header-fill": values["row_header_fill"],
            "total-fill": values["row_header_fill"],
            "plain-inset": (_mm(plain_y), _mm(plain_x)),
        },
        "page-break-height": RULES["page-break-height"],
        # Numbers for heights.py's bounds of a kept cell's height: the page, the table's
        # rules and insets (the larger of a ruled and a plain table's), the largest text a
        # table can be set in and its line.
        "heights": {
            "page_mm": (values["page_width_mm"], values["page_height_mm"]),
            "margins_mm": (values["margin_top_mm"], values["margin_right_mm"],
                           values["margin_bottom_mm"], values["margin_left_mm"]),
            "rule_pt": rule, "inset_mm": (max(inset_y, plain_y), inset_x),
            "plain_inset_x_mm": (0.0, plain_x),
            "size_pt": max(values[f"{name}_size_pt"] for name in _TABLE_TEXTS),
            "line_pt": max(values[f"{name}_leading_pt"] for name in _TABLE_TEXTS),
            # A cell's paragraph's space below (its role "cell" above).
            "cell_paragraph_after_mm": values["cell_paragraph_after_mm"],
        },
        # A table's title (a circular's Cuadro, a prose text's), wherever it stands.
        "caption": _text(values["caption_size_pt"], values["caption_leading_pt"]),
        # The prose documents: section headings h1 to h4 (of a <div class="prose">; h4 takes
        # level 4's look anywhere), the table of contents, footnotes.
        "sections": {
            level: _text(h["size_pt"], h["leading_pt"], above=_mm(h["before_mm"]),
                         below=_mm(h["after_mm"]))
            for level, h in values["section_headings"].items()},
        "toc": {"indents": tuple(_mm(v) for v in values["toc_indents_mm"]),
                "below": _mm(values["toc_entry_after_mm"])},
        "notes": _text(values["footnote_size_pt"], values["footnote_leading_pt"],
                       above=_mm(values["footnotes_before_mm"])),
        "note-call-size": f'{_number(values["footnote_call_size_pt"])}pt',
    }


def style_look(templates: Path | None) -> dict[str, Any]:
    """The look of documents rendered with `templates` (the user's folder, or None): the
    package's style file with the folder's overrides. Raises InputError for a wrong style file
    (the render reads it first, so a build reports it before any writer runs)."""
    from ...style import load_style
    from ...style.typst import typst_values

    return look(typst_values(load_style(templates), templates))


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


def _footer_text(parts: tuple[str, ...]) -> str:
    """The footer's text as a Typst expression: its literal parts as string literals, the page
    and the page total as counters."""
    from .markup import drawable, literal

    counters = {"{pagina}": "str(counter(page).get().first())",
                "{paginas}": "str(counter(page).final().first())"}
    return " + ".join(counters.get(part) or literal(drawable(part)) for part in parts) or '""'


def closing(header: str | None, title: str | None, author: str | None,
            description: str | None, keywords: list[str]) -> str:
    """The Typst source that comes after the document's blocks: its running header's text
    (`header`: markup made of string literals, markup.py), which the header reads as the
    state's final value, and its metadata (`title`, `author`, `description` and `keywords`:
    string literals already, markup.literal).

    Why after, and not in `set page(header: ...)` and a `set document` at the top: every set
    rule is part of the styles every element below it is laid out with, and Typst reuses a
    laid-out table, paragraph or cell from an earlier document only when its styles are the
    same. With the service's name in the header's set rule or in the title, no two documents
    shared anything; with both here, the documents of a year, which share their catalog's
    texts and their tables' shapes, are laid out in less than half the time."""
    info = [f"title: {title}"] if title else []
    if author:
        info.append(f"author: {author}")
    if description:
        info.append(f"description: {description}")
    info.append("keywords: (" + "".join(f"{k}, " for k in keywords) + ")")
    text = "" if header is None else f"#pmg-header.update([{header}])\n"
    return f"{text}#set document({', '.join(info)})\n"


def preamble(landscape: bool, circular: bool, header: bool, look: Mapping[str, Any]) -> str:
    """The Typst source that comes before the document's blocks (`look`: the mapping `look`
    makes of the style), the same for every document of a kind and style: the set and show
    rules, which a module cannot set for the document that imports it, then the import of the
    preamble's functions (`definitions`, the module `DEFINITIONS`). What is the document's own
    (its running header's text, its title) comes after its blocks (`closing`). `header`:
    whether the document has a running header."""
    page, margin = look["page"], look["page"]["margin"]
    body = look["circular"] if circular else look["body"]
    head, foot, sections = look["header"], look["footer"], look["sections"]
    flipped = landscape or page["landscape"]
    language, region = look["language"]
    header_block = "none" if not header else (
        f"block(width: 100%, inset: (bottom: {head['padding']}), stroke: (bottom: "
        f"{head['rule']}), align(right, text({_text_set(head)}, "
        f"context pmg-header.final())))")
    heading_rules = "\n".join(
        f"#show heading.where(level: {level}): it => block(above: {h['above']}, "
        f"below: {h['below']}, sticky: true, width: 100%, align({h['align']}, "
        f"text({_text_set(h)}, weight: \"bold\", it.body)))"
        for level, h in (*look["headings"].items(), (4, {**sections[4], "align": "left"})))
    return f"""#let pmg-header = state("pmg-header", none)
#set text(font: "{look['font']}", lang: "{language}", region: "{region}", {_text_set(body)},
  kerning: false, ligatures: false, hyphenate: false, fallback: false)
#set par(leading: 0pt, spacing: 0pt, justify: false, linebreaks: "simple")
#set block(spacing: 0pt)
#set page(width: {page['width']}, height: {page['height']},
  flipped: {'true' if flipped else 'false'},
  margin: (top: {margin['top']}, right: {margin['right']}, bottom: {margin['bottom']},
           left: {margin['left']}),
  header: {header_block}, header-ascent: {head['gap']},
  footer: context align(right, text({_text_set(foot)},
    {_footer_text(foot['parts'])})),
  footer-descent: {margin['bottom']} / 2 - {foot['line'] / 2}pt)
{heading_rules}
#import "{DEFINITIONS}": *
"""


def definitions(look: Mapping[str, Any]) -> str:
    """The preamble's functions, which lay out what markup.py and tables.py write: the text of
    the module `DEFINITIONS` that every document imports. It holds nothing of one document,
    only the style's values (`look`), so that documents of one style import the same text and
    Typst evaluates it once per process, not once per document (comemo reuses the evaluation of
    a file whose text has not changed)."""
    lists, table = look["lists"], look["table"]
    sections, toc, notes = look["sections"], look["toc"], look["notes"]
    plain_y, plain_x = table["plain-inset"]
    prose_rules = "\n".join(
        f"  show heading.where(level: {level}): it => block(above: {h['above']}, "
        f"below: {h['below']}, sticky: true, width: 100%, "
        f"text({_text_set(h)}, weight: \"bold\", it.body))"
        for level, h in sections.items())
    return f"""#let pmg-roles = {_paragraph_roles(look['paragraphs'])}
#let pmg-p(role, align-to: none, keep: false, body) = {{
  let r = pmg-roles.at(role)
  let a = if align-to != none {{ align-to }} else {{ r.align }}
  block(above: r.above, below: r.below, sticky: r.sticky or keep, breakable: r.breakable,
    width: 100%,
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
#let pmg-list-indent(kind) = if kind == "paren" {{ {lists['paren-indent']} }} else {{
  {lists['indent']} }}
#let pmg-list(kind, start: 1, letter: false, letter-body: false, nested: false, ..items) = {{
  let w = pmg-list-indent(kind)
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
// A header cell's text, bold: `text` itself (a function of the preamble would be evaluated
// for every header cell).
#let pmg-th = text.with(weight: "bold")
#let pmg-cell-end = v({look['paragraphs']['cell'][1]})
#let pmg-fills = (header: rgb("{table['header-fill']}"),
  body-header: rgb("{table['body-header-fill']}"), total: rgb("{table['total-fill']}"))
#let pmg-rule = {table['rule']}pt
#let pmg-cell(share: 1, keep: false, measure: false, rows: none, ..args, body) = (
  share: share, keep: keep, measure: measure, rows: rows, args: args, body: body)
#let pmg-inset(plain) = if plain {{
  (top: {plain_y}, bottom: {plain_y}, left: 0pt, right: {plain_x})
}} else {{
  (x: {table['inset'][1]} + pmg-rule / 2, y: {table['inset'][0]} + pmg-rule / 2)
}}
// A table Typst need not measure (the writer proved nothing kept in it taller than a page,
// heights.py) is written in place, a `table` of `table.cell`s in a `block` (tables.py), with
// these options spread into the two: no function of the preamble evaluated per table.
#let pmg-ruled-block = arguments(below: {table['below']}, width: 100% - pmg-rule,
  inset: (y: pmg-rule / 2))
#let pmg-plain-block = arguments(below: {table['below']}, width: 100%, inset: 0pt)
#let pmg-ruled = arguments(stroke: pmg-rule + rgb("{table['rule-color']}"),
  inset: pmg-inset(false))
#let pmg-plain = arguments(stroke: none, inset: pmg-inset(true))
// A table that may have to be measured: its cells come as `pmg-cell`s, whose rows are kept on
// a page unless what they keep is taller than one.
#let pmg-table(plain: false, together: false, columns: (), header: (), ..cells) = {{
  let inset = pmg-inset(plain)
  let all = header + cells.pos()
  let frame(head, body) = table(columns: columns, ..if plain {{ pmg-plain }} else {{ pmg-ruled }},
    ..if head.len() > 0 {{ (table.header(repeat: true, ..head),) }}, ..body)
  let make(c, breakable) = table.cell(..c.args, breakable: breakable, c.body)
  let build(breakable) = frame(header.map(c => make(c, auto)),
    cells.pos().map(c => make(c, if c.keep and not breakable {{ false }} else {{ auto }})))
  block(..if plain {{ pmg-plain-block }} else {{ pmg-ruled-block }}, {{
    layout(size => {{
      // What is kept on one page must fit on one (CSS's `avoid`): else it breaks.
      let room = size.height - 2 * inset.at("y", default: 0pt)
      let body = cells.pos()
      // A kept cell spanning rows keeps them together: measured with them (`rows`: the
      // cells of those rows), as a group of many rows can be taller than a page.
      let tall = all.any(c => c.measure and measure(
        block(width: c.share * size.width, inset: inset, c.body)).height > room) or body.any(
        c => c.rows != none and measure(block(width: size.width, table(columns: columns,
          inset: inset, ..body.slice(..c.rows).map(d => table.cell(..d.args, d.body))))
        ).height > room)
      let table = build(tall)
      if together and not tall {{
        block(breakable: measure(block(width: size.width, table)).height > room, table)
      }} else {{ table }}
    }})
  }})
}}
// A prose text (<div class="prose">): its h1 to h4 are section headings.
#let pmg-prose(body) = {{
{prose_rules}
  body
}}
// An entry of a table of contents: its text, dotted to the page its target starts on.
#let pmg-toc-indents = ({", ".join(toc['indents'])},)
#let pmg-toc(level, target, body) = block(above: 0pt, below: {toc['below']},
  width: 100%, pad(left: pmg-toc-indents.at(calc.min(level, pmg-toc-indents.len()) - 1), par({{
    if target == none {{ body }} else {{
      link(target, body)
      // Apart from the text and the number, as CSS's `leader(".")` sets its dots.
      h(0.3em)
      box(width: 1fr, repeat[.])
      h(0.3em)
      context str(counter(page).at(target).first())
    }}
  }})))
// The entries, one list without markers (tagged L, as the HTML's <ul>), spaced as blocks.
#let pmg-toc-list(..entries) = block(above: 0pt, below: {toc['below']}, width: 100%,
  list(indent: 0pt, body-indent: 0pt, spacing: {toc['below']}, tight: false, marker: [],
    ..entries.pos()))
// A footnote's number: smaller and raised, without making its line taller (CSS's
// `line-height: 0`).
#let pmg-sup(body) = text(size: {look['note-call-size']}, top-edge: 0pt, bottom-edge: 0pt,
  baseline: -0.35em, body)
#let pmg-notes(body) = block(above: {notes['above']}, below: 0pt, width: 100%, {{
  set text({_text_set(notes)})
  body
}})
#let pmg-caption(body) = {{
  set text({_text_set(look['caption'])})
  body
}}
"""
