"""A year's Programa Marco: objectives, systems and their stages, indicators, rules.

One model serves every year's format; the fields a format does not use stay empty. What varies
by year (number style, which rules apply and with which parameters) is data here, not code.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Id, Model, Text


class NumberStyle(Model):
    """How numbers print in this year's documents (`105.28` in 2024, `101,02` elsewhere)."""

    decimal: Literal[".", ","] = "."
    group: Literal[".", ",", " ", ""] = "."


class ManagementObjective(Model):
    id: Id
    number: int = Field(ge=1, le=99)
    name: Text


class Requirement(Model):
    """A technical requirement of a stage objective (`E1-01-RT1`) and what evidence counts."""

    # Checked in catalog_checks (form, uniqueness, numbers against its place), so that a wrong
    # code gets a message saying what the code should be rather than a bare pattern.
    code: str = Field(min_length=1, max_length=40)
    name: Text
    # The "Nota técnica": what evidence counts.
    note: Text | None = None
    # Codes of the requirements this one was merged (fused, combined) with when DIPRES published
    # it: they share one technical note, which the documents print once for the group.
    merged_with: list[str] = []
    # A published code whose numbers do not match where it sits (merged or renumbered by DIPRES).
    published_exception: Text | None = None


class StageObjective(Model):
    number: int = Field(ge=1, le=99)
    text: Text
    requirements: list[Requirement] = []


class Stage(Model):
    number: int = Field(ge=1, le=9)
    name: Text | None = None
    objectives: list[StageObjective] = []


class System(Model):
    id: Id
    name: Text
    # The management objective the marco places it under (2024 format); `pmg new` uses it.
    objective: Id | None = None
    area: Id | None = None
    marco: Id | None = None
    general_objective: Text | None = None
    # How the marco describes its size, e.g. "4 etapas" or "3 objetivos".
    size_label: Text | None = None
    experts: list[Text] = []
    # The name a table of expert bodies prints, where the marco's own document differs.
    experts_table_name: Text | None = None
    stages: list[Stage] = []


class Indicator(Model):
    id: Id
    name: Text
    # The management objective the marco places it under (2024 format); `pmg new` uses it.
    objective: Id | None = None
    formula: Text
    # Decimals of the target percentage as the marco prints it (37.5 % has one, 105.28 % two).
    target_decimals: int = Field(default=2, ge=0, le=4)
    # The marco fixes the denominator (the gender indicator's 8 measures).
    fixed_denominator: int | None = Field(default=None, ge=1)
    # The numerator counts the gender-equity measures listed in the formulation.
    counts_gender_measures: bool = False


class GenderMeasureKind(Model):
    id: Id
    name: Text


class Area(Model):
    id: Id
    name: Text
    number: int | None = Field(default=None, ge=1)


class Institution(Model):
    """A service that formulates under this marco."""

    id: Id
    name: Text


class Ministry(Model):
    """A ministry and the services related to or depending on it that formulate."""

    id: Id
    name: Text
    institutions: list[Institution] = []


class Marco(Model):
    id: Id
    name: Text


class Priority(Model):
    """A priority a service gives a committed system (2011 format: ALTA, MEDIANA, MENOR)."""

    id: Id
    name: Text
    # Higher is more important; "at least ALTA" compares these.
    level: int = Field(ge=1, le=99)


class SystemRequirement(Model):
    """What the marco requires of some of its systems (read by pmg_docs/rules/requirements.py).

    The systems it applies to are those listed under `systems`, or every system of `marco` or
    of `area`, less those under `excluding`. The checks left empty do not apply.
    """

    systems: list[Id] = []
    marco: Id | None = None
    area: Id | None = None
    excluding: list[Id] = []
    # The system must be committed (an exemption does not excuse it).
    committed: bool = False
    # When committed: at least this stage, or the system's last stage ("all its objectives").
    stage_at_least: int | None = Field(default=None, ge=1, le=9)
    last_stage: bool = False
    # When committed: at least this priority (an id of `priorities`) and this weight.
    priority_at_least: Id | None = None
    weight_at_least: float | None = Field(default=None, ge=0, le=100)
    # Where the marco says so, quoted in messages ("Circular N° 39, punto 6").
    source: Text | None = None


class Rules(Model):
    """Parameters of the rules that hold for this marco."""

    total_weight: float = Field(default=100, gt=0)
    # Weights compared at this many decimals (the documents print two).
    weight_decimals: int = Field(default=2, ge=0, le=4)
    requirements: list[SystemRequirement] = []


class Templates(Model):
    formulation: Id | None = None
    circular: Id | None = None
    guide: Id | None = None


class Catalog(Model):
    kind: Literal["catalog"]
    id: Id
    year: int = Field(ge=1990, le=2100)
    mechanism: Literal["PMG", "MEI"]
    version: str = Field(min_length=1, max_length=40)
    title: Text
    templates: Templates = Templates()
    number_style: NumberStyle = NumberStyle()
    rules: Rules = Rules()
    objectives: list[ManagementObjective] = []
    indicators: list[Indicator] = []
    systems: list[System] = []
    gender_measure_kinds: list[GenderMeasureKind] = []
    marcos: list[Marco] = []
    areas: list[Area] = []
    priorities: list[Priority] = []
    ministries: list[Ministry] = []

    def objective(self, objective_id: str) -> ManagementObjective | None:
        return next((o for o in self.objectives if o.id == objective_id), None)

    def indicator(self, indicator_id: str) -> Indicator | None:
        return next((i for i in self.indicators if i.id == indicator_id), None)

    def system(self, system_id: str) -> System | None:
        return next((s for s in self.systems if s.id == system_id), None)

    def ministry(self, ministry_id: str) -> Ministry | None:
        return next((m for m in self.ministries if m.id == ministry_id), None)

    def gender_measure_kind(self, kind_id: str) -> GenderMeasureKind | None:
        return next((k for k in self.gender_measure_kinds if k.id == kind_id), None)

    def marco(self, marco_id: str | None) -> Marco | None:
        return next((m for m in self.marcos if m.id == marco_id), None)

    def area(self, area_id: str | None) -> Area | None:
        return next((a for a in self.areas if a.id == area_id), None)

    def priority(self, priority_id: str) -> Priority | None:
        return next((p for p in self.priorities if p.id == priority_id), None)
