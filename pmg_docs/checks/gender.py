"""Rules of the gender-equity measures: known kinds, and as many as the indicator commits."""

from __future__ import annotations

from ..numbers import plain
from .wording import not_in_catalog


def _gender_commitment(document, catalog):
    for i, objective in enumerate(document.model.objectives):
        for j, commitment in enumerate(objective.indicators):
            indicator = catalog.indicator(commitment.indicator)
            if indicator is not None and indicator.counts_gender_measures:
                return ("objectives", i, "indicators", j), commitment, indicator
    return None


def measure_kinds_exist(document, catalog):
    known = [k.id for k in catalog.gender_measure_kinds]
    for i, measure in enumerate(document.model.gender_measures):
        if catalog.gender_measure_kind(measure.kind) is None:
            yield document.source.diagnostic(("gender_measures", i, "kind"), not_in_catalog(
                "kind", measure.kind, known, catalog.id))


def measures_match_numerator(document, catalog):
    found = _gender_commitment(document, catalog)
    measures = document.model.gender_measures
    if found is None:
        if measures:
            yield document.source.diagnostic(
                ("gender_measures",), f"{len(measures)} gender measures listed but no gender "
                "indicator is committed; expected the indicator under an objective, or no measures")
        return
    path, commitment, indicator = found
    if commitment.target is None:
        return
    numerator = commitment.target.numerator
    if numerator != len(measures):
        yield document.source.diagnostic(
            path + ("target", "numerator"), f"numerator is {plain(numerator)} but {len(measures)} "
            f"gender measures are listed under `gender_measures`; expected one measure per unit "
            f"of the numerator of {indicator.name!r}")


RULES = (measure_kinds_exist, measures_match_numerator)
