"""The view of a results file (Informe de Cumplimiento): per objective, each commitment with its
weight, target, result, compliance and what it earned; each system's stage objectives achieved;
the overall compliance and the incentive band; notes, evidence and external causes."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..domain.compliance import Judged, Judgement, compliance_rules, judge
from ..domain.targets import indicator_of
from ..models.catalog import Catalog
from ..models.results import Results
from ..numbers import format_count, format_number
from ..richtext import render_markdown
from .lookup import known
from .targets import target_view

if TYPE_CHECKING:
    from ..load.document import Document



def percent_text(value: Decimal | float, catalog: Catalog) -> str:
    # As a float: what format_number reads of any number (and rounds from its shortest form).
    return format_number(float(value), compliance_rules(catalog).decimals, catalog.number_style)


def judgement_view(judgement: Judgement, catalog: Catalog) -> dict[str, object]:
    """The overall figures of a judgement, printed: shared by the informe and the report."""
    style, rules = catalog.number_style, compliance_rules(catalog)
    weight = catalog.rules.weight_decimals
    band = judgement.band
    return {
        "percent": percent_text(judgement.percent, catalog),
        "earned": format_number(judgement.earned, weight, style),
        "committed": format_number(judgement.committed, weight, style),
        "band": band.name,
        "share": format_count(band.share, style),
        "increment": format_count(band.increment, style) if band.increment is not None else None,
        "met_at": format_count(rules.met_at, style),
    }


def view(document: Document[Results]) -> dict[str, Any]:
    results, catalog = document.model, document.catalog
    style = catalog.number_style
    formulation = document.formulation.model
    judgement = judge(results, formulation, catalog)
    by_indicator = {r.indicator: r for r in results.indicators}
    by_system = {r.system: r for r in results.systems}

    def weight(value: float) -> str:
        return format_number(value, catalog.rules.weight_decimals, style)

    def row(number: int, judged: Judged) -> dict[str, object]:
        commitment = judged.commitment
        out: dict[str, object] = {
            "number": number, "kind": commitment.kind, "weight": weight(commitment.weight),
            "percent": percent_text(judged.percent, catalog)
            if judged.percent is not None else None,
            "met": judged.met, "external": judged.external, "earned": weight(judged.earned)}
        if commitment.kind == "indicator":
            indicator = known(indicator_of(commitment.item, catalog), commitment.id)
            result = by_indicator[commitment.id]
            out.update(
                name=indicator.name, measure_only=commitment.item.measure_only,
                target=target_view(commitment.item.target, indicator, style)
                if commitment.item.target else None,
                effective=target_view(result.effective, indicator, style),
                verification=list(result.verification),
                notes=render_markdown(result.notes) if result.notes else None)
        else:
            system = known(catalog.system(commitment.id), commitment.id)
            stages = {s.number: s for s in system.stages}
            system_result = by_system[commitment.id]
            grouped: dict[int, list[dict[str, object]]] = {}
            for o in judged.objectives:
                grouped.setdefault(o.stage, []).append({
                    "number": o.number, "text": stages[o.stage].objectives[o.number - 1].text,
                    "weight": format_count(o.weight, style), "achieved": o.achieved})
            out.update(
                name=system.name,
                committed=len(judged.objectives),
                achieved=sum(o.achieved for o in judged.objectives),
                stages=[{"number": n, "objectives": objs} for n, objs in grouped.items()],
                notes=render_markdown(system_result.notes) if system_result.notes else None)
        return out

    judged_by_id = {j.commitment.id: j for j in judgement.items}
    sections, number = [], 0
    for objective_commitment in sorted(
            formulation.objectives, key=lambda o: known(catalog.objective(o.objective),
                                                        o.objective).number):
        objective = known(catalog.objective(objective_commitment.objective),
                          objective_commitment.objective)
        rows = []
        idents = [*(s.system for s in objective_commitment.systems),
                  *(i.indicator for i in objective_commitment.indicators)]
        for ident in idents:
            number += 1
            rows.append(row(number, judged_by_id[ident]))
        earned = sum(judged_by_id[ident].earned for ident in idents)
        sections.append({"number": objective.number, "name": objective.name,
                         "weight": weight(objective_commitment.weight), "earned": weight(earned),
                         "rows": rows})

    causes = []
    for cause in results.external_causes:
        commitment = judged_by_id[cause.commitment].commitment
        name = (known(indicator_of(commitment.item, catalog), commitment.id).name
                if commitment.kind == "indicator"
                else known(catalog.system(cause.commitment), cause.commitment).name)
        causes.append({"name": name, "description": render_markdown(cause.description),
                       "accepted": cause.accepted})

    return {"service": formulation.service, "sections": sections, "causes": causes,
            "overall": judgement_view(judgement, catalog),
            "source": compliance_rules(catalog).source}
