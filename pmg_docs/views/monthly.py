"""The view of a monthly report of indicators: per indicator its definition, its target, its
series of the year (a gap shown as such), the accumulated result and its compliance."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..domain.compliance import commitments, compliance_rules, judge_indicator
from ..models.results import MONTHS, QUARTERS
from ..models.vocabulary import word
from .results import header_view, indicator_row, percent_text

if TYPE_CHECKING:
    from ..load.document import Document
    from ..models.results import MonthlyReport


def view(document: Document[MonthlyReport]) -> dict[str, Any]:
    report, catalog = document.model, document.catalog
    rules = compliance_rules(catalog)
    by_indicator = {r.indicator: r for r in report.indicators}
    rows: list[dict[str, Any]] = []
    for commitment in commitments(document.formulation.model):
        if commitment.kind != "indicator":
            continue
        result = by_indicator[commitment.id]
        judged = judge_indicator(commitment, result, False, rules, catalog)
        rows.append({
            "number": len(rows) + 1, "met": judged.met,
            "percent": percent_text(judged.percent, catalog)
            if judged.percent is not None else None,
            **indicator_row(commitment, result, judged, catalog)})
    quarterly = any(r.periods is not None and r.periods.names == QUARTERS
                    for r in report.indicators)
    names = QUARTERS if quarterly else MONTHS
    return {"service": document.formulation.model.service, "rows": rows,
            "periods": [word(name) for name in names], **header_view(document),
            "met_at": percent_text(rules.met_at, catalog)}
