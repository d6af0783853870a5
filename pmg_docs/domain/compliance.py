"""How far a service met its formulation: compliance per commitment, overall, and the incentive
band it earns, by the rules its catalog holds (`rules.compliance`).

- An indicator with a target is met when its result reaches `met_at` percent of the target:
  result / target × 100, or target / result × 100 for an indicator whose target is a ceiling
  (`descending`). Met, it earns its whole weight; not met, nothing.
- An indicator measured only ("Mide") is met by reporting its result.
- A system earns the weights of the stage objectives achieved.
- A commitment with an external cause the Comité accepted counts as met.
- The overall compliance is what was earned over what was committed, × 100; the band is the
  first (highest) whose `at_least` it reaches. Percentages are compared at `decimals`.

Called on results that passed their checks (every commitment answered, arithmetic exact).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from ..diagnostics import FieldPath
from ..models.catalog import Catalog, Compliance, IncentiveBand
from ..models.objetivos import Formulation, IndicatorCommitment, SystemCommitment
from ..models.results import IndicatorResult, Results, SystemResult
from ..numbers import rounded
from .targets import stated_or_computed


@dataclass(frozen=True)
class _Committed:
    """An indicator or system the formulation commits, where it sits, what it weighs."""

    id: str
    objective: str
    weight: float
    path: FieldPath


@dataclass(frozen=True)
class SystemCommitted(_Committed):
    item: SystemCommitment
    kind: Literal["system"] = field(default="system", init=False)


@dataclass(frozen=True)
class IndicatorCommitted(_Committed):
    item: IndicatorCommitment
    kind: Literal["indicator"] = field(default="indicator", init=False)


# `kind` tells them apart (and mypy narrows on it).
Commitment = SystemCommitted | IndicatorCommitted


def commitments(formulation: Formulation) -> list[Commitment]:
    """Every indicator and system of a formulation by objectives, in its order."""
    found: list[Commitment] = []
    for i, objective in enumerate(formulation.objectives):
        for j, system in enumerate(objective.systems):
            found.append(SystemCommitted(system.system, objective.objective, system.weight,
                                         ("objectives", i, "systems", j), system))
        for j, indicator in enumerate(objective.indicators):
            found.append(IndicatorCommitted(indicator.indicator, objective.objective,
                                            indicator.weight, ("objectives", i, "indicators", j),
                                            indicator))
    return found


@dataclass
class StageObjective:
    stage: int
    number: int
    weight: float
    achieved: bool


@dataclass
class Judged:
    """One commitment judged."""

    commitment: Commitment
    # Compliance in percent: of the target (an indicator), of the weight (a system); None for
    # an indicator measured only.
    percent: Decimal | None
    met: bool
    earned: float
    # Counted as met by an accepted external cause.
    external: bool = False
    target: float | None = None
    effective: float | None = None
    # A system's committed stage objectives (weight above 0) and whether each was achieved.
    objectives: list[StageObjective] = field(default_factory=list)


@dataclass
class Judgement:
    items: list[Judged]
    committed: float
    earned: float
    percent: Decimal
    band: IncentiveBand


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator * 100


def indicator_percent(target: float, effective: float, descending: bool) -> float:
    """Result over target (target over result for a ceiling), in percent. A zero in the
    denominator means the result is as good as it can be (100) when it keeps to the target."""
    top, bottom = (target, effective) if descending else (effective, target)
    if bottom == 0:
        keeps = effective <= target if descending else effective >= target
        return 100.0 if keeps else 0.0
    return _ratio(top, bottom)


def compliance_rules(catalog: Catalog) -> Compliance:
    """How the catalog judges results. Results are judged only once their checks passed, and
    those require the rules (checks/results.py, `rules_exist`)."""
    rules = catalog.rules.compliance
    if rules is None:
        raise ValueError(f"catalog {catalog.id} has no rules.compliance: results judged "
                         "before their checks passed")
    return rules


def judge(results: Results, formulation: Formulation, catalog: Catalog) -> Judgement:
    rules = compliance_rules(catalog)
    decimals = rules.decimals
    accepted = {c.commitment for c in results.external_causes if c.accepted}
    by_indicator = {r.indicator: r for r in results.indicators}
    by_system = {r.system: r for r in results.systems}
    items = []
    for commitment in commitments(formulation):
        external = commitment.id in accepted
        if commitment.kind == "indicator":
            judged = _indicator(commitment, by_indicator[commitment.id], external, rules,
                                catalog)
        else:
            judged = _system(commitment, by_system[commitment.id], external, decimals)
        items.append(judged)
    committed = sum(j.commitment.weight for j in items)
    earned = sum(j.earned for j in items)
    percent = rounded(_ratio(earned, committed) if committed else 0.0, decimals)
    band = next(b for b in rules.bands if percent >= rounded(b.at_least, decimals))
    return Judgement(items, committed, earned, percent, band)


def _indicator(commitment: IndicatorCommitted, result: IndicatorResult, external: bool,
               rules: Compliance, catalog: Catalog) -> Judged:
    from .targets import indicator_of

    item = commitment.item
    indicator = indicator_of(item, catalog)
    # The results' checks passed: the indicator exists and every figure gives a value (a zero
    # denominator is an error there).
    if indicator is None:
        raise ValueError(f"indicator {commitment.id!r} judged before its checks passed")
    effective = stated_or_computed(result.effective, indicator)
    if item.measure_only or item.target is None:
        return Judged(commitment, None, True, commitment.weight, external, None, effective)
    target = stated_or_computed(item.target, indicator)
    if target is None or effective is None:
        raise ValueError(f"indicator {commitment.id!r}: a figure with no value judged before "
                         "its checks passed")
    percent = rounded(indicator_percent(target, effective, commitment.id in rules.descending),
                      rules.decimals)
    met = percent >= rounded(rules.met_at, rules.decimals) or external
    return Judged(commitment, percent, met, commitment.weight if met else 0.0, external, target,
                  effective)


def _system(commitment: SystemCommitted, result: SystemResult, external: bool,
            decimals: int) -> Judged:
    achieved = {s.stage: set(s.achieved) for s in result.stages}
    objectives = [StageObjective(stage.stage, k, weight, k in achieved.get(stage.stage, ()))
                  for stage in commitment.item.stages
                  for k, weight in enumerate(stage.weights, start=1) if weight > 0]
    earned = sum(o.weight for o in objectives if o.achieved)
    if external:
        earned = commitment.weight
    percent = rounded(_ratio(earned, commitment.weight), decimals) \
        if commitment.weight else Decimal(100)
    return Judged(commitment, percent, earned >= commitment.weight, earned, external,
                  objectives=objectives)
