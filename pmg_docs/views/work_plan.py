"""The view of a work plan: each gender measure and each committed system with its activities,
dates printed, in the formulation's order."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..models.work_plan import Activity, WorkPlan
from ..numbers import format_short_date
from .lookup import known

if TYPE_CHECKING:
    from ..load.document import Document



def _activity(activity: Activity,
              stage_objectives: dict[tuple[int, int], str] | None = None) -> dict[str, object]:
    objective = None
    # A stage and an objective, or neither (checks/work_plan.py).
    if activity.stage is not None and activity.objective is not None \
            and stage_objectives is not None:
        objective = {"stage": activity.stage, "number": activity.objective,
                     "text": stage_objectives.get((activity.stage, activity.objective), "")}
    return {"activity": activity.activity, "start": format_short_date(activity.start),
            "end": format_short_date(activity.end), "unit": activity.unit,
            "evidence": list(activity.evidence), "objective": objective}


def view(document: Document[WorkPlan]) -> dict[str, Any]:
    plan, catalog = document.model, document.catalog
    formulation = document.formulation.model
    plans = {p.measure: p for p in plan.gender_measures}
    measures = []
    for number, measure in enumerate(formulation.gender_measures, start=1):
        if number in plans:
            kind = known(catalog.gender_measure_kind(measure.kind), measure.kind)
            measures.append({"number": number, "kind": kind.name,
                             "activities": [_activity(a) for a in plans[number].activities]})
    systems = []
    by_system = {p.system: p for p in plan.systems}
    for objective in formulation.objectives:
        for commitment in objective.systems:
            if commitment.system not in by_system:
                continue
            system = known(catalog.system(commitment.system), commitment.system)
            texts = {(s.number, o.number): o.text for s in system.stages for o in s.objectives}
            systems.append({"name": system.name, "activities": [
                _activity(a, texts) for a in by_system[commitment.system].activities]})
    return {"service": formulation.service, "measures": measures, "systems": systems}
