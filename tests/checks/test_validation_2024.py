"""Broken 2024 formulations: each gets its located message, exit 1, no traceback, no output."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from pmg_docs.cli import main
from tests.support.located import assert_located, validate
from tests.support.paths import DATA

BROKEN = DATA / "broken" / "2024"

# file -> (line, field path, part of the message). One case per rule, plus shape errors.
CASES = {
    "objective-weights-total": (10, "objetivos", "las ponderaciones de los objetivos suman 105.00 (25.00 + 40.00 + 40.00); se espera 100.00"),
    "objective-weight-not-sum": (19, "Objetivo N°2 › ponderación", "la ponderación es 45.00, pero sus indicadores y sistemas suman 40.00 (35.00 + 5.00); se espera que sean iguales"),
    "system-weight-not-sum": (22, "Objetivo N°2 › Sistema «Estado Verde» › ponderación", "la ponderación es 30.00, pero sus objetivos de etapa suman 35.00; se espera que sean iguales"),
    "target-percent-wrong": (32, "Objetivo N°2 › Indicador «Concentración del Gasto Subtítulos 22 + 29» › meta › valor", "el valor es 105.29, pero 12608049 / 11975373 × 100 = 105.28; se espera que coincidan con 2 decimales"),
    "gender-count": (16, "Objetivo N°1 › Indicador «Medidas de Equidad de Género» › meta › numerador", "el numerador es 4, pero hay 3 medidas de género en `gender_measures`; se espera una medida por unidad del numerador de «Medidas de Equidad de Género»"),
    "unknown-objective": (11, "Objetivo N°1", "«gestion-eficas» no es un objetivo de gestión del catálogo pmg-2024; ¿quiso decir «gestion-eficaz»? Se espera uno de: gestion-eficaz"),
    "unknown-system": (21, "Objetivo N°2 › Sistema «estado-azul»", "«estado-azul» no es un sistema del catálogo pmg-2024"),
    "unknown-indicator": (45, "Objetivo N°3 › Indicador «transformacion-analoga»", "«transformacion-analoga» no es un indicador del catálogo pmg-2024"),
    "unknown-measure-kind": (51, "Medida de género N°1 › tipo", "«capacitaciones» no es un tipo de medida de género del catálogo pmg-2024"),
    "unknown-stage": (28, "Objetivo N°2 › Sistema «Estado Verde» › Etapa 5", "el sistema «Estado Verde» no tiene etapa 5; se espera una de: 1, 2, 3, 4"),
    "stage-weight-count": (41, "Objetivo N°3 › Sistema «Calidad de Servicio y Experiencia Usuaría» › Etapa 2 › ponderaciones", "ponderaciones escritas: 2; la etapa 2 de «Calidad de Servicio y Experiencia Usuaría» tiene un solo objetivo: se espera una ponderación"),
    "duplicate-indicator": (45, "Objetivo N°3 › Indicador «Concentración del Gasto Subtítulos 22 + 29»", "«concentracion-del-gasto» aparece dos veces (también en la línea 30)"),
    "zero-denominator": (32, "Objetivo N°2 › Indicador «Concentración del Gasto Subtítulos 22 + 29» › meta › denominador", "el denominador es 0; se espera un número mayor que 0"),
    "fixed-denominator": (16, "Objetivo N°1 › Indicador «Medidas de Equidad de Género» › meta › denominador", "el marco lo fija en 8"),
    "weight-out-of-range": (46, "Objetivo N°3 › Indicador «Transformación Digital» › ponderación", "se encontró 110; se espera un valor de 100 o menos"),
    "nan-weight": (46, "Objetivo N°3 › Indicador «Transformación Digital» › ponderación", "se espera un número finito"),
    "wrong-type": (22, "Objetivo N°2 › Sistema «Estado Verde» › ponderación", "se encontró el texto «35» (entre comillas); se espera un número: escríbalo sin comillas, 35"),
    "unknown-key": (9, "Servicio › `region`", "campo desconocido"),
    "missing-field": (4, "Servicio › ministerio", "falta este campo obligatorio"),
    "target-and-mide": (47, "Objetivo N°3 › Indicador «Transformación Digital» › solo mide", "no ambos"),
    "unknown-catalog": (3, "catálogo", "«pmg-2042» no es un catálogo; ¿quiso decir «pmg-2024»? Se espera uno de:"),
    "malformed-yaml": (20, None, "YAML mal formado: se espera un elemento de lista («- ») con la misma sangría que los anteriores"),
    "duplicate-key": (7, "service", "la clave «partida» está repetida (la primera vez en la línea 6)"),
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
    assert "nope.yaml: no se encontró el archivo" in result.stdout


def test_all_errors_of_a_folder_in_one_run():
    result = CliRunner().invoke(main, ["validate", str(BROKEN)])
    assert result.exit_code == 1
    reported = {line.split(":")[0] for line in result.stdout.splitlines() if ".yaml:" in line}
    assert len(reported) == len(CASES)


def test_examples_and_catalogs_are_clean(root):
    result = CliRunner().invoke(main, ["validate", str(root / "examples"), str(root / "catalogs")])
    assert result.exit_code == 0, result.output
    assert "sin errores, 0 avisos" in result.output


def test_strict_turns_warnings_into_errors(tmp_path, root):
    text = (root / "examples" / "2024" / "aduanas.yaml").read_text(encoding="utf-8")
    source = tmp_path / "no-value.yaml"
    source.write_text(text.replace(", value: 105.28}", "}"), encoding="utf-8")
    relaxed = CliRunner().invoke(main, ["validate", str(source)])
    assert relaxed.exit_code == 0
    assert "aviso: sin valor declarado; el documento imprimirá el calculado, 105.28" in relaxed.stdout
    strict = CliRunner().invoke(main, ["validate", "--strict", str(source)])
    assert strict.exit_code == 1


@pytest.mark.slow
def test_real_process_exit_code_and_no_traceback():
    """The installed command, in its own process: exit 1, the report on stdout, nothing on
    stderr."""
    completed = subprocess.run(
        [sys.executable, "-m", "pmg_docs.cli", "validate", str(BROKEN / "gender-count.yaml")],
        capture_output=True, text=True, check=False)
    assert completed.returncode == 1
    assert completed.stderr == ""
    assert completed.stdout.splitlines()[0].endswith(
        "se espera una medida por unidad del numerador de «Medidas de Equidad de Género»")


def test_a_missing_target_names_the_keys_as_they_are_written(tmp_path, monkeypatch):
    # Naming the parts in Spanish alone led a user to write `numerador:`: the message gives the
    # keys as the source spells them, and their Spanish names beside them.
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    new = runner.invoke(main, ["new", "formulation", "--catalog", "pmg-2024", "--service", "X",
                               "-o", "x.yaml"])
    assert new.exit_code == 0, new.output
    result = runner.invoke(main, ["validate", "x.yaml"])
    assert result.exit_code == 1
    assert "x.yaml:56: Objetivo N°2 › Indicador «Concentración del Gasto Subtítulos 22 + 29»: " \
        "no tiene meta; se espera `target:` con `numerator:` y `denominator:` (numerador y " \
        "denominador), o `measure_only: true` (Mide)" in result.stdout.splitlines()
