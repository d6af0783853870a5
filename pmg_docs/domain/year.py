"""The year a report consolidates: every service's formulation, its results and their
judgement, against one catalog (views/year.py gathers it from a folder)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic
from ..load.document import Document
from ..models.catalog import Catalog
from ..models.results import Results
from .compliance import Judgement


@dataclass
class ServiceYear:
    # A formulation of any format, judged by its results' catalog's rules.
    formulation: Document[Any]
    results: Document[Results] | None = None
    judgement: Judgement | None = None


@dataclass
class Year:
    catalog_document: Document[Catalog]
    services: list[ServiceYear] = field(default_factory=list)
    # Warnings found on the way (a formulation without results).
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def catalog(self) -> Catalog:
        return self.catalog_document.model

    @property
    def sources(self) -> list[Path]:
        """The files the year consolidates: every formulation and results file."""
        return [d.source.path for s in self.services
                for d in (s.formulation, s.results) if d is not None]

    @property
    def judging_catalogs(self) -> list[Catalog]:
        """The catalogs the year's services are judged by: the report's first, then the others
        by id."""
        others = {s.results.catalog.id: s.results.catalog for s in self.services
                  if s.results is not None and s.results.catalog.id != self.catalog.id}
        return [self.catalog, *(others[i] for i in sorted(others))]

    @property
    def judged(self) -> list[ServiceYear]:
        return [s for s in self.services if s.judgement is not None]
