"""Rules of the gender-equity measures: known kinds, and as many as the indicator commits."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic, FieldPath
from ..i18n import ngettext
from ..load.document import Document
from ..models.catalog import Catalog, Indicator
from ..models.objetivos import Formulation, IndicatorCommitment
from ..numbers import plain
from .checked import Rule
from .wording import not_in_catalog


def _gender_commitment(
        document: Document[Formulation], catalog: Catalog,
) -> tuple[FieldPath, IndicatorCommitment, Indicator] | None:
    for i, objective in enumerate(document.model.objectives):
        for j, commitment in enumerate(objective.indicators):
            indicator = catalog.indicator(commitment.indicator)
            if indicator is not None and indicator.counts_gender_measures:
                return ("objectives", i, "indicators", j), commitment, indicator
    return None


def measure_kinds_exist(document: Document[Formulation], catalog: Catalog) -> Iterator[Diagnostic]:
    known = [k.id for k in catalog.gender_measure_kinds]
    for i, measure in enumerate(document.model.gender_measures):
        if catalog.gender_measure_kind(measure.kind) is None:
            yield document.diagnostic(("gender_measures", i, "kind"), not_in_catalog(
                "kind", measure.kind, known, catalog.id))


def measures_match_numerator(document: Document[Formulation],
                             catalog: Catalog) -> Iterator[Diagnostic]:
    found = _gender_commitment(document, catalog)
    measures = document.model.gender_measures
    if not document.complete:
        return  # a measure or the indicator may have been left out: the count would mislead
    if found is None:
        if measures:
            yield document.diagnostic(("gender_measures",), ngettext(
                "hay {count} medida de género, pero no se compromete el indicador de género; se "
                "espera el indicador bajo un objetivo, o ninguna medida",
                "hay {count} medidas de género, pero no se compromete el indicador de género; se "
                "espera el indicador bajo un objetivo, o ninguna medida",
                len(measures)).format(count=len(measures)))
        return
    path, commitment, indicator = found
    # Measured only, or a target stated as a value alone: there is no numerator to count.
    numerator = commitment.target.numerator if commitment.target is not None else None
    if numerator is not None and numerator != len(measures):
        yield document.diagnostic(path + ("target", "numerator"), ngettext(
            "el numerador es {numerator}, pero hay {count} medida de género en "
            "`gender_measures`; se espera una medida por unidad del numerador de «{indicator}»",
            "el numerador es {numerator}, pero hay {count} medidas de género en "
            "`gender_measures`; se espera una medida por unidad del numerador de «{indicator}»",
            len(measures)).format(numerator=plain(numerator), count=len(measures),
                                  indicator=indicator.name))


RULES: tuple[Rule[Formulation], ...] = (measure_kinds_exist, measures_match_numerator)
