"""Rules of a monthly report of indicators: like a results file's (checks/results.py), every
indicator its formulation commits is answered once, and each series adds up: every month (or
quarter) checked like a target, the accumulated result computed from them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..diagnostics import Diagnostic, FieldPath
from ..i18n import _
from ..load.document import Document
from ..models.catalog import Catalog
from ..models.results import MonthlyReport
from .checked import Rule
from .linked import checked_against_formulation
from .results import describe_result, effective_figures, indicators_match, rules_exist


def series_given(document: Document[MonthlyReport], catalog: Catalog) -> Iterator[Diagnostic]:
    """A monthly report gives each indicator's series."""
    for j, result in enumerate(document.model.indicators):
        if result.periods is None:
            yield document.diagnostic(("indicators", j), _(
                "falta la serie del año; se espera `periods:` con las cifras de cada mes "
                "(enero … diciembre) o trimestre (t1 … t4)"))


RULES: tuple[Rule[MonthlyReport], ...] = (rules_exist, indicators_match, series_given,
                                          effective_figures)


def check(document: Document[MonthlyReport]) -> Iterable[Diagnostic]:
    """Every rule of a monthly report."""
    return checked_against_formulation(document, document.catalog, RULES)


def describe(path: FieldPath, data: Any, catalog: Catalog) -> str | None:
    """`Indicador «…» › serie › Marzo › valor`."""
    return describe_result(path, data, catalog, MonthlyReport)
