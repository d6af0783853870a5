"""Markdown written by staff, rendered into the small HTML subset both writers understand.

Raw HTML in the text is not passed through (markdown-it's `html` option is off), so `<script>`
or `<img src=...>` typed into a description prints as text; so do links, images, headings,
tables and code: an official document has no clickable targets, and the PDF writer must never
fetch one. `unsupported` finds those constructs, so that validation warns about each (with its
line) instead of letting it print as literal text unannounced.
"""

from __future__ import annotations

import re
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markupsafe import Markup

PAREN_LIST_CLASS = "paren-markers"


def new_parser() -> MarkdownIt:
    """A parser of the subset; callers that add rules of their own (circulars) take a copy."""
    # An allowlist, not a blocklist: paragraphs, lists, emphasis and line breaks are all the
    # HTML subset has. Everything else (headings, code, images, links, raw HTML) stays text.
    md = MarkdownIt("zero", {"html": False}).enable(
        ["list", "emphasis", "newline", "escape", "entity"])
    md.core.ruler.before("block", "lettered_points", _read_lettered_points)
    md.core.ruler.push("paren_markers", _mark_paren_lists)
    return md


# A point lettered "a)" … "z)" at the start of a line, as far in as a list inside a list puts it
# ("10. Décimo:" and its points 4 spaces in).
_LETTERED_POINT = re.compile(r"^( *)([a-z])\)(?= |$)", re.MULTILINE)


def _read_lettered_points(state) -> None:
    # Decrees and reglamentos letter their points "a)", "b)"; CommonMark numbers lists only.
    # Each lettered marker is read as the number of its letter ("c)" as "3)", same line, same
    # width up to "i)"), so the list rule makes it a list, with the rules of "1)": only "a)"
    # may interrupt a paragraph. The lines are remembered to letter those lists again.
    lettered: set[int] = set()

    def as_number(match: re.Match[str]) -> str:
        lettered.add(state.src.count("\n", 0, match.start()))
        return f"{match.group(1)}{ord(match.group(2)) - ord('a') + 1})"

    state.src = _LETTERED_POINT.sub(as_number, state.src)
    state.env["pmg_lettered_lines"] = lettered


def _mark_paren_lists(state) -> None:
    # Official texts number their points "1)", "2)"; a list written that way keeps its markers
    # in both writers through this class (HTML itself only knows "1."), and one written "a)"
    # its letters (`type="a"`, which every writer reads).
    lettered = state.env.get("pmg_lettered_lines", ())
    for token in state.tokens:
        if token.type == "ordered_list_open" and token.markup == ")":
            token.attrSet("class", PAREN_LIST_CLASS)
            if token.map and token.map[0] in lettered:
                token.attrSet("type", "a")


def double_bracket_rule(token_type: str, longest: int):
    """An inline rule reading `[[…]]` on one line as a token of `token_type` whose content is
    what the brackets hold (a circular's reference, a prose text's insertion). It looks for the
    closing brackets within `longest` characters only, so a text full of "[[" stays linear."""

    def rule(state, silent: bool) -> bool:
        if not state.src.startswith("[[", state.pos):
            return False
        end = state.src.find("]]", state.pos + 2, state.pos + longest)
        if end < 0 or "\n" in state.src[state.pos:end]:
            return False
        if not silent:
            token = state.push(token_type, "", 0)
            token.content = state.src[state.pos + 2:end].strip()
        state.pos = end + 2
        return True

    return rule


@cache
def _parser() -> MarkdownIt:
    return new_parser()


# What makes a text more than plain paragraphs to the subset's parser: a character it reads as
# markup (emphasis `*` `_`, an escape `\`, a reference `&`, a line end `\r` or a NUL it
# rewrites), white space other than spaces and line ends, a space at the start or end of a line
# (dropped, or a line break), or a line a list may start with ("- ", "+ ", "1. ", "2) ", "a) ").
_NOT_PLAIN = re.compile(r"[*_\\&\r\x00]|[^\S \n]|^ | $|^(?:[-+]|\d{1,9}[.)]|[a-z]\))(?: |$)",
                        re.MULTILINE)
_PARAGRAPH_BREAK = re.compile(r"\n{2,}")


def render_markdown(text: str) -> Markup:
    if _NOT_PLAIN.search(text) is None:
        # Plain paragraphs, as the parser lays them out (escaped as it escapes them), without
        # its pass over every character: most descriptions are such texts, and parsing them was
        # a tenth of laying a formulation out. tests/richtext/test_plain_paragraphs.py holds the
        # two ways to the same HTML.
        return Markup("".join(f"<p>{escapeHtml(paragraph)}</p>\n" for paragraph in
                              _PARAGRAPH_BREAK.split(text.strip("\n")) if paragraph))
    return Markup(_parser().render(text))


# What a full CommonMark (and GFM tables) reader would make of a construct the subset prints as
# typed: token type -> the construct's name, as `checks/markdown.py` words it.
_BLOCKS = {"heading_open": "heading", "table_open": "table", "fence": "code",
           "code_block": "code", "blockquote_open": "quote", "hr": "rule",
           "html_block": "html"}
_INLINE = {"link_open": "link", "image": "image", "code_inline": "code", "html_inline": "html"}
# An insertion of a circular (`::: NAME` … `:::`) holds YAML options, not Markdown.
_INSERTION = re.compile(r"^\s*:::")
# What every such construct needs somewhere in the text (a heading's `#` or underline, a
# table's `|`, a link's `[`, code's backquote, tilde fence or indentation, a quote's `>`, a
# rule, HTML's `<`): a text with none of them is read by no parser at all, which keeps
# validating a year of formulations quick.
_MAYBE = re.compile(r"[#|\[`~<>]|^ {4}|^\s*(?:[-*_=]\s*){3,}$", re.MULTILINE)


@cache
def _full_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    # A link to a file (or any address) is still a link the writer would print as typed.
    md.validateLink = lambda url: True  # type: ignore[method-assign]  # markdown-it's way
    return md


def unsupported(text: str) -> list[tuple[int, str, str]]:
    """The constructs of `text` that the subset does not lay out: (line in the text, from 1;
    construct: heading, table, link, image, code, quote, rule or html; the line as typed)."""
    if _MAYBE.search(text) is None:
        return []
    lines = text.split("\n")
    shown = list(lines)
    inside = False
    for index, line in enumerate(lines):
        if _INSERTION.match(line):
            inside = line.strip() != ":::"  # `::: NAME` opens, `:::` closes
        elif not inside:
            continue
        shown[index] = ""
    found: list[tuple[int, str, str]] = []
    for token in _full_parser().parse("\n".join(shown)):
        construct = _BLOCKS.get(token.type)
        if construct is not None and token.map:
            found.append((token.map[0] + 1, construct, lines[token.map[0]].strip()))
        elif token.type == "inline" and token.map:
            found += _inline(token, lines)
    return sorted(set(found))


def _inline(token, lines: list[str]) -> list[tuple[int, str, str]]:
    found, line = [], token.map[0] + 1
    for child in token.children or ():
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        elif child.type in _INLINE:
            found.append((line, _INLINE[child.type], lines[line - 1].strip()))
    return found
