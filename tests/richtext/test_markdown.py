"""Markdown staff write, rendered into the HTML subset both writers read: paragraphs, lists,
emphasis and line breaks; everything else, raw HTML included, prints as typed, escaped."""

from __future__ import annotations

import lxml.html
import pytest

from pmg_docs.richtext import render_markdown, unsupported
from pmg_docs.writers.subset import TAGS


def html(text: str) -> str:
    return str(render_markdown(text))


def test_emphasis_and_paragraphs():
    assert html("Texto *cursiva* y **negrita**.\n\nOtro párrafo.") == (
        "<p>Texto <em>cursiva</em> y <strong>negrita</strong>.</p>\n<p>Otro párrafo.</p>\n")


def test_bullet_and_numbered_lists():
    assert html("- uno\n- dos\n") == "<ul>\n<li>uno</li>\n<li>dos</li>\n</ul>\n"
    assert html("1. a\n2. b\n") == "<ol>\n<li>a</li>\n<li>b</li>\n</ol>\n"
    nested = lxml.html.fragment_fromstring(html("- a\n  - b\n"))
    assert [li.text.strip() for li in nested.iter("li")] == ["a", "b"]
    assert nested.find("li/ul/li") is not None


def test_points_lettered_with_a_parenthesis_are_a_lettered_list():
    # A reglamento's «Para efectos de este reglamento se entenderá por: a) … b) …».
    text = "Se entenderá por:\n\na) Comité. Aquel\n   integrado por\nb) Secretaría.\n"
    assert html(text) == (
        '<p>Se entenderá por:</p>\n<ol class="paren-markers" type="a">\n'
        "<li>Comité. Aquel\nintegrado por</li>\n<li>Secretaría.</li>\n</ol>\n")
    # A list may begin at another letter; "b)" inside a sentence's line does not start one.
    assert 'start="3" class="paren-markers" type="a"' in html("c) tres\nd) cuatro")
    assert "<ol" not in html("Texto que sigue\nb) no es un punto")
    # Inside a numbered point, however far in its marker puts them.
    nested = lxml.html.fragment_fromstring(html("10. Décimo:\n    a) uno\n    b) dos\n"))
    assert [li.text.strip() for li in nested.iter("li")] == ["Décimo:", "uno", "dos"]
    assert nested.find("li/ol").get("type") == "a"
    # Numbers written "1)" stay numbers.
    assert 'type' not in html("1) uno\n2) dos")


def test_points_numbered_with_a_parenthesis_keep_their_marker():
    # Official texts number "1)", "2)": the class tells both writers to print that marker.
    assert html("1) primero\n2) segundo\n") == (
        '<ol class="paren-markers">\n<li>primero</li>\n<li>segundo</li>\n</ol>\n')


def test_line_breaks():
    assert html("línea uno\nlínea dos") == "<p>línea uno\nlínea dos</p>\n"
    assert html("a  \nb") == "<p>a<br>\nb</p>\n"


@pytest.mark.parametrize("typed, shown", [
    ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"),
    ('<img src="http://x.cl/a.png">', '<p>&lt;img src=&quot;http://x.cl/a.png&quot;&gt;</p>\n'),
    ("Sueldos & salarios < 5", "<p>Sueldos &amp; salarios &lt; 5</p>\n"),
    ("[enlace](http://x.cl)", "<p>[enlace](http://x.cl)</p>\n"),
    ("![logo](file:///etc/passwd)", "<p>![logo](file:///etc/passwd)</p>\n"),
    ("# Título", "<p># Título</p>\n"),
    ("`código`", "<p>`código`</p>\n"),
    ("\\*no cursiva\\*", "<p>*no cursiva*</p>\n"),
])
def test_user_text_prints_as_typed_and_escaped(typed, shown):
    assert html(typed) == shown


def test_every_tag_is_in_the_subset():
    text = ("Párrafo *a* **b**  \nsigue.\n\n- uno\n  1) sub\n- dos\n\n1. tres\n\n"
            "<table><tr><td>x</td></tr></table>\n\n# t\n\n> q\n\n---\n\n```\nc\n```\n")
    tags = {e.tag for e in lxml.html.fragment_fromstring(html(text), create_parent="div").iter()}
    assert tags - {"div"} <= TAGS
    assert {"p", "em", "strong", "br", "ul", "ol", "li"} <= tags


def test_constructs_the_subset_does_not_lay_out_are_found_with_their_line():
    text = "# Título\n\ntexto con [un enlace](https://x.cl)\n\n> cita\n\n| a | b |\n| - | - |\n"
    assert unsupported(text) == [
        (1, "heading", "# Título"), (3, "link", "texto con [un enlace](https://x.cl)"),
        (5, "quote", "> cita"), (7, "table", "| a | b |")]
    assert unsupported("Solo *texto* y\n- una lista\n") == []


def test_a_circular_insertion_is_no_markdown_construct():
    text = "Antes.\n\n::: cuadro-sistemas\ntitle:\n  - # no es un título\n:::\n\n# sí lo es\n"
    assert unsupported(text) == [(8, "heading", "# sí lo es")]
