"""Views of technical requirements: the guide of one system, and the annex of a formulation.

Both print the same table per stage objective (código, requisito técnico, nota técnica). Where
DIPRES merged requirements, their shared note is printed once, in a cell spanning their rows, as
the published slides do.
"""

from __future__ import annotations

from ..models.catalog import Catalog, StageObjective, System
from ..models.formulation import Formulation
from ..numbers import format_count


def requirement_rows(objective: StageObjective) -> list[dict]:
    """One row per requirement; `note_rows` is how many rows its note cell spans (0: none, the
    note of a merged group above covers it)."""
    rows: list[dict] = []
    group_start: dict | None = None
    previous = None
    for requirement in objective.requirements:
        row = {"code": requirement.code, "name": requirement.name, "note": requirement.note,
               "note_rows": 1}
        shares_note = (previous is not None and requirement.code in previous.merged_with
                       and previous.code in requirement.merged_with
                       and requirement.note == previous.note)
        if shares_note:
            group_start["note_rows"] += 1
            row["note_rows"] = 0
        else:
            group_start = row
        rows.append(row)
        previous = requirement
    return rows


def stage_heading(stage) -> str:
    return f"Etapa {stage.number}: {stage.name}" if stage.name else f"Etapa {stage.number}"


def catalog_reference(catalog: Catalog) -> str:
    return f"catálogo {catalog.id}, versión {catalog.version}"


def guide_view(system: System, catalog: Catalog) -> dict:
    """The "Requisitos técnicos" guide of one system of a catalog."""
    overview = []
    stages = []
    for stage in system.stages:
        objectives = [{"number": o.number, "text": o.text,
                       "count": len(o.requirements), "rows": requirement_rows(o)}
                      for o in stage.objectives]
        overview.append({"number": stage.number, "name": stage.name, "objectives": objectives})
        stages.append({"heading": stage_heading(stage), "objectives": objectives,
                       "has_requirements": any(o["count"] for o in objectives)})
    return {
        "title": "REQUISITOS TÉCNICOS",
        "system": system.name,
        "marco": catalog.title,
        "reference": catalog_reference(catalog),
        "running_title": f"Requisitos técnicos {catalog.mechanism} {catalog.year} — {system.name}",
        "service": None,
        "overview": overview,
        "stages": stages,
        "requirement_count": sum(o["count"] for s in overview for o in s["objectives"]),
    }


def requirements_annex(formulation: Formulation, catalog: Catalog) -> dict | None:
    """The requirements of every stage objective the formulation commits with a weight above 0;
    None for a formulation that weighs no stage objectives (the 2011 format): no annex."""
    if not isinstance(formulation, Formulation):
        raise ValueError("the requisitos annex needs a formulation that gives a weight to each "
                         "stage objective (the 2024 format)")
    if not formulation.objectives:
        return None
    systems = []
    for objective_commitment in formulation.objectives:
        for commitment in objective_commitment.systems:
            system = catalog.system(commitment.system)
            given = {s.stage: s.weights for s in commitment.stages}
            committed = []
            for stage in system.stages:
                weights = given.get(stage.number, ())
                for k, objective in enumerate(stage.objectives):
                    weight = weights[k] if k < len(weights) else 0
                    if weight > 0:
                        committed.append({
                            "stage_heading": stage_heading(stage), "number": objective.number,
                            "text": objective.text, "rows": requirement_rows(objective),
                            "weight": format_count(weight, catalog.number_style) + "%"})
            if committed:
                systems.append({"name": system.name, "objectives": committed,
                                "has_requirements": any(o["rows"] for o in committed)})
    return {
        "template": "anexo-requisitos",
        "title": "Anexo: Requisitos técnicos de los objetivos comprometidos",
        "reference": catalog_reference(catalog),
        "systems": systems,
    }
