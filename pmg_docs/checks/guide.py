"""Checks of a requirements guide: drawn from the catalog alone, it needs requirements there
(the catalog's own consistency is checked with the catalog)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostic, Severity
from ..i18n import _
from ..models.catalog import System

if TYPE_CHECKING:
    from ..load.document import Document
    from ..models.guide import EverySystem


def _has_requirements(system: System) -> bool:
    return any(o.requirements for stage in system.stages for o in stage.objectives)


def check(document: Document[System | EverySystem]) -> Iterable[Diagnostic]:
    subject, catalog = document.model, document.catalog
    if isinstance(subject, System):
        if not _has_requirements(subject):
            yield document.diagnostic(
                ("systems", catalog.systems.index(subject)), _(
                    "el sistema «{system}» no tiene requisitos técnicos en este catálogo; la guía "
                    "solo lista sus etapas y objetivos").format(system=subject.id),
                severity=Severity.WARNING)
    elif not subject.systems:
        yield document.diagnostic(("systems",), _(
            "el catálogo no tiene sistemas; se espera al menos uno bajo `systems:` para hacer la "
            "guía de requisitos del marco"))
    elif not any(_has_requirements(system) for system in subject.systems):
        yield document.diagnostic(("systems",), _(
            "ningún sistema del catálogo tiene requisitos técnicos; la guía solo lista sus "
            "etapas y objetivos"), severity=Severity.WARNING)
