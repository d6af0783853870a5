"""A committed target as the documents print it, on its indicator's scale.

The view gives the parts, printed in the catalog's number style; the template puts them
together (`37.5 %`, `12,5 días`, `$ 1.234`, and the fraction `[(3 / 8) * 100]`), so that the
order and the words stay in the template.
"""

from __future__ import annotations

from ..domain.targets import stated_or_computed
from ..models.catalog import NumberStyle
from ..models.indicator import IndicatorFields, Target
from ..numbers import format_count, format_number


def target_view(target: Target, indicator: IndicatorFields,
                style: NumberStyle) -> dict[str, object]:
    value = stated_or_computed(target, indicator)
    if value is None:
        raise ValueError("a target with no value and a zero denominator: a view ran on a "
                         "document whose checks did not pass")
    return {
        "value": format_number(value, indicator.target_decimals, style),
        "unit": indicator.shown_unit,
        # An amount of money prints its symbol first: `$ 1.234`.
        "unit_first": indicator.scale == "currency",
        # Both or neither (the model says so).
        "numerator": format_count(target.numerator, style)
        if target.numerator is not None else None,
        "denominator": format_count(target.denominator, style)
        if target.denominator is not None else None,
        # What the fraction is multiplied by (100 for a percentage): the template prints it.
        "factor": indicator.factor,
    }
