"""The Markdown of a prose document (a decree, a documento técnico): what staff write, read
without Jinja, rendered into the HTML subset (writers/subset.py).

Besides the subset of every text (paragraphs, lists, emphasis), a prose text has:

* headings `#` to `####` (h1 to h4), numbered as the document's template says (`number_pattern`),
  each with an id that the table of contents points to;
* pipe tables with a header row (thead/tbody/th/td; a column aligned right or centred takes the
  cell classes `number` or `center`); a paragraph all in bold right above a table, or above an
  insertion that stands alone, is the table's title (`<p class="caption">`, kept with it);
* footnotes, `texto[^1]` and `[^1]: la nota`: a superscript number linked to the note, the notes
  in a `<div class="footnotes">` list at the end of the text;
* insertions, `[[NAME]]` or `[[NAME:argument]]`: the catalog's content, laid out by the template
  `insertions/NAME.html.j2` (render/insertions.py). Alone in its paragraph an insertion is a
  block (a table); inside a sentence, text.

The text is never a template: an insertion's name and argument only choose a template and are
passed to it as a string. Links, images, code and raw HTML stay text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from markdown_it import MarkdownIt
from markupsafe import Markup, escape
from mdit_py_plugins.footnote import footnote_plugin

from ..i18n import _
from . import double_bracket_rule, new_parser

# The longest `[[…]]` read as an insertion, brackets included: a text full of "[[" stays linear.
MAX_INSERTION = 202
_INSERTION = re.compile(r"^(?P<name>[a-z0-9][a-z0-9-]*)(?::(?P<argument>[^\]\n]+))?$")
# The heading levels a prose text has (`#` to `####`).
LEVELS = 4
# A heading's number pattern: `{1}` the number of the heading of level 1 above it (or itself),
# `{2:I}` the same in Roman numerals, `{3:a}` as a lower-case letter. E.g. "{1:I}." -> "III.",
# "{1}.{2}" -> "3.1". `{2+}` counts the level's headings through the whole text, without
# restarting under each heading above: a law's or a reglamento's articles run on from one
# «TÍTULO» to the next («Artículo 3°» is the first of TÍTULO II).
_PLACEHOLDER = re.compile(r"\{([1-4])(\+)?(?::([Iia]))?\}")
MAX_PATTERN = 40


@dataclass(frozen=True)
class InsertionCall:
    """`[[NAME:argument]]` at `line` of the text (from 1)."""

    name: str
    argument: str | None
    line: int
    # Alone in its paragraph (a block: a table may go there), or inside a sentence, a heading
    # or a cell (text only).
    block: bool = False

    @property
    def written(self) -> str:
        return f"{self.name}:{self.argument}" if self.argument is not None else self.name


@dataclass
class Heading:
    level: int
    title: str
    id: str
    number: str = ""


@dataclass
class ParsedProse:
    tokens: list
    insertions: list[InsertionCall] = field(default_factory=list)
    # Lines (from 1) of `[[…]]` that name no insertion the way it is written.
    malformed: list[tuple[int, str]] = field(default_factory=list)
    # Lines (from 1) of headings deeper than `####`, which lay out as `####`.
    too_deep: list[int] = field(default_factory=list)


def _blocks_alone(state) -> None:
    # An insertion alone in its paragraph is a block of its own (a table, a list): no <p>
    # around it, which would hold a table the subset does not allow there.
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type == "inline" and index and tokens[index - 1].type == "paragraph_open":
            children = [c for c in token.children or () if not (c.type == "text" and
                                                                  not c.content.strip())]
            if len(children) == 1 and children[0].type == "pmg_insertion":
                tokens[index - 1].hidden = tokens[index + 1].hidden = True
                children[0].meta["block"] = True


def _captions(state) -> None:
    # A paragraph all in bold right above a table (written, or an insertion that is a block)
    # is the table's title ("**Cuadro 3: Sistemas de gestión**"): the subset's `caption`,
    # centred and kept on the page of its table in both writers.
    tokens = state.tokens
    for index in range(len(tokens) - 3):
        opening, inline, closing, after = tokens[index:index + 4]
        if opening.type != "paragraph_open" or opening.hidden or inline.type != "inline":
            continue
        children = [c for c in inline.children or () if c.type != "text" or c.content.strip()]
        bold = len(children) >= 3 and children[0].type == "strong_open" \
            and children[-1].type == "strong_close" \
            and not any(c.type == "strong_open" for c in children[1:-1])
        follows = after.type == "table_open" or (after.type == "paragraph_open" and after.hidden
                                                 and closing.type == "paragraph_close")
        if bold and follows:
            opening.attrSet("class", "caption")


def _aligned_cells(state) -> None:
    # markdown-it aligns a column with `style`; the subset aligns cells by class.
    for token in state.tokens:
        if token.type in ("th_open", "td_open"):
            style = token.attrGet("style") or ""
            token.attrs.pop("style", None)
            if "right" in style:
                token.attrSet("class", "number")
            elif "center" in style:
                token.attrSet("class", "center")


@cache
def parser() -> MarkdownIt:
    md = new_parser().enable(["heading", "table"]).use(footnote_plugin)
    md.inline.ruler.after("text", "pmg_insertion",
                          double_bracket_rule("pmg_insertion", MAX_INSERTION))
    md.core.ruler.push("pmg_blocks_alone", _blocks_alone)
    md.core.ruler.push("pmg_aligned_cells", _aligned_cells)
    md.core.ruler.push("pmg_captions", _captions)
    md.add_render_rule("pmg_insertion", _render_insertion)
    md.add_render_rule("heading_open", _render_heading_open)
    md.add_render_rule("text", _render_text)
    # Footnotes in the subset: a superscript number linked to its note, the notes in a list.
    md.add_render_rule("footnote_ref", _render_footnote_ref)
    md.add_render_rule("footnote_block_open",
                       lambda self, tokens, idx, options, env: '<div class="footnotes">\n<ol>\n')
    md.add_render_rule("footnote_block_close",
                       lambda self, tokens, idx, options, env: "</ol>\n</div>\n")
    md.add_render_rule("footnote_open", _render_footnote_open)
    md.add_render_rule("footnote_close", lambda self, tokens, idx, options, env: "</li>\n")
    md.add_render_rule("footnote_anchor", lambda self, tokens, idx, options, env: "")
    return md


# A number and the word it belongs to («Resolución N° 7», «para el año 2024»): a line never ends
# between them, in the text as in its titles (the `heading` filter of render/jinja.py).
_NUMBER_AFTER_WORD = re.compile(r"\b(N°|[Aa]ño|AÑO) (?=\d)")


def _render_text(self, tokens, idx, options, env) -> str:
    return str(escape(_NUMBER_AFTER_WORD.sub("\\1\u00a0", tokens[idx].content)))


def _footnote_number(tokens, idx) -> int:
    return int(tokens[idx].meta["id"]) + 1


def _render_footnote_ref(self, tokens, idx, options, env) -> str:
    number = _footnote_number(tokens, idx)
    return f'<sup><a href="#nota-{number}">{number}</a></sup>'


def _render_footnote_open(self, tokens, idx, options, env) -> str:
    return f'<li id="nota-{_footnote_number(tokens, idx)}">'


def _render_heading_open(self, tokens, idx, options, env) -> str:
    heading = env["headings"][idx]
    number = f"{escape(heading.number)} " if heading.number else ""
    return f'<{tokens[idx].tag} id="{heading.id}">{number}'


def _render_insertion(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    html = env["insertions"].get(token.content, "")
    return f"\n{html}\n" if token.meta.get("block") else str(html)


def parse_prose(body: str) -> ParsedProse:
    tokens = parser().parse(body, {})
    parsed = ParsedProse(tokens=tokens)
    for token in tokens:
        if token.type == "heading_open" and int(token.tag[1]) > LEVELS:
            token.tag = f"h{LEVELS}"
            if token.map:
                parsed.too_deep.append(token.map[0] + 1)
        if token.type == "heading_close" and int(token.tag[1]) > LEVELS:
            token.tag = f"h{LEVELS}"
        if token.type != "inline" or not token.map:
            continue
        line = token.map[0] + 1
        for child in token.children or ():
            if child.type in ("softbreak", "hardbreak"):
                line += 1
            elif child.type == "pmg_insertion":
                match = _INSERTION.match(child.content)
                if match is None:
                    parsed.malformed.append((line, child.content))
                else:
                    parsed.insertions.append(InsertionCall(
                        match.group("name"), match.group("argument"), line,
                        bool(child.meta.get("block"))))
    return parsed


def pattern_problem(pattern: str) -> str | None:
    """What is wrong with a heading's number pattern (a template's), or None."""
    if len(pattern) > MAX_PATTERN:
        return _("la numeración de títulos «{pattern}» tiene más de {limit} caracteres; se "
                 "espera una más corta, como «{{1:I}}.» o «{{1}}.{{2}}»").format(
                     pattern=pattern[:MAX_PATTERN] + "…", limit=MAX_PATTERN)
    rest = _PLACEHOLDER.sub("", pattern)
    if "{" in rest or "}" in rest:
        return _("la numeración de títulos «{pattern}» tiene llaves que no numeran; se espera "
                 "{{N}}, {{N:I}}, {{N:i}} o {{N:a}}, con N de 1 a 4 ({{N+}}: sin volver a 1 "
                 "bajo cada título superior)").format(pattern=pattern)
    return None


_ROMAN_STEPS = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(number: int) -> str:
    # Any section number (a text may have more than the ten stages numbers.roman knows);
    # past 3999, where Roman numerals end, the number itself.
    if not 0 < number < 4000:
        return str(number)
    out = []
    for value, letters in _ROMAN_STEPS:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def _letters(number: int) -> str:
    # a … z, aa, ab …: as a spreadsheet names its columns.
    out = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def number_heading(pattern: str, counters: list[int],
                   running: list[int] | None = None) -> str:
    """`pattern` with its placeholders filled: `{N}` from `counters` (restarting under each
    heading above), `{N+}` from `running` (the level's headings so far in the whole text)."""
    def value(match: re.Match[str]) -> str:
        level = int(match.group(1)) - 1
        number = (running or counters)[level] if match.group(2) else counters[level]
        style = match.group(3)
        if style == "I":
            return _roman(number)
        if style == "i":
            return _roman(number).lower()
        if style == "a":
            return _letters(number)
        return str(number)

    return _PLACEHOLDER.sub(value, pattern)


def _plain(inline) -> str:
    return "".join(c.content for c in inline.children or () if c.type == "text").strip()


@dataclass
class ProseText:
    """A prose text to lay out: its tokens, and the HTML of its insertions once rendered."""

    parsed: ParsedProse
    # `[[…]]` as written -> its HTML (render/insertions.py fills it before the template runs).
    insertions: dict[str, Markup] = field(default_factory=dict)

    def layout(self, numbering: Any = ()) -> dict[str, Any]:
        """`{"html": …, "toc": [heading…]}`: the text with its headings numbered by
        `numbering`, one pattern per level (`["{1:I}.", "{1}.{2}"]`; a level without one is not
        numbered), and the headings for a table of contents. Called by the template."""
        patterns = [str(p) for p in list(numbering)[:LEVELS]] if numbering else []
        for pattern in patterns:
            problem = pattern_problem(pattern)
            if problem is not None:
                raise ValueError(problem)
        tokens = self.parsed.tokens
        counters = [0] * LEVELS
        running = [0] * LEVELS
        headings: dict[int, Heading] = {}
        for index, token in enumerate(tokens):
            if token.type != "heading_open":
                continue
            level = int(token.tag[1])
            counters[level - 1] += 1
            running[level - 1] += 1
            counters[level:] = [0] * (LEVELS - level)
            pattern = patterns[level - 1] if level <= len(patterns) else ""
            heading = Heading(level, _plain(tokens[index + 1]), f"titulo-{len(headings) + 1}")
            heading.number = number_heading(pattern, [max(c, 1) for c in counters],
                                            [max(r, 1) for r in running])
            headings[index] = heading
        env = {"headings": headings, "insertions": self.insertions}
        html = parser().renderer.render(tokens, parser().options, env)
        return {"html": Markup(html), "toc": list(headings.values())}
