"""Checks of a requirements guide: drawn from the catalog alone, it needs the system's
requirements there (the catalog's own consistency is checked with the catalog)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostic, Severity
from ..i18n import _

if TYPE_CHECKING:
    from ..load.document import Document
    from ..models.catalog import System


def check(document: Document[System]) -> Iterable[Diagnostic]:
    system, catalog = document.model, document.catalog
    if not any(o.requirements for stage in system.stages for o in stage.objectives):
        yield document.diagnostic(
            ("systems", catalog.systems.index(system)), _(
                "el sistema «{system}» no tiene requisitos técnicos en este catálogo; la guía "
                "solo lista sus etapas y objetivos").format(system=system.id),
            severity=Severity.WARNING)
