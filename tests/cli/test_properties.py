"""Property tests: generated valid formulations validate and render; mutated ones never crash."""

from __future__ import annotations

import copy
import io

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from pmg_docs.cli import main
from pmg_docs.load.catalogs import CatalogRegistry
from pmg_docs.numbers import rounded

CATALOG = CatalogRegistry().get("pmg-2024").model


def slow(max_examples: int):
    return settings(deadline=None, max_examples=max_examples,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


def _dump(data) -> str:
    stream = io.StringIO()
    yaml = YAML(typ="safe", pure=True)
    # Block style, as staff write: libyaml reads some plain scalars in flow style ("{a: 0?}")
    # differently from ruamel's pure emitter.
    yaml.default_flow_style = False
    yaml.dump(data, stream)
    return stream.getvalue()


def _slots(systems: list[str], indicators: list[str]) -> list[tuple]:
    """Every place a weight goes: (objective index, kind, id, stage number or None, objective
    position or None); systems spread over the three objectives, indicators too."""
    slots = []
    for number, system_id in enumerate(systems):
        for stage in CATALOG.system(system_id).stages:
            for position, _ in enumerate(stage.objectives):
                slots.append((number % 3, "system", system_id, stage.number, position))
    for number, indicator_id in enumerate(indicators):
        slots.append(((number + 1) % 3, "indicator", indicator_id, None, None))
    return slots


def _composition_of_100(draw, parts: int) -> list[int]:
    """`parts` integers from 0 that add up to 100."""
    cuts = sorted(draw(st.lists(st.integers(0, 100), min_size=parts - 1, max_size=parts - 1)))
    return [b - a for a, b in zip([0, *cuts], [*cuts, 100])]


def _system_entry(ident: str) -> dict:
    return {"system": ident, "weight": 0, "stages": [
        {"stage": s.number, "weights": [0] * len(s.objectives)}
        for s in CATALOG.system(ident).stages]}


def _indicator_entry(draw, ident: str, weight: int, measures_count: int) -> dict:
    indicator = CATALOG.indicator(ident)
    item = {"indicator": ident, "weight": weight}
    if indicator.counts_gender_measures:
        item["target"] = {"numerator": measures_count, "denominator": 8,
                          "value": round(measures_count / 8 * 100, 1)}
    elif draw(st.booleans()):
        item["measure_only"] = True
    else:
        numerator = draw(st.integers(0, 10**9))
        denominator = draw(st.integers(1, 10**9))
        # Stated as the service would: rounded half-up at the marco's decimals.
        item["target"] = {"numerator": numerator, "denominator": denominator,
                          "value": float(rounded(numerator / denominator * 100,
                                                   indicator.target_decimals))}
    return item


def _without_empty_lists(objectives: list[dict]) -> list[dict]:
    kept = []
    for objective in objectives:
        for section in ("systems", "indicators"):
            if not objective[section]:
                del objective[section]
        if "systems" in objective or "indicators" in objective:
            kept.append(objective)
    return kept


@st.composite
def formulations(draw):
    """A formulation that obeys every rule: weights are a random composition of 100."""
    systems = draw(st.permutations([s.id for s in CATALOG.systems]))
    indicators = draw(st.permutations([i.id for i in CATALOG.indicators]))
    slots = _slots(systems, indicators)
    weights = _composition_of_100(draw, len(slots))
    objectives = [{"objective": o.id, "weight": 0, "systems": [], "indicators": []}
                  for o in CATALOG.objectives]
    system_entries: dict[str, dict] = {}
    measures_count = draw(st.integers(0, 8))
    for (objective, kind, ident, stage, position), weight in zip(slots, weights):
        target = objectives[objective]
        target["weight"] += weight
        if kind == "system":
            if ident not in system_entries:
                system_entries[ident] = _system_entry(ident)
                target["systems"].append(system_entries[ident])
            system_entries[ident]["weight"] += weight
            system_entries[ident]["stages"][stage - 1]["weights"][position] = weight
        else:
            target["indicators"].append(_indicator_entry(draw, ident, weight, measures_count))
    kinds = [k.id for k in CATALOG.gender_measure_kinds]
    text = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")),
                   min_size=1, max_size=200).filter(lambda t: t.strip())
    measures = [{"kind": draw(st.sampled_from(kinds)), "description": draw(text)}
                for _ in range(measures_count)]
    return {
        "kind": "formulation", "catalog": "pmg-2024",
        "service": {"ministry": draw(text), "partida": "08", "name": draw(text), "chapter": "04"},
        "objectives": _without_empty_lists(objectives),
        "gender_measures": measures,
    }


@pytest.mark.slow
@slow(60)
@given(formulations())
def test_generated_formulations_validate(tmp_path_factory, data):
    source = tmp_path_factory.mktemp("gen") / "f.yaml"
    source.write_text(_dump(data), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(source)])
    # A marco objective may be left without items: that is a warning, not an error.
    assert result.exit_code == 0, result.output


@pytest.mark.slow
@slow(4)
@given(formulations())
def test_generated_formulations_render_both_formats(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("genr")
    source = folder / "f.yaml"
    source.write_text(_dump(data), encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(source), "-o", str(folder / "out")])
    assert result.exit_code == 0, result.output
    assert (folder / "out" / "f.pdf").stat().st_size > 0
    assert (folder / "out" / "f.docx").stat().st_size > 0


JUNK = st.one_of(st.none(), st.booleans(), st.integers(-10**30, 10**30),
                 st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30),
                 st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5),
                                                                     st.integers(), max_size=2))


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, prefix + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, prefix + (index,))


def _apply(data, path, action, junk):
    if not path:
        return junk
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if action == "delete":
        del parent[last]
    elif action == "duplicate" and isinstance(parent, list):
        parent.insert(last, copy.deepcopy(parent[last]))
    else:
        parent[last] = junk
    return data


@st.composite
def mutations(draw, base):
    data = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 3))):
        paths = list(_paths(data))
        path = draw(st.sampled_from(paths))
        action = draw(st.sampled_from(["replace", "delete", "duplicate"]))
        # NaN and infinity are written as .nan / .inf: exactly what a hostile file would hold.
        data = _apply(data, path, action, draw(JUNK))
    return data


def _base(root):
    from pmg_docs.load.located_yaml import load_yaml

    return load_yaml(root / "examples" / "2024" / "ips.yaml").data


@pytest.mark.slow
@slow(120)
@given(data=st.data())
def test_mutated_formulations_never_crash(tmp_path_factory, root, data):
    mutated = data.draw(mutations(_base(root)))
    folder = tmp_path_factory.mktemp("mut")
    source = folder / "m.yaml"
    source.write_text(_dump(mutated), encoding="utf-8")
    # DOCX only: the same validation and HTML as the PDF, at a fraction of the cost.
    result = CliRunner().invoke(main, ["render", str(source), "--format", "docx",
                                       "-o", str(folder / "out")])
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        repr(result.exception))
    if result.exit_code == 1:
        assert not (folder / "out").exists() or not any((folder / "out").iterdir())
