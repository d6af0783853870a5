"""The marco's requirements on particular systems, read from the catalog's `rules.requirements`.

A marco may require a system to be committed, at least some stage or its last one, at least some
priority, at least some weight (Circular N° 39 of 2011: Monitoreo del Desempeño with all its
objectives, ALTA priority and at least 60 %; Seguridad de la Información at least stage 2; the
last stage for the others). Each requirement is data in the catalog; this one engine checks them
all, so a new marco changes its catalog, not this code.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..diagnostics import Diagnostic
from ..i18n import _
from ..load.document import Document
from ..models.areas import Formulation, StageCommitment
from ..models.catalog import Catalog, System, SystemRequirement
from ..numbers import rounded, shown
from .checked import Rule
from .wording import not_in_catalog


def selected_systems(requirement: SystemRequirement, catalog: Catalog) -> list[System]:
    """The catalog's systems a requirement applies to, in the catalog's order."""
    listed = set(requirement.systems)
    return [system for system in catalog.systems
            if (not listed or system.id in listed)
            and requirement.marco in (None, system.marco)
            and requirement.area in (None, system.area)
            and system.id not in requirement.excluding]


def check_requirements(document: Document[Formulation],
                       catalog: Catalog) -> Iterable[Diagnostic]:
    committed: dict[str, int] = {}
    for i, commitment in enumerate(document.model.systems):
        committed.setdefault(commitment.system, i)
    for requirement in catalog.rules.requirements:
        why = f" ({requirement.source})" if requirement.source else ""
        for system in selected_systems(requirement, catalog):
            if system.id not in committed:
                # A commitment left out (load/partial.py) is no missing commitment.
                if requirement.committed and document.complete:
                    yield document.diagnostic(("systems",), _(
                        "«{system}» no está comprometido; el marco lo exige{why}: se espera bajo "
                        "`systems:`").format(system=system.name, why=why))
                continue
            i = committed[system.id]
            yield from _check_commitment(document, catalog, requirement, system, i,
                                         document.model.systems[i], why)


def _check_commitment(document: Document[Formulation], catalog: Catalog,
                      requirement: SystemRequirement, system: System, i: int,
                      commitment: StageCommitment, why: str) -> Iterable[Diagnostic]:
    base = ("systems", i)
    stages = sorted(stage.number for stage in system.stages)
    if requirement.last_stage and stages and commitment.stage != stages[-1]:
        yield document.diagnostic(base + ("stage",), _(
            "se compromete la etapa {stage} de «{system}»; el marco exige su última etapa, "
            "{last} (todos sus objetivos){why}").format(
            stage=commitment.stage, system=system.name, last=stages[-1], why=why))
    minimum = requirement.stage_at_least
    if minimum is not None and commitment.stage < minimum:
        yield document.diagnostic(base + ("stage",), _(
            "se compromete la etapa {stage} de «{system}»; el marco exige al menos la etapa "
            "{minimum}{why}").format(stage=commitment.stage, system=system.name,
                                     minimum=minimum, why=why))
    required = catalog.priority(requirement.priority_at_least or "")
    given = catalog.priority(commitment.priority)
    if required is not None and given is not None and given.level < required.level:
        yield document.diagnostic(base + ("priority",), _(
            "«{system}» tiene prioridad {given}; el marco exige al menos {required}{why}").format(
            system=system.name, given=given.name, required=required.name, why=why))
    weight = requirement.weight_at_least
    decimals = catalog.rules.weight_decimals
    if weight is not None and rounded(commitment.weight, decimals) < rounded(weight, decimals):
        yield document.diagnostic(base + ("weight",), _(
            "«{system}» tiene ponderación {given}; el marco exige al menos {required}{why}"
        ).format(system=system.name, given=shown(commitment.weight, decimals),
                 required=shown(weight, decimals), why=why))


def check_catalog_requirements(document: Document[Catalog]) -> Iterable[Diagnostic]:
    """Every system, marco, área and priority a requirement names exists in its catalog."""
    catalog = document.model
    kinds = (("systems", catalog.system), ("excluding", catalog.system))
    for index, requirement in enumerate(catalog.rules.requirements):
        base = ("rules", "requirements", index)
        for field, lookup in kinds:
            for j, ident in enumerate(getattr(requirement, field)):
                if lookup(ident) is None:
                    yield document.diagnostic(base + (field, j), not_in_catalog(
                        "system", ident, (s.id for s in catalog.systems)))
        for field, find, known in (
                ("marco", catalog.marco, catalog.marcos), ("area", catalog.area, catalog.areas),
                ("priority_at_least", catalog.priority, catalog.priorities)):
            ident = getattr(requirement, field)
            if ident is not None and find(ident) is None:
                yield document.diagnostic(base + (field,), not_in_catalog(
                    field.split("_")[0], ident, (k.id for k in known)))
        if not selected_systems(requirement, catalog):
            yield document.diagnostic(base, _(
                "la exigencia no se aplica a ningún sistema de este catálogo; se espera que "
                "`systems:`, `marco:` o `area:` nombren alguno"))


RULES: tuple[Rule[Formulation], ...] = (check_requirements,)
