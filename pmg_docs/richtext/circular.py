"""The Markdown text of a circular, with its insertions: what staff write, read without Jinja.

The text is never a template. It is Markdown (raw HTML off, see richtext.py) plus two small
markers that this module recognises itself and that only ever name data of the catalog:

* an insertion, a block of its own, opened by `::: NAME` and closed by `:::`, with optional
  YAML options between the two lines (checked by the insertion's model):

      ::: cuadro-sistemas
      title:
        - Áreas Prioritarias, Sistemas y Objetivos Generales
      :::

* a reference, inline: `[[areas]]`, `[[area:ID]]`, `[[sistema:ID]]`, `[[ministerio:ID]]`.

Anything else, `{{ ... }}` and `{% ... %}` included, is text and prints as typed. The parser
records every problem with its line in the body; validation turns them into located messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from markdown_it import MarkdownIt
from markupsafe import escape
from pydantic import Field, ValidationError

from ..diagnostics import InputError
from ..i18n import N_, _
from ..load.located_yaml import parse_yaml_text
from ..load.model_errors import describe
from ..models.base import Model, Text
from . import double_bracket_rule, new_parser


class NoOptions(Model):
    """An insertion that takes no options."""


class TableOptions(Model):
    # Lines printed under "Cuadro N", above the table.
    title: list[Text] = Field(default=[], description=N_(
        "Líneas que se imprimen bajo «Cuadro N», sobre la tabla, una por línea."))
    # The three column headings, when the circular words them differently from the default.
    columns: list[Text] | None = Field(default=None, min_length=3, max_length=3, description=N_(
        "Los tres encabezados de las columnas, cuando la circular los redacta distinto de los "
        "de la plantilla."))


@dataclass(frozen=True)
class InsertionKind:
    options: type[Model]
    # The catalog's list it prints (`areas` with their systems, `ministries`): it must not be empty.
    needs: str
    # A Cuadro: numbered "Cuadro N" in the order the circular's Cuadros appear.
    is_table: bool


# The insertions a circular may use (documented in the README, "Writing a circular").
INSERTIONS: dict[str, InsertionKind] = {
    # The services that formulate, under the ministry each depends on.
    "instituciones": InsertionKind(NoOptions, "ministries", is_table=False),
    # Areas, systems with their stages or objectives, the general objective of each system.
    "cuadro-sistemas": InsertionKind(TableOptions, "areas", is_table=True),
    # The expert bodies (Red de Expertos) of each system.
    "cuadro-expertos": InsertionKind(TableOptions, "areas", is_table=True),
}

# Inline references: kind -> whether it takes an id (`[[sistema:ID]]`) or not (`[[areas]]`).
REFERENCES: dict[str, bool] = {"areas": False, "area": True, "sistema": True, "ministerio": True}

# The longest `[[…]]` read as a reference, brackets included.
MAX_REFERENCE = 122
_OPENING = re.compile(r"^:::[ \t]*(?P<name>\S*)[ \t]*$")
_CLOSING = re.compile(r"^:::[ \t]*$")
_REFERENCE = re.compile(r"^(?P<kind>[a-záéíóú]+)(?::(?P<id>[^\s\]]+))?$")


@dataclass
class Problem:
    """Something wrong in the text, at `line` of the body (1-based)."""

    line: int
    path: tuple
    message: str


@dataclass
class Insertion:
    name: str
    line: int                         # body line of `::: NAME`
    options: Model | None = None      # None when the name or the options are wrong


@dataclass
class Reference:
    kind: str
    id: str | None
    line: int


@dataclass
class ParsedText:
    tokens: list
    insertions: list[Insertion] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _insertion_rule(state, start_line: int, end_line: int, silent: bool) -> bool:
    start = state.bMarks[start_line] + state.tShift[start_line]
    opening = _OPENING.match(state.src[start:state.eMarks[start_line]])
    if opening is None:
        return False
    if silent:
        return True
    name = opening.group("name")
    problems = state.env["problems"]
    if not name:
        problems.append(Problem(start_line + 1, (), _(
            "este `:::` no cierra ninguna inserción; se espera `::: NOMBRE` para abrir una, por "
            "ejemplo `::: cuadro-sistemas`")))
        state.line = start_line + 1
        return True
    line = start_line + 1
    closing = None
    while line < end_line:
        if state.sCount[line] < state.blkIndent and not state.isEmpty(line):
            break  # the list item (or quote) that held the insertion has ended
        begin = state.bMarks[line] + state.tShift[line]
        if _CLOSING.match(state.src[begin:state.eMarks[line]]):
            closing = line
            break
        line += 1
    token = state.push("pmg_insertion", "", 0)
    token.info = name
    token.map = [start_line, (closing if closing is not None else start_line) + 1]
    if closing is None:
        problems.append(Problem(start_line + 1, (name,), _(
            "la inserción que empieza aquí no se cierra; se espera una línea `:::` después de "
            "ella (y de sus opciones)")))
        token.content = ""
        state.line = start_line + 1
    else:
        token.content = state.getLines(start_line + 1, closing, state.sCount[start_line], False)
        state.line = closing + 1
    return True


def _underscores_as_text(state, silent: bool) -> bool:
    # A letter has no use for `_emphasis_` (`*emphasis*` stays), and `__name__` must print as
    # typed, not as bold "name".
    end = state.pos
    while end < state.posMax and state.src[end] == "_":
        end += 1
    if end == state.pos:
        return False
    if not silent:
        state.pending += state.src[state.pos:end]
    state.pos = end
    return True


def _numbered_lists(state) -> None:
    for token in state.tokens:
        if token.type != "ordered_list_open":
            continue
        # A list that goes on after a Cuadro starts at its number ("5)"). The DOCX writer reads
        # `start`; WeasyPrint 70 ignores it and needs the counter set in CSS.
        start = token.attrGet("start")
        if start is not None:
            token.attrSet("style", f"counter-reset: list-item {int(start) - 1}")


@cache
def parser() -> MarkdownIt:
    md = new_parser()
    md.block.ruler.before("paragraph", "pmg_insertion", _insertion_rule,
                          {"alt": ["paragraph", "reference", "blockquote", "list"]})
    md.inline.ruler.after("text", "pmg_reference",
                          double_bracket_rule("pmg_reference", MAX_REFERENCE))
    md.inline.ruler.before("emphasis", "pmg_underscores", _underscores_as_text)
    # Insertions are cut out of the token stream before rendering (see views/circular.py);
    # a reference prints what the `reference` function in the render env says.
    md.add_render_rule("pmg_insertion", lambda self, tokens, idx, options, env: "")
    md.add_render_rule("pmg_reference", _render_reference)
    md.core.ruler.push("pmg_numbered_lists", _numbered_lists)
    return md


def _render_reference(self, tokens, idx, options, env) -> str:
    return str(escape(env["reference"](tokens[idx].content)))


def parse_text(body: str) -> ParsedText:
    """Tokens of the body, its insertions (options checked) and references, and its problems."""
    env: dict[str, list[Problem]] = {"problems": []}
    tokens = parser().parse(body, env)
    parsed = ParsedText(tokens=tokens, problems=env["problems"])
    for token in tokens:
        if token.type == "pmg_insertion":
            parsed.insertions.append(_insertion(token, parsed.problems))
        elif token.type == "inline" and token.map:
            line = token.map[0] + 1
            for child in token.children or ():
                if child.type in ("softbreak", "hardbreak"):
                    line += 1
                elif child.type == "pmg_reference":
                    reference = _reference(child.content, line, parsed.problems)
                    if reference is not None:
                        parsed.references.append(reference)
    return parsed


def _insertion(token, problems: list[Problem]) -> Insertion:
    line = token.map[0] + 1
    insertion = Insertion(token.info, line)
    kind = INSERTIONS.get(token.info)
    if kind is None:
        problems.append(Problem(line, (token.info,), _(
            "no existe la inserción «{name}»; se espera una de: {known}").format(
            name=token.info, known=", ".join(INSERTIONS))))
        return insertion
    try:
        data, lines = parse_yaml_text(token.content, "options") if token.content.strip() \
            else ({}, {})
    except InputError as exc:
        for diagnostic in exc.diagnostics:
            problems.append(Problem(line + (diagnostic.line or 1), (token.info,),
                                    diagnostic.message))
        return insertion
    if not isinstance(data, dict):
        problems.append(Problem(line + 1, (token.info,), _(
            "se espera opciones como líneas `clave: valor` entre `::: NOMBRE` y `:::`")))
        return insertion
    try:
        insertion.options = kind.options.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            path, message = describe(error)
            at = next((lines[path[:n]] for n in range(len(path), 0, -1) if path[:n] in lines), 1)
            problems.append(Problem(line + at, (token.info, *path), message))
    return insertion


def _reference(content: str, line: int, problems: list[Problem]) -> Reference | None:
    match = _REFERENCE.match(content)
    kind = match.group("kind") if match else None
    if match is None or kind not in REFERENCES:
        problems.append(Problem(line, (), _(
            "no existe la referencia [[{content}]]; se espera una de: [[areas]], [[area:ID]], "
            "[[sistema:ID]], [[ministerio:ID]]").format(content=content)))
        return None
    if REFERENCES[kind] != (match.group("id") is not None):
        form = f"[[{kind}:ID]]" if REFERENCES[kind] else f"[[{kind}]]"
        problems.append(Problem(line, (), _("se encontró [[{content}]]; se espera {form}").format(
            content=content, form=form)))
        return None
    return Reference(kind, match.group("id"), line)
