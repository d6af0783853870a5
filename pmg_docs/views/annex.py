"""The view of the requisitos annex of a formulation by objectives: the technical requirements
of every stage objective committed with a weight above 0."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..models.objetivos import Formulation
from ..numbers import format_count
from .lookup import known
from .requirements import requirement_rows, stage_of

if TYPE_CHECKING:
    from ..load.document import Document



def requirements_annex(document: Document[Formulation]) -> dict[str, Any] | None:
    formulation, catalog = document.model, document.catalog
    systems = []
    for objective_commitment in formulation.objectives:
        for commitment in objective_commitment.systems:
            system = known(catalog.system(commitment.system), commitment.system)
            given = {s.stage: s.weights for s in commitment.stages}
            committed = []
            for stage in system.stages:
                weights = given.get(stage.number, ())
                for k, objective in enumerate(stage.objectives):
                    weight = weights[k] if k < len(weights) else 0
                    if weight > 0:
                        committed.append({
                            "stage": stage_of(stage), "number": objective.number,
                            "text": objective.text, "rows": requirement_rows(objective),
                            "weight": format_count(weight, catalog.number_style)})
            if committed:
                systems.append({"name": system.name, "objectives": committed,
                                "has_requirements": any(o["rows"] for o in committed)})
    return {"systems": systems}
