"""A service's Programa de Trabajo: for each gender measure and each committed system, the
activities that carry it out, with their dates, the unit responsible and the evidence.

Like a results file, it names its formulation (`formulation:`, relative to the file); the
measures and systems it plans are those the formulation commits.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..i18n import N_
from .base import Id, Model, Text, YearCatalog
from .circular import LetterDate as Day


class Activity(Model):
    activity: Text = Field(description=N_(
        "Qué se hará, en una frase: «Diseño del curso de primera acogida en violencia de "
        "género»."))
    # For a system: the stage objective it serves (both, or neither).
    stage: int | None = Field(default=None, ge=1, le=9, description=N_(
        "En un sistema, la etapa del objetivo al que sirve la actividad (junto con "
        "`objective`, o ninguno de los dos); en una medida de género se omite."))
    objective: int | None = Field(default=None, ge=1, le=99, description=N_(
        "En un sistema, el número del objetivo de esa etapa al que sirve la actividad; en una "
        "medida de género se omite."))
    start: Day = Field(description=N_("Fecha de inicio, AAAA-MM-DD: `2024-03-01`."))
    end: Day = Field(description=N_("Fecha de término, AAAA-MM-DD: `2024-04-30`."))
    # The unit responsible (Unidad responsable).
    unit: Text = Field(title=N_("unidad responsable"), description=N_(
        "Unidad responsable de la actividad: «Subdirección de Recursos Humanos»."))
    # What will show it was done (medios de verificación).
    evidence: list[Text] = Field(min_length=1, description=N_(
        "Medios de verificación: lo que mostrará que se hizo, uno por línea («Listas de "
        "asistencia»)."))


class MeasurePlan(Model):
    # The gender measure's number: its place in the formulation's `gender_measures` (1, 2, …).
    measure: int = Field(ge=1, description=N_(
        "Número de la medida de género: su lugar en las `gender_measures` de la formulación "
        "(1, 2, …)."))
    activities: list[Activity] = Field(min_length=1, description=N_(
        "Las actividades que llevan a cabo la medida."))


class SystemPlan(Model):
    system: Id = Field(description=N_(
        "El id del sistema comprometido en la formulación: `estado-verde`."))
    activities: list[Activity] = Field(min_length=1, description=N_(
        "Las actividades que llevan a cabo el sistema, cada una con su objetivo de etapa."))


class WorkPlan(Model):
    kind: Literal["work-plan"] = Field(description=N_(
        "Siempre `work-plan`: el archivo es el programa de trabajo de un servicio."))
    catalog: YearCatalog
    # The formulation planned: a path relative to this file, inside the repository.
    formulation: Text = Field(description=N_(
        "La formulación que se planifica: su ruta relativa a este archivo, "
        "`../aduanas.yaml`."))
    gender_measures: list[MeasurePlan] = Field(default=[], description=N_(
        "Por cada medida de equidad de género comprometida, sus actividades."))
    systems: list[SystemPlan] = Field(default=[], description=N_(
        "Por cada sistema comprometido, sus actividades."))
