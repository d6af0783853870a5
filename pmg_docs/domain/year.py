"""The year a report consolidates: every service's formulation, its results and their
judgement, against one catalog (views/year.py gathers it from a folder)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import Diagnostic
from ..load.document import Document
from ..models.catalog import Catalog
from .compliance import Judgement


@dataclass
class ServiceYear:
    formulation: Document
    results: Document | None = None
    judgement: Judgement | None = None


@dataclass
class Year:
    catalog_document: Document
    services: list[ServiceYear] = field(default_factory=list)
    # Warnings found on the way (a formulation without results).
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def catalog(self) -> Catalog:
        catalog = self.catalog_document.model
        assert isinstance(catalog, Catalog)  # the registry holds catalogs
        return catalog

    @property
    def judged(self) -> list[ServiceYear]:
        return [s for s in self.services if s.judgement is not None]
