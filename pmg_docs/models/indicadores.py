"""A formulation of performance indicators (indicadores de desempeño, "Formulario H").

The service defines each indicator itself: the strategic product it measures, its type, name,
formula, unit and scale, what numerator and denominator count, the target, the evidence
(medios de verificación) and a technical note. The catalog lists the indicator types it admits
and, when the marco weighs indicators, how their weights add up.
"""

from __future__ import annotations

from pydantic import Field

from ..i18n import N_
from .base import Identified, Model, Text, Weight
from .indicator import IndicatorFields, Target
from .service import FormulationHeader


class _Product(Model):
    # The producto estratégico the indicator measures, as the service's definitions name it.
    product: Text | None = Field(default=None, description=N_(
        "El producto estratégico que mide el indicador, como lo nombran las definiciones "
        "estratégicas del servicio: «Beneficios previsionales y sociales»."))


# Bases listed last come first among the fields: id, product, then what defines the indicator.
class PerformanceIndicator(IndicatorFields, _Product, Identified):
    target: Target = Field(description=N_(
        "Meta del año: numerador y denominador, el valor que dan, o ambos."))
    # Only where the catalog's rules weigh indicators.
    weight: Weight | None = Field(default=None, description=N_(
        "Ponderación del indicador, en por ciento; solo donde las reglas del catálogo "
        "ponderan indicadores."))


class Formulation(FormulationHeader):
    indicators: list[PerformanceIndicator] = Field(min_length=1, description=N_(
        "Los indicadores de desempeño que el servicio define y compromete, cada uno con su "
        "meta."))
