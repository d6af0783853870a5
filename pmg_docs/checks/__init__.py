"""Rules of the marco, checked on a formulation against its catalog.

Each rule is a function `(document, catalog) -> iterable of Diagnostic` that looks at the sections
of the formulation it is about and reads its parameters from the catalog, so a year whose marco
differs changes its catalog, not this code. All rules run, and all their findings are gathered.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ..load.sources import Document
from ..models.catalog import Catalog
from . import areas, gender
from . import marco_requirements as requirements
from . import objetivos as objectives

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
