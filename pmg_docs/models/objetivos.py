"""A formulation by management objectives (the 2024 format).

Three weighted objectives group the indicators and systems a service commits: an indicator with
its target (or measured only, "Mide"), a system with one weight per stage objective. The
gender-equity measures are listed with a Markdown description each. An indicator is the
catalog's, named by its id, or the service's own, defined where it is committed.
"""

from __future__ import annotations

from pydantic import Field

from ..i18n import N_
from .base import Id, Model, RichText, Weight
from .indicator import IndicatorFields, Target
from .service import FormulationHeader


class IndicatorCommitment(Model):
    # An indicator of the catalog, or the id the service gives its own indicator.
    indicator: Id = Field(description=N_(
        "El id de un indicador del catálogo (`transformacion-digital`), o el id que el "
        "servicio da a un indicador propio definido en `definition`."))
    # The service's own indicator, defined here; left out for an indicator of the catalog.
    definition: IndicatorFields | None = Field(default=None, description=N_(
        "Solo para un indicador propio del servicio: su definición (nombre, fórmula, unidad…). "
        "Se omite para un indicador del catálogo."))
    weight: Weight = Field(description=N_(
        "Ponderación del indicador, en por ciento del total: `20` para 20 %."))
    target: Target | None = Field(default=None, description=N_(
        "Meta comprometida: numerador y denominador, el valor que dan, o ambos "
        "(`{numerator: 3, denominator: 8, value: 37.5}`). Se omite si el indicador solo se "
        "mide."))
    # "Mide": the indicator is measured only, with no target.
    measure_only: bool = Field(default=False, description=N_(
        "«Mide»: `true` si el indicador solo se mide este año, sin meta."))


class StageWeights(Model):
    stage: int = Field(ge=1, le=9, description=N_(
        "Número de la etapa del sistema (1, 2, …)."))
    # One weight per stage objective, in the catalog's order; 0 for objectives not committed.
    weights: list[Weight] = Field(description=N_(
        "Una ponderación por objetivo de la etapa, en el orden del catálogo, en por ciento; "
        "`0` para un objetivo no comprometido: `{stage: 1, weights: [15, 5]}`."))


class SystemCommitment(Model):
    system: Id = Field(description=N_(
        "El id del sistema del catálogo que se compromete: `estado-verde`."))
    weight: Weight = Field(description=N_(
        "Ponderación del sistema, en por ciento: la suma de las de sus objetivos de etapa."))
    stages: list[StageWeights] = Field(description=N_(
        "Las etapas comprometidas, cada una con la ponderación de cada uno de sus objetivos."))


class ObjectiveCommitment(Model):
    objective: Id = Field(description=N_(
        "El id del objetivo de gestión del catálogo: `gestion-eficaz`."))
    weight: Weight = Field(description=N_(
        "Ponderación del objetivo, en por ciento: la suma de las de sus indicadores y sistemas; "
        "los tres objetivos suman 100."))
    systems: list[SystemCommitment] = Field(default=[], description=N_(
        "Los sistemas comprometidos bajo este objetivo."))
    indicators: list[IndicatorCommitment] = Field(default=[], description=N_(
        "Los indicadores comprometidos bajo este objetivo, con su meta."))


class GenderMeasure(Model):
    kind: Id = Field(description=N_(
        "El id del tipo de medida del catálogo (`gender_measure_kinds`): `capacitacion`."))
    description: RichText = Field(description=N_(
        "Qué hará el servicio en esta medida, en Markdown: a quién llega, cómo y con qué "
        "producto."))


class Formulation(FormulationHeader):
    objectives: list[ObjectiveCommitment] = Field(min_length=1, description=N_(
        "Los objetivos de gestión, cada uno con su ponderación y los indicadores y sistemas "
        "que agrupa."))
    gender_measures: list[GenderMeasure] = Field(default=[], description=N_(
        "Medidas de equidad de género que el servicio compromete; su número es el numerador "
        "del indicador de género (3 de 8)."))
