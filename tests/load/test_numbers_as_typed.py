"""Numbers as people in Chile type them: each gets a located message saying exactly what to
write in YAML, and a decimal comma inside a `{…}` row is recognised for what it is."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from pmg_docs.cli import main
from pmg_docs.load.number_hints import yaml_number
from tests.support.paths import ROOT

ADUANAS = ROOT / "examples" / "2024" / "aduanas.yaml"
TARGET = "target: {numerator: 12608049, denominator: 11975373, value: 105.28}"
PLACE = "Objetivo N°2 › Indicador «Concentración del Gasto Subtítulos 22 + 29» › meta"


@pytest.mark.parametrize("typed, number", [
    ("103,96", "103.96"), ("9.876.543", "9876543"), ("1.234,5", "1234.5"),
    ("37,5 %", "37.5"), ("37.5%", "37.5"), ("9 876 543", "9876543"), ("-2,5", "-2.5"),
    ("35", "35"), ("tres", None), ("1.2.3", None), ("", None),
])
def test_yaml_number(typed, number):
    assert yaml_number(typed) == number


def _validate(tmp_path, target: str):
    path = tmp_path / "aduanas.yaml"
    path.write_text(ADUANAS.read_text(encoding="utf-8").replace(TARGET, target),
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    return result.stdout.splitlines()[0]


@pytest.mark.parametrize("target, place, message", [
    ('target: {numerator: 12608049, denominator: 11975373, value: "105,28"}', "valor",
     "se encontró el texto «105,28»; en YAML un número se escribe con punto decimal y sin "
     "separador de miles: escriba 105.28"),
    ('target: {numerator: 12.608.049, denominator: 11975373, value: 105.28}', "numerador",
     "se encontró el texto «12.608.049»; en YAML un número se escribe con punto decimal y sin "
     "separador de miles: escriba 12608049"),
    ('target: {numerator: 12608049, denominator: 11975373, value: 105,28 %}', None,
     "«105,28» dentro de {…}"),
    ('target: {numerator: 12608049, denominator: 11975373, value: "105.28 %"}', "valor",
     "se encontró el texto «105.28 %»; se espera el número sin el signo %: escriba 105.28"),
    ('target: {numerator: "12608049", denominator: 11975373, value: 105.28}', "numerador",
     "se encontró el texto «12608049» (entre comillas); se espera un número: escríbalo sin "
     "comillas, 12608049"),
])
def test_each_habit_gets_a_located_message(tmp_path, target, place, message):
    line = _validate(tmp_path, target)
    assert line.startswith(f"{tmp_path / 'aduanas.yaml'}:33: ")
    if place is not None:
        assert f": {PLACE} › {place}: {message}" in line
    else:
        assert message in line


def test_a_decimal_comma_inside_a_row_is_explained(tmp_path):
    line = _validate(tmp_path, "target: {numerator: 12608049, denominator: 11975373, "
                               "value: 105,28}")
    # Not `target[28]: Keys should be strings`: what YAML did, and what to write; the place
    # named as the document names it, also inside `{…}`.
    assert line == (
        f"{tmp_path / 'aduanas.yaml'}:33: Objetivo N°2 › Indicador «Concentración del Gasto "
        "Subtítulos 22 + 29» › meta › valor: «105,28» "
        "dentro de {…}: en una fila entre llaves la coma separa campos, así que YAML leyó 105 y "
        "una clave «28»; se espera el número con punto decimal: escriba 105.28")
