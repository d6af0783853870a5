"""The view of a 2024-format formulation: objectives, their systems and indicators, measures."""

from __future__ import annotations

from ..models.catalog import Catalog
from ..models.formulation import Formulation, IndicatorCommitment, SystemCommitment
from ..numbers import format_count, format_number, percent
from ..richtext import render_markdown


def formulation_view(formulation: Formulation, catalog: Catalog) -> dict:
    style = catalog.number_style
    weight_decimals = catalog.rules.weight_decimals

    def weight(value: float) -> str:
        return format_number(value, weight_decimals, style)

    def whole_percent(value: float) -> str:
        # Stage-objective weights print as the originals do: `15%`, `0%`, `2.5%`.
        return format_count(value, style) + "%"

    def indicator_row(number: int, commitment: IndicatorCommitment) -> dict:
        indicator = catalog.indicator(commitment.indicator)
        row = {"number": number, "name": indicator.name, "formula": indicator.formula,
               "weight": weight(commitment.weight), "measure_only": commitment.measure_only,
               "target": None, "fraction": None}
        target = commitment.target
        if target is not None:
            value = target.percent if target.percent is not None else percent(
                target.numerator, target.denominator)
            row["target"] = format_number(value, indicator.target_decimals, style) + " %"
            row["fraction"] = (f"[({format_count(target.numerator, style)} / "
                               f"{format_count(target.denominator, style)}) * 100]")
        return row

    def system_block(number: int, commitment: SystemCommitment) -> dict:
        system = catalog.system(commitment.system)
        given = {s.stage: s.weights for s in commitment.stages}
        stages = []
        for stage in system.stages:
            weights = given.get(stage.number, ())
            stages.append({
                "number": stage.number,
                "objectives": [
                    {"number": objective.number, "text": objective.text,
                     "weight": whole_percent(weights[k] if k < len(weights) else 0)}
                    for k, objective in enumerate(stage.objectives)
                ],
            })
        return {"number": number, "name": system.name, "weight": weight(commitment.weight),
                "total": whole_percent(commitment.weight), "stages": stages}

    sections = []
    summary = []
    for commitment in sorted(formulation.objectives,
                             key=lambda o: catalog.objective(o.objective).number):
        objective = catalog.objective(commitment.objective)
        # Within an objective the originals number systems first, then indicators.
        systems = [system_block(n, s) for n, s in enumerate(commitment.systems, start=1)]
        first_indicator = len(systems) + 1
        indicators = [indicator_row(n, i)
                      for n, i in enumerate(commitment.indicators, start=first_indicator)]
        count = len(systems) + len(indicators)
        summary.append({"number": objective.number, "name": objective.name,
                        "weight": weight(commitment.weight), "count": count})
        sections.append({"number": objective.number, "name": objective.name,
                         "weight": weight(commitment.weight), "systems": systems,
                         "indicators": indicators})

    gender = None
    gender_indicator = next((i for i in catalog.indicators if i.counts_gender_measures), None)
    if formulation.gender_measures and gender_indicator is not None:
        gender = {
            "indicator": gender_indicator.name,
            "count": len(formulation.gender_measures),
            "measures": [
                {"number": n, "kind": catalog.gender_measure_kind(m.kind).name,
                 "description": render_markdown(m.description)}
                for n, m in enumerate(formulation.gender_measures, start=1)
            ],
        }

    return {
        "title": ("FORMULACIÓN DEL PROGRAMA DE MEJORAMIENTO DE LA GESTIÓN AÑO "
                  f"{catalog.year}"),
        "running_title": f"Formulación {catalog.mechanism} {catalog.year}",
        "service": formulation.service,
        "summary": summary,
        "summary_total": weight(sum(o.weight for o in formulation.objectives)),
        "summary_count": sum(row["count"] for row in summary),
        "sections": sections,
        "gender": gender,
    }
