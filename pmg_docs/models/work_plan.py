"""A service's Programa de Trabajo: for each gender measure and each committed system, the
activities that carry it out, with their dates, the unit responsible and the evidence.

Like a results file, it names its formulation (`formulation:`, relative to the file); the
measures and systems it plans are those the formulation commits.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..i18n import N_
from .base import Id, Model, Text
from .circular import LetterDate as Day


class Activity(Model):
    activity: Text
    # For a system: the stage objective it serves (both, or neither).
    stage: int | None = Field(default=None, ge=1, le=9)
    objective: int | None = Field(default=None, ge=1, le=99)
    start: Day
    end: Day
    # The unit responsible (Unidad responsable).
    unit: Text = Field(title=N_("unidad responsable"))
    # What will show it was done (medios de verificación).
    evidence: list[Text] = Field(min_length=1)


class MeasurePlan(Model):
    # The gender measure's number: its place in the formulation's `gender_measures` (1, 2, …).
    measure: int = Field(ge=1)
    activities: list[Activity] = Field(min_length=1)


class SystemPlan(Model):
    system: Id
    activities: list[Activity] = Field(min_length=1)


class WorkPlan(Model):
    kind: Literal["work-plan"]
    catalog: Id
    # The formulation planned: a path relative to this file, inside the repository.
    formulation: Text
    gender_measures: list[MeasurePlan] = []
    systems: list[SystemPlan] = []
