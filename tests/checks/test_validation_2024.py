"""Broken 2024 formulations: each gets its located message, exit 1, no traceback, no output."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import DATA
from located import assert_located, validate

from pmg_docs.cli import main

BROKEN = DATA / "broken" / "2024"

# file -> (line, field path, part of the message). One case per rule, plus shape errors.
CASES = {
    "objective-weights-total": (10, "objectives", "las ponderaciones de los objetivos suman 105.00 (25.00 + 40.00 + 40.00); se espera 100.00"),
    "objective-weight-not-sum": (19, "objectives[1].weight", "weight is 45.00 but its indicators and systems add up to 40.00 (35.00 + 5.00)"),
    "system-weight-not-sum": (22, "objectives[1].systems[0].weight", "weight is 30.00 but its stage objectives add up to 35.00"),
    "target-percent-wrong": (32, "objectives[1].indicators[0].target.value", "el valor es 105.29, pero 12608049 / 11975373 × 100 = 105.28; se espera que coincidan con 2 decimales"),
    "gender-count": (16, "objectives[0].indicators[0].target.numerator", "numerator is 4 but 3 gender measures are listed"),
    "unknown-objective": (11, "objectives[0].objective", "«gestion-eficas» no es un objetivo de gestión del catálogo pmg-2024; se espera uno de: gestion-eficaz"),
    "unknown-system": (21, "objectives[1].systems[0].system", "«estado-azul» no es un sistema del catálogo pmg-2024"),
    "unknown-indicator": (45, "objectives[2].indicators[0].indicator", "«transformacion-analoga» no es un indicador del catálogo pmg-2024"),
    "unknown-measure-kind": (51, "gender_measures[0].kind", "«capacitaciones» no es un tipo de medida de género del catálogo pmg-2024"),
    "unknown-stage": (28, "objectives[1].systems[0].stages[3].stage", "system 'Estado Verde' has no stage 5"),
    "stage-weight-count": (41, "objectives[2].systems[0].stages[1].weights", "2 weights given; stage 2 of 'Calidad de Servicio y Experiencia Usuaría' has 1 objectives"),
    "duplicate-indicator": (45, "objectives[2].indicators[0].indicator", "«concentracion-del-gasto» aparece dos veces (también en la línea 30)"),
    "zero-denominator": (32, "objectives[1].indicators[0].target.denominator", "denominator is 0; expected a number above 0"),
    "fixed-denominator": (16, "objectives[0].indicators[0].target.denominator", "the marco fixes it at 8"),
    "weight-out-of-range": (46, "objectives[2].indicators[0].weight", "got 110; expected a value at most 100"),
    "nan-weight": (46, "objectives[2].indicators[0].weight", "expected a finite number"),
    "wrong-type": (22, "objectives[1].systems[0].weight", "got '35'; expected a number"),
    "unknown-key": (9, "service.region", "unknown field"),
    "missing-field": (4, "service.ministry", "required field is missing"),
    "target-and-mide": (47, "objectives[2].indicators[0].measure_only", "not both"),
    "unknown-catalog": (3, "catalog", "«pmg-2042» no es un catálogo; se espera uno de:"),
    "malformed-yaml": (20, None, "malformed YAML"),
    "duplicate-key": (7, None, "duplicate key 'partida'"),
}


def test_every_fixture_has_a_case():
    assert {p.stem for p in BROKEN.glob("*.yaml")} == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_validate_reports_located_error(name):
    assert_located(validate(BROKEN / f"{name}.yaml"), f"{name}.yaml", *CASES[name])


@pytest.mark.parametrize("name", ["gender-count", "malformed-yaml", "unknown-key"])
def test_render_of_invalid_source_writes_nothing(tmp_path, name):
    result = CliRunner().invoke(main, ["render", str(BROKEN / f"{name}.yaml"), "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert list(tmp_path.iterdir()) == []


def test_missing_file(tmp_path):
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 1
    assert "nope.yaml: file not found" in result.stderr


def test_all_errors_of_a_folder_in_one_run():
    result = CliRunner().invoke(main, ["validate", str(BROKEN)])
    assert result.exit_code == 1
    reported = {line.split(":")[0] for line in result.stderr.splitlines() if ".yaml:" in line}
    assert len(reported) == len(CASES)


def test_examples_and_catalogs_are_clean(root):
    result = CliRunner().invoke(main, ["validate", str(root / "examples"), str(root / "catalogs")])
    assert result.exit_code == 0, result.output
    assert "no errors, 0 warning(s)" in result.output


def test_strict_turns_warnings_into_errors(tmp_path, root):
    text = (root / "examples" / "2024" / "aduanas.yaml").read_text(encoding="utf-8")
    source = tmp_path / "no-value.yaml"
    source.write_text(text.replace(", value: 105.28}", "}"), encoding="utf-8")
    relaxed = CliRunner().invoke(main, ["validate", str(source)])
    assert relaxed.exit_code == 0
    assert "warning: sin valor declarado; el documento imprimirá el calculado, 105.28" in relaxed.stderr
    strict = CliRunner().invoke(main, ["validate", "--strict", str(source)])
    assert strict.exit_code == 1


def test_real_process_exit_code_and_no_traceback():
    """The installed command, in its own process: exit 1 and only located lines on stderr."""
    completed = subprocess.run(
        [sys.executable, "-m", "pmg_docs.cli", "validate", str(BROKEN / "gender-count.yaml")],
        capture_output=True, text=True, check=False)
    assert completed.returncode == 1
    assert "Traceback" not in completed.stderr
    assert completed.stderr.splitlines()[0].endswith(
        "expected one measure per unit of the numerator of 'Medidas de Equidad de Género'")
