"""`pmg new formulation` for the areas format (2011): every system of the marco, by marco and
área, to commit at one stage with a priority and a weight; or last year's systems and
exemptions rolled forward.

Rolled forward, a system is carried with its stage, priority and weight while the new catalog
has the system and that stage; an exemption while it has the system. Everything else is listed
as a decision: nothing is dropped silently.
"""

from __future__ import annotations

from ...numbers import plain
from .common import TO_FILL, Request, Scaffold, comment_lines, header, q, service_lines


def _place(catalog, system) -> str:
    marco = catalog.marco(system.marco)
    area = catalog.area(system.area)
    return " › ".join(x.name for x in (marco, area) if x is not None)


def _system_line(catalog, system, carried) -> list[str]:
    stages = ", ".join(str(s.number) for s in system.stages) or "—"
    lines = comment_lines(f"{system.name} ({_place(catalog, system)}; stages {stages})", "  ")
    stage = carried.stage if carried else (system.stages[0].number if system.stages else 1)
    priority = carried.priority if carried else TO_FILL
    weight = carried.weight if carried else 0
    lines.append(f"  - {{system: {q(system.id)}, stage: {stage}, priority: {q(priority)}, "
                 f"weight: {q(weight)}}}")
    return lines


def _systems(request: Request) -> list[str]:
    """Every system of the marco for a new formulation; rolled forward, last year's in last
    year's order (the order the document prints), then the systems new in the marco."""
    catalog, previous = request.catalog, request.previous
    if previous is None:
        return [line for system in catalog.systems for line in _system_line(catalog, system, None)]
    lines = []
    last_catalog = previous.catalog
    for commitment in previous.model.systems:
        system = catalog.system(commitment.system)
        if system is None:
            request.decide(f"system {commitment.system!r} is not in {catalog.id}: it was not "
                           f"carried (stage {commitment.stage}, priority {commitment.priority}, "
                           f"weight {plain(commitment.weight)} last year); give its weight to "
                           "what remains")
            continue
        if commitment.stage not in {s.number for s in system.stages}:
            request.decide(f"system {system.name!r} ({system.id}): last year at stage "
                           f"{commitment.stage}, which {catalog.id} does not have; choose a stage")
            commitment = None
        lines.extend(_system_line(catalog, system, commitment))
    committed = {c.system for c in previous.model.systems}
    for system in catalog.systems:
        if system.id in committed:
            continue
        if last_catalog is not None and last_catalog.system(system.id) is not None:
            request.decide(f"system {system.name!r} ({system.id}) was not committed last year; "
                           "add it if the service commits it this year")
        else:
            request.decide(f"system {system.name!r} ({system.id}) is new in {catalog.id}: "
                           "decide whether to commit it (weight 0); remove it if not")
            lines.extend(_system_line(catalog, system, None))
    return lines


def _exemptions(request: Request) -> list[str]:
    catalog, previous = request.catalog, request.previous
    carried = []
    for exemption in previous.model.exemptions if previous else ():
        if catalog.system(exemption.system) is None:
            request.decide(f"the {exemption.type} of {exemption.system!r} was not carried: the "
                           f"system is not in {catalog.id}")
            continue
        carried.append(exemption)
    if not carried:
        return ["exemptions: []"]
    request.decide("exemptions: last year's are carried with their justifications; review "
                   "whether they still hold")
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
    catalog = request.catalog
    priorities = ", ".join(f"{p.id} ({p.name})" for p in catalog.priorities) or "—"
    body = ["kind: formulation", f"catalog: {q(catalog.id)}",
            *service_lines(request.service, request.last_service, request.decide), "",
            *comment_lines("Each system committed at one stage, with a priority and a weight. "
                           f"Priorities: {priorities}.", ""),
            "systems:", *_systems(request), "",
            "# Systems exempted (type: eximir) or whose stage is modified (type: modificar, with",
            "# its stage), each with its justification in Markdown.", *_exemptions(request)]
    total = catalog.rules.total_weight
    lines = header(f"Formulación {catalog.mechanism} {catalog.year} against {catalog.id}",
                   request.previous, request.decisions, request.schema_ref, [
                       "Keep the systems the service commits, each at its stage, with its "
                       "priority and weight",
                       f"(weights add up to {plain(total) if total else '—'}); remove the "
                       "others, or list them under exemptions."])
    return Scaffold("\n".join([*lines, *body]).rstrip("\n") + "\n", request.decisions)
