"""`pmg fmt`: one canonical layout, every value and comment kept, a second run changes nothing."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from pmg_docs.cli import main
from pmg_docs.edit.fmt import comments_of
from pmg_docs.load.located_yaml import parse_yaml_text
from tests.support.paths import DATA, ROOT

SOURCES = sorted([*(ROOT / "examples").rglob("*.yaml"), *(ROOT / "catalogs").glob("*.yaml")])
BROKEN = DATA / "broken" / "2024"


def _data(text: str):
    return parse_yaml_text(text, "x.yaml")[0]


def _strict(value):
    """Plain data with the type of every scalar, so that 1 and 1.0 or "08" and 8 differ."""
    if isinstance(value, dict):
        return {key: _strict(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_strict(item) for item in value]
    return (type(value).__name__, value)


def _comment_lines(text: str) -> list[str]:
    # Independent of the formatter's own check: the full-line comments, in order.
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_fmt_keeps_values_and_comments_and_is_idempotent(tmp_path, source):
    target = tmp_path / source.name
    shutil.copy(source, target)
    before = target.read_text(encoding="utf-8")

    first = CliRunner().invoke(main, ["fmt", str(target)])
    assert first.exit_code == 0, first.output
    after = target.read_text(encoding="utf-8")
    assert _strict(_data(after)) == _strict(_data(before))
    assert comments_of(after) == comments_of(before)
    assert _comment_lines(after) == _comment_lines(before)

    second = CliRunner().invoke(main, ["fmt", str(target)])
    assert second.exit_code == 0, second.output
    assert "0 reescritos" in second.output
    assert target.read_text(encoding="utf-8") == after


def test_repository_sources_are_in_canonical_layout():
    result = CliRunner().invoke(main, ["fmt", "--check", str(ROOT / "examples"),
                                       str(ROOT / "catalogs")])
    assert result.exit_code == 0, result.output


MESSY = """\
# A catalog written by hand.
title: 'Programa Marco de prueba'   # the title
id: prueba-2025
kind: catalog
year: 2025
mechanism: PMG
version: '2025.1'
number_style: {group: '.', decimal: ','}
objectives:
    -   name: Gestión Eficaz
        number: 1
        id: gestion-eficaz

    # The second objective.
    -   id: eficiencia-institucional
        name: "Eficiencia Institucional, con un nombre tan largo que ya no cabe en una sola línea del archivo"
        number: 2
indicators:
  - formula: "(A / B) * 100"
    id: ind
    name: Indicador
    target_decimals: 2
systems:
  - id: sistema
    name: Sistema
    general_objective: "Primera línea\\nSegunda línea\\n"
"""

CANONICAL = """\
# A catalog written by hand.
kind: catalog
id: prueba-2025
year: 2025
mechanism: PMG
version: "2025.1"
title: Programa Marco de prueba     # the title
number_style: {decimal: ",", group: "."}
objectives:
  - id: gestion-eficaz
    number: 1
    name: Gestión Eficaz

    # The second objective.
  - id: eficiencia-institucional
    number: 2
    name: >-
      Eficiencia Institucional, con un nombre tan largo que ya no cabe en una sola línea del archivo
indicators:
  - id: ind
    name: Indicador
    formula: (A / B) * 100
    target_decimals: 2
systems:
  - id: sistema
    name: Sistema
    general_objective: |
      Primera línea
      Segunda línea
"""


def test_fmt_gives_the_canonical_layout(tmp_path):
    target = tmp_path / "prueba-2025.yaml"
    target.write_text(MESSY, encoding="utf-8")
    result = CliRunner().invoke(main, ["fmt", str(target)])
    assert result.exit_code == 0, result.output
    assert f"reescrito {target}" in result.output
    assert target.read_text(encoding="utf-8") == CANONICAL


def test_check_changes_nothing_and_lists_what_would_change(tmp_path):
    messy = tmp_path / "messy.yaml"
    messy.write_text(MESSY, encoding="utf-8")
    clean = tmp_path / "clean.yaml"
    clean.write_text(CANONICAL, encoding="utf-8")

    result = CliRunner().invoke(main, ["fmt", "--check", str(tmp_path)])
    assert result.exit_code == 1
    assert f"cambiaría {messy}" in result.output
    assert str(clean) not in result.output
    assert messy.read_text(encoding="utf-8") == MESSY

    assert CliRunner().invoke(main, ["fmt", "--check", str(clean)]).exit_code == 0


@pytest.mark.parametrize("name, line, message", [
    ("malformed-yaml", 20, "YAML mal formado"),
    ("unknown-key", 9, "Servicio › `region`: campo desconocido"),
    ("wrong-type", 22, "Objetivo N°2 › Sistema «Estado Verde» › ponderación: se encontró el texto «35» "
                       "(entre comillas); se espera un número"),
])
def test_a_source_that_does_not_parse_is_reported_and_left_alone(tmp_path, name, line, message):
    target = tmp_path / f"{name}.yaml"
    shutil.copy(BROKEN / f"{name}.yaml", target)
    before = target.read_bytes()
    result = CliRunner().invoke(main, ["fmt", str(target)])
    assert result.exit_code == 1
    assert f"{name}.yaml:{line}: " in result.stderr and message in result.stderr
    assert target.read_bytes() == before
    assert "Traceback" not in result.output


CIRCULAR = ROOT / "templates" / "scaffolds" / "circular.md"


def test_front_matter_of_markdown_is_formatted_and_the_body_kept(tmp_path):
    text = CIRCULAR.read_text(encoding="utf-8")
    head, body = text.split("\n---\n", 1)
    # Out of order, single quotes: the front matter changes, the Markdown body does not.
    sender = "sender:                                # DE\n  name: NOMBRE APELLIDO APELLIDO\n" \
        "  title: MINISTRO DE HACIENDA\n"
    assert sender in head + "\n"
    messy = head.replace("place: SANTIAGO", "place: 'SANTIAGO'").replace(
        sender.rstrip("\n"), "sender:                                # DE\n"
        "  title: MINISTRO DE HACIENDA\n  name: NOMBRE APELLIDO APELLIDO")
    target = tmp_path / "circular.md"
    target.write_text(messy + "\n---\n" + body, encoding="utf-8")
    result = CliRunner().invoke(main, ["fmt", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") == text


def test_the_scaffolds_are_in_canonical_layout():
    assert CliRunner().invoke(main, ["fmt", "--check", str(CIRCULAR)]).exit_code == 0


def test_front_matter_errors_are_located_in_the_markdown_file(tmp_path):
    target = tmp_path / "roto.md"
    target.write_text(CIRCULAR.read_text(encoding="utf-8").replace("number: 1 ", "number: uno"),
                      encoding="utf-8")
    result = CliRunner().invoke(main, ["fmt", str(target)])
    assert result.exit_code == 1
    line = CIRCULAR.read_text(encoding="utf-8").splitlines().index(
        next(text for text in CIRCULAR.read_text(encoding="utf-8").splitlines()
             if text.startswith("number: 1 "))) + 1
    assert f"roto.md:{line}: CIRC. N°: se encontró «uno»; se espera un número entero" \
        in result.stderr
