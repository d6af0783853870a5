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

from typing import Annotated, Literal

from pydantic import Field, model_validator

from ..i18n import N_, _
from .base import Id, Model, RichText, Text, Weight, YearCatalog
from .circular import LetterDate
from .indicator import Target

# The periods of a series, in the year's order: months, or quarters. A series is of one kind.
MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
          "septiembre", "octubre", "noviembre", "diciembre")
QUARTERS = ("t1", "t2", "t3", "t4")


class BySex(Model):
    """A result's figures for men (H) and women (M), each checked like a target."""

    men: Target | None = Field(default=None, title=N_("H"), description=N_(
        "Cifras de los hombres (H): numerador y denominador (o el valor), como una meta."))
    women: Target | None = Field(default=None, title=N_("M"), description=N_(
        "Cifras de las mujeres (M): numerador y denominador (o el valor), como una meta."))


class Periods(Model):
    """A result's series of the year: per month (or per quarter) its figures; a period left
    out is a gap, shown as such. The accumulated result is computed from them."""

    enero: Target | None = Field(default=None, description=N_(
        "Cifras de enero: numerador y denominador del mes (o el valor solo), como una meta."))
    febrero: Target | None = Field(default=None, description=N_(
        "Cifras de febrero: numerador y denominador del mes (o el valor solo), como una meta."))
    marzo: Target | None = Field(default=None, description=N_(
        "Cifras de marzo: numerador y denominador del mes (o el valor solo), como una meta."))
    abril: Target | None = Field(default=None, description=N_(
        "Cifras de abril: numerador y denominador del mes (o el valor solo), como una meta."))
    mayo: Target | None = Field(default=None, description=N_(
        "Cifras de mayo: numerador y denominador del mes (o el valor solo), como una meta."))
    junio: Target | None = Field(default=None, description=N_(
        "Cifras de junio: numerador y denominador del mes (o el valor solo), como una meta."))
    julio: Target | None = Field(default=None, description=N_(
        "Cifras de julio: numerador y denominador del mes (o el valor solo), como una meta."))
    agosto: Target | None = Field(default=None, description=N_(
        "Cifras de agosto: numerador y denominador del mes (o el valor solo), como una meta."))
    septiembre: Target | None = Field(default=None, description=N_(
        "Cifras de septiembre: numerador y denominador del mes (o el valor solo), como una meta."))
    octubre: Target | None = Field(default=None, description=N_(
        "Cifras de octubre: numerador y denominador del mes (o el valor solo), como una meta."))
    noviembre: Target | None = Field(default=None, description=N_(
        "Cifras de noviembre: numerador y denominador del mes (o el valor solo), como una meta."))
    diciembre: Target | None = Field(default=None, description=N_(
        "Cifras de diciembre: numerador y denominador del mes (o el valor solo), como una meta."))
    t1: Target | None = Field(default=None, description=N_(
        "Cifras del primer trimestre (enero a marzo): numerador y denominador "
        "(o el valor solo), como una meta."))
    t2: Target | None = Field(default=None, description=N_(
        "Cifras del segundo trimestre (abril a junio): numerador y denominador "
        "(o el valor solo), como una meta."))
    t3: Target | None = Field(default=None, description=N_(
        "Cifras del tercer trimestre (julio a septiembre): numerador y denominador "
        "(o el valor solo), como una meta."))
    t4: Target | None = Field(default=None, description=N_(
        "Cifras del cuarto trimestre (octubre a diciembre): numerador y denominador "
        "(o el valor solo), como una meta."))

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
    id: Id = Field(description=N_(
        "El id de la ponderación que declara el catálogo (`rules.compliance.other_weights`): "
        "`formulario-incentivo`."))
    weight: Weight = Field(description=N_(
        "La ponderación del indicador bajo ese nombre, en por ciento."))
    # What the result obtained of it: the whole weight when met, 0 otherwise; computed when
    # left out, checked when written.
    obtained: Weight | None = Field(default=None, description=N_(
        "Lo que obtuvo el resultado: toda la ponderación si el indicador se cumplió, 0 si no. "
        "Si se omite, pmg la calcula; si se escribe, la comprueba."))


class IndicatorResult(Model):
    indicator: Id = Field(description=N_(
        "El id del indicador comprometido en la formulación: `transformacion-digital`."))
    # What the indicator measured: numerator and denominator (and the value they give), or the
    # value alone; on the indicator's scale, as its target.
    # Left out only where the series gives it (`periods`): the accumulated result.
    effective: Target | None = Field(default=None, description=N_(
        "Resultado efectivo del año: numerador y denominador (y el valor que dan), o el valor "
        "solo, en la escala de la meta: `{numerator: 41, denominator: 52, value: 78.85}`. Se "
        "omite solo si lo da la serie (`periods`)."))
    by_sex: BySex | None = Field(default=None, description=N_(
        "El resultado desagregado por sexo, donde el indicador lo aplica."))
    other_weights: list[OtherWeight] = Field(default=[], description=N_(
        "Las otras ponderaciones que declara el catálogo y que este indicador lleva "
        "(«Ponderación Formulario Incentivo»)."))
    periods: Periods | None = Field(default=None, description=N_(
        "Serie del año, por mes (`enero` … `diciembre`) o por trimestre (`t1` … `t4`); el "
        "resultado acumulado se calcula de ella."))
    # Medios de verificación delivered.
    verification: list[Text] = Field(default=[], description=N_(
        "Medios de verificación entregados, uno por línea («Registro del CPAT»)."))
    notes: RichText | None = Field(default=None, description=N_(
        "Nota del servicio sobre el resultado, en Markdown: lo que explica la cifra."))


class StageResult(Model):
    stage: int = Field(ge=1, le=9, description=N_("Número de la etapa del sistema."))
    # The numbers of the stage objectives achieved (of those committed with a weight above 0).
    achieved: list[int] = Field(default=[], description=N_(
        "Números de los objetivos de la etapa logrados, entre los comprometidos con "
        "ponderación mayor que 0: `[1, 2]`."))


class SystemResult(Model):
    system: Id = Field(description=N_(
        "El id del sistema comprometido en la formulación: `estado-verde`."))
    # Per stage, the objectives achieved; left out where the formulation commits a stage whole.
    stages: list[StageResult] = Field(default=[], description=N_(
        "Por etapa, los objetivos logrados; se omite donde la formulación compromete la etapa "
        "entera (formato 2011)."))
    # Where the formulation commits a stage whole (the 2011 format): whether it was validated.
    validated: bool | None = Field(default=None, description=N_(
        "Donde la formulación compromete la etapa entera (formato 2011): `true` si la red de "
        "expertos validó la etapa, `false` si no."))
    notes: RichText | None = Field(default=None, description=N_(
        "Nota del servicio sobre el sistema, en Markdown: lo que explica lo logrado."))


class ExternalCause(Model):
    """A cause beyond the service's control it claims for a commitment not met."""

    # The indicator or system of the formulation it concerns.
    commitment: Id = Field(description=N_(
        "El id del indicador o sistema de la formulación que la causa afecta."))
    description: RichText = Field(description=N_(
        "La causa externa, ajena a la gestión del servicio, que impidió cumplir, en Markdown."))
    # The Comité's decision: true, the commitment counts as met; false, refused; left out while
    # pending.
    accepted: bool | None = Field(default=None, description=N_(
        "Decisión del Comité: `true`, el compromiso se da por cumplido; `false`, rechazada; se "
        "omite mientras está pendiente."))


# The header every report of a service's year shares (the compliance report, the monthly one).
ReportedFormulation = Annotated[Text, Field(description=N_(
    "La formulación que se informa: su ruta relativa a este archivo, `../aduanas.yaml`. "
    "De ella salen los compromisos, ponderaciones y metas."))]
ReportState = Annotated[Text | None, Field(description=N_(
    "Estado del informe como lo imprime el sistema que lo emite: «Proceso finalizado»."))]
ReportDate = Annotated[LetterDate | None, Field(description=N_(
    "Fecha del informe, AAAA-MM-DD: `2025-03-31`."))]


class Results(Model):
    kind: Literal["results"] = Field(description=N_(
        "Siempre `results`: el archivo es el informe de cumplimiento de un servicio."))
    catalog: YearCatalog
    # The formulation reported on: a path relative to this file, inside the repository.
    formulation: ReportedFormulation
    # The report's state as the system that issues it prints it («Proceso finalizado»), and
    # its date.
    state: ReportState = None
    date: ReportDate = None
    indicators: list[IndicatorResult] = Field(default=[], description=N_(
        "El resultado de cada indicador comprometido."))
    systems: list[SystemResult] = Field(default=[], description=N_(
        "El resultado de cada sistema comprometido: los objetivos de etapa logrados."))
    external_causes: list[ExternalCause] = Field(default=[], description=N_(
        "Causas externas que el servicio invoca para compromisos no cumplidos."))


class MonthlyReport(Model):
    """A report of the year's indicators by month (or quarter): each committed indicator's
    series, the accumulated result computed from it, against the formulation's target."""

    kind: Literal["monthly-report"] = Field(description=N_(
        "Siempre `monthly-report`: el archivo es el informe mensual de indicadores de un "
        "servicio."))
    catalog: YearCatalog
    formulation: ReportedFormulation
    state: ReportState = None
    date: ReportDate = None
    indicators: list[IndicatorResult] = Field(default=[], description=N_(
        "Cada indicador comprometido con su serie del mes o trimestre (`periods`)."))
