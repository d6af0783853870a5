"""The view of a results file (Informe de Cumplimiento): per group of the formulation (its
objectives, its areas, or none), each commitment with its weight, target, result, compliance and
what it earned; each system's stage objectives achieved; the overall compliance and the
incentive band; notes, evidence and external causes.

Every indicator's row carries the indicator's id and definition (`row.indicator`: name,
formula, unit, type, scale, notes…), resolved by id from the formulation or the catalog, and
what real reports add: its figures by sex, the other weights the catalog declares and its
series of the year (shared with the monthly report, views/monthly.py). Templates read them
there and never match indicators by name (templates/README.md).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..domain.compliance import (
    Commitment,
    Judged,
    Judgement,
    commitments,
    compliance_rules,
    effective_of,
    judge,
    obtained,
    sex_figures,
)
from ..domain.targets import accumulated, indicator_of
from ..models.catalog import Catalog
from ..models.indicator import IndicatorFields
from ..models.results import IndicatorResult
from ..models.vocabulary import word
from ..numbers import format_count, format_long_date, format_number
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


def definition_view(ident: str, indicator: IndicatorFields,
                    catalog: Catalog) -> dict[str, object]:
    """What defines an indicator, for a template: its id and every field of its definition,
    the type by the catalog's name for it, the notes rendered."""
    kind = catalog.indicator_type(indicator.type) if indicator.type is not None else None
    return {
        "id": ident, "name": indicator.name, "formula": indicator.formula,
        "type": kind.name if kind is not None else indicator.type, "type_id": indicator.type,
        "scale": indicator.scale, "unit": indicator.shown_unit,
        "numerator_description": indicator.numerator_description,
        "denominator_description": indicator.denominator_description,
        "notes": render_markdown(indicator.notes) if indicator.notes else None,
        "verification": list(indicator.verification),
    }


def series_view(result: IndicatorResult, indicator: IndicatorFields,
                catalog: Catalog) -> dict[str, object] | None:
    """A result's series: each period by its name with its figures, None for a gap, and the
    accumulated result."""
    if result.periods is None:
        return None
    style = catalog.number_style
    total = accumulated(result.periods, indicator)
    return {
        "periods": [{"id": name, "name": word(name),
                     "figures": target_view(figures, indicator, style)
                     if figures is not None else None}
                    for name, figures in result.periods.figures()],
        "accumulated": target_view(total, indicator, style) if total is not None else None,
        # How the series accumulates: "sum" of its periods, or its "last" period given.
        "accumulation": indicator.accumulation,
    }


def indicator_row(commitment: Commitment, result: IndicatorResult, judged: Judged,
                  catalog: Catalog) -> dict[str, object]:
    """What an indicator's row prints, beyond its weight and compliance: shared by the
    informe and the monthly report."""
    assert commitment.kind == "indicator"
    style = catalog.number_style
    indicator = known(indicator_of(commitment.item, catalog), commitment.id)
    sexes = []
    for sex, figures in sex_figures(result):
        percent = judged.by_sex.get(sex)
        sexes.append({"sex": sex, "label": word(sex),
                      "figures": target_view(figures, indicator, style),
                      "percent": percent_text(percent, catalog) if percent is not None else None})
    rules = compliance_rules(catalog)
    weights = catalog.rules.weight_decimals
    others = []
    for other in result.other_weights:
        declared = rules.other_weight(other.id)
        earned = obtained(judged, other.weight)
        others.append({"id": other.id, "name": declared.name if declared else other.id,
                       "weight": format_number(other.weight, weights, style),
                       "obtained": format_number(earned, weights, style),
                       # As numbers, for totals.
                       "weight_value": other.weight, "obtained_value": earned})
    return {
        "id": commitment.id, "name": indicator.name,
        "indicator": definition_view(commitment.id, indicator, catalog),
        "measure_only": commitment.item.measure_only,
        "target": target_view(commitment.item.target, indicator, style)
        if commitment.item.target else None,
        "effective": target_view(effective_of(result, indicator), indicator, style),
        "by_sex": sexes, "other_weights": others,
        "series": series_view(result, indicator, catalog),
        "verification": list(result.verification),
        "notes": render_markdown(result.notes) if result.notes else None,
    }


def _total(rows: list[dict[str, Any]], key: str, catalog: Catalog) -> str:
    return format_number(sum(row[key] for row in rows), catalog.rules.weight_decimals,
                         catalog.number_style)


def other_weights_view(sections: list[dict[str, Any]],
                       catalog: Catalog) -> list[dict[str, Any]]:
    """Per weight the catalog declares beside the formulation's, the rows that carry it (their
    number, name, weight and what they obtained); a weight no row carries is left out."""
    found: list[dict[str, Any]] = []
    for declared in compliance_rules(catalog).other_weights:
        rows = [{"number": row["number"], "name": row["name"], "weight": other["weight"],
                 "obtained": other["obtained"], "weight_value": other["weight_value"],
                 "obtained_value": other["obtained_value"]}
                for section in sections for row in section["rows"]
                for other in row.get("other_weights", ()) if other["id"] == declared.id]
        if rows:
            found.append({"id": declared.id, "name": declared.name, "rows": rows,
                          "weight": _total(rows, "weight_value", catalog),
                          "obtained": _total(rows, "obtained_value", catalog)})
    return found


def header_view(document: Document[Any]) -> dict[str, object]:
    """The report's own fields: its state and date, printed."""
    model = document.model
    return {"state": model.state,
            "date": format_long_date(model.date) if model.date is not None else None}


def _group(commitment: Commitment, catalog: Catalog) -> tuple[int, str, str] | None:
    """(number, name, heading word) of what groups a commitment as its formulation prints it:
    its objective, its system's área, or nothing."""
    if commitment.objective is not None:
        objective = known(catalog.objective(commitment.objective), commitment.objective)
        return objective.number, objective.name, "objective"
    system = catalog.system(commitment.id) if commitment.kind == "system" else None
    area = catalog.area(system.area) if system is not None else None
    if area is not None:
        return area.number or 0, area.name, "area"
    return None


def view(document: Document[Any]) -> dict[str, Any]:
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
            out.update(indicator_row(commitment, by_indicator[commitment.id], judged, catalog))
        else:
            system = known(catalog.system(commitment.id), commitment.id)
            stages = {s.number: s for s in system.stages}
            system_result = by_system[commitment.id]
            grouped: dict[int, list[dict[str, object]]] = {}
            for o in judged.objectives:
                objectives = stages[o.stage].objectives if o.stage in stages else []
                grouped.setdefault(o.stage, []).append({
                    "number": o.number,
                    "text": objectives[o.number - 1].text
                    if o.number <= len(objectives) else None,
                    "weight": format_count(o.weight, style), "achieved": o.achieved})
            out.update(
                id=commitment.id, name=system.name, whole=commitment.whole,
                committed=len(judged.objectives),
                achieved=sum(o.achieved for o in judged.objectives),
                stages=[{"number": n, "objectives": objs} for n, objs in grouped.items()],
                notes=render_markdown(system_result.notes) if system_result.notes else None)
        return out

    judged_by_id = {j.commitment.id: j for j in judgement.items}
    groups: dict[tuple[int, str, str] | None, list[Judged]] = {}
    for commitment in commitments(formulation):
        groups.setdefault(_group(commitment, catalog), []).append(judged_by_id[commitment.id])
    sections, number = [], 0
    for group in sorted(groups, key=lambda g: g[0] if g is not None else 0):
        rows = []
        # Systems first, then indicators, as the formulation by objectives prints them.
        items = groups[group]
        for judged in [*(j for j in items if j.commitment.kind == "system"),
                       *(j for j in items if j.commitment.kind == "indicator")]:
            number += 1
            rows.append(row(number, judged))
        sections.append({
            "number": group[0] if group else None, "name": group[1] if group else None,
            "group": group[2] if group else None,
            "weight": weight(sum(j.commitment.weight for j in items)),
            "earned": weight(sum(j.earned for j in items)), "rows": rows})

    causes = []
    for cause in results.external_causes:
        commitment = judged_by_id[cause.commitment].commitment
        name = (known(indicator_of(commitment.item, catalog), commitment.id).name
                if commitment.kind == "indicator"
                else known(catalog.system(cause.commitment), cause.commitment).name)
        causes.append({"name": name, "description": render_markdown(cause.description),
                       "accepted": cause.accepted})

    return {"service": formulation.service, "sections": sections, "causes": causes,
            "overall": judgement_view(judgement, catalog), **header_view(document),
            "other_weights": other_weights_view(sections, catalog),
            "source": compliance_rules(catalog).source}
