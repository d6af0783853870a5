"""The view of a formulation of performance indicators: one entry per indicator, with its type
as the catalog names it, its target on its scale and its note rendered from Markdown."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..models.indicadores import Formulation
from ..numbers import format_number
from ..richtext import render_markdown
from .targets import target_view

if TYPE_CHECKING:
    from ..load.document import Document



def view(document: Document[Formulation]) -> dict[str, Any]:
    formulation, catalog = document.model, document.catalog
    style = catalog.number_style

    def type_name(type_id: str | None) -> str | None:
        found = catalog.indicator_type(type_id) if type_id else None
        return found.name if found is not None else type_id

    indicators = [{
        "number": number,
        "id": indicator.id,
        "product": indicator.product,
        "type": type_name(indicator.type),
        "name": indicator.name,
        "formula": indicator.formula,
        "unit": indicator.shown_unit,
        "target": target_view(indicator.target, indicator, style),
        "numerator_description": indicator.numerator_description,
        "denominator_description": indicator.denominator_description,
        "verification": indicator.verification,
        "notes": render_markdown(indicator.notes) if indicator.notes else None,
        "sex_disaggregation": indicator.sex_disaggregation,
        "territorial": indicator.territorial,
        "weight": (format_number(indicator.weight, catalog.rules.weight_decimals, style)
                   if indicator.weight is not None else None),
    } for number, indicator in enumerate(formulation.indicators, start=1)]
    weights = [i.weight for i in formulation.indicators if i.weight is not None]
    return {
        "indicators": indicators,
        "total_weight": (format_number(sum(weights), catalog.rules.weight_decimals, style)
                         if weights else None),
    }
