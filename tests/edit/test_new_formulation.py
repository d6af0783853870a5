"""`pmg new formulation`: a valid, commented scaffold; last year's commitments rolled forward onto
a new catalog, with what is new, gone or changed listed for a decision."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from pmg_docs.cli import main
from pmg_docs.load.catalogs import CatalogRegistry
from pmg_docs.load.sources import load_document
from pmg_docs.models.objetivos import Formulation
from tests.support.paths import ROOT

ADUANAS = ROOT / "examples" / "2024" / "aduanas.yaml"


def pmg(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def catalogs_2025(tmp_path) -> Path:
    """pmg-2025: the 2024 marco with Estado Verde removed, Gestión de Riesgos added, a second
    objective in stage 2 of Calidad de Servicio y Experiencia Usuaria, and Transformación Digital
    moved under Gestión Eficaz."""
    yaml = YAML()
    catalog = yaml.load((ROOT / "catalogs" / "pmg-2024.yaml").read_text(encoding="utf-8"))
    catalog["id"], catalog["year"], catalog["version"] = "pmg-2025", 2025, "2025.1"
    systems = catalog["systems"]
    systems.pop(next(i for i, s in enumerate(systems) if s["id"] == "estado-verde"))
    systems.insert(0, {"id": "gestion-de-riesgos", "name": "Gestión de Riesgos",
                       "objective": "eficiencia-institucional",
                       "stages": [{"number": 1, "objectives": [
                           {"number": 1, "text": "Identificar los riesgos de los procesos."},
                           {"number": 2, "text": "Elaborar una matriz de riesgos."}]}]})
    cseu = next(s for s in systems if s["id"] == "calidad-de-servicio-y-experiencia-usuaria")
    cseu["stages"][1]["objectives"].append({"number": 2, "text": "Difundir la política."})
    digital = next(i for i in catalog["indicators"] if i["id"] == "transformacion-digital")
    digital["objective"] = "gestion-eficaz"
    folder = tmp_path / "catalogos"
    folder.mkdir()
    with open(folder / "pmg-2025.yaml", "w", encoding="utf-8") as stream:
        yaml.dump(catalog, stream)
    assert pmg("validate", "--catalogs", str(folder), str(folder)).exit_code == 0
    return folder


def test_scaffold_lists_the_whole_catalog_with_zero_weights(tmp_path):
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "formulation-objetivos.schema.json").write_text("{}", encoding="utf-8")
    target = tmp_path / "2025" / "servicio.yaml"
    result = pmg("new", "formulation", "--catalog", "pmg-2024", "--service", "SERVICIO DE PRUEBA",
                 "--ministry", "MINISTERIO DE PRUEBA", "--partida", "99", "--chapter", "01",
                 "-o", str(target))
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert text.splitlines()[0] == \
        "# yaml-language-server: $schema=../schemas/formulation-objetivos.schema.json"

    model = load_document(target).model  # valid in shape
    assert isinstance(model, Formulation)
    assert (model.service.name, model.service.partida, model.service.chapter) == \
        ("SERVICIO DE PRUEBA", "99", "01")
    catalog = CatalogRegistry().get("pmg-2024").model
    assert [o.objective for o in model.objectives] == [o.id for o in catalog.objectives]
    committed = {s.system: s for o in model.objectives for s in o.systems}
    assert set(committed) == {s.id for s in catalog.systems}
    for system in catalog.systems:
        stages = committed[system.id].stages
        assert [(s.stage, len(s.weights)) for s in stages] == \
            [(s.number, len(s.objectives)) for s in system.stages]
        assert all(w == 0 for s in stages for w in s.weights)
    assert {i.indicator for o in model.objectives for i in o.indicators} == \
        {i.id for i in catalog.indicators}
    assert all(o.weight == 0 for o in model.objectives)

    # The comments say what everything is and what is left to do.
    assert "# Complete cada ponderación (los objetivos suman 100" in text
    assert "#   2.1 Diseñar y formalizar un marco de gobernabilidad para el Sistema Estado Verde." \
        in text
    assert "#   capacitacion: Capacitación avanzada en materia de género" in text
    assert "        # target: {numerator: …, denominator: 8, value: …}   o   measure_only: " \
        "true (Mide)" in text
    assert "medidas de género: liste una por unidad del numerador del indicador de género" in text

    # In the canonical layout already, and what `pmg validate` still asks for is the weights.
    assert pmg("fmt", "--check", str(target)).exit_code == 0
    checked = pmg("validate", str(target))
    assert checked.exit_code == 1
    assert "las ponderaciones de los objetivos suman 0.00 (0.00 + 0.00 + 0.00); se espera 100.00" in checked.stdout


def test_rollover_onto_a_catalog_with_a_system_added_and_one_removed(tmp_path, catalogs_2025):
    target = tmp_path / "aduanas-2025.yaml"
    result = pmg("new", "formulation", "--catalog", "pmg-2025", "--from", str(ADUANAS),
                 "--catalogs", str(catalogs_2025), "-o", str(target))
    assert result.exit_code == 0, result.output
    added = ("sistema «Gestión de Riesgos» (gestion-de-riesgos) es nuevo en pmg-2025: decida si "
             "comprometerlo (las ponderaciones están en 0); quítelo si no")
    removed = ("sistema «Estado Verde» (estado-verde) no está en pmg-2025: no se trasladó "
               "(ponderación 35, ponderaciones de etapa 1: [15, 5]; 2: [10, 5]; 3: [0, 0]; 4: "
               "[0, 0] el año anterior); reparta su ponderación en lo que queda")
    changed = ("sistema «Calidad de Servicio y Experiencia Usuaría» "
               "(calidad-de-servicio-y-experiencia-usuaria): la etapa 2 ahora tiene 2 objetivos "
               "(tenía 1); no se trasladaron las ponderaciones del año anterior, [5]")
    moved = ("indicador «Transformación Digital» (transformacion-digital) va bajo «Gestión "
             "Eficaz» en pmg-2025; el año anterior estaba bajo «calidad-de-servicio»: mueva "
             "también su ponderación")
    # On the terminal ...
    for decision in (added, removed, changed, moved):
        assert f"  - {decision}" in result.output.splitlines()
    # ... and in the file, as comments.
    text = target.read_text(encoding="utf-8")
    comments = " ".join(line.lstrip("# ").strip() for line in text.splitlines()
                        if line.startswith("#"))
    for decision in (added, removed, changed, moved):
        assert decision in comments

    model = load_document(target, CatalogRegistry((catalogs_2025,))).model
    old = load_document(ADUANAS).model
    assert model.catalog == "pmg-2025"
    assert model.service == old.service
    systems = {s.system: s for o in model.objectives for s in o.systems}
    assert "estado-verde" not in systems
    assert [list(s.weights) for s in systems["gestion-de-riesgos"].stages] == [[0, 0]]
    cseu = systems["calidad-de-servicio-y-experiencia-usuaria"]
    assert [list(s.weights) for s in cseu.stages] == [[15, 5, 5], [0, 0], [0], [0, 0]]
    placed = {i.indicator: o.objective for o in model.objectives for i in o.indicators}
    assert placed["transformacion-digital"] == "gestion-eficaz"
    indicators = {i.indicator: i for o in model.objectives for i in o.indicators}
    assert indicators["concentracion-del-gasto"].target.value == 105.28
    assert indicators["transformacion-digital"].measure_only is True
    assert model.gender_measures == old.gender_measures


def test_rollover_onto_the_same_catalog_changes_nothing(tmp_path):
    target = tmp_path / "aduanas.yaml"
    result = pmg("new", "formulation", "--catalog", "pmg-2024", "--from", str(ADUANAS),
                 "-o", str(target))
    assert result.exit_code == 0, result.output
    assert "Por decidir" not in result.output
    same = pmg("diff", str(ADUANAS), str(target))
    assert same.exit_code == 0, same.output
    assert pmg("validate", str(target)).exit_code == 0


def test_never_overwrites_without_force(tmp_path):
    target = tmp_path / "existente.yaml"
    shutil.copy(ADUANAS, target)
    result = pmg("new", "formulation", "--catalog", "pmg-2024", "--service", "X", "-o",
                 str(target))
    assert result.exit_code == 1
    assert "ya existe; se espera un nombre de archivo nuevo, o --force" in result.stderr
    assert target.read_bytes() == ADUANAS.read_bytes()
    forced = pmg("new", "formulation", "--catalog", "pmg-2024", "--service", "X", "-o",
                 str(target), "--force")
    assert forced.exit_code == 0
    assert load_document(target).model.service.name == "X"


def test_printed_without_output_file():
    result = pmg("new", "formulation", "--catalog", "pmg-2024", "--service", "SERVICIO X")
    assert result.exit_code == 0
    assert "kind: formulation\ncatalog: pmg-2024\nservice:\n" in result.stdout
    assert "  name: SERVICIO X\n" in result.stdout


@pytest.mark.parametrize("args, message", [
    (["--catalog", "pmg-2042", "--service", "X"], "«pmg-2042» no es un catálogo; ¿quiso decir «pmg-2024»? Se espera uno de:"),
    (["--catalog", "pmg-2024"], "se espera --service NOMBRE"),
    (["--catalog", "pmg-2024", "--from", str(ROOT / "catalogs" / "pmg-2024.yaml")],
     "se espera el documento del año anterior, de tipo formulation"),
])
def test_input_errors(args, message):
    result = pmg("new", "formulation", *args)
    assert result.exit_code == 1
    assert message in result.stderr


def test_from_a_2011_formulation_every_system_and_exemption_is_listed(tmp_path):
    # A formulation by áreas rolled onto a marco by objectives: nothing can be carried, and
    # nothing is dropped silently; each of Osorno's 5 systems and 5 exemptions is named.
    out = tmp_path / "osorno-2024.yaml"
    result = pmg("new", "formulation", "--catalog", "pmg-2024", "--from",
                 str(ROOT / "examples" / "2011" / "osorno.yaml"), "-o", str(out))
    assert result.exit_code == 0, result.output
    decisions = [line for line in result.output.splitlines() if line.startswith("  - ")]
    assert ("la formulación del año anterior está en el formato areas y la de pmg-2024 en el "
            "formato objetivos: no se trasladó nada") in decisions[0]
    systems = [d for d in decisions if d.startswith("  - sistema ")]
    exemptions = [d for d in decisions if d.startswith("  - exención ")]
    assert len(systems) == 5 and len(exemptions) == 5
    for name in ("Sistema Integral de Información y Atención Ciudadana (siac) — etapa 4, "
                 "ponderación 6, prioridad MENOR",
                 "Sistema de Monitoreo del Desempeño Institucional (monitoreo-del-desempeno) — "
                 "etapa 1, ponderación 50, prioridad ALTA"):
        assert any(name in d for d in systems)
    assert any("Gobierno Electrónico - Tecnologías de Información (gobierno-electronico)" in d
               for d in exemptions)
    # The same list heads the file, for whoever opens it.
    text = out.read_text(encoding="utf-8")
    assert "no se trasladó nada" in text and "exención 5:" in text


def test_the_gender_measure_example_uncommented_parses(tmp_path):
    # As the target hint's test does (tests/load/test_messages_find_the_mistake.py): the lines
    # the scaffold says to uncomment, uncommented as an editor does (Ctrl+/ takes "# " away).
    scaffold = tmp_path / "nueva.yaml"
    assert pmg("new", "formulation", "--catalog", "pmg-2024", "--service", "X", "-o",
               str(scaffold)).exit_code == 0
    lines = scaffold.read_text(encoding="utf-8").splitlines()
    start = lines.index("# gender_measures:")
    assert lines[start:] == ["# gender_measures:", "#   - kind: capacitacion",
                             "#     description: POR DEFINIR"]
    assert "gender_measures: []" not in lines
    lines[start:] = [line.removeprefix("# ") for line in lines[start:]]
    scaffold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = pmg("validate", str(scaffold)).stdout.splitlines()
    # The measure parses: what is said of it is only that its description is still to write.
    assert [line for line in report if "Medida de género" in line] == [
        f"{scaffold}:{start + 3}: Medida de género N°1 › descripción: dice «POR DEFINIR», lo "
        "que `pmg new` deja por completar; se espera el texto que el documento lleva en este "
        "lugar"]
    written = scaffold.read_text(encoding="utf-8").replace(
        "description: POR DEFINIR", "description: Capacitación en género a la dirección.")
    scaffold.write_text(written, encoding="utf-8")
    report = pmg("validate", str(scaffold)).stdout
    assert "Medida de género" not in report and "medidas de género" not in report
    assert len(load_document(scaffold, CatalogRegistry()).model.gender_measures) == 1
