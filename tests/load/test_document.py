"""The loaded document carries what every later stage needs: its catalog, its declaration, the
sources it names and the names of its places; the model carries only what the file says."""

from __future__ import annotations

import pytest

from pmg_docs.load import CatalogRegistry, load_document
from pmg_docs.models.objetivos import Formulation
from tests.support.paths import ROOT

RESULTS = ROOT / "examples" / "2024" / "resultados" / "aduanas.yaml"
FORMULATION = ROOT / "examples" / "2024" / "aduanas.yaml"


def test_a_results_file_carries_its_formulation_as_a_link_not_in_its_model():
    document = load_document(RESULTS, CatalogRegistry())
    assert document.formulation.source.path.resolve() == FORMULATION.resolve()
    assert isinstance(document.formulation.model, Formulation)
    assert document.links == [document.formulation]
    # The model holds the path as written, and nothing the loader attached.
    assert document.model.formulation == "../aduanas.yaml"
    assert not document.model.__pydantic_private__


def test_a_document_knows_its_catalog_and_declaration():
    document = load_document(FORMULATION, CatalogRegistry())
    assert (document.kind, document.format.name, document.catalog.id) == (
        "formulation", "objetivos", "pmg-2024")
    assert document.spec is document.catalog.documents["formulation"]
    assert document.catalog_source.path.name == "pmg-2024.yaml"
    with pytest.raises(LookupError):  # a formulation names no formulation
        _ = document.formulation


def test_a_catalog_is_written_against_itself():
    catalog = CatalogRegistry().get("pmg-2024")
    assert catalog.catalog is catalog.model and catalog.catalog_source is catalog.source
    assert catalog.format is None and catalog.place(("systems", 0)) is None


def test_places_are_named_by_the_format_and_put_on_its_diagnostics():
    document = load_document(FORMULATION, CatalogRegistry())
    assert document.place(("objectives", 1, "weight")) == "Objetivo N°2 › ponderación"
    assert document.place(()) is None
    found = document.diagnostic(("objectives", 1, "weight"), "mensaje")
    assert (found.item, found.line) == ("Objetivo N°2 › ponderación",
                                        document.line_of(("objectives", 1, "weight")))
    # The YAML source alone knows lines, not the document's words.
    assert document.source.diagnostic(("objectives", 1, "weight"), "mensaje").item is None
