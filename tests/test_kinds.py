"""The kind registry is whole: every part it names imports, every format's model reads its kind,
every annex's default template exists and declares what it lays out, and every catalog of the
package declares documents the registry knows, with templates of the right kind."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest

from pmg_docs import kinds
from pmg_docs.checks.documents import check_documents
from pmg_docs.load import CatalogRegistry
from pmg_docs.resources import template_declaration, template_file

FORMATS = [(kind, fmt) for kind in kinds.KINDS.values() for fmt in kind.formats.values()]


@pytest.mark.parametrize("kind, fmt", FORMATS, ids=lambda x: x.name)
def test_every_part_of_a_format_imports(kind, fmt):
    assert callable(fmt.checks.load()) and callable(fmt.view.load())
    if fmt.scaffold is not None:
        assert callable(fmt.scaffold.load())
    # Every format written in a file names the places of its problems (diagnostics/places.py).
    assert (fmt.describe is not None) == (fmt.model is not None)
    if fmt.describe is not None:
        assert callable(fmt.describe.load())
    if fmt.model is not None:
        model = fmt.model.load()
        assert typing.get_args(model.model_fields["kind"].annotation) == (kind.name,)
    for name, annex in fmt.annexes.items():
        assert callable(annex.view.load())
        assert template_declaration(template_file(annex.template)) == ("annex", name)


def test_the_typed_table_holds_exactly_the_registrys_parts():
    """pmg_docs/kind_parts.py is what mypy checks against the parts' protocols: it must name
    the very objects the registry loads, for every format, and nothing else."""
    from pmg_docs.kind_parts import FORMATS as TYPED

    assert set(TYPED) == {(kind.name, fmt.name) for kind, fmt in FORMATS}
    for kind, fmt in FORMATS:
        stages = TYPED[kind.name, fmt.name]

        def loaded(part):
            return part.load() if part is not None else None

        assert stages.checks is loaded(fmt.checks) and stages.view is loaded(fmt.view)
        assert stages.model is loaded(fmt.model) and stages.describe is loaded(fmt.describe)
        assert stages.scaffold is loaded(fmt.scaffold)
        assert stages.links is loaded(fmt.link.load if fmt.link is not None else None)
        assert stages.commitments is loaded(fmt.commitments)
        assert {name: view for name, view in stages.annexes.items()} == {
            name: annex.view.load() for name, annex in fmt.annexes.items()}


def test_written_kinds_have_a_model_and_a_scaffold():
    for kind in kinds.KINDS.values():
        for fmt in kind.formats.values():
            assert (fmt.model is not None) == kind.written
            assert (fmt.scaffold is not None) == kind.written


@pytest.mark.parametrize("catalog_id", CatalogRegistry().ids())
def test_package_catalogs_declare_known_documents_with_fitting_templates(catalog_id):
    document = CatalogRegistry().get(catalog_id)
    assert document.model.documents, "a catalog offers at least one document"
    assert list(check_documents(document)) == []


def test_schema_names_follow_kind_and_format():
    assert set(kinds.models()) == {"catalog", "circular", "formulation-objetivos",
                                   "formulation-areas", "formulation-indicadores", "results",
                                   "work-plan", "monthly-report", "prose"}


def test_drawn_kinds_have_a_subject_factory_and_an_output_name():
    for kind in kinds.KINDS.values():
        assert (kind.subject is not None) == (not kind.written)
        assert (kind.output is not None) == (not kind.written)
        if kind.subject is not None:
            assert callable(kind.subject.load())


def test_output_names():
    system = CatalogRegistry().get("pmg-2024").model.system("estado-verde")
    assert str(kinds.output_name(kinds.GUIDE, system)) == "requisitos-estado-verde"
    year = type("Year", (), {"catalog": CatalogRegistry().get("pmg-2024").model})()
    assert str(kinds.output_name(kinds.REPORT, year)) == "resultados-2024"
    # A written document keeps its source's path; the writer puts the format's suffix.
    assert kinds.output_name(kinds.FORMULATION, Path("a/aduanas.yaml")) == Path("a/aduanas.yaml")


def test_links_name_a_format_the_registry_has():
    for kind in kinds.KINDS.values():
        for fmt in kind.formats.values():
            if fmt.link is not None:
                for name in fmt.link.formats:
                    assert kinds.kind(fmt.link.kind).format(name) is not None
                assert callable(fmt.link.load.load())
                assert fmt.link.field in fmt.model.load().model_fields


def test_every_kind_has_a_noun_in_each_language(monkeypatch):
    assert [kinds.noun(name) for name in kinds.source_kinds()] == [
        "catálogo", "formulación", "circular", "programa de trabajo", "informe de cumplimiento",
        "informe mensual de indicadores", "documento"]
    assert kinds.noun(kinds.GUIDE) == "guía de requisitos"
    monkeypatch.setenv("PMG_LANG", "en")
    assert kinds.noun(kinds.RESULTS) == "compliance report"


def test_only_the_catalog_is_the_catalog():
    assert kinds.is_catalog("catalog")
    assert not any(kinds.is_catalog(name) for name in kinds.KINDS)
    assert "catalog" not in kinds.written_kinds()


def test_every_format_of_formulation_lists_its_commitments_and_results_may_answer_it():
    """Results answer every format of formulation: each names what it commits (issue 25)."""
    formulation = kinds.KINDS[kinds.FORMULATION]
    results = kinds.KINDS[kinds.RESULTS].format(None)
    for fmt in formulation.formats.values():
        assert fmt.commitments is not None and callable(fmt.commitments.load())
        assert fmt.name in results.link.formats
