"""Rules of the marco, checked on a formulation against its catalog.

Each rule is a function `(document, catalog) -> iterable of Diagnostic` that looks at the sections
of the formulation it is about and reads its parameters from the catalog, so a year whose marco
differs changes its catalog, not this code. All rules run, and all their findings are gathered.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ..models.catalog import Catalog
from ..sources import Document
from . import areas, gender, objectives, requirements

RULES = (
    *objectives.RULES,
    *gender.RULES,
    *areas.RULES,
    *requirements.RULES,
)


def check(document: Document, catalog: Catalog) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for rule in RULES:
        found.extend(rule(document, catalog))
    return found
