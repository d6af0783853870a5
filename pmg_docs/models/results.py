"""The results of a service's year (Informe de Cumplimiento), against its formulation.

A results file names the formulation it reports on (`formulation:`, a path relative to the
results file) and gives, for each committed indicator, the effective numerator and denominator
(or value) with notes and the evidence delivered; for each committed system, per stage, the
numbers of the stage objectives achieved; and the external causes the service claims. Which
commitments there are, and their weights and targets, come from the formulation: nothing is
typed twice.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Id, Model, RichText, Text
from .indicator import Target


class IndicatorResult(Model):
    indicator: Id
    # What the indicator measured: numerator and denominator (and the value they give), or the
    # value alone; on the indicator's scale, as its target.
    effective: Target
    # Medios de verificación delivered.
    verification: list[Text] = []
    notes: RichText | None = None


class StageResult(Model):
    stage: int = Field(ge=1, le=9)
    # The numbers of the stage objectives achieved (of those committed with a weight above 0).
    achieved: list[int] = []


class SystemResult(Model):
    system: Id
    stages: list[StageResult]
    notes: RichText | None = None


class ExternalCause(Model):
    """A cause beyond the service's control it claims for a commitment not met."""

    # The indicator or system of the formulation it concerns.
    commitment: Id
    description: RichText
    # The Comité's decision: true, the commitment counts as met; false, refused; left out while
    # pending.
    accepted: bool | None = None


class Results(Model):
    kind: Literal["results"]
    catalog: Id
    # The formulation reported on: a path relative to this file, inside the repository.
    formulation: Text
    indicators: list[IndicatorResult] = []
    systems: list[SystemResult] = []
    external_causes: list[ExternalCause] = []
