"""What a formulation commits, in every format: the indicators and systems results answer.

Each format of formulation names, in the kind registry (`Format.commitments`), the function
here that lists its commitments in one shape, so that results, their checks, their compliance
and their views read every format alike:

- by objectives (2024): each objective's systems and indicators, as written;
- by marco and área (2011): each system committed at one stage, whole: the stage is its one
  objective, with the system's whole weight (its result says whether it was validated);
- performance indicators (Formulario H): each indicator the service defines, with its target
  and, where the marco weighs them, its weight (0 where it does not).

An indicator's commitment carries its definition where the service wrote one, so that every
reader resolves it the same way (domain/targets.py, `indicator_of`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from .. import kinds
from ..diagnostics import FieldPath
from ..models import areas, indicadores, objetivos
from ..models.indicator import IndicatorFields


@dataclass(frozen=True)
class _Committed:
    """An indicator or system the formulation commits, where it sits, what it weighs."""

    id: str
    # The objective that groups it (by objectives); None in a format grouped otherwise (the
    # 2011 areas come from the catalog) or not at all (performance indicators).
    objective: str | None
    weight: float
    path: FieldPath


@dataclass(frozen=True)
class SystemCommitted(_Committed):
    item: objetivos.SystemCommitment
    kind: Literal["system"] = field(default="system", init=False)
    # Committed whole at one stage (2011): the stage is its one objective, and its result
    # says `validated:` instead of listing objectives achieved.
    whole: bool = False


@dataclass(frozen=True)
class IndicatorCommitted(_Committed):
    item: objetivos.IndicatorCommitment
    kind: Literal["indicator"] = field(default="indicator", init=False)


# `kind` tells them apart (and mypy narrows on it).
Commitment = SystemCommitted | IndicatorCommitted


def by_objectives(formulation: objetivos.Formulation) -> list[Commitment]:
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


def by_areas(formulation: areas.Formulation) -> list[Commitment]:
    """Every system of a 2011 formulation, each at its stage, committed whole."""
    return [SystemCommitted(
        system.system, None, system.weight, ("systems", j),
        objetivos.SystemCommitment(system=system.system, weight=system.weight, stages=[
            objetivos.StageWeights(stage=system.stage, weights=[system.weight])]), whole=True)
        for j, system in enumerate(formulation.systems)]


_DEFINITION = frozenset(IndicatorFields.model_fields)


def by_indicators(formulation: indicadores.Formulation) -> list[Commitment]:
    """Every indicator of a Formulario H, with the service's definition of it."""
    found: list[Commitment] = []
    for j, indicator in enumerate(formulation.indicators):
        weight = indicator.weight if indicator.weight is not None else 0.0
        definition = IndicatorFields.model_validate(
            indicator.model_dump(include=set(_DEFINITION)))
        found.append(IndicatorCommitted(indicator.id, None, weight, ("indicators", j),
                                        objetivos.IndicatorCommitment(
                                            indicator=indicator.id, definition=definition,
                                            weight=weight, target=indicator.target)))
    return found


def commitments(formulation: Any) -> list[Commitment]:
    """What `formulation` (the model of a formulation in any format) commits, by the function
    its format names in the registry. Raises TypeError for a model no format of formulation
    reads."""
    fmt = kinds.formulation_format_of(formulation)
    if fmt is None or fmt.commitments is None:
        raise TypeError(f"{type(formulation).__name__} is no formulation that commits anything")
    found: list[Commitment] = fmt.commitments.load()(formulation)
    return found
