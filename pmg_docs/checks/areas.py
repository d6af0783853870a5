"""Rules of the marco-and-área format (2011): systems committed by stage, exemptions.

A catalog of this format lists `priorities` (ALTA, MEDIANA, MENOR); its formulations commit
systems under `systems:` and list exemptions and modified stages under `exemptions:`. The
catalog's `documents:` selects this format; the kind registry then runs these checks, and the
marco's requirements on particular systems (checks/marco_requirements.py), on it alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..diagnostics import Diagnostic, FieldPath, Severity
from ..diagnostics.places import describe_path, named
from ..i18n import _
from ..load.document import Document
from ..models.areas import Exemption, Formulation, StageCommitment
from ..models.catalog import Catalog, System
from . import weights
from .checked import Rule
from .marco_requirements import check_requirements
from .wording import no_stage, not_in_catalog, twice


def _stage_numbers(system: System) -> list[int]:
    return sorted(stage.number for stage in system.stages)


def _name(catalog: Catalog, system_id: str) -> str:
    system = catalog.system(system_id)
    return system.name if system is not None else system_id


def _committed(document: Document[Formulation]) -> dict[str, int]:
    """Index in `systems:` of each committed system (its first occurrence)."""
    found: dict[str, int] = {}
    for i, commitment in enumerate(document.model.systems):
        found.setdefault(commitment.system, i)
    return found


def references_exist(document: Document[Formulation], catalog: Catalog) -> Iterator[Diagnostic]:
    known = [s.id for s in catalog.systems]
    entries = [(("systems", i), c.system) for i, c in enumerate(document.model.systems)]
    entries += [(("exemptions", i), e.system) for i, e in enumerate(document.model.exemptions)]
    for base, system_id in entries:
        system = catalog.system(system_id)
        if system is None:
            yield document.diagnostic(base + ("system",),
                                    not_in_catalog("system", system_id, known, catalog.id))
        elif catalog.area(system.area) is None or (
                catalog.marcos and catalog.marco(system.marco) is None):
            # The document prints each system's área (and marco, where the year has marcos).
            yield document.diagnostic(base + ("system",), _(
                "el sistema «{system}» no tiene un área o un marco conocidos en el catálogo "
                "{catalog} (área «{area}», marco «{marco}»); se espera que el catálogo lo ubique "
                "en una de sus áreas y uno de sus marcos").format(
                system=system.name, catalog=catalog.id, area=system.area, marco=system.marco))


def committed_once(document: Document[Formulation], catalog: Catalog) -> Iterator[Diagnostic]:
    first = _committed(document)
    for i, commitment in enumerate(document.model.systems):
        j = first[commitment.system]
        if j != i:
            yield document.diagnostic(("systems", i, "system"), twice(
                commitment.system, document.line_of(("systems", j))))


def stages_exist(document: Document[Formulation], catalog: Catalog) -> Iterator[Diagnostic]:
    for i, commitment in enumerate(document.model.systems):
        system = catalog.system(commitment.system)
        if system is not None and commitment.stage not in _stage_numbers(system):
            yield document.diagnostic(("systems", i, "stage"), no_stage(
                system.name, commitment.stage, _stage_numbers(system)))


def priorities_known(document: Document[Formulation], catalog: Catalog) -> Iterator[Diagnostic]:
    known = [f"{p.id} ({p.name})" for p in catalog.priorities]
    for i, commitment in enumerate(document.model.systems):
        if catalog.priority(commitment.priority) is None:
            yield document.diagnostic(("systems", i, "priority"), not_in_catalog(
                "priority", commitment.priority, known, catalog.id))


def weights_total(document: Document[Formulation], catalog: Catalog) -> Iterator[Diagnostic]:
    yield from weights.total(document, ("systems",),
                             [c.weight for c in document.model.systems], catalog,
                             _("de los sistemas comprometidos"))


def exemptions_consistent(document: Document[Formulation],
                          catalog: Catalog) -> Iterator[Diagnostic]:
    """An exemption names no stage and its system is not committed; a modification names a
    stage of a committed system; both give their justification; none is listed twice."""
    exemptions = document.model.exemptions
    committed = _committed(document)
    first_of_system: dict[str, int] = {}
    first_of_stage: dict[tuple[str, int | None], int] = {}
    for i, exemption in enumerate(exemptions):
        base = ("exemptions", i)
        name = _name(catalog, exemption.system)
        if exemption.justification is None:
            message = _("falta la justificación de la exención de «{system}»; se espera "
                        "`justification:` con la razón, tal como la imprime el documento") \
                if exemption.type == "eximir" else \
                _("falta la justificación de la modificación de «{system}»; se espera "
                  "`justification:` con la razón, tal como la imprime el documento")
            yield document.diagnostic(base, message.format(system=name))
        yield from _listed_twice(document, exemptions, i, name, first_of_system, first_of_stage)
        # Left-out commitments (load/partial.py) would make a system look uncommitted.
        known = committed if document.complete else None
        if exemption.type == "eximir":
            yield from _exemption(document, base, exemption, name, known)
        else:
            yield from _modification(document, catalog, base, exemption, name, known,
                                     document.model.systems)


def _listed_twice(document: Document[Formulation], exemptions: list[Exemption], i: int,
                  name: str, first_of_system: dict[str, int],
                  first_of_stage: dict[tuple[str, int | None], int]) -> Iterator[Diagnostic]:
    # An exemption covers the whole system, so it clashes with any other entry of that system;
    # modifications clash only when they name the same stage.
    exemption = exemptions[i]
    stage_key = (exemption.system, exemption.stage)
    earlier = first_of_system.get(exemption.system)
    if earlier is not None:
        if stage_key in first_of_stage and exemption.type == "modificar":
            earlier = first_of_stage[stage_key]
        elif "eximir" not in (exemption.type, exemptions[earlier].type):
            earlier = None
    if earlier is not None:
        yield document.diagnostic(("exemptions", i, "system"), _(
            "«{system}» ya está en la lista, en la línea {line}; se espera una exención por "
            "sistema o una modificación por etapa").format(
            system=name, line=document.line_of(("exemptions", earlier))))
    first_of_system.setdefault(exemption.system, i)
    if exemption.type == "modificar":
        first_of_stage.setdefault(stage_key, i)


def _exemption(document: Document[Formulation], base: FieldPath, exemption: Exemption,
               name: str, committed: dict[str, int] | None) -> Iterator[Diagnostic]:
    if exemption.stage is not None:
        yield document.diagnostic(base + ("stage",), _(
            "una exención (eximir) cubre todo «{system}» y no nombra etapa; se espera sin "
            "`stage:`, o `type: modificar` para modificar esa etapa").format(system=name))
    if committed is not None and exemption.system in committed:
        yield document.diagnostic(base + ("system",), _(
            "«{system}» está eximido pero también comprometido (línea {line}); se espera "
            "eximido o comprometido").format(
            system=name, line=document.line_of(("systems", committed[exemption.system]))))


def _modification(document: Document[Formulation], catalog: Catalog, base: FieldPath,
                  exemption: Exemption, name: str, committed: dict[str, int] | None,
                  commitments: list[StageCommitment]) -> Iterator[Diagnostic]:
    system = catalog.system(exemption.system)
    stage_known = False
    if exemption.stage is None:
        yield document.diagnostic(base, _(
            "la modificación de «{system}» no nombra etapa; se espera `stage:` con la etapa cuyos "
            "objetivos modifica").format(system=name))
    elif system is not None and exemption.stage not in _stage_numbers(system):
        yield document.diagnostic(base + ("stage",), no_stage(name, exemption.stage,
                                                            _stage_numbers(system)))
    else:
        stage_known = system is not None
    if committed is None:
        return
    if exemption.system not in committed:
        yield document.diagnostic(base + ("system",), _(
            "se modifica una etapa de «{system}», pero el sistema no está comprometido; se "
            "espera también bajo `systems:`, en la etapa modificada").format(system=name))
    elif stage_known:
        stage = commitments[committed[exemption.system]].stage
        if stage != exemption.stage:
            yield document.diagnostic(base + ("stage",), _(
                "modifica la etapa {stage} de «{system}», que está comprometido en la etapa "
                "{committed}; se espera la etapa comprometida").format(
                stage=exemption.stage, system=name, committed=stage), severity=Severity.WARNING)


RULES: tuple[Rule[Formulation], ...] = (
    references_exist,
    committed_once,
    stages_exist,
    priorities_known,
    weights_total,
    exemptions_consistent,
)


def check(document: Document[Formulation]) -> Iterable[Diagnostic]:
    """Every rule of the areas format, and the marco's requirements on particular systems."""
    for rule in (*RULES, check_requirements):
        yield from rule(document, document.catalog)


def describe(path: FieldPath, data: Any, catalog: Catalog) -> str | None:
    """`Sistema «Capacitación» › prioridad`, `Modificación «SIAC» › etapa`."""
    def exemption(item: Any, index: int, catalog: Catalog | None) -> str:
        kind = _("Exención") if item.get("type") == "eximir" else _("Modificación")
        return named(kind, item, "system", catalog.system if catalog else None)

    items = {"systems": lambda item, i, c: named(_("Sistema"), item, "system",
                                                 c.system if c else None),
             "exemptions": exemption}
    return describe_path(path, data, catalog, items, Formulation, frozenset({"system"}))
