"""A source of the wrong shape is refused by its model with located problems: the line, the
field path and what is expected. Each case is the Aduanas example with one thing changed, so
that the line is found in the changed text, not counted by hand."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from pmg_docs.models.indicator import Target
from pmg_docs.models.objetivos import GenderMeasure
from pmg_docs.models.service import Service
from tests.support.paths import ROOT
from tests.support.sources import refused

ADUANAS = (ROOT / "examples" / "2024" / "aduanas.yaml").read_text(encoding="utf-8")

# name: (text replaced, replacement, the line of the replacement that is reported, field path,
# what the message says)
CASES = {
    "a weight in quotes": (
        "    weight: 20\n    indicators:", '    weight: "20"\n    indicators:',
        '    weight: "20"', ("objectives", 0, "weight"), "se espera un número"),
    "an unknown key": (
        '  chapter: "04"\n', '  chapter: "04"\n  region: Valparaíso\n',
        "  region: Valparaíso", ("service", "region"), "campo desconocido"),
    "half a fraction": (
        "target: {numerator: 3, denominator: 8, value: 37.5}", "target: {numerator: 3, value: 37.5}",
        "        target: {numerator: 3, value: 37.5}",
        ("objectives", 0, "indicators", 0, "target"), "`numerator` y `denominator` juntos"),
    "a negative weight": (
        "        weight: 5\n", "        weight: -5\n", "        weight: -5",
        ("objectives", 1, "indicators", 0, "weight"), "se espera un valor de 0 o más"),
    "a budget code of letters": (
        'partida: "08"', 'partida: "8a"', '  partida: "8a"', ("service", "partida"),
        "código presupuestario de dos o tres dígitos"),
    "stage 0": (
        "{stage: 1, weights: [15, 5]}", "{stage: 0, weights: [15, 5]}",
        "          - {stage: 0, weights: [15, 5]}",
        ("objectives", 1, "systems", 0, "stages", 0, "stage"), "se espera un valor de 1 o más"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_wrong_shape_is_located(tmp_path, case):
    old, new, shown, path, message = CASES[case]
    assert ADUANAS.count(old) >= 1
    text = ADUANAS.replace(old, new, 1)
    source = tmp_path / "aduanas.yaml"
    source.write_text(text, encoding="utf-8")
    found = refused(source)
    assert [(d.line, d.path) for d in found] == [(text.splitlines().index(shown) + 1, path)]
    assert message in found[0].message
    assert found[0].file.endswith("aduanas.yaml")


def test_a_missing_field_is_located_at_its_section(tmp_path):
    source = tmp_path / "aduanas.yaml"
    source.write_text(ADUANAS.replace("  name: SERVICIO NACIONAL DE ADUANAS\n", ""),
                      encoding="utf-8")
    [problem] = refused(source)
    assert (problem.line, problem.path) == (ADUANAS.splitlines().index("service:") + 1,
                                            ("service", "name"))
    assert "falta este campo obligatorio" in problem.message


def test_a_formulation_without_objectives(tmp_path):
    source = tmp_path / "aduanas.yaml"
    source.write_text(ADUANAS.split("\nobjectives:")[0] + "\nobjectives: []\n", encoding="utf-8")
    [problem] = refused(source)
    assert problem.path == ("objectives",)
    assert "se espera al menos 1" in problem.message


def test_every_problem_of_a_source_at_once(tmp_path):
    text = ADUANAS
    for case in ("a weight in quotes", "an unknown key", "a negative weight"):
        old, new, *_ = CASES[case]
        text = text.replace(old, new, 1)
    source = tmp_path / "aduanas.yaml"
    source.write_text(text, encoding="utf-8")
    assert sorted(d.path for d in refused(source)) == sorted(
        CASES[case][3] for case in ("a weight in quotes", "an unknown key", "a negative weight"))


# The models' own rules, without a file.

def test_values_are_not_coerced():
    fields = {"ministry": "MINISTERIO DE HACIENDA", "name": "ADUANAS", "chapter": "04"}
    assert Service(**fields, partida=8).partida == "08"  # YAML reads `08` as the number 8
    with pytest.raises(ValidationError) as error:
        Service(**fields, partida=8.0)
    assert [e["loc"] for e in error.value.errors()] == [("partida",)]


def test_a_target_needs_its_fraction_whole_or_a_value():
    assert Target(value=12.5).has_fraction is False
    assert Target(numerator=3, denominator=8).has_fraction is True
    for fields in ({"numerator": 3}, {"denominator": 8, "value": 37.5}, {}):
        with pytest.raises(ValidationError):
            Target(**fields)


@pytest.mark.parametrize("amount, accepted", [(0, True), (1e-6, True), (1e-7, False),
                                              (1e15, True), (1e16, False)])
def test_amounts_have_bounds(amount, accepted):
    if accepted:
        assert Target(numerator=amount, denominator=1).numerator == amount
    else:
        with pytest.raises(ValidationError):
            Target(numerator=amount, denominator=1)


@pytest.mark.parametrize("text", ["con \x07 campana", "con \x1b[31m color", "con \ufffe"])
def test_a_text_refuses_characters_that_are_not_text(text):
    with pytest.raises(ValidationError) as error:
        GenderMeasure(kind="capacitacion", description=text)
    assert "U+" in error.value.errors()[0]["msg"]
    assert error.value.errors()[0]["loc"] == ("description",)


def test_unknown_keys_and_bad_ids_are_refused():
    with pytest.raises(ValidationError) as error:
        GenderMeasure(kind="Capacitación", description="x", extra="y")
    assert {e["loc"] for e in error.value.errors()} == {("kind",), ("extra",)}
