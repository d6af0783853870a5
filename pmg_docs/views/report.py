"""The view of the consolidated year (Resultados): totals, the incentive bands, every service's
overall compliance, compliance by system, the charts' data, and per-service annex tables."""

from __future__ import annotations

import math
from decimal import Decimal
from statistics import mean
from typing import TYPE_CHECKING, Any

from ..domain.compliance import Judgement, compliance_rules, effective_of
from ..models.catalog import Catalog, IncentiveBand, System
from ..models.results import Results
from ..numbers import format_count, format_number, rounded
from .charts import BAR, COLUMN
from .lookup import known
from .results import judgement_view, percent_text
from .targets import target_view

if TYPE_CHECKING:
    from ..domain.year import Year
    from ..load.document import Document


# Bins of the distribution chart: below 50, then ten points each up to 100.
BIN_STARTS = (0, 50, 60, 70, 80, 90)


def _bin_label(index: int) -> str:
    start = BIN_STARTS[index]
    if index == 0:
        return f"< {BIN_STARTS[1]}"
    if index == len(BIN_STARTS) - 1:
        return f"{start}–100"
    return f"{start}–{BIN_STARTS[index + 1] - 1}"


def _bin(percent: float) -> int:
    return max(i for i, start in enumerate(BIN_STARTS) if percent >= start)


def _judgements(year: Year) -> list[Judgement]:
    """The judgement of every service whose results were read (`year.judged`'s)."""
    return [s.judgement for s in year.services if s.judgement is not None]


def distribution(year: Year) -> list[tuple[str, int]]:
    """(bin, number of services whose overall compliance falls in it), lowest bin first."""
    counts = [0] * len(BIN_STARTS)
    for judgement in _judgements(year):
        counts[_bin(float(judgement.percent))] += 1
    return [(_bin_label(i), count) for i, count in enumerate(counts)]


def count_maximum(largest: int) -> int:
    """An axis maximum for counts: a multiple of 4 (four whole-number steps), at least 4."""
    return max(4, math.ceil(largest / 4) * 4)


def _rows(judgement: Judgement, results: Results, catalog: Catalog,
          printed: Catalog) -> list[dict[str, object]]:
    """A service's commitments, named by its own `catalog`, with numbers printed as the
    report's catalog (`printed`) prints them."""
    from ..domain.targets import indicator_of

    style = printed.number_style
    weight = printed.rules.weight_decimals
    by_indicator = {r.indicator: r for r in results.indicators}
    rows = []
    for number, judged in enumerate(judgement.items, start=1):
        commitment = judged.commitment
        row: dict[str, object] = {"number": number, "kind": commitment.kind,
               "weight": format_number(commitment.weight, weight, style),
               "percent": percent_text(judged.percent, printed)
               if judged.percent is not None else None,
               "met": judged.met, "external": judged.external,
               "earned": format_number(judged.earned, weight, style)}
        if commitment.kind == "indicator":
            indicator = known(indicator_of(commitment.item, catalog), commitment.id)
            row.update(name=indicator.name, target=target_view(commitment.item.target, indicator,
                                                               style)
                       if commitment.item.target else None,
                       effective=target_view(effective_of(by_indicator[commitment.id],
                                                          indicator), indicator, style))
        else:
            row.update(name=known(catalog.system(commitment.id), commitment.id).name,
                       committed=len(judged.objectives),
                       achieved=sum(o.achieved for o in judged.objectives))
        rows.append(row)
    return rows


def system_compliance(year: Year) -> list[tuple[System, int, Decimal]]:
    """(system, number of services committing it, mean compliance) for each system of the
    year's catalogs committed by some service, in the catalogs' order (the report's first)."""
    found: dict[str, list[Decimal]] = {}
    for judgement in _judgements(year):
        for judged in judgement.items:
            # A system's compliance is always a percentage.
            if judged.commitment.kind == "system" and judged.percent is not None:
                # Decimals: the mean of printed figures rounds as a reader would (80.355 -> 80.36).
                found.setdefault(judged.commitment.id, []).append(judged.percent)
    systems: dict[str, System] = {}
    for catalog in year.judging_catalogs:
        for system in catalog.systems:
            systems.setdefault(system.id, system)
    return [(system, len(found[system.id]), mean(found[system.id]))
            for system in systems.values() if system.id in found]


def band_name(year: Year, band: IncentiveBand, catalog: Catalog) -> str:
    """A band as the report names it: with its catalog's id where the year's services are
    judged by several catalogs, whose bands may share names."""
    if len(year.judging_catalogs) == 1:
        return band.name
    return f"{band.name} ({catalog.id})"


def band_counts(year: Year) -> list[tuple[str, IncentiveBand, int]]:
    """(band's name in the report, band, number of services in it), from the highest band
    down, for each catalog the year's services are judged by (the report's first)."""
    judgements = _judgements(year)
    return [(band_name(year, band, catalog), band,
             sum(1 for j in judgements if j.band is band))
            for catalog in year.judging_catalogs for band in compliance_rules(catalog).bands]


def view(document: Document[Year]) -> dict[str, Any]:
    year, catalog = document.model, document.catalog
    style = catalog.number_style
    judged = year.judged
    percents = [s.judgement.percent for s in judged if s.judgement is not None]
    bins = distribution(year)
    counts = [count for _label, count in bins]
    systems = system_compliance(year)
    rules = compliance_rules(catalog)
    services = []
    for service in judged:
        judgement, results = service.judgement, service.results
        # A service is judged once its results are read (views/year.py sets both).
        assert judgement is not None and results is not None
        model = service.formulation.model.service
        # Each service as its own catalog judged it, its numbers printed as the report's.
        own = results.catalog
        services.append({"service": model, **judgement_view(judgement, catalog),
                         "band": band_name(year, judgement.band, own),
                         "rows": _rows(judgement, results.model, own, catalog)})
    return {
        "year": catalog.year,
        "total": len(year.services),
        "reported": len(judged),
        "mean": percent_text(mean(percents), catalog) if percents else None,
        "bands": [{"name": name, "at_least": format_count(band.at_least, style),
                   "share": format_count(band.share, style),
                   "increment": format_count(band.increment, style)
                   if band.increment is not None else None, "count": count}
                  for name, band, count in band_counts(year)],
        "services": services,
        "missing": [s.formulation.model.service for s in year.services if s.judgement is None],
        "systems": [{"name": system.name, "count": count,
                     "mean": percent_text(value, catalog)} for system, count, value in systems],
        "met_at": format_count(rules.met_at, style),
        "source": rules.source,
        "charts": {
            "distribution": {
                "kind": COLUMN, "categories": [label for label, _count in bins],
                "values": counts, "labels": [format_count(c, style) for c in counts],
                "maximum": count_maximum(max(counts)), "number_format": "0"},
            "systems": {
                "kind": BAR, "categories": [system.name for system, _, _ in systems],
                "values": [float(rounded(float(value), 2)) for _, _, value in systems],
                "labels": [percent_text(value, catalog) for _, _, value in systems],
                "maximum": 100, "number_format": "0.00"},
        },
    }
