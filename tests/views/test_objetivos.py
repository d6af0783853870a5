"""The view of a formulation by objectives (2024): the weights, targets and numbers of the
seed documents (tests/data/seeds), in the catalog's order."""

from __future__ import annotations

import pytest

from tests.support.paths import SEEDS
from tests.support.sources import example, view_of

SEED = {"aduanas": SEEDS / "000_1c1da51579a5ffb5.txt", "ips": SEEDS / "001_c4e424ef76dc8417.txt"}


def _indicators(view) -> list[dict]:
    return [i for section in view["sections"] for i in section["indicators"]]


def _systems(view) -> list[dict]:
    return [s for section in view["sections"] for s in section["systems"]]


def test_aduanas_2024_objectives_weights_and_counts():
    view = view_of(example("2024/aduanas.yaml"))
    assert [(s["number"], s["name"], s["weight"], s["count"]) for s in view["sections"]] == [
        (1, "Gestión Eficaz", "20.00", 1),
        (2, "Eficiencia Institucional", "40.00", 2),
        (3, "Calidad de Servicio", "40.00", 2)]
    assert (view["total_weight"], view["total_count"]) == ("100.00", 5)


def test_aduanas_2024_targets_as_the_seed_prints_them():
    view = view_of(example("2024/aduanas.yaml"))
    gender, spending, digital = _indicators(view)
    assert gender["target"] == {"numerator": "3", "denominator": "8", "value": "37.5",
                                "unit": "%", "factor": 100, "unit_first": False}
    # 12.608.049 / 11.975.373 × 100 = 105.28 %, thousands grouped with dots.
    assert (spending["target"]["numerator"], spending["target"]["denominator"],
            spending["target"]["value"]) == ("12.608.049", "11.975.373", "105.28")
    assert (digital["measure_only"], digital["target"], digital["weight"]) == (True, None, "10.00")
    # Within an objective systems are numbered first, then indicators.
    assert [i["number"] for i in (gender, spending, digital)] == [1, 2, 2]
    seed = SEED["aduanas"].read_text(encoding="utf-8")
    for printed in ("37.5 %", "105.28 %", "12.608.049 / 11.975.373", "20.00", "5.00"):
        assert printed in seed


def test_aduanas_2024_system_weights_by_stage_objective():
    estado_verde, calidad = _systems(view_of(example("2024/aduanas.yaml")))
    # Estado Verde: 15 + 5 + 10 + 5 = 35, every stage objective listed, 0 where not committed.
    assert (estado_verde["name"], estado_verde["weight"], estado_verde["total"]) == (
        "Estado Verde", "35.00", "35")
    assert [[o["weight"] for o in stage["objectives"]] for stage in estado_verde["stages"]] == [
        ["15", "5"], ["10", "5"], ["0", "0"], ["0", "0"]]
    assert [[o["weight"] for o in stage["objectives"]] for stage in calidad["stages"]] == [
        ["15", "5", "5"], ["5"], ["0"], ["0", "0"]]
    assert estado_verde["stages"][0]["objectives"][0]["text"].startswith(
        "Poner en funcionamiento un marco de gobernanza")


def test_aduanas_2024_gender_measures_with_their_kinds_and_text():
    gender = view_of(example("2024/aduanas.yaml"))["gender"]
    assert (gender["indicator"], gender["count"]) == ("Medidas de Equidad de Género", 3)
    assert [m["number"] for m in gender["measures"]] == [1, 2, 3]
    assert gender["measures"][0]["kind"].startswith("Capacitación")
    # The description is Markdown rendered: its bullet list is a list.
    second = str(gender["measures"][1]["description"])
    assert second.count("<li>") == 3 and "<ul>" in second


def test_ips_2024_as_the_seed_prints_it():
    view = view_of(example("2024/ips.yaml"))
    assert [s["weight"] for s in view["sections"]] == ["25.00", "40.00", "35.00"]
    gender, spending, _digital = _indicators(view)
    # 4 of 8 measures; 131.373.642 / 111.726.656 × 100 = 117.58 %.
    assert (gender["target"]["numerator"], gender["target"]["denominator"]) == ("4", "8")
    assert (spending["target"]["value"], spending["weight"]) == ("117.58", "20.00")
    assert [(s["name"], s["weight"]) for s in _systems(view)] == [
        ("Estado Verde", "20.00"), ("Calidad de Servicio y Experiencia Usuaría", "20.00")]
    assert view["gender"]["count"] == 4
    seed = SEED["ips"].read_text(encoding="utf-8")
    assert "117.58 %" in seed and "131.373.642 / 111.726.656" in seed


@pytest.mark.parametrize("name", ["2024/aduanas.yaml", "2024/ips.yaml"])
def test_objective_weights_are_the_sums_of_their_items(name):
    view = view_of(example(name))
    for section in view["sections"]:
        items = [*section["systems"], *section["indicators"]]
        assert sum(float(i["weight"]) for i in items) == float(section["weight"])
