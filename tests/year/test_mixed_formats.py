"""A year whose services formulate in several formats (issue 25): the PMG's by objectives, a
Formulario H of performance indicators and a marco by areas, each against a catalog of the same
year, each with its results. `pmg report` consolidates all of them, each service judged by its
own catalog's rules (in the PDF, the DOCX and the workbook); `pmg export` and `pmg import xlsx`
carry every one."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from pmg_docs.cli import main
from pmg_docs.load import CatalogRegistry, load_document
from tests.support.doc_text import pdf_pages_text
from tests.support.paths import ROOT

pytestmark = pytest.mark.slow  # renders the year's report in three formats

EXAMPLES = ROOT / "examples"


def _retyped(source: Path, target: Path, old: str, new: str) -> None:
    text = source.read_text(encoding="utf-8")
    target.write_text(re.sub(rf"(?m)^{old}$", new, text, count=1), encoding="utf-8")


@pytest.fixture()
def year(tmp_path):
    """A 2024 folder with the PMG examples and their results, a Formulario H and a formulation
    by areas, with catalogs of 2024 for the last two (made from the 2025 and 2011 ones)."""
    catalogs, folder = tmp_path / "catalogos", tmp_path / "2024"
    catalogs.mkdir()
    folder.mkdir()
    (tmp_path / "pmg.toml").write_text("", encoding="utf-8")
    for name in ("aduanas.yaml", "ips.yaml"):
        shutil.copy(EXAMPLES / "2024" / name, folder / name)
    shutil.copytree(EXAMPLES / "2024" / "resultados", folder / "resultados")
    for catalog, new_id, old_year in (("desempeno-2025", "desempeno-2024", "2025"),
                                      ("pmg-2011", "areas-2024", "2011")):
        text = (ROOT / "catalogs" / f"{catalog}.yaml").read_text(encoding="utf-8")
        text = re.sub(rf"(?m)^id: {catalog}$", f"id: {new_id}", text)
        text = re.sub(rf"(?m)^year: {old_year}$", "year: 2024", text)
        (catalogs / f"{new_id}.yaml").write_text(text, encoding="utf-8")
    _retyped(EXAMPLES / "2025" / "ips-indicadores.yaml", folder / "formulario-h.yaml",
             "catalog: desempeno-2025", "catalog: desempeno-2024")
    _retyped(EXAMPLES / "2011" / "osorno.yaml", folder / "osorno.yaml", "catalog: pmg-2011",
             "catalog: areas-2024")
    # Their results, against the same catalogs: each judged by its own catalog's rules.
    text = (EXAMPLES / "2025" / "resultados" / "ips-indicadores.yaml").read_text(
        encoding="utf-8")
    text = re.sub(r"(?m)^catalog: desempeno-2025$", "catalog: desempeno-2024", text)
    text = re.sub(r"(?m)^formulation: \.\./ips-indicadores\.yaml$",
                  "formulation: ../formulario-h.yaml", text)
    (folder / "resultados" / "formulario-h.yaml").write_text(text, encoding="utf-8")
    _retyped(EXAMPLES / "2011" / "resultados" / "osorno.yaml",
             folder / "resultados" / "osorno.yaml", "catalog: pmg-2011", "catalog: areas-2024")
    return folder, catalogs


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_report_consolidates_every_format(year, tmp_path):
    """Each service judged with its results by its own catalog's rules: the PMG's bands for
    the services by objectives, the marco by areas' for Osorno, the Formulario H's for its
    indicators; the report laid out by the catalog of most services (pmg-2024)."""
    folder, catalogs = year
    out = tmp_path / "out"
    result = run("report", folder, "--catalogs", catalogs, "-o", out, "--format", "all")
    assert result.exit_code == 0, result.output
    assert "4 de 4 servicios con informe de cumplimiento" in result.output
    text = " ".join(pdf_pages_text(out / "resultados-2024.pdf").split())
    assert "Servicios sin informe de cumplimiento" not in text
    # Osorno by areas: 80 of 100 (a system not validated), the areas catalog's Parcial band.
    assert "GOBERNACION PROVINCIAL DE OSORNO (05-00) 80.00 80.00 % Parcial (areas-2024)" in text
    # Every judging catalog's bands, the report's first.
    assert text.index("Total (pmg-2024)") < text.index("Total (areas-2024)") \
        < text.index("Cumplimiento alto (desempeno-2024)")
    workbook = openpyxl.load_workbook(out / "resultados-2024.xlsx")
    services = {r[3].value: (r[6].value, r[7].value)
                for r in workbook["Servicios"].iter_rows(min_row=2)}
    assert services["GOBERNACION PROVINCIAL DE OSORNO"] == (0.8, "Parcial (areas-2024)")
    assert services["SERVICIO NACIONAL DE ADUANAS"] == (0.9, "Total (pmg-2024)")
    assert len(services) == 3 and list(workbook["Sin informe"].iter_rows(min_row=2)) == []
    commitments = [(r[2].value, r[6].value) for r in workbook["Compromisos"].iter_rows(min_row=2)]
    # The Formulario H's indicators, and Osorno's systems, with the services by objectives'.
    assert ("INSTITUTO DE PREVISION SOCIAL", "tiempo-concesion-pgu") in commitments
    assert ("GOBERNACION PROVINCIAL DE OSORNO", "seguridad-de-la-informacion") in commitments
    tramos = [r[0].value for r in workbook["Tramos"].iter_rows(min_row=2)]
    assert tramos[0] == "Total (pmg-2024)" and "Cumplimiento bajo (desempeno-2024)" in tramos
    assert (out / "resultados-2024.docx").stat().st_size > 0


def test_a_folder_of_two_years_is_still_refused(year, tmp_path):
    folder, catalogs = year
    shutil.copy(EXAMPLES / "2011" / "osorno.yaml", folder / "osorno-2011.yaml")
    result = run("report", folder, "--catalogs", catalogs, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "la carpeta mezcla años: catálogos areas-2024 (2024), desempeno-2024 (2024), " \
           "pmg-2011 (2011), pmg-2024 (2024); se espera un solo año por informe" in result.stderr


def test_the_mixed_year_round_trips_through_excel(year, tmp_path):
    folder, catalogs = year
    book = tmp_path / "año.xlsx"
    result = run("export", folder, "--catalogs", catalogs, "-o", book)
    assert result.exit_code == 0, result.output
    assert "4 formulaciones, 4 informes de cumplimiento" in result.output
    out = tmp_path / "importadas"
    out.mkdir()
    (out / "pmg.toml").write_text("", encoding="utf-8")
    result = run("import", "xlsx", book, "-o", out, "--catalogs", catalogs)
    assert result.exit_code == 0, result.output
    registry = CatalogRegistry((catalogs,))
    for path in sorted(folder.rglob("*.yaml")):
        name = path.relative_to(folder)
        assert load_document(out / name, registry).model == \
            load_document(path, registry).model, name
