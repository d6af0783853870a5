"""A service's formulation: its choices against one catalog.

The 2024 format groups indicators and systems under weighted management objectives; the
gender-equity measures are listed with a Markdown description each. The 2011 format commits
systems directly, one stage each with a priority and a weight, and lists the systems exempted or
whose stage is modified; the catalog says which marco and area each system belongs to. A
formulation fills the sections of its catalog's format and leaves the others out.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator

from .base import Id, Model, RichText, Text, Weight

TwoDigitCode = Annotated[str, StringConstraints(pattern=r"^\d{2,3}$")]


class Service(Model):
    ministry: Text
    partida: TwoDigitCode
    name: Text
    chapter: TwoDigitCode

    @field_validator("partida", "chapter", mode="before")
    @classmethod
    def _pad_number(cls, value):
        # `partida: 08` reads as the number 8 in YAML; the budget code is the two digits "08".
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 1000:
            return f"{value:02d}"
        return value


class Target(Model):
    numerator: float = Field(ge=0)
    denominator: float = Field(ge=0)
    # The percentage as the service states it; checked against numerator / denominator × 100.
    percent: float | None = None


class IndicatorCommitment(Model):
    indicator: Id
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


class StageCommitment(Model):
    """2011 format: a system committed at one stage, with its priority and weight."""

    system: Id
    stage: int = Field(ge=1, le=9)
    # An id of the catalog's priorities; plain text here so that `ALTA` as printed gets the
    # rule's message listing the ids, not a pattern error.
    priority: Text
    weight: Weight


class Exemption(Model):
    """2011 format: a system exempted ("Eximir") or a stage modified ("Modificar")."""

    system: Id
    type: Literal["eximir", "modificar"]
    # The modified stage; an exemption covers the whole system and names none.
    stage: int | None = Field(default=None, ge=1, le=9)
    justification: RichText | None = None


class Formulation(Model):
    kind: Literal["formulation"]
    catalog: Id
    service: Service
    objectives: list[ObjectiveCommitment] = []
    gender_measures: list[GenderMeasure] = []
    systems: list[StageCommitment] = []
    exemptions: list[Exemption] = []
