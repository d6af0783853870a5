"""A year's Programa Marco: objectives, systems and their stages, indicators, rules.

One model serves every year's marco; the fields a marco does not use stay empty. What varies by
year is data here, not code: which documents the marco offers and how each is laid out
(`documents`: format, template, title), the number style, which rules apply and with which
parameters, and every word the documents print about the marco.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Self

from pydantic import Field, StringConstraints, field_validator, model_validator

from ..i18n import _
from .base import Id, Identified, Label, Model, RichText, Text
from .indicator import IndicatorFields
from .requirement_code import DEFAULT as DEFAULT_REQUIREMENT_CODE
from .requirement_code import compile_pattern


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
    code: Label
    name: Text
    # The "Nota técnica": what evidence counts.
    note: Text | None = None
    # Codes of the requirements this one was merged (fused, combined) with when DIPRES published
    # it: they share one technical note, which the documents print once for the group.
    merged_with: list[Label] = []
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
    # What the system seeks («Meta») and why the marco has it («Antecedentes»), in Markdown, as
    # the requirements guide prints them before its stages.
    goal: RichText | None = None
    background: RichText | None = None


class Indicator(IndicatorFields, Identified):
    """A transversal indicator of the marco, which services commit by its id."""

    # The management objective the marco places it under (2024 format); `pmg new` uses it.
    objective: Id | None = None
    # The marco fixes the denominator (the gender indicator's 8 measures).
    fixed_denominator: int | None = Field(default=None, ge=1)
    # The numerator counts the gender-equity measures listed in the formulation.
    counts_gender_measures: bool = False


class IndicatorType(Model):
    """A type of indicator the marco admits (dimension and ámbito: "Eficacia/Producto")."""

    id: Id
    name: Text


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


class Publisher(Model):
    """Who publishes the marco, and so issues the documents drawn from it alone (the
    requirements guide, the year's results), as their metadata names it."""

    name: Text
    ministry: Text


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
    """What the marco requires of some of its systems (checked by checks/marco_requirements.py).

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


class IncentiveBand(Model):
    """A band of overall compliance and the share of the incentive it earns."""

    # The band applies from this overall compliance (percent) up to the next band's.
    at_least: float = Field(ge=0, le=100)
    # As the documents print it ("Total", "Parcial", "Sin incremento").
    name: Text
    # The share of the full increment the band earns, in percent (100, 50, 0).
    share: float = Field(ge=0, le=100)
    # The increment itself, in percent of the remuneration, where the law fixes it (7.6).
    increment: float | None = Field(default=None, ge=0, le=100)


class DeclaredWeight(Model):
    """A weight results carry beside the formulation's, under the name the marco gives it
    («Ponderación Formulario Incentivo»): a result earns it whole when met."""

    id: Id
    name: Text


class Compliance(Model):
    """How results are judged against a formulation (read by domain/compliance.py)."""

    # An indicator counts as met when its result reaches this percent of its target.
    met_at: float = Field(default=100, gt=0, le=100)
    # Compliance percentages are compared and printed at this many decimals.
    decimals: int = Field(default=2, ge=0, le=4)
    # Indicators whose target is a ceiling (lower is better): compliance is target / result.
    descending: list[Id] = []
    # From the highest band down; the last starts at 0.
    bands: list[IncentiveBand] = Field(min_length=1)
    # Where the marco says so, printed with the figures ("Ley N° 19.553, art. 6").
    source: Text | None = None
    # Weights results may carry beside the formulation's, each under its name.
    other_weights: list[DeclaredWeight] = []

    def other_weight(self, ident: str) -> DeclaredWeight | None:
        return next((w for w in self.other_weights if w.id == ident), None)

    @model_validator(mode="after")
    def _bands_descend_to_zero(self) -> Self:
        starts = [band.at_least for band in self.bands]
        if starts != sorted(starts, reverse=True) or len(set(starts)) != len(starts):
            raise ValueError(_("los tramos van del `at_least` más alto al más bajo, cada uno "
                               "una vez"))
        if starts[-1] != 0:
            raise ValueError(_("el último tramo debe comenzar en `at_least: 0`, para que todo "
                               "cumplimiento caiga en un tramo"))
        return self


class Rules(Model):
    """Parameters of the rules that hold for this marco."""

    # What the weights of everything committed add up to; null: this marco's documents carry no
    # weights to add up.
    total_weight: float | None = Field(default=100, gt=0)
    # Weights compared at this many decimals (the documents print two).
    weight_decimals: int = Field(default=2, ge=0, le=4)
    # An objective's weight is the sum of its indicators' and systems', and a system's the sum
    # of its stage objectives' (the objectives format).
    weights_add_up: bool = True
    requirements: list[SystemRequirement] = []
    # How results are judged (informe de cumplimiento, the consolidated year); none: this
    # marco's results are not judged by pmg-docs.
    compliance: Compliance | None = None


# The types a declared field may have (see `DeclaredField`): short text, text of several
# paragraphs, a date written AAAA-MM-DD, a whole number, a number, a list of lines.
FIELD_TYPES = ("text", "paragraphs", "date", "integer", "number", "lines")


class DeclaredField(Model):
    """A field a year's document carries beyond its kind's own (a cover line, a preamble, a
    report's state and date, a resolution number): the source may write it, it is checked by
    its type and the template receives it under `fields`."""

    # As the source writes it and the template reads it (`fields.fecha_estado`): lower-case
    # letters, digits and underscores.
    name: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
    type: Literal["text", "paragraphs", "date", "integer", "number", "lines"] = "text"
    required: bool = False
    # How messages and the template name it ("Número de resolución").
    label: Text | None = None


class DocumentSpec(Model):
    """How this marco lays out one kind of document (a key of `documents`: formulation,
    circular, guide; or a name of the marco's own for a kind of which it offers several, such
    as `decreto` for a prose document, with `kind:`)."""

    # The kind, where the key is not one (`decreto: {kind: prose, …}`).
    kind: Id | None = None
    # The way the kind of document is written (formulation: objetivos, areas, indicadores); left
    # out for kinds that have only one.
    format: Id | None = None
    # The Jinja template, templates/<template>.html.j2 (a user's --templates folder first).
    template: Id
    # Printed as the document's title and in the running header of every page.
    title: Text | None = None
    running_title: Text | None = None
    # Annexes a user may append (`--annex NAME`): NAME -> its template, where the marco lays it
    # out with a template other than the package's.
    annexes: dict[Id, Id] = {}
    # Fields the source may (or must) write besides its kind's own.
    # (Each name once, and none of the kind's own: checks/documents.py.)
    fields: list[DeclaredField] = Field(default=[], max_length=200)


class Catalog(Model):
    kind: Literal["catalog"]
    id: Id
    year: int = Field(ge=1990, le=2100)
    # The mechanism's short name (PMG, MEI, CG) and its full name, as the documents print them.
    mechanism: Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9-]{0,15}$")]
    mechanism_name: Text | None = None
    version: Label
    title: Text
    publisher: Publisher | None = None
    documents: dict[Id, DocumentSpec] = {}
    number_style: NumberStyle = NumberStyle()
    rules: Rules = Rules()
    objectives: list[ManagementObjective] = []
    indicators: list[Indicator] = []
    indicator_types: list[IndicatorType] = []
    systems: list[System] = []
    gender_measure_kinds: list[GenderMeasureKind] = []
    marcos: list[Marco] = []
    areas: list[Area] = []
    priorities: list[Priority] = []
    ministries: list[Ministry] = []
    # The pattern of the systems' requirement codes (models/requirement_code.py): `{stage}`,
    # `{objective}` and `{number}`, a width where the digits are fixed (`{objective:2}`: 01).
    requirement_code: Text = DEFAULT_REQUIREMENT_CODE

    @field_validator("requirement_code")
    @classmethod
    def _readable_pattern(cls, pattern: str) -> str:
        compile_pattern(pattern)  # PatternError is a ValueError: a located message
        return pattern

    def ids_for(self, field: str) -> list[str] | None:
        """The ids of this catalog that a source's field named `field` refers to (the names of
        models/vocabulary.py's REFERENCES), in the catalog's order; None for a field that refers
        to no list of the catalog."""
        lists: dict[str, list[Any]] = {
            "system": self.systems, "objective": self.objectives, "indicator": self.indicators,
            "kind": self.gender_measure_kinds, "area": self.areas, "marco": self.marcos,
            "priority": self.priorities, "ministry": self.ministries}
        found = lists.get(field)
        return [item.id for item in found] if found is not None else None

    def objective(self, objective_id: str) -> ManagementObjective | None:
        return next((o for o in self.objectives if o.id == objective_id), None)

    def indicator(self, indicator_id: str) -> Indicator | None:
        return next((i for i in self.indicators if i.id == indicator_id), None)

    def indicator_type(self, type_id: str) -> IndicatorType | None:
        return next((t for t in self.indicator_types if t.id == type_id), None)

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
