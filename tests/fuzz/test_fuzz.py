"""Fuzzing: text made of the pieces that break parsers, fed to every reader of user input.

Four readers take what users write: the YAML loader (files and front matter, into models), the
Markdown subset, a circular's insertions and references, and templates (`--templates`). Each
property says the reader answers with data or a located error, never anything else; hypothesis
builds inputs from the pieces each grammar is made of, shrinks any failure to its smallest form,
and, run with `--hypothesis-show-statistics` (as CI does, see pyproject.toml), reports how many
inputs it tried and what became of them (`event`: parsed, refused, and why).

The number of inputs is bounded (`FUZZ_EXAMPLES`, default 150 per property) so that CI spends
seconds here; `FUZZ_EXAMPLES=5000 pytest tests/fuzz` searches longer.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import lxml.html
import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from pmg_docs.checks import check_document
from pmg_docs.diagnostics import InputError
from pmg_docs.load import CatalogRegistry
from pmg_docs.load.from_text import document_from_text, source_from_text
from pmg_docs.render.jinja import render_html
from pmg_docs.render.sandbox import TemplateFailure, TemplateLimits
from pmg_docs.richtext import render_markdown
from pmg_docs.richtext.circular import parse_text
from pmg_docs.views.circular import body_parts
from pmg_docs.writers.subset import TAGS
from tests.support.paths import ROOT

pytestmark = pytest.mark.slow  # a few hundred generated inputs: the full suite runs them, the quick loop does not

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
REGISTRY = CatalogRegistry()


def pieces(*fragments: str, alphabet: str = "") -> st.SearchStrategy[str]:
    """Text joined from grammar fragments and odd characters."""
    odd = st.text(alphabet=alphabet or st.characters(), max_size=3)
    return st.lists(st.one_of(st.sampled_from(fragments), odd), max_size=40).map("".join)


# --- YAML sources ------------------------------------------------------------------------------

ADUANAS = (ROOT / "examples" / "2024" / "aduanas.yaml").read_text(encoding="utf-8")
CIRCULAR_TEXT = (ROOT / "examples" / "circulars" / "circular-39-2011.md").read_text(
    encoding="utf-8")
YAML_PIECES = ("\n", "  ", "    ", "- ", ": ", "kind: formulation\n", "catalog: pmg-2024\n",
               "kind: circular\n", "kind: catalog\n", "service:\n", "  name: ", "weight: ",
               "objectives:\n", "gender_measures:\n", "&a ", "*a", "&b [", "*b", "[", "]", "{",
               "}", ", ", "'", '"', "\\x1b", "\\uffff", "\\ud800", "!!python/object ", "!x ",
               "<<: ", "? ", "|\n", ">-\n", "1e308", "-0", ".nan", "0x1F", "~", "null", "true",
               "2011-02-30", "#", "---\n", "...\n", "\t", "\r\n", "\x00", "\x85", "\u2028",
               "\ufeff", "%YAML 1.1\n", "%TAG ! tag:x\n")


@FUZZ
@given(pieces(*YAML_PIECES))
def test_any_yaml_text_loads_or_is_a_located_error(text):
    _loads(text, "fuzz.yaml")


@FUZZ
@given(st.integers(0, len(ADUANAS)), st.integers(0, 40), pieces(*YAML_PIECES))
def test_a_real_formulation_cut_and_spliced_loads_or_is_a_located_error(at, cut, splice):
    # Real documents mutated where they are weakest: a piece replaced by fragments.
    _loads(ADUANAS[:at] + splice + ADUANAS[at + cut:], "aduanas.yaml")


@FUZZ
@given(st.integers(0, len(CIRCULAR_TEXT)), st.integers(0, 40),
       pieces("---\n", "---\r\n", *YAML_PIECES[:20], "::: instituciones\n", ":::\n"))
def test_a_real_circular_cut_and_spliced_loads_or_is_a_located_error(at, cut, splice):
    _loads(CIRCULAR_TEXT[:at] + splice + CIRCULAR_TEXT[at + cut:], "circular.md")


DECREE_TEXT = (ROOT / "examples" / "2024" / "marco" / "decreto-programa-marco.md").read_text(
    encoding="utf-8")


@FUZZ
@given(st.integers(0, DECREE_TEXT.index("\n---\n") + 5), st.integers(0, 40),
       pieces("---\n", *YAML_PIECES[:20], "numero: ", "fecha: ", "firma:\n", "document: ",
              "decreto", "documento-tecnico", "2023-02-30", "- x\n", "prose"))
# Found by CI: a front matter of comments only, then text read as an unknown field of the
# document itself, path (), which «¿quiso decir…?» once took apart as a named field.
@example(at=30, cut=40, splice="---\ndecreto&b [: ")
def test_a_real_decrees_front_matter_cut_and_spliced_loads_or_is_a_located_error(at, cut,
                                                                                  splice):
    # The fields its catalog declares, mutated: each still a located answer.
    _loads(DECREE_TEXT[:at] + splice + DECREE_TEXT[at + cut:], "decreto.md")


def _loads(text: str, name: str) -> None:
    try:
        document = document_from_text(text, Path(name), name, REGISTRY)
    except InputError as exc:
        assert exc.diagnostics and all(d.file == name for d in exc.diagnostics)
        event(f"refused: {exc.diagnostics[0].message[:40]}")
        return
    findings = check_document(document)
    event(f"loaded as {document.kind}: {'findings' if findings else 'clean'}")


@FUZZ
@given(pieces(*YAML_PIECES))
def test_the_yaml_part_alone_parses_or_is_a_located_error(text):
    try:
        source_from_text(text, Path("x.yaml"), "x.yaml")
        event("parsed")
    except InputError as exc:
        assert all(d.line is None or d.line >= 1 for d in exc.diagnostics)
        event("refused")


# --- the Markdown subset -----------------------------------------------------------------------

MARKDOWN_PIECES = ("\n", "\n\n", "  \n", "- ", "* ", "1) ", "1. ", "10) ", "   ", "*", "**", "_",
                   "__", "`", "```", "# ", "> ", "<b>", "</b>", "<script>", "<img src=x>",
                   "[a](http://x)", "![i](file:///etc/passwd)", "&amp;", "&#0;", "&#x110000;",
                   "{{ x }}", "{% if %}", "\\", "|", "---", "<!--", "-->", "\t", "\u200b")


@FUZZ
@given(pieces(*MARKDOWN_PIECES))
def test_markdown_becomes_html_of_the_subset(text):
    html = str(render_markdown(text))
    _assert_subset(html)
    event("empty" if not html.strip() else "html")


def _assert_subset(html: str) -> None:
    if not html.strip():
        return
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    tags = {element.tag for element in root.iter() if isinstance(element.tag, str)} - {"div"}
    assert tags <= TAGS, tags - TAGS


# --- a circular's insertions and references ---------------------------------------------------

FRONT = CIRCULAR_TEXT.split("\n---\n", 1)[0]
# Lines, since insertions stand on lines of their own; and fragments within lines.
CIRCULAR_LINES = ("", "::: instituciones", "::: cuadro-sistemas", "::: cuadro-expertos",
                  "::: nada", ":::", "title:", "  - Cuadro 1", "columns: [a, b, c]",
                  "columns: [a]", "title: 3", "1) Texto [[areas]].", "   sigue [[area:x]]",
                  "- [[sistema:monitoreo-del-desempeno]]", "2) [[ministerio:salud]] y [[",
                  "[[sistema:" + "x" * 130 + "]]", "   ::: cuadro-sistemas", "{{ catalog }}",
                  "*a* _b_ __c__", "\t:::")
CIRCULAR_FRAGMENTS = ("[[", "]]", "[[areas", ":::", " ", "*", "1) ", "- ")


def circular_bodies() -> st.SearchStrategy[str]:
    # Control characters are refused while loading (the corpus covers them): left out here so
    # that most texts reach the insertions.
    line = st.one_of(st.sampled_from(CIRCULAR_LINES),
                     pieces(*CIRCULAR_FRAGMENTS, alphabet="aá ñ[](){}*_:-1)\t🚀"))
    return st.lists(line, max_size=30).map("\n".join)


@FUZZ
@given(circular_bodies())
def test_a_circulars_text_parses_into_located_problems_or_renders(body):
    parsed = parse_text(body)
    lines = body.count("\n") + 1
    assert all(1 <= problem.line <= lines + 1 for problem in parsed.problems)
    try:
        document = document_from_text(f"{FRONT}\n---\n{body}", Path("c.md"), "c.md", REGISTRY)
    except InputError as exc:
        event(f"circular refused while loading: {exc.diagnostics[0].message[:40]}")
        return
    if [d for d in check_document(document) if d.severity.value == "error"]:
        event("circular with located problems")
        return
    for part in body_parts(document.model, document.catalog):
        if part["kind"] == "html":
            _assert_subset(str(part["html"]))
    event(f"circular rendered: {len(parsed.insertions)} insertion(s), "
          f"{len(parsed.references)} reference(s)")


# --- a prose document's text (issue 24) ---------------------------------------------------------

PROSE_TEXT = (ROOT / "examples" / "2024" / "marco" / "documento-tecnico.md").read_text(
    encoding="utf-8")
PROSE_FRONT = PROSE_TEXT.split("\n---\n", 1)[0]
PROSE_LINES = ("", "# I", "## A *b*", "### c", "#### d", "##### e", "| a | b |", "|---|--:|",
               "| 1 | 2 |", "| x |", "[[objetivos]]", "[[sistemas]]", "[[requisitos:estado-verde]]",
               "[[objetivos-etapa:nada]]", "[[objetivos-etapa]]", "[[nada]]", "[[A B]]",
               "[[objetivos:x]]", "texto[^1] y [^2]", "[^1]: nota", "[^1]:", "[^", "1. punto",
               "- punto [[instituciones]]", "{{ catalog }}", "{% raw %}", "[[" + "x" * 210 + "]]",
               "<b>x</b>", "> cita", "```", "[[requisitos:{{x}}]]")
PROSE_FRAGMENTS = ("[[", "]]", "[^", "|", "#", " ", "*", "1. ", "- ", ":")


def prose_bodies() -> st.SearchStrategy[str]:
    line = st.one_of(st.sampled_from(PROSE_LINES),
                     pieces(*PROSE_FRAGMENTS, alphabet="aá ñ[](){}*_:-1|#^\t🚀"))
    return st.lists(line, max_size=30).map("\n".join)


@FUZZ
@given(prose_bodies())
def test_a_prose_text_renders_to_the_subset_or_is_a_located_error(body):
    from pmg_docs.render.pipeline import RenderOptions, lay_out

    name = "p.md"
    lines = body.count("\n") + 1
    try:
        document = document_from_text(f"{PROSE_FRONT}\n---\n{body}", Path(name), name,
                                      REGISTRY)
    except InputError as exc:
        assert exc.diagnostics
        event(f"prose refused while loading: {exc.diagnostics[0].message[:40]}")
        return
    errors = [d for d in check_document(document) if d.severity.value == "error"]
    if errors:
        assert all(d.file == name and d.line is not None for d in errors)
        event("prose with located problems")
        return
    try:
        html = lay_out(document, RenderOptions())[0]
    except InputError as exc:
        # An insertion there is not, or an argument: at a line of the text.
        first = PROSE_FRONT.count("\n") + 3
        assert all(d.file == name and first <= d.line <= first + lines
                   for d in exc.diagnostics), exc.diagnostics
        event(f"prose refused while laid out: {exc.diagnostics[0].message[:30]}")
        return
    root = lxml.html.document_fromstring(html)
    assert {e.tag for e in root.iter() if isinstance(e.tag, str)} <= TAGS
    # The DOCX writer takes whatever the text became (it refuses HTML outside the subset).
    from pmg_docs.writers.docx import write_docx

    assert write_docx(html).startswith(b"PK")
    event("prose rendered")


# --- the template contract ---------------------------------------------------------------------

# Whole statements, so that most templates parse and run, and loose fragments that break them.
TEMPLATE_PIECES = (
    "{{ spec.title }}", "{{ document.service.name }}", "{{ view.sections | length }}",
    "{% for s in view.sections %}", "{{ s.name }}", "{% endfor %}", "{% if view %}",
    "{% endif %}", "{% else %}", "{{ 12608049 | number(0) }}", "{{ 4 | roman }}",
    "{{ '*a*' | markdown }}", "{{ 'x' * 1000 }}", "{{ 'x' * 10 ** 7 }}", "{{ 2 ** 10 ** 6 }}",
    "{{ range(10 ** 6) | list }}", "{{ '%s %s' % (1,) }}", "{{ 1 // 0 }}", "{{ nada }}",
    "{{ 'x' | center(10 ** 9) }}", "{{ ''.__class__.__mro__ }}", "{{ catalog._sa }}",
    "{% macro m(n) %}{{ m(n) }}{% endmacro %}{{ m(1) }}", "{% include 'nada.html.j2' %}",
    "{% include 'formulacion-2024.html.j2' %}", "{% extends 'base.html.j2' %}",
    "{% block content %}", "{% endblock %}", "{% set ns = namespace(v='ab') %}",
    "{% for i in range(30) %}{% set ns.v = ns.v ~ ns.v %}{% endfor %}",
    "{{ asset('styles/document.css') }}", "{{ asset('../../etc/passwd') }}",
    "<p>", "</p>", "<table><tr><td>", "</td></tr></table>", "\n", "\x07", "{{", "}}", "{%",
    "%}", "|", "(", ")", "'")
LIMITS = TemplateLimits(seconds=2, characters=200_000, depth=10)
CONTEXT: dict = {}


def _context() -> dict:
    if not CONTEXT:
        from pmg_docs.load import load_document

        document = load_document(ROOT / "examples" / "2024" / "aduanas.yaml", REGISTRY)
        view = document.format.view.load()(document)
        CONTEXT.update(catalog=document.catalog, document=document.model, view=view,
                       spec=document.spec, annexes=[])
    return CONTEXT


@settings(parent=FUZZ, max_examples=max(EXAMPLES // 3, 10))
@given(pieces(*TEMPLATE_PIECES, alphabet="{}%#|.'\"() x"))
def test_any_user_template_renders_or_is_a_located_failure(body):
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "formulacion-2024.html.j2").write_text(
            "{#- pmg: formulation/objetivos -#}\n" + body, encoding="utf-8")
        try:
            html, _assets = render_html("formulacion-2024", _context(), Path(folder), LIMITS)
        except TemplateFailure as failure:
            assert failure.message and failure.file
            event(f"template refused: {failure.message[:40]}")
            return
        assert len(html) <= LIMITS.characters
        event("template rendered")
