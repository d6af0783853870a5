"""`pmg new formulation` writes the format its catalog declares, for every formulation format;
`--from` carries last year's commitments in that format, and lists every one it cannot carry
(nothing is dropped silently)."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from pmg_docs import kinds
from pmg_docs.cli import main
from pmg_docs.load import CatalogRegistry, load_document
from tests.support.paths import ROOT

OSORNO = ROOT / "examples" / "2011" / "osorno.yaml"
SERVICE = ["--service", "SERVICIO DE PRUEBA", "--ministry", "MINISTERIO DE PRUEBA",
           "--partida", "99", "--chapter", "01"]


def pmg(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def _catalog_of_each_format() -> dict[str, str]:
    registry = CatalogRegistry()
    found = {}
    for catalog_id in registry.ids():
        spec = registry.get(catalog_id).model.documents.get("formulation")
        if spec is not None:
            found.setdefault(spec.format, catalog_id)
    return found


def test_every_formulation_format_has_a_catalog_to_try():
    assert set(_catalog_of_each_format()) == set(kinds.KINDS["formulation"].formats)


@pytest.mark.parametrize("fmt, catalog_id", sorted(_catalog_of_each_format().items()))
def test_new_formulation_in_each_format_reads_back_into_its_model(tmp_path, fmt, catalog_id):
    target = tmp_path / "nueva.yaml"
    result = pmg("new", "formulation", "--catalog", catalog_id, *SERVICE, "-o", target)
    assert result.exit_code == 0, result.output
    document = load_document(target)
    assert document.format.name == fmt
    assert document.model.service.name == "SERVICIO DE PRUEBA"
    # `pmg validate` then says what is still to fill in (weights, priorities or a target).
    assert pmg("validate", target).exit_code == 1


@pytest.mark.parametrize("example", ["2011/osorno.yaml", "2024/aduanas.yaml", "2024/ips.yaml",
                                     "2025/ips-indicadores.yaml",
                                     "2025/superintendencia-de-salud-mei.yaml"])
def test_rolled_onto_its_own_catalog_a_formulation_keeps_every_commitment(tmp_path, example):
    source = ROOT / "examples" / example
    catalog_id = load_document(source).model.catalog
    target = tmp_path / "siguiente.yaml"
    result = pmg("new", "formulation", "--catalog", catalog_id, "--from", source, "-o", target)
    assert result.exit_code == 0, result.output
    assert load_document(target).model == load_document(source).model
    assert pmg("validate", target).exit_code == 0


def test_a_2011_rollover_onto_a_marco_by_objectives_lists_every_system_and_exemption(tmp_path):
    target = tmp_path / "osorno-2024.yaml"
    result = pmg("new", "formulation", "--catalog", "pmg-2024", "--from", OSORNO, "-o", target)
    assert result.exit_code == 0, result.output
    old = load_document(OSORNO).model
    comments = " ".join(line.lstrip("# ") for line in target.read_text(
        encoding="utf-8").splitlines() if line.startswith("#"))
    assert "no se trasladó nada" in result.output
    for number, commitment in enumerate(old.systems, start=1):
        line = f"sistema {number}: "
        assert any(line in out and f"({commitment.system})" in out and
                   f"etapa {commitment.stage}" in out for out in result.output.splitlines())
        assert f"({commitment.system}) — etapa {commitment.stage}" in comments
    for number, exemption in enumerate(old.exemptions, start=1):
        assert any(f"exención {number}: " in out and f"({exemption.system})" in out
                   and f"tipo {exemption.type}" in out for out in result.output.splitlines())
    assert load_document(target).model.service == old.service


def test_a_2011_rollover_drops_a_system_the_new_marco_lacks_and_says_so(tmp_path):
    catalogs = tmp_path / "catalogos"
    catalogs.mkdir()
    text = (ROOT / "catalogs" / "pmg-2011.yaml").read_text(encoding="utf-8")
    text = text.replace("id: pmg-2011", "id: pmg-2012").replace("year: 2011", "year: 2012")
    start = text.index("  - id: descentralizacion")
    end = text.index("  - id:", start + 10)
    (catalogs / "pmg-2012.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    target = tmp_path / "osorno-2012.yaml"
    result = pmg("new", "formulation", "--catalog", "pmg-2012", "--catalogs", catalogs,
                 "--from", OSORNO, "-o", target)
    assert result.exit_code == 0, result.output
    assert ("el sistema «descentralizacion» no está en pmg-2012: no se trasladó (etapa 1, "
            "prioridad mediana, ponderación 12 el año anterior)") in result.output
    assert ("no se trasladó la exención (modificar) de «descentralizacion»: el sistema no está "
            "en pmg-2012") in result.output
    model = load_document(target, CatalogRegistry((catalogs,))).model
    assert [c.system for c in model.systems] == ["siac", "seguridad-de-la-informacion",
                                                 "monitoreo-del-desempeno", "equidad-de-genero"]
    assert [e.system for e in model.exemptions] == ["equidad-de-genero", "gobierno-electronico",
                                                    "siac", "monitoreo-del-desempeno"]


def test_new_document_names_the_kinds_for_a_kind_it_does_not_know():
    # The command line offers only known kinds; called directly, an unknown one is the caller's
    # input error, listed like any other unknown name (it used to end in an AttributeError).
    from pmg_docs.diagnostics import InputError
    from pmg_docs.edit.new import ServiceFields, new_document

    with pytest.raises(InputError) as raised:
        new_document("memoria", None, ServiceFields(), CatalogRegistry())
    message = raised.value.diagnostics[0].message
    assert message.startswith("«memoria» no es un tipo de documento; se espera uno de: ")
    assert "formulation" in message and "circular" in message


def test_the_work_plans_examples_uncommented_parse(tmp_path):
    # The plan's two example entries, uncommented as an editor does (Ctrl+/ takes "# " away) with
    # the empty list they replace deleted, as the comment above each says, load against a real
    # formulation: the activities are checked, not a syntax error.
    (tmp_path / "pmg.toml").write_text("", encoding="utf-8")  # a working folder
    shutil.copy(ROOT / "examples" / "2024" / "aduanas.yaml", tmp_path / "aduanas.yaml")
    plan = tmp_path / "programas" / "plan.yaml"
    plan.parent.mkdir()
    result = CliRunner().invoke(main, ["new", "work-plan", "--catalog", "pmg-2024", "-o",
                                       str(plan)])
    assert result.exit_code == 0, result.output
    lines = plan.read_text(encoding="utf-8").splitlines()
    assert not any(line.startswith("# One ") for line in lines)  # Spanish comments only
    for key in ("gender_measures", "systems"):
        start = lines.index(f"# {key}:")
        end = lines.index(f"{key}: []")
        lines[start:end + 1] = [line.removeprefix("# ") for line in lines[start:end]]
    text = "\n".join(lines) + "\n"
    plan.write_text(text.replace("../FORMULACION.yaml", "../aduanas.yaml"), encoding="utf-8")
    document = load_document(plan, CatalogRegistry())
    assert [m.measure for m in document.model.gender_measures] == [1]
    assert [s.system for s in document.model.systems] == ["estado-verde"]
