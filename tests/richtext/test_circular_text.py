"""A circular's text: Markdown with insertions (`::: NAME` … `:::`, options in YAML) and
references (`[[sistema:ID]]`), each problem at its line of the body; no template syntax."""

from __future__ import annotations

from pmg_docs.richtext.circular import parse_text

BODY = """\
Texto con [[areas]] y [[sistema:estado-verde]].

::: cuadro-sistemas
title:
  - Áreas Prioritarias
:::

{{ config }} y {% if x %} y __init__ se imprimen tal cual.
"""


def test_insertions_and_references_are_read_with_their_lines():
    parsed = parse_text(BODY)
    assert parsed.problems == []
    [table] = parsed.insertions
    assert (table.name, table.line, table.options.title) == (
        "cuadro-sistemas", 3, ["Áreas Prioritarias"])
    assert [(r.kind, r.id, r.line) for r in parsed.references] == [
        ("areas", None, 1), ("sistema", "estado-verde", 1)]


def test_template_syntax_and_underscores_are_text():
    parsed = parse_text(BODY)
    inline = [t for t in parsed.tokens if t.type == "inline"][-1]
    assert inline.content == "{{ config }} y {% if x %} y __init__ se imprimen tal cual."
    assert [c.type for c in inline.children] == ["text"]
    assert "".join(c.content for c in inline.children) == inline.content


def test_each_problem_at_its_line():
    body = ("Uno [[nada]].\n\n"          # 1: unknown reference
            "::: desconocida\n:::\n\n"    # 3: unknown insertion
            "::: cuadro-expertos\ncolumns: [solo una]\n:::\n\n"  # 7: an option of the wrong size
            "Dos [[sistema]].\n\n"        # 10: a reference that needs an id
            "::: instituciones\n")        # 12: never closed
    problems = sorted((p.line, p.path) for p in parse_text(body).problems)
    assert problems == [(1, ()), (3, ("desconocida",)), (7, ("cuadro-expertos", "columns")),
                        (10, ()), (12, ("instituciones",))]
    messages = {p.line: p.message for p in parse_text(body).problems}
    assert "no existe la referencia [[nada]]" in messages[1]
    assert "no existe la inserción «desconocida»" in messages[3]
    assert "se espera al menos 3" in messages[7]
    assert "se espera [[sistema:ID]]" in messages[10]
    assert "no se cierra" in messages[12]


def test_a_closing_line_alone_is_a_problem():
    [problem] = parse_text("Texto.\n\n:::\n").problems
    assert problem.line == 3
    assert "no cierra ninguna inserción" in problem.message
