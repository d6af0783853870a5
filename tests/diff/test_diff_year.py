"""`pmg diff` of the year's newer kinds speaks as the others do: the file is called by its kind's
noun and every field by its title in the models, in Spanish (English with PMG_LANG=en)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pmg_docs.cli import main

ROOT = Path(__file__).resolve().parents[2]
YEAR = ROOT / "examples" / "2024"


@pytest.fixture
def folder(tmp_path) -> Path:
    """A repository holding the formulation that results and work plans name."""
    (tmp_path / "pmg.toml").write_text("", encoding="utf-8")
    shutil.copy(YEAR / "aduanas.yaml", tmp_path / "aduanas.yaml")
    return tmp_path


def versions(folder: Path, kind_folder: str, *replacements: tuple[str, str]) -> list[str]:
    """`kind_folder/antes.yaml` as in the examples and `kind_folder/ahora.yaml` edited."""
    (folder / kind_folder).mkdir()
    old, new = folder / kind_folder / "antes.yaml", folder / kind_folder / "ahora.yaml"
    shutil.copy(YEAR / kind_folder / "aduanas.yaml", old)
    text = old.read_text(encoding="utf-8")
    for before, after in replacements:
        assert before in text, before
        text = text.replace(before, after, 1)
    new.write_text(text, encoding="utf-8")
    return [str(old), str(new)]


def diff(files: list[str], folder: Path, monkeypatch) -> str:
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(main, ["diff", *(str(Path(f).relative_to(folder)) for f in files)])
    assert result.exit_code == 1, result.output
    return result.output


RESULTS_EDITS = (
    ("effective: {numerator: 41, denominator: 52, value: 78.85}",
     "effective: {numerator: 42, denominator: 52, value: 80.77}"),
    ("      - {stage: 2, achieved: [1]}", "      - {stage: 2, achieved: [1, 2]}"),
    ("      - {stage: 2, achieved: []}", "      - {stage: 2, achieved: [1]}"),
)


def test_results(folder, monkeypatch):
    assert diff(versions(folder, "resultados", *RESULTS_EDITS), folder, monkeypatch) == (
        "resultados/antes.yaml → resultados/ahora.yaml (informe de cumplimiento · pmg-2024)\n"
        "  Transformación Digital: resultado efectivo 78.85 % (41 / 52) → 80.77 % (42 / 52)\n"
        "  Estado Verde › etapa 2: objetivos logrados 1 → 1, 2\n"
        "  Calidad de Servicio y Experiencia Usuaría › etapa 2: objetivos logrados ninguno → 1\n"
        "1 archivo comparado, 1 con cambios de contenido\n")


def test_work_plan(folder, monkeypatch):
    files = versions(folder, "programas",
                     ("        end: 2024-04-30\n", "        end: 2024-05-15\n"),
                     ("        unit: Departamento de Comunicaciones\n",
                      "        unit: Departamento de Comunicaciones y Prensa\n"))
    assert diff(files, folder, monkeypatch) == (
        "programas/antes.yaml → programas/ahora.yaml (programa de trabajo · pmg-2024)\n"
        "  medida 1 › actividad 1: término 30 de abril de 2024 → 15 de mayo de 2024\n"
        "  medida 2 › actividad 2: unidad responsable Departamento de Comunicaciones → "
        "Departamento de Comunicaciones y Prensa\n"
        "1 archivo comparado, 1 con cambios de contenido\n")


def test_results_in_english(folder, monkeypatch):
    monkeypatch.setenv("PMG_LANG", "en")
    output = diff(versions(folder, "resultados", *RESULTS_EDITS), folder, monkeypatch)
    assert output.splitlines()[:3] == [
        "resultados/antes.yaml → resultados/ahora.yaml (compliance report · pmg-2024)",
        "  Transformación Digital: effective result 78.85 % (41 / 52) → 80.77 % (42 / 52)",
        "  Estado Verde › stage 2: objectives achieved 1 → 1, 2",
    ]


def _model_names() -> set[str]:
    """The models' own (English) names, which a diff must never print."""
    import inspect

    from pydantic import BaseModel

    from pmg_docs import models
    from pmg_docs.models import areas, catalog, circular, indicadores, objetivos, results, work_plan

    modules = (models, areas, catalog, circular, indicadores, objetivos, results, work_plan)
    return {name for module in modules for name, cls in inspect.getmembers(module, inspect.isclass)
            if issubclass(cls, BaseModel) and len(name) > 3}


def _speaks_spanish(output: str) -> None:
    import re

    # (The first line names the two files compared.)
    words = set(re.findall(r"[A-Za-z_]+", "\n".join(output.splitlines()[1:])))
    assert not words & _model_names(), output
    assert not [w for w in words if "_" in w], output


def test_a_work_plan_activity_removed_is_named_by_its_text(folder, monkeypatch):
    files = versions(folder, "programas", (
        "      - activity: Informe estadístico comparativo y su publicación\n"
        "        start: 2024-08-01\n        end: 2024-12-13\n"
        "        unit: Departamento de Estudios\n"
        "        evidence: [Informe publicado en el sitio web de Aduanas]\n", ""),
        ("        stage: 1\n        objective: 2\n", "        stage: 1\n        objective: 1\n"))
    output = diff(files, folder, monkeypatch)
    assert output.splitlines()[1:3] == [
        "  medida 3 › actividad 2: se quita (era: «Informe estadístico comparativo y su "
        "publicación»)",
        "  Estado Verde › actividad 2: objetivo 2 → 1"]
    _speaks_spanish(output)


def test_results_changed_everywhere_speak_spanish(folder, monkeypatch):
    output = diff(versions(folder, "resultados", *RESULTS_EDITS, (
        "      - Informe de cierre de cada medida, con sus listas de asistencia\n", ""), (
        "      Las tres medidas comprometidas se implementaron en el año.\n",
        "      Las cuatro medidas comprometidas se implementaron en el año.\n")),
        folder, monkeypatch)
    assert "Medidas de Equidad de Género › medio de verificación: se quita (era: Informe de " \
        "cierre de cada medida, con sus listas de asistencia)" in output
    _speaks_spanish(output)


@pytest.mark.parametrize("source, before, after", [
    ("2011/osorno.yaml", "priority: menor, weight: 6}", "priority: mediana, weight: 6}"),
    ("2025/ips-indicadores.yaml", "value: 12.5}", "value: 13.0}"),
    ("2025/superintendencia-de-salud-mei.yaml", "numerator: 2, denominator: 8, value: 25.0}",
     "numerator: 3, denominator: 8, value: 37.5}"),
])
def test_formulations_of_every_format_speak_spanish(tmp_path, monkeypatch, source, before,
                                                     after):
    old = ROOT / "examples" / source
    text = old.read_text(encoding="utf-8")
    assert before in text
    new = tmp_path / old.name
    new.write_text(text.replace(before, after, 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(old), str(new)])
    assert result.exit_code == 1, result.output
    assert len(result.output.splitlines()) == 3, result.output
    _speaks_spanish(result.output)
