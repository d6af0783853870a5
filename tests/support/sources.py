"""Sources loaded, and their views as templates receive them, without rendering anything: for
the fast tests of models, views and charts. Through the package's entry points only, so that a
change of how a view is called is adapted here once."""

from __future__ import annotations

from pathlib import Path

from pmg_docs.diagnostics import Diagnostic, InputError
from pmg_docs.domain.year import Year
from pmg_docs.load import CatalogRegistry, Document, load_document
from pmg_docs.views.year import consolidate

from .paths import ROOT

EXAMPLES = ROOT / "examples"


def example(name: str) -> Document:
    """An example source, by its path under examples/ ("2024/aduanas.yaml")."""
    return load_document(EXAMPLES / name)


def view_of(document: Document) -> dict:
    """What the document's template receives as `view`."""
    return document.format.view.load()(document)


def example_year() -> Year:
    """The example year (examples/2024): every formulation with its results."""
    return consolidate(EXAMPLES / "2024", CatalogRegistry())


def year_view(year: Year) -> dict:
    """What the year's report template receives as `view`."""
    from pmg_docs.render.report import report_document
    from pmg_docs.views.report import view

    return view(report_document(year))


def refused(path: Path) -> list[Diagnostic]:
    """The located problems a source that must not load gets."""
    try:
        load_document(path)
    except InputError as exc:
        return exc.diagnostics
    raise AssertionError(f"{path} loaded")
