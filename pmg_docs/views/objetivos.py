"""The view of a formulation by management objectives: objectives with their systems and
indicators, in the catalog's order, and the gender-equity measures."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..domain.targets import indicator_of
from ..models.catalog import ManagementObjective
from ..models.objetivos import (
    Formulation,
    IndicatorCommitment,
    ObjectiveCommitment,
    SystemCommitment,
)
from ..numbers import format_count, format_number
from ..richtext import render_markdown
from .lookup import known
from .targets import target_view

if TYPE_CHECKING:
    from ..load.document import Document



def view(document: Document[Formulation]) -> dict[str, Any]:
    formulation, catalog = document.model, document.catalog
    style = catalog.number_style

    def weight(value: float) -> str:
        return format_number(value, catalog.rules.weight_decimals, style)

    def indicator_row(number: int, commitment: IndicatorCommitment) -> dict[str, object]:
        indicator = known(indicator_of(commitment, catalog), commitment.indicator)
        target = commitment.target
        return {"number": number, "name": indicator.name, "formula": indicator.formula or "",
                "own": commitment.definition is not None, "weight": weight(commitment.weight),
                "measure_only": commitment.measure_only,
                "target": target_view(target, indicator, style) if target else None}

    def system_block(number: int, commitment: SystemCommitment) -> dict[str, object]:
        system = known(catalog.system(commitment.system), commitment.system)
        given = {s.stage: s.weights for s in commitment.stages}
        stages = []
        for stage in system.stages:
            weights = given.get(stage.number, ())
            stages.append({
                "number": stage.number,
                # Stage-objective weights print as the originals do: `15`, `0`, `2.5`.
                "objectives": [
                    {"number": objective.number, "text": objective.text,
                     "weight": format_count(weights[k] if k < len(weights) else 0, style)}
                    for k, objective in enumerate(stage.objectives)
                ],
            })
        return {"number": number, "name": system.name, "weight": weight(commitment.weight),
                "total": format_count(commitment.weight, style), "stages": stages}

    def objective_of(commitment: ObjectiveCommitment) -> ManagementObjective:
        return known(catalog.objective(commitment.objective), commitment.objective)

    sections = []
    total_count = 0
    for commitment in sorted(formulation.objectives, key=lambda o: objective_of(o).number):
        objective = objective_of(commitment)
        # Within an objective the originals number systems first, then indicators.
        systems = [system_block(n, s) for n, s in enumerate(commitment.systems, start=1)]
        indicators = [indicator_row(n, i)
                      for n, i in enumerate(commitment.indicators, start=len(systems) + 1)]
        sections.append({"number": objective.number, "name": objective.name,
                         "weight": weight(commitment.weight), "systems": systems,
                         "indicators": indicators, "count": len(systems) + len(indicators)})
        total_count += len(systems) + len(indicators)

    gender = None
    gender_indicator = next((i for i in catalog.indicators if i.counts_gender_measures), None)
    if formulation.gender_measures and gender_indicator is not None:
        gender = {
            "indicator": gender_indicator.name,
            "count": len(formulation.gender_measures),
            "measures": [
                {"number": n, "kind": known(catalog.gender_measure_kind(m.kind), m.kind).name,
                 "description": render_markdown(m.description)}
                for n, m in enumerate(formulation.gender_measures, start=1)
            ],
        }

    return {
        "sections": sections,
        "total_weight": weight(sum(o.weight for o in formulation.objectives)),
        "total_count": total_count,
        "gender": gender,
    }
