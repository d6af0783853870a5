"""The year's folder read whole: one catalog, one results file per formulation, and a
formulation without results listed apart."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pmg_docs.diagnostics import InputError, Severity
from pmg_docs.load import CatalogRegistry
from pmg_docs.views.year import consolidate

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "2024"


def _year(tmp_path: Path, *names: str) -> Path:
    """A repository holding the 2024 example files `names` (relative to examples/2024)."""
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / "pmg.toml").write_text("", encoding="utf-8")  # results name ../FILE inside it
    for name in names:
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(EXAMPLES / name, target)
    return tmp_path


def test_services_come_in_budget_order_with_their_results(tmp_path):
    year = consolidate(_year(tmp_path, "aduanas.yaml", "ips.yaml", "resultados/aduanas.yaml",
                             "resultados/ips.yaml"), CatalogRegistry())
    assert year.catalog.id == "pmg-2024"
    assert [s.formulation.source.path.name for s in year.services] == ["aduanas.yaml", "ips.yaml"]
    assert all(s.results is not None and s.judgement is not None for s in year.services)
    assert year.diagnostics == []


def test_a_formulation_without_results_is_listed_apart(tmp_path):
    year = consolidate(_year(tmp_path, "aduanas.yaml", "ips.yaml", "resultados/aduanas.yaml"),
                       CatalogRegistry())
    assert [s.formulation.source.path.name for s in year.judged] == ["aduanas.yaml"]
    [warning] = year.diagnostics
    assert warning.severity is Severity.WARNING and warning.file.endswith("ips.yaml")
    assert warning.message.startswith("sin informe de resultados en la carpeta")


def test_two_results_files_for_one_formulation_are_refused(tmp_path):
    folder = _year(tmp_path, "aduanas.yaml", "resultados/aduanas.yaml")
    shutil.copyfile(folder / "resultados" / "aduanas.yaml", folder / "resultados" / "otra.yaml")
    with pytest.raises(InputError) as raised:
        consolidate(folder, CatalogRegistry())
    [problem] = raised.value.diagnostics
    assert problem.message.endswith("resultados/aduanas.yaml ya informa los resultados de esta "
                                    "formulación; se espera un solo informe por servicio")
    assert problem.file.endswith("otra.yaml")


def test_a_folder_without_formulations_or_results_is_refused(tmp_path):
    _year(tmp_path, "programas/aduanas.yaml")
    with pytest.raises(InputError) as raised:
        consolidate(tmp_path, CatalogRegistry())
    [problem] = raised.value.diagnostics
    assert problem.message.startswith("no hay formulaciones ni resultados en la carpeta")


def test_a_catalog_that_does_not_judge_results_is_refused_for_formulations_alone(tmp_path):
    # Results files are refused by their own check; a year of formulations alone used to reach
    # the report's incentive bands and end in an internal error (exit 3).
    catalogs = tmp_path / "catalogs"
    catalogs.mkdir()
    text = (EXAMPLES.parents[1] / "catalogs" / "pmg-2024.yaml").read_text(encoding="utf-8")
    start = text.index("\n  compliance:\n")
    end = text.index("\n\n", start)
    text = (text[:start] + text[end:]).replace("id: pmg-2024\n", "id: sin-tramos\n", 1)
    (catalogs / "sin-tramos.yaml").write_text(text, encoding="utf-8")
    folder = _year(tmp_path / "year")
    formulation = (EXAMPLES / "aduanas.yaml").read_text(encoding="utf-8")
    (folder / "aduanas.yaml").write_text(
        formulation.replace("catalog: pmg-2024\n", "catalog: sin-tramos\n"), encoding="utf-8")
    with pytest.raises(InputError) as raised:
        consolidate(folder, CatalogRegistry((catalogs,)))
    [problem] = raised.value.diagnostics
    assert problem.file.endswith("sin-tramos.yaml")
    assert problem.path == ("rules",)
    assert problem.line == text.splitlines().index("rules:") + 1
    assert problem.message == (
        "el catálogo sin-tramos no dice cómo se juzgan los resultados; se espera "
        "`rules.compliance` en él (umbral de cumplimiento y tramos de incentivo)")
