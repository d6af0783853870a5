"""The results of a service's year (Informe de Cumplimiento), against its formulation.

A results file names the formulation it reports on (`formulation:`, a path relative to the
results file), in any format of formulation, and gives, for each committed indicator, the
effective numerator and denominator (or value) with notes and the evidence delivered; for each
committed system, per stage, the numbers of the stage objectives achieved (or, where the
formulation commits a stage whole, whether it was validated); and the external causes the
service claims. Which commitments there are, and their weights, targets and definitions, come
from the formulation: nothing is typed twice.

What real reports add to a result is written beside it: the figures by sex (`by_sex`), the
weights the catalog declares beside the formulation's (`other_weights`, «Ponderación
Formulario Incentivo») and the series of the year by month or quarter (`periods`); the report
itself has a state («Proceso finalizado») and a date.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from ..i18n import N_, _
from .base import Id, Model, RichText, Text, Weight
from .circular import LetterDate
from .indicator import Target

# The periods of a series, in the year's order: months, or quarters. A series is of one kind.
MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
          "septiembre", "octubre", "noviembre", "diciembre")
QUARTERS = ("t1", "t2", "t3", "t4")


class BySex(Model):
    """A result's figures for men (H) and women (M), each checked like a target."""

    men: Target | None = Field(default=None, title=N_("H"))
    women: Target | None = Field(default=None, title=N_("M"))


class Periods(Model):
    """A result's series of the year: per month (or per quarter) its figures; a period left
    out is a gap, shown as such. The accumulated result is computed from them."""

    enero: Target | None = None
    febrero: Target | None = None
    marzo: Target | None = None
    abril: Target | None = None
    mayo: Target | None = None
    junio: Target | None = None
    julio: Target | None = None
    agosto: Target | None = None
    septiembre: Target | None = None
    octubre: Target | None = None
    noviembre: Target | None = None
    diciembre: Target | None = None
    t1: Target | None = None
    t2: Target | None = None
    t3: Target | None = None
    t4: Target | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Periods:
        months = any(getattr(self, name) is not None for name in MONTHS)
        quarters = any(getattr(self, name) is not None for name in QUARTERS)
        if months and quarters:
            raise ValueError(_("una serie es mensual (enero … diciembre) o trimestral (t1 … t4), "
                               "no ambas"))
        if not months and not quarters:
            raise ValueError(_("la serie está vacía; se espera al menos un mes (enero … "
                               "diciembre) o un trimestre (t1 … t4)"))
        return self

    @property
    def names(self) -> tuple[str, ...]:
        """The periods of the series' kind, in order: every month, or every quarter."""
        return QUARTERS if any(getattr(self, n) is not None for n in QUARTERS) else MONTHS

    def figures(self) -> list[tuple[str, Target | None]]:
        """Each period of the series' kind with its figures, None for a gap."""
        return [(name, getattr(self, name)) for name in self.names]


class OtherWeight(Model):
    """A weight the catalog declares beside the formulation's (`rules.compliance.
    other_weights`), as this result carries it."""

    # The id of the catalog's declaration.
    id: Id
    weight: Weight
    # What the result obtained of it: the whole weight when met, 0 otherwise; computed when
    # left out, checked when written.
    obtained: Weight | None = None


class IndicatorResult(Model):
    indicator: Id
    # What the indicator measured: numerator and denominator (and the value they give), or the
    # value alone; on the indicator's scale, as its target.
    # Left out only where the series gives it (`periods`): the accumulated result.
    effective: Target | None = None
    by_sex: BySex | None = None
    other_weights: list[OtherWeight] = []
    periods: Periods | None = None
    # Medios de verificación delivered.
    verification: list[Text] = []
    notes: RichText | None = None


class StageResult(Model):
    stage: int = Field(ge=1, le=9)
    # The numbers of the stage objectives achieved (of those committed with a weight above 0).
    achieved: list[int] = []


class SystemResult(Model):
    system: Id
    # Per stage, the objectives achieved; left out where the formulation commits a stage whole.
    stages: list[StageResult] = []
    # Where the formulation commits a stage whole (the 2011 format): whether it was validated.
    validated: bool | None = None
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
    # The report's state as the system that issues it prints it («Proceso finalizado»), and
    # its date.
    state: Text | None = None
    date: LetterDate | None = None
    indicators: list[IndicatorResult] = []
    systems: list[SystemResult] = []
    external_causes: list[ExternalCause] = []


class MonthlyReport(Model):
    """A report of the year's indicators by month (or quarter): each committed indicator's
    series, the accumulated result computed from it, against the formulation's target."""

    kind: Literal["monthly-report"]
    catalog: Id
    formulation: Text
    state: Text | None = None
    date: LetterDate | None = None
    indicators: list[IndicatorResult] = []
