"""A formulation of performance indicators (indicadores de desempeño, "Formulario H").

The service defines each indicator itself: the strategic product it measures, its type, name,
formula, unit and scale, what numerator and denominator count, the target, the evidence
(medios de verificación) and a technical note. The catalog lists the indicator types it admits
and, when the marco weighs indicators, how their weights add up.
"""

from __future__ import annotations

from pydantic import Field

from .base import Identified, Model, Text, Weight
from .indicator import IndicatorFields, Target
from .service import FormulationHeader


class _Product(Model):
    # The producto estratégico the indicator measures, as the service's definitions name it.
    product: Text | None = None


# Bases listed last come first among the fields: id, product, then what defines the indicator.
class PerformanceIndicator(IndicatorFields, _Product, Identified):
    target: Target
    # Only where the catalog's rules weigh indicators.
    weight: Weight | None = None


class Formulation(FormulationHeader):
    indicators: list[PerformanceIndicator] = Field(min_length=1)
