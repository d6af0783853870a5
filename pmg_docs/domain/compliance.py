"""How far a service met its formulation: compliance per commitment, overall, and the incentive
band it earns, by the rules its catalog holds (`rules.compliance`).

- An indicator with a target is met when its result reaches `met_at` percent of the target:
  result / target × 100, or target / result × 100 for an indicator whose target is a ceiling
  (`descending`). Met, it earns its whole weight; not met, nothing.
- An indicator measured only ("Mide") is met by reporting its result.
- A system earns the weights of the stage objectives achieved; one committed whole at a stage
  (2011) earns its weight when the stage is validated.
- A result's figures by sex are each judged like the result, against the same target; a weight
  the catalog declares beside the formulation's (`other_weights`) is earned whole when the
  result is met.
- A commitment with an external cause the Comité accepted counts as met.
- The overall compliance is what was earned over what was committed, × 100 (where the marco
  weighs nothing, the commitments met over those committed); the band is the
  first (highest) whose `at_least` it reaches. Percentages are compared at `decimals`.

Called on results that passed their checks (every commitment answered, arithmetic exact).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..models.catalog import Catalog, Compliance, IncentiveBand
from ..models.indicator import IndicatorFields, Target
from ..models.results import IndicatorResult, Results, SystemResult
from ..numbers import rounded
from .commitments import Commitment, IndicatorCommitted, SystemCommitted, by_objectives, commitments
from .targets import accumulated, stated_or_computed

__all__ = ["Commitment", "IndicatorCommitted", "SystemCommitted", "by_objectives",
           "commitments", "judge", "judge_indicator", "obtained", "Judged", "Judgement"]


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
    # Compliance by sex ("men", "women"), where the result gives figures by sex and a target.
    by_sex: dict[str, Decimal] = field(default_factory=dict)
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


def judge(results: Results, formulation: Any, catalog: Catalog) -> Judgement:
    """`results` against `formulation`, the model of a formulation in any format."""
    rules = compliance_rules(catalog)
    decimals = rules.decimals
    accepted = {c.commitment for c in results.external_causes if c.accepted}
    by_indicator = {r.indicator: r for r in results.indicators}
    by_system = {r.system: r for r in results.systems}
    items = []
    for commitment in commitments(formulation):
        external = commitment.id in accepted
        if commitment.kind == "indicator":
            judged = judge_indicator(commitment, by_indicator[commitment.id], external, rules,
                                catalog)
        else:
            judged = _system(commitment, by_system[commitment.id], external, decimals)
        items.append(judged)
    committed = sum(j.commitment.weight for j in items)
    earned = sum(j.earned for j in items)
    if committed:
        percent = rounded(_ratio(earned, committed), decimals)
    else:
        # A marco that weighs nothing (performance indicators): each commitment counts alike.
        percent = rounded(_ratio(sum(j.met for j in items), len(items)) if items else 0.0,
                          decimals)
    band = next(b for b in rules.bands if percent >= rounded(b.at_least, decimals))
    return Judgement(items, committed, earned, percent, band)


def judge_indicator(commitment: IndicatorCommitted, result: IndicatorResult, external: bool,
               rules: Compliance, catalog: Catalog) -> Judged:
    from .targets import indicator_of

    item = commitment.item
    indicator = indicator_of(item, catalog)
    # The results' checks passed: the indicator exists and every figure gives a value (a zero
    # denominator is an error there).
    if indicator is None:
        raise ValueError(f"indicator {commitment.id!r} judged before its checks passed")
    effective = stated_or_computed(effective_of(result, indicator), indicator)
    if item.measure_only or item.target is None:
        return Judged(commitment, None, True, commitment.weight, external, None, effective)
    target = stated_or_computed(item.target, indicator)
    if target is None or effective is None:
        raise ValueError(f"indicator {commitment.id!r}: a figure with no value judged before "
                         "its checks passed")
    descending = commitment.id in rules.descending or indicator.descending
    percent = percent_of_target(target, effective, descending, rules)
    met = percent >= rounded(rules.met_at, rules.decimals) or external
    by_sex = {}
    for sex, figures in sex_figures(result):
        value = stated_or_computed(figures, indicator)
        if value is not None:
            by_sex[sex] = percent_of_target(target, value, descending, rules)
    return Judged(commitment, percent, met, commitment.weight if met else 0.0, external, target,
                  effective, by_sex=by_sex)


def obtained(judged: Judged, weight: float) -> float:
    """What a result earns of a weight the catalog declares beside the formulation's: all of
    it when met, nothing otherwise."""
    return weight if judged.met else 0.0


def percent_of_target(target: float, effective: float, descending: bool,
                      rules: Compliance) -> Decimal:
    return rounded(indicator_percent(target, effective, descending), rules.decimals)


def effective_of(result: IndicatorResult, indicator: IndicatorFields) -> Target:
    """The result's figures: as written, else accumulated from its series (the checks require
    one or the other)."""
    if result.effective is not None:
        return result.effective
    found = accumulated(result.periods, indicator) if result.periods is not None else None
    if found is None:
        raise ValueError(f"indicator {result.indicator!r} has no result: judged before its "
                         "checks passed")
    return found


def sex_figures(result: IndicatorResult) -> list[tuple[str, Target]]:
    """("men", figures), ("women", figures): what the result gives by sex, in that order."""
    if result.by_sex is None:
        return []
    return [(sex, figures) for sex in ("men", "women")
            if (figures := getattr(result.by_sex, sex)) is not None]


def _system(commitment: SystemCommitted, result: SystemResult, external: bool,
            decimals: int) -> Judged:
    achieved = {s.stage: set(s.achieved) for s in result.stages}
    if commitment.whole:
        # The stage committed whole is its one objective (domain/commitments.py).
        achieved = {s.stage: {1} if result.validated else set()
                    for s in commitment.item.stages}
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
