"""Results and work plans against their formulation: compliance by the catalog's rules, checked
against figures computed by hand, and every mismatch a located error."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from pmg_docs.checks import check_path
from pmg_docs.domain.compliance import judge
from pmg_docs.load import CatalogRegistry
from tests.support.located import assert_located, validate
from tests.support.paths import ROOT

EXAMPLES = ROOT / "examples" / "2024"

# Computed by hand from examples/2024/resultados/*.yaml and the formulations:
# (commitment, percent of target or of the system's weight, met, weight earned)
ADUANAS = [
    ("equidad-de-genero", "100.00", True, 20),       # 37.5 / 37.5
    ("estado-verde", "85.71", False, 30),            # 15 + 5 + 10 of 35 (objective 2.2 not achieved)
    ("concentracion-del-gasto", "95.28", True, 5),   # ceiling: 105.28 / 110.5 ≥ 95
    ("calidad-de-servicio-y-experiencia-usuaria", "83.33", False, 25),  # 15 + 5 + 5 of 30
    ("transformacion-digital", None, True, 10),      # Mide: reported
]
IPS = [
    ("equidad-de-genero", "100.00", True, 25),       # 50 / 50
    ("estado-verde", "75.00", False, 15),            # 5 + 5 + 5 of 20
    ("concentracion-del-gasto", "93.76", False, 0),  # 117.58 / 125.4 < 95; its cause refused
    ("calidad-de-servicio-y-experiencia-usuaria", "100.00", True, 20),
    ("transformacion-digital", None, True, 15),
]
# (overall percent, band): 90 is "Total" (≥ 90), 75 is "Parcial" (≥ 75, the boundary).
OVERALL = {"aduanas": ("90.00", "Total", 7.6), "ips": ("75.00", "Parcial", 3.8)}


def judged(name: str):
    document, diagnostics = check_path(EXAMPLES / "resultados" / f"{name}.yaml",
                                       CatalogRegistry())
    assert diagnostics == []
    return judge(document.model, document.formulation.model, document.catalog)


@pytest.mark.parametrize("name, expected", [("aduanas", ADUANAS), ("ips", IPS)])
def test_compliance_matches_the_hand_computed_table(name, expected):
    judgement = judged(name)
    got = [(j.commitment.id, str(j.percent) if j.percent is not None else None, j.met, j.earned)
           for j in judgement.items]
    assert got == expected
    percent, band, increment = OVERALL[name]
    assert judgement.percent == Decimal(percent)
    assert (judgement.band.name, judgement.band.increment) == (band, increment)
    assert judgement.earned == sum(row[3] for row in expected)


def test_an_accepted_external_cause_counts_as_met(tmp_path):
    repo = _repo(tmp_path, "ips")
    results = repo / "resultados" / "ips.yaml"
    results.write_text(results.read_text(encoding="utf-8").replace("accepted: false",
                                                                   "accepted: true"))
    document, diagnostics = check_path(results, CatalogRegistry())
    assert diagnostics == []
    judgement = judge(document.model, document.formulation.model,
                      document.catalog)
    spending = next(j for j in judgement.items if j.commitment.id == "concentracion-del-gasto")
    assert (spending.met, spending.external, spending.earned) == (True, True, 20)
    assert judgement.percent == Decimal("95.00") and judgement.band.name == "Total"


def _repo(tmp_path: Path, name: str) -> Path:
    """A repository (it has .git) with a formulation and its results and work plan."""
    (tmp_path / ".git").mkdir()
    shutil.copy(EXAMPLES / f"{name}.yaml", tmp_path / f"{name}.yaml")
    for folder in ("resultados", "programas"):
        (tmp_path / folder).mkdir()
        shutil.copy(EXAMPLES / folder / f"{name}.yaml", tmp_path / folder / f"{name}.yaml")
    return tmp_path


def _edit(path: Path, old: str, new: str) -> Path:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


# (text replaced, replacement, line, the place as the document names it, message)
RESULTS_BREAKAGES = [
    ("formulation: ../aduanas.yaml", "formulation: ../../aduanas.yaml", 6, "formulación",
     "sale del repositorio"),
    ("formulation: ../aduanas.yaml", "formulation: /etc/passwd", 6, "formulación",
     "es una ruta absoluta"),
    ("formulation: ../aduanas.yaml", "formulation: ../otra.yaml", 6, "formulación",
     "no existe el archivo «../otra.yaml»"),
    ("formulation: ../aduanas.yaml", "formulation: ../programas/aduanas.yaml", 6, "formulación",
     "es de tipo work-plan; se espera una formulación"),
    ("  - indicator: transformacion-digital", "  - indicator: concentracion-del-gasto", 25,
     "Indicador «Concentración del Gasto Subtítulos 22 + 29»", "aparece dos veces (también en la línea"),
    ("  - indicator: transformacion-digital", "  - indicator: otro-indicador", 25,
     "Indicador «otro-indicador»", "«otro-indicador» no está comprometido en la formulación"),
    ("value: 110.5}", "value: 110.6}", 19, "Indicador «Concentración del Gasto Subtítulos 22 + 29» › resultado efectivo › valor",
     "13232783 / 11975373 × 100 = 110.50"),
    ("      - {stage: 2, achieved: []}", "      - {stage: 3, achieved: []}", 41,
     "Sistema «Calidad de Servicio y Experiencia Usuaría» › Etapa 3",
     "la etapa 3 no tiene objetivos comprometidos"),
    ("{stage: 2, achieved: [1]}", "{stage: 2, achieved: [1, 3]}", 34,
     "Sistema «Estado Verde» › Etapa 2 › Objetivo 3", "el objetivo 3 de la etapa 2 no está comprometido"),
    ("  - commitment: estado-verde", "  - commitment: equidad", 44,
     "Causa externa N°1 › compromiso", "«equidad» no está comprometido"),
]


@pytest.mark.parametrize("old, new, line, path, message", RESULTS_BREAKAGES,
                         ids=[b[4][:30] for b in RESULTS_BREAKAGES])
def test_a_broken_results_file_gets_a_located_error(tmp_path, old, new, line, path, message):
    results = _edit(_repo(tmp_path, "aduanas") / "resultados" / "aduanas.yaml", old, new)
    assert_located(validate(results), "aduanas.yaml", line, path, message)


def test_a_commitment_left_unanswered_names_where_the_formulation_commits_it(tmp_path):
    repo = _repo(tmp_path, "aduanas")
    results = repo / "resultados" / "aduanas.yaml"
    text = results.read_text(encoding="utf-8")
    start = text.index("  - indicator: transformacion-digital")
    end = text.index("systems:")
    results.write_text(text[:start] + "\n" + text[end:], encoding="utf-8")
    assert_located(validate(results), "aduanas.yaml", 8, "indicadores",
                   "falta el resultado de «Transformación Digital» (transformacion-digital), "
                   "que la formulación compromete (")


def test_results_of_a_formulation_with_errors_say_so_at_formulation(tmp_path):
    repo = _repo(tmp_path, "aduanas")
    _edit(repo / "aduanas.yaml", "    weight: 20\n", "    weight: 25\n")
    assert_located(validate(repo / "resultados" / "aduanas.yaml"), "aduanas.yaml", 6,
                   "formulación", "la formulación tiene 2 errores")


def test_without_a_repository_the_results_folder_is_the_limit(tmp_path):
    # No .git nor pmg.toml above: `../aduanas.yaml` leaves the results file's folder.
    shutil.copy(EXAMPLES / "aduanas.yaml", tmp_path / "aduanas.yaml")
    (tmp_path / "resultados").mkdir()
    shutil.copy(EXAMPLES / "resultados" / "aduanas.yaml", tmp_path / "resultados")
    if any((parent / marker).exists() for parent in tmp_path.parents
           for marker in (".git", "pmg.toml")):
        pytest.skip("the temporary folder lies inside a repository")
    assert_located(validate(tmp_path / "resultados" / "aduanas.yaml"), "aduanas.yaml", 6,
                   "formulación", "sale del repositorio")


WORK_PLAN_BREAKAGES = [
    ("  - measure: 3\n", "  - measure: 4\n", 33, "Medida de género N°4",
     "la formulación lista 3 medidas de género; se espera un número de 1 a 3"),
    ("        end: 2024-04-30\n", "        end: 2024-02-28\n", 13,
     "Medida de género N°1 › Actividad N°1 › término", "termina el 2024-02-28, antes de comenzar"),
    ("        start: 2024-03-01\n", "        start: 2023-12-01\n", 12,
     "Medida de género N°1 › Actividad N°1 › inicio", "2023-12-01 no es del año 2024"),
    ("  - system: estado-verde", "  - system: otro-sistema", 48, "Sistema «otro-sistema»",
     "«otro-sistema» no está comprometido en la formulación"),
    ("        objective: 2\n        start: 2024-09-01", "        objective: 3\n        start: 2024-09-01",
     73, "Sistema «Estado Verde» › Actividad N°4 › objetivo",
     "el objetivo 3 de la etapa 2 no está comprometido"),
]


@pytest.mark.parametrize("old, new, line, path, message", WORK_PLAN_BREAKAGES,
                         ids=[b[4][:30] for b in WORK_PLAN_BREAKAGES])
def test_a_broken_work_plan_gets_a_located_error(tmp_path, old, new, line, path, message):
    plan = _edit(_repo(tmp_path, "aduanas") / "programas" / "aduanas.yaml", old, new)
    assert_located(validate(plan), "aduanas.yaml", line, path, message)


def test_a_work_plan_must_plan_every_measure_and_system(tmp_path):
    plan = _repo(tmp_path, "aduanas") / "programas" / "aduanas.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text[:text.index("  - system: calidad-de-servicio")], encoding="utf-8")
    assert_located(validate(plan), "aduanas.yaml", 47, "sistemas",
                   "falta el plan del sistema «Calidad de Servicio y Experiencia Usuaría»")


def test_the_examples_validate_clean():
    for folder in ("resultados", "programas"):
        for path in sorted((EXAMPLES / folder).glob("*.yaml")):
            assert check_path(path, CatalogRegistry())[1] == [], path


@pytest.mark.parametrize("kind", ["results", "work-plan", "monthly-report"])
def test_pmg_new_writes_a_file_that_asks_for_its_formulation(tmp_path, kind):
    from click.testing import CliRunner

    from pmg_docs.cli import main

    (tmp_path / ".git").mkdir()
    (tmp_path / "resultados").mkdir()
    target = tmp_path / "resultados" / "nuevo.yaml"
    result = CliRunner().invoke(main, ["new", kind, "--catalog", "pmg-2024", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert f"kind: {kind}" in target.read_text(encoding="utf-8")
    line = target.read_text(encoding="utf-8").splitlines().index(
        "formulation: ../FORMULACION.yaml") + 1
    assert_located(validate(target), "nuevo.yaml", line, "formulación",
                   "no existe el archivo «../FORMULACION.yaml»")
