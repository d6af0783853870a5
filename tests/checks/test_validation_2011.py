"""Broken 2011 formulations, and the marco's requirements: each gets its located message, exit 1.

`tests/broken/2011/` breaks one rule of the marco-and-área format per file, against the package's
catalog pmg-2011. `tests/broken/requirements/` breaks one requirement of the test marco in
`tests/catalogs/marco-prueba.yaml` per file, one file per kind of requirement the engine reads.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from pmg_docs.cli import main
from tests.support.located import assert_located, validate
from tests.support.paths import DATA

BROKEN = DATA / "broken" / "2011"
REQUIREMENTS = DATA / "broken" / "requirements"
TEST_CATALOGS = DATA / "catalogs"

SIAC = "«Sistema Integral de Información y Atención Ciudadana»"

# file -> (line, the place as the document names it, part of the message). One case per rule.
CASES = {
    "weights-total": (10, "sistemas", "las ponderaciones de los sistemas comprometidos suman 104.00 (10.00 + 20.00 + 50.00 + 12.00 + 12.00); se espera 100.00"),
    "system-committed-twice": (15, "Sistema «Descentralización»", "«descentralizacion» aparece dos veces (también en la línea 14)"),
    "unknown-stage": (12, "Sistema «Sistema Seguridad de la Información» › etapa", "el sistema «Sistema Seguridad de la Información» no tiene etapa 5; se espera una de: 1, 2, 3, 4"),
    "unknown-priority": (11, f"Sistema {SIAC} › prioridad", "«MENOR» no es una prioridad del catálogo pmg-2011; se espera uno de: alta (ALTA), mediana (MEDIANA), menor (MENOR)"),
    "unknown-system": (13, "Sistema «monitoreo-desempeno»", "«monitoreo-desempeno» no es un sistema del catálogo pmg-2011; ¿quiso decir «monitoreo-del-desempeno»? Se espera uno de: "),
    "unknown-exemption-system": (18, "Exención «gobierno-digital»", "«gobierno-digital» no es un sistema del catálogo pmg-2011"),
    "exempted-and-committed": (18, "Exención «Equidad de Género»", "«Equidad de Género» está eximido pero también comprometido (línea 15)"),
    "exemption-with-stage": (21, "Exención «Gobierno Electrónico - Tecnologías de Información» › etapa", "una exención (eximir) cubre todo «Gobierno Electrónico - Tecnologías de Información» y no nombra etapa"),
    "unknown-type": (19, "Modificación «Gobierno Electrónico - Tecnologías de Información» › tipo", "se encontró «exonerar»; se espera «eximir» o «modificar»"),
    "modification-unknown-stage": (23, f"Modificación {SIAC} › etapa", f"el sistema {SIAC} no tiene etapa 6; se espera una de: 1, 2, 3, 4"),
    "modification-without-stage": (21, f"Modificación {SIAC}", f"la modificación de {SIAC} no nombra etapa"),
    "modification-without-justification": (21, f"Modificación {SIAC}", f"falta la justificación de la modificación de {SIAC}"),
    "modification-not-committed": (21, "Modificación «Capacitación»", "se modifica una etapa de «Capacitación», pero el sistema no está comprometido"),
    "listed-twice": (25, f"Modificación {SIAC}", f"{SIAC} ya está en la lista, en la línea 21"),
    "no-systems": (1, "sistemas", "falta este campo obligatorio"),
    "objectives-against-2011": (26, "objetivos", "`objectives:` pertenece al formato objetivos; el catálogo pmg-2011 declara el formato areas para formulation, que se escribe con: service, systems, exemptions"),
    "systems-against-2024": (3, "catálogo", "este archivo está escrito en el formato areas; el catálogo pmg-2024 usa el formato objetivos: ¿es el catálogo del año? (el formato areas lo usa el catálogo pmg-2011)"),
}

MONITOREO = "«Monitoreo del Desempeño»"
WHY = "(Circular N° 39, punto 6)"
REQUIREMENT_CASES = {
    "required-not-committed": (10, "sistemas", f"{MONITOREO} no está comprometido; el marco lo exige {WHY}"),
    "not-last-stage": (12, "Sistema «Planificación y Control de Gestión» › etapa", "se compromete la etapa 3 de «Planificación y Control de Gestión»; el marco exige su última etapa, 4 (todos sus objetivos)"),
    "stage-below": (14, "Sistema «Sistema de Seguridad de la Información» › etapa", f"el marco exige al menos la etapa 2 {WHY}"),
    "priority-below": (11, f"Sistema {MONITOREO} › prioridad", f"{MONITOREO} tiene prioridad MEDIANA; el marco exige al menos ALTA {WHY}"),
    "area-priority-below": (13, "Sistema «Capacitación» › prioridad", "«Capacitación» tiene prioridad MENOR; el marco exige al menos MEDIANA"),
    "weight-below": (11, f"Sistema {MONITOREO} › ponderación", f"{MONITOREO} tiene ponderación 50.00; el marco exige al menos 60.00 {WHY}"),
    "catalog-unknown-references": (10, "rules.requirements[0].systems[0]", "«monitoreo-x» no es un sistema de este catálogo; ¿quiso decir «monitoreo»? Se espera uno de: monitoreo"),
}


def test_every_fixture_has_a_case():
    assert {p.stem for p in BROKEN.glob("*.yaml")} == set(CASES)
    assert {p.stem for p in REQUIREMENTS.glob("*.yaml")} == set(REQUIREMENT_CASES) | {"clean"}


@pytest.mark.parametrize("name", sorted(CASES))
def test_validate_reports_located_error(name):
    assert_located(validate(BROKEN / f"{name}.yaml"), f"{name}.yaml", *CASES[name])


@pytest.mark.parametrize("name", sorted(REQUIREMENT_CASES))
def test_marco_requirement_reports_located_error(name):
    result = validate(REQUIREMENTS / f"{name}.yaml", "--catalogs", str(TEST_CATALOGS))
    assert_located(result, f"{name}.yaml", *REQUIREMENT_CASES[name])


def test_formulation_meeting_every_requirement_is_clean():
    result = validate(REQUIREMENTS / "clean.yaml", "--catalogs", str(TEST_CATALOGS))
    assert result.exit_code == 0, result.output
    assert "sin errores, 0 avisos" in result.output


def test_test_catalog_is_clean():
    result = validate(TEST_CATALOGS)
    assert result.exit_code == 0, result.output


def test_every_requirement_kind_is_exercised():
    """The test marco uses every field of a requirement, so each kind has its broken case."""
    from pmg_docs.load.sources import load_document
    from pmg_docs.models.catalog import SystemRequirement

    catalog = load_document(TEST_CATALOGS / "marco-prueba.yaml").model
    used = {field for requirement in catalog.rules.requirements
            for field in requirement.model_fields_set}
    assert used == set(SystemRequirement.model_fields)


def test_render_of_invalid_source_writes_nothing(tmp_path):
    result = CliRunner().invoke(main, ["render", str(BROKEN / "weights-total.yaml"),
                                       "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert list(tmp_path.iterdir()) == []


def test_modified_stage_other_than_committed_is_a_warning(tmp_path, root):
    text = (root / "examples" / "2011" / "osorno.yaml").read_text(encoding="utf-8")
    source = tmp_path / "other-stage.yaml"
    source.write_text(text.replace("type: modificar\n    stage: 4", "type: modificar\n    stage: 3"),
                      encoding="utf-8")
    relaxed = validate(source)
    assert relaxed.exit_code == 0, relaxed.output
    line = source.read_text(encoding="utf-8").splitlines().index("    stage: 3") + 1
    assert (f"other-stage.yaml:{line}: Modificación {SIAC} › etapa: aviso: modifica la etapa 3 "
            f"de {SIAC}, que está comprometido en la etapa 4") in relaxed.stdout
    assert validate(source, "--strict").exit_code == 1


def test_catalog_system_without_area_is_an_error(tmp_path):
    """The 2011 document prints each system's área and marco from the catalog."""
    text = (TEST_CATALOGS / "marco-prueba.yaml").read_text(encoding="utf-8")
    source = tmp_path / "marco-prueba.yaml"
    source.write_text(text.replace("    area: recursos-humanos\n", "", 1), encoding="utf-8")
    result = validate(source)
    assert result.exit_code == 1
    assert "systems[2]: un sistema de un marco con prioridades necesita su `area:`" in result.stdout
