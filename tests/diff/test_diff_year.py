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
        "  Estado Verde › etapa 2 › objetivo logrado 2: se agrega: 2\n"
        "  Calidad de Servicio y Experiencia Usuaría › etapa 2 › objetivo logrado 1: se agrega: 1\n"
        "1 archivo comparado, 1 con cambios de contenido\n")


def test_work_plan(folder, monkeypatch):
    files = versions(folder, "programas",
                     ("        end: 2024-04-30\n", "        end: 2024-05-15\n"),
                     ("        unit: Departamento de Comunicaciones\n",
                      "        unit: Departamento de Comunicaciones y Prensa\n"))
    assert diff(files, folder, monkeypatch) == (
        "programas/antes.yaml → programas/ahora.yaml (programa de trabajo · pmg-2024)\n"
        "  medida de género 1 › actividad 1: término 2024-04-30 → 2024-05-15\n"
        "  medida de género 2 › actividad 2: unidad responsable Departamento de Comunicaciones → "
        "Departamento de Comunicaciones y Prensa\n"
        "1 archivo comparado, 1 con cambios de contenido\n")


def test_results_in_english(folder, monkeypatch):
    monkeypatch.setenv("PMG_LANG", "en")
    output = diff(versions(folder, "resultados", *RESULTS_EDITS), folder, monkeypatch)
    assert output.splitlines()[:3] == [
        "resultados/antes.yaml → resultados/ahora.yaml (compliance report · pmg-2024)",
        "  Transformación Digital: effective result 78.85 % (41 / 52) → 80.77 % (42 / 52)",
        "  Estado Verde › stage 2 › objective achieved 2: added: 2",
    ]
