"""Markdown the documents do not lay out (headings, tables, links, images, code, quotes,
rules, HTML) gets a located warning naming the construct; the text still prints as typed."""

from __future__ import annotations

from click.testing import CliRunner

from pmg_docs.cli import main
from tests.support.paths import ROOT

ADUANAS = ROOT / "examples" / "2024" / "aduanas.yaml"
FIRST_LINE = ("      Capacitación avanzada en primera acogida en violencia de género a funcionarios de "
              "OIRS,")
PLACE = "Medida de género N°1 › descripción"


def test_each_construct_is_named_on_its_line(tmp_path):
    text = ADUANAS.read_text(encoding="utf-8")
    start = text.splitlines().index(FIRST_LINE) + 1  # the line of the text's first line
    added = ["## Objetivo", "", "| Año | Meta |", "| --- | --- |", "| 2024 | 3 |", "",
             "Ver [el protocolo](https://www.aduana.cl/protocolo).", "", "> Citado.", ""]
    source = tmp_path / "aduanas.yaml"
    source.write_text(text.replace(FIRST_LINE, "\n".join(f"      {line}".rstrip()
                                                         for line in added) + "\n" + FIRST_LINE),
                      encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(source)])
    assert result.exit_code == 0, result.output
    warnings = [line.split(": ", 1)[1] for line in result.stdout.splitlines()[:-1]]
    lines = [int(line.split(":")[1]) for line in result.stdout.splitlines()[:-1]]
    assert lines == [start, start + 2, start + 6, start + 8]
    assert warnings == [
        f"{PLACE}: aviso: {construct} en «{typed}» no se diagrama: se imprime tal cual. Los "
        "textos admiten párrafos, listas (- o 1.), *cursiva* y **negrita**"
        for construct, typed in (
            ("un título de Markdown", "## Objetivo"), ("una tabla de Markdown", "| Año | Meta |"),
            ("un enlace de Markdown", "Ver [el protocolo](https://www.aduana.cl/protocolo)."),
            ("una cita de Markdown («>»)", "> Citado."))]
    assert CliRunner().invoke(main, ["validate", "--strict", str(source)]).exit_code == 1


def test_a_circular_s_insertions_are_not_markdown(tmp_path):
    """`# …` inside an insertion is a YAML comment; in the text it is a heading."""
    scaffold = (ROOT / "templates" / "scaffolds" / "circular.md").read_text(encoding="utf-8")
    assert "\n# Cada Cuadro se numera en orden." in scaffold
    source = tmp_path / "circular.md"
    source.write_text(scaffold + "\n# Anexo\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(source)])
    assert result.exit_code == 0, result.output
    line = len(scaffold.splitlines()) + 2
    assert result.stdout.splitlines()[:-1] == [
        f"{source}:{line}: texto: aviso: un título de Markdown en «# Anexo» no se diagrama: se "
        "imprime tal cual. Los textos admiten párrafos, listas (- o 1.), *cursiva* y **negrita**"]


def test_every_construct_is_found_and_plain_text_reads_as_nothing():
    from pmg_docs.richtext import unsupported

    text = "\n".join(["# Título", "", "Otro título", "===", "", "| a | b |", "| - | - |", "",
                      "[enlace](x)", "", "![imagen](x)", "", "`código`", "", "```", "bloque",
                      "```", "", "    sangrado", "", "> cita", "", "***", "", "<b>html</b>"])
    assert sorted({construct for _, construct, _ in unsupported(text)}) == [
        "code", "heading", "html", "image", "link", "quote", "rule", "table"]
    assert [line for line, construct, _ in unsupported(text) if construct == "heading"] == [1, 3]
    plain = "Párrafo con *cursiva*, **negrita** y 12.608.049.\n\n- uno\n- dos\n\n1. primero"
    assert unsupported(plain) == []
