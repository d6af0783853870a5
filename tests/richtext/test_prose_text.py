"""A prose document's Markdown (richtext/prose.py): headings numbered by the template's
patterns, insertions found with their lines, captions, footnotes in the subset."""

from __future__ import annotations

import pytest

from pmg_docs.richtext.prose import ProseText, parse_prose, pattern_problem


def _layout(body: str, numbering=()):
    return ProseText(parse_prose(body)).layout(numbering)


def test_headings_are_numbered_level_by_level_as_the_patterns_say():
    body = "\n\n".join(f"# S{n}\n\n## A\n\n## B\n\n### x" for n in range(1, 15))
    toc = _layout(body, ["{1:I}.", "{1}.{2}", "{1}.{2}.{3:a}"])["toc"]
    numbers = [h.number for h in toc]
    assert numbers[:4] == ["I.", "1.1", "1.2", "1.2.a"]
    assert "XIV." in numbers and numbers[-1] == "14.2.a"
    assert [h.id for h in toc][:2] == ["titulo-1", "titulo-2"]


def test_a_level_without_a_pattern_is_not_numbered():
    toc = _layout("# VISTOS:\n\n## Primero\n\n# DECRETO:\n\n## Otro", ["", "Artículo {2}°.-"])["toc"]
    assert [(h.number, h.title) for h in toc] == [
        ("", "VISTOS:"), ("Artículo 1°.-", "Primero"), ("", "DECRETO:"),
        ("Artículo 1°.-", "Otro")]


def test_a_running_number_goes_on_from_one_heading_above_to_the_next():
    # A reglamento's articles are numbered through the whole text, across its TÍTULOS.
    body = "# Uno\n\n##\n\n##\n\n# Dos\n\n##\n\n### x\n\n# Tres\n\n# Cuatro\n\n##"
    toc = _layout(body, ["TÍTULO {1:I}", "Artículo {2+}°.", "{2+}.{3}", "{2+:a}"])["toc"]
    assert [h.number for h in toc] == [
        "TÍTULO I", "Artículo 1°.", "Artículo 2°.", "TÍTULO II", "Artículo 3°.", "3.1",
        "TÍTULO III", "TÍTULO IV", "Artículo 4°."]
    # `{2}` still restarts under each heading of level 1.
    assert [h.number for h in _layout(body, ["", "{2}"])["toc"]][4] == "1"


@pytest.mark.parametrize("pattern", ["{x}", "{5}", "{1:Q}", "{1++}", "{+1}", "{" * 50])
def test_a_wrong_pattern_is_refused_with_what_to_write(pattern):
    assert pattern_problem(pattern) is not None
    with pytest.raises(ValueError, match="numeración de títulos"):
        _layout("# a", [pattern])


def test_insertions_are_found_with_their_lines_and_whether_they_stand_alone():
    parsed = parse_prose("Texto [[objetivos]].\n\n[[requisitos:estado-verde]]\n\n[[Mal Escrita]]")
    assert [(c.name, c.argument, c.line, c.block) for c in parsed.insertions] == [
        ("objetivos", None, 1, False), ("requisitos", "estado-verde", 3, True)]
    assert parsed.malformed == [(5, "Mal Escrita")]


def test_html_is_text_and_footnotes_are_in_the_subset():
    html = str(_layout("<b>x</b> y[^1]\n\n[^1]: nota")["html"])
    assert "&lt;b&gt;x&lt;/b&gt;" in html
    assert '<sup><a href="#nota-1">1</a></sup>' in html
    assert '<div class="footnotes">\n<ol>\n<li id="nota-1"><p>nota</p>' in html
