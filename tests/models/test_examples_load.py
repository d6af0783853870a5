"""Every real source (examples/, catalogs/) reads into its model, with the values of the
documents it comes from (tests/data/seeds)."""

from __future__ import annotations

import datetime as dt

import pytest

from pmg_docs.load import iter_source_files, load_document
from pmg_docs.models.catalog import Catalog
from tests.support.paths import ROOT
from tests.support.sources import example

SOURCES = iter_source_files([ROOT / "examples", ROOT / "catalogs"])[0]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_real_source_reads_into_its_model(path):
    document = load_document(path)
    declared = document.source.data["kind"]
    assert document.kind == declared
    if declared == "catalog":
        assert isinstance(document.model, Catalog)
    else:
        # Its catalog is the one it names, and its model is the one its format declares.
        assert document.catalog.id == document.source.data["catalog"]
        assert type(document.model) is document.format.model.load()


def test_every_folder_of_real_sources_is_read():
    found = {p.relative_to(ROOT).parts[0] for p in SOURCES}
    assert found == {"examples", "catalogs"}
    assert len(SOURCES) >= 15


def test_aduanas_2024_as_the_seed_formulation_states_it():
    model = example("2024/aduanas.yaml").model
    assert (model.service.ministry, model.service.partida, model.service.chapter) == (
        "MINISTERIO DE HACIENDA", "08", "04")
    # Objective weights 20 + 40 + 40; each the sum of its systems' and indicators' weights.
    assert [o.weight for o in model.objectives] == [20, 40, 40]
    for objective in model.objectives:
        items = [*objective.systems, *objective.indicators]
        assert sum(i.weight for i in items) == objective.weight
    estado_verde = model.objectives[1].systems[0]
    assert estado_verde.system == "estado-verde"
    assert [w for stage in estado_verde.stages for w in stage.weights] == [15, 5, 10, 5, 0, 0, 0, 0]
    gender = model.objectives[0].indicators[0]
    assert (gender.target.numerator, gender.target.denominator, gender.target.value) == (3, 8, 37.5)
    # As many gender measures as the committed numerator.
    assert len(model.gender_measures) == 3
    assert model.objectives[2].indicators[0].measure_only


def test_osorno_2011_weights_add_to_100():
    model = example("2011/osorno.yaml").model
    assert sorted(s.weight for s in model.systems) == [6, 12, 12, 20, 50]
    assert {e.type for e in model.exemptions} == {"eximir", "modificar"}


def test_circular_39_front_matter_and_body():
    model = example("circulars/circular-39-2011.md").model
    assert model.number == 39
    assert model.date == dt.date(2011, 9, 15)
    assert "::: cuadro-sistemas" in model.body
    assert model.recipients and all(r.to for r in model.recipients)


def test_a_results_file_names_its_formulation():
    document = example("2024/resultados/aduanas.yaml")
    assert document.kind == "results"
    assert document.model.formulation.endswith("aduanas.yaml")
    assert {r.indicator for r in document.model.indicators} >= {"equidad-de-genero"}


def test_the_2024_catalog_holds_the_marco():
    catalog = load_document(ROOT / "catalogs" / "pmg-2024.yaml").model
    assert catalog.id == "pmg-2024"
    assert [o.number for o in catalog.objectives] == [1, 2, 3]
    estado_verde = catalog.system("estado-verde")
    assert [len(s.objectives) for s in estado_verde.stages] == [2, 2, 2, 2]
    assert catalog.indicator("equidad-de-genero").counts_gender_measures
