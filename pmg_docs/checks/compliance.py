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

from ..numbers import rounded
from .targets import stated_or_computed


@dataclass(frozen=True)
class Commitment:
    """An indicator or system the formulation commits, where it sits, what it weighs."""

    kind: str  # "indicator" or "system"
    id: str
    objective: str
    weight: float
    path: tuple
    item: object


def commitments(formulation) -> list[Commitment]:
    """Every indicator and system of a formulation by objectives, in its order."""
    found = []
    for i, objective in enumerate(formulation.objectives):
        for j, system in enumerate(objective.systems):
            found.append(Commitment("system", system.system, objective.objective, system.weight,
                                    ("objectives", i, "systems", j), system))
        for j, indicator in enumerate(objective.indicators):
            found.append(Commitment("indicator", indicator.indicator, objective.objective,
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
    band: object  # the catalog's IncentiveBand


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


def judge(results, formulation, catalog) -> Judgement:
    from .objetivos import indicator_of

    rules = catalog.rules.compliance
    decimals = rules.decimals
    accepted = {c.commitment for c in results.external_causes if c.accepted}
    by_indicator = {r.indicator: r for r in results.indicators}
    by_system = {r.system: r for r in results.systems}
    items = []
    for commitment in commitments(formulation):
        external = commitment.id in accepted
        if commitment.kind == "indicator":
            item = commitment.item
            indicator = indicator_of(item, catalog)
            effective = stated_or_computed(by_indicator[commitment.id].effective, indicator)
            if item.measure_only or item.target is None:
                judged = Judged(commitment, None, True, commitment.weight, external,
                                None, effective)
            else:
                target = stated_or_computed(item.target, indicator)
                percent = rounded(indicator_percent(
                    target, effective, commitment.id in rules.descending), decimals)
                met = percent >= rounded(rules.met_at, decimals) or external
                judged = Judged(commitment, percent, met, commitment.weight if met else 0.0,
                                external, target, effective)
        else:
            achieved = {s.stage: set(s.achieved) for s in by_system[commitment.id].stages}
            objectives = [StageObjective(stage.stage, k, weight, k in achieved.get(stage.stage, ()))
                          for stage in commitment.item.stages
                          for k, weight in enumerate(stage.weights, start=1) if weight > 0]
            earned = sum(o.weight for o in objectives if o.achieved)
            if external:
                earned = commitment.weight
            percent = rounded(_ratio(earned, commitment.weight), decimals) \
                if commitment.weight else Decimal(100)
            judged = Judged(commitment, percent, earned >= commitment.weight, earned, external,
                            objectives=objectives)
        items.append(judged)
    committed = sum(j.commitment.weight for j in items)
    earned = sum(j.earned for j in items)
    percent = rounded(_ratio(earned, committed) if committed else 0.0, decimals)
    band = next(b for b in rules.bands if percent >= rounded(b.at_least, decimals))
    return Judgement(items, committed, earned, percent, band)
