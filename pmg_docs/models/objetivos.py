"""A formulation by management objectives (the 2024 format).

Three weighted objectives group the indicators and systems a service commits: an indicator with
its target (or measured only, "Mide"), a system with one weight per stage objective. The
gender-equity measures are listed with a Markdown description each. An indicator is the
catalog's, named by its id, or the service's own, defined where it is committed.
"""

from __future__ import annotations

from pydantic import Field

from .base import Id, Model, RichText, Weight
from .indicator import IndicatorFields, Target
from .service import FormulationHeader


class IndicatorCommitment(Model):
    # An indicator of the catalog, or the id the service gives its own indicator.
    indicator: Id
    # The service's own indicator, defined here; left out for an indicator of the catalog.
    definition: IndicatorFields | None = None
    weight: Weight
    target: Target | None = None
    # "Mide": the indicator is measured only, with no target.
    measure_only: bool = False


class StageWeights(Model):
    stage: int = Field(ge=1, le=9)
    # One weight per stage objective, in the catalog's order; 0 for objectives not committed.
    weights: list[Weight]


class SystemCommitment(Model):
    system: Id
    weight: Weight
    stages: list[StageWeights]


class ObjectiveCommitment(Model):
    objective: Id
    weight: Weight
    systems: list[SystemCommitment] = []
    indicators: list[IndicatorCommitment] = []


class GenderMeasure(Model):
    kind: Id
    description: RichText


class Formulation(FormulationHeader):
    objectives: list[ObjectiveCommitment] = Field(min_length=1)
    gender_measures: list[GenderMeasure] = []
