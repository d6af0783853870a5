"""`pmg new formulation` for the areas format (2011): every system of the marco, by marco and
área, to commit at one stage with a priority and a weight; or last year's systems and
exemptions rolled forward.

Rolled forward, a system is carried with its stage, priority and weight while the new catalog
has the system and that stage; an exemption while it has the system. Everything else is listed
as a decision: nothing is dropped silently.
"""

from __future__ import annotations

from ... import kinds
from ...i18n import _
from ...models.areas import Exemption, Formulation, StageCommitment
from ...models.catalog import Catalog, System
from ...numbers import plain
from .common import TO_FILL, Request, Scaffold, comment_lines, header, q, service_lines


def _place(catalog: Catalog, system: System) -> str:
    marco = catalog.marco(system.marco)
    area = catalog.area(system.area)
    return " › ".join(x.name for x in (marco, area) if x is not None)


def _system_line(catalog: Catalog, system: System, carried: StageCommitment | None,
                 ) -> list[str]:
    stages = ", ".join(str(s.number) for s in system.stages) or "—"
    lines = comment_lines(_("{system} ({place}; etapas {stages})").format(
        system=system.name, place=_place(catalog, system), stages=stages), "  ")
    stage = carried.stage if carried else (system.stages[0].number if system.stages else 1)
    priority = carried.priority if carried else TO_FILL
    weight = carried.weight if carried else 0
    lines.append(f"  - {{system: {q(system.id)}, stage: {stage}, priority: {q(priority)}, "
                 f"weight: {q(weight)}}}")
    return lines


def _systems(request: Request) -> list[str]:
    """Every system of the marco for a new formulation; rolled forward, last year's in last
    year's order (the order the document prints), then the systems new in the marco."""
    catalog, previous = request.known_catalog(), request.last_year(Formulation)
    if previous is None:
        return [line for system in catalog.systems for line in _system_line(catalog, system, None)]
    lines: list[str] = []
    last_catalog = request.previous.catalog if request.previous else None
    for commitment in previous.systems:
        system = catalog.system(commitment.system)
        if system is None:
            request.decide(_("el sistema «{system}» no está en {catalog}: no se trasladó (etapa "
                             "{stage}, prioridad {priority}, ponderación {weight} el año "
                             "anterior); reparta su ponderación en lo que queda").format(
                system=commitment.system, catalog=catalog.id, stage=commitment.stage,
                priority=commitment.priority, weight=plain(commitment.weight)))
            continue
        carried: StageCommitment | None = commitment
        if commitment.stage not in {s.number for s in system.stages}:
            request.decide(_("sistema «{name}» ({id}): el año anterior en la etapa {stage}, que "
                             "{catalog} no tiene; elija una etapa").format(
                name=system.name, id=system.id, stage=commitment.stage, catalog=catalog.id))
            carried = None
        lines.extend(_system_line(catalog, system, carried))
    committed = {c.system for c in previous.systems}
    for system in catalog.systems:
        if system.id in committed:
            continue
        if last_catalog is not None and last_catalog.system(system.id) is not None:
            request.decide(_("el sistema «{name}» ({id}) no se comprometió el año anterior; "
                             "agréguelo si el servicio lo compromete este año").format(
                name=system.name, id=system.id))
        else:
            request.decide(_("el sistema «{name}» ({id}) es nuevo en {catalog}: decida si "
                             "comprometerlo (ponderación 0); quítelo si no").format(
                name=system.name, id=system.id, catalog=catalog.id))
            lines.extend(_system_line(catalog, system, None))
    return lines


def _exemptions(request: Request) -> list[str]:
    catalog, previous = request.known_catalog(), request.last_year(Formulation)
    carried: list[Exemption] = []
    for exemption in previous.exemptions if previous else ():
        if catalog.system(exemption.system) is None:
            request.decide(_("no se trasladó la exención ({type}) de «{system}»: el sistema no "
                             "está en {catalog}").format(type=exemption.type,
                                                         system=exemption.system,
                                                         catalog=catalog.id))
            continue
        carried.append(exemption)
    if not carried:
        return ["exemptions: []"]
    request.decide(_("exemptions: se trasladan las del año anterior con sus justificaciones; "
                     "revise si siguen vigentes"))
    lines = ["exemptions:"]
    for exemption in carried:
        lines.append(f"  - system: {q(exemption.system)}")
        lines.append(f"    type: {q(exemption.type)}")
        if exemption.stage is not None:
            lines.append(f"    stage: {exemption.stage}")
        if exemption.justification is not None:
            lines.append(f"    justification: {q(exemption.justification)}")
    return lines


def scaffold(request: Request) -> Scaffold:
    catalog = request.known_catalog()
    priorities = ", ".join(f"{p.id} ({p.name})" for p in catalog.priorities) or "—"
    body = [f"kind: {kinds.FORMULATION}", f"catalog: {q(catalog.id)}",
            *service_lines(request.service, request.last_service, request.decide), "",
            *comment_lines(_("Cada sistema se compromete en una etapa, con una prioridad y una "
                             "ponderación. Prioridades: {priorities}.").format(
                                 priorities=priorities), ""),
            "systems:", *_systems(request), "",
            *comment_lines(_("Sistemas eximidos (type: eximir) o cuya etapa se modifica (type: "
                             "modificar, con su etapa), cada uno con su justificación en "
                             "Markdown."), ""),
            *_exemptions(request)]
    total = catalog.rules.total_weight
    previous = request.last_year(Formulation)
    lines = header(catalog, previous, request.decisions, request.schema_ref, _(
        "Deje los sistemas que el servicio compromete, cada uno en su etapa, con su prioridad y "
        "su ponderación (las ponderaciones suman {total}); quite los demás, o póngalos en "
        "exemptions.").format(total=plain(total) if total else "—"))
    return Scaffold("\n".join([*lines, *body]).rstrip("\n") + "\n", request.decisions)
