"""What a committed target comes to on its indicator's scale, and which indicator a commitment
is: the figures the checks compare and the documents print.

A target with a numerator and a denominator gives numerator / denominator × the scale's factor
(× 100 for a percentage, × 1 for days, hours, a ratio, a number or an amount); a target may also
be a value alone (an amount of money, a number of days), with no fraction.
"""

from __future__ import annotations

from ..models.catalog import Catalog
from ..models.indicator import IndicatorFields, Target
from ..models.objetivos import IndicatorCommitment
from ..models.results import Periods


def indicator_of(commitment: IndicatorCommitment, catalog: Catalog) -> IndicatorFields | None:
    """What the commitment's indicator is: the service's own definition, else the catalog's."""
    return commitment.definition if commitment.definition is not None \
        else catalog.indicator(commitment.indicator)


def computed_value(target: Target, indicator: IndicatorFields) -> float | None:
    """What numerator and denominator give on the indicator's scale; None without a fraction or
    with a zero denominator."""
    if target.numerator is None or not target.denominator:
        return None
    return target.numerator / target.denominator * indicator.factor


def stated_or_computed(target: Target, indicator: IndicatorFields) -> float | None:
    """The value a document prints: the one stated, else the computed one."""
    return target.value if target.value is not None else computed_value(target, indicator)


def accumulated(periods: Periods, indicator: IndicatorFields) -> Target | None:
    """The result of a series, as the indicator accumulates (`accumulation`): the last period
    given (a stock reported to date), or the periods' numerators over their denominators on
    the indicator's scale (a flow; gaps add nothing). None when a flow's period gives a value
    alone, or its denominators add up to 0 (nothing to accumulate)."""
    given = [figures for _name, figures in periods.figures() if figures is not None]
    if indicator.accumulation == "last":
        return given[-1] if given else None
    if any(not figures.has_fraction for figures in given):
        return None
    numerator = sum(f.numerator or 0.0 for f in given)
    denominator = sum(f.denominator or 0.0 for f in given)
    if not denominator:
        return None
    return Target(numerator=numerator, denominator=denominator,
                  value=numerator / denominator * indicator.factor)
