"""An indicator as a marco defines it, and a target committed for it.

The same fields describe an indicator of the catalog (a transversal one every service may commit)
and one a service defines for itself: what it measures, how (formula, numerator, denominator),
in which unit, how it is verified. The `scale` says how numerator and denominator make the
target: a percentage multiplies their ratio by 100; days, hours, a ratio, a number or an amount
of money take it as it is (or the target is stated alone, without a fraction).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from ..i18n import N_, _
from .base import Amount, Model, RichText, SignedAmount, Text

Scale = Literal["percent", "ratio", "number", "days", "hours", "currency"]
# What numerator / denominator is multiplied by to give the target, per scale.
SCALE_FACTORS: dict[str, int] = {"percent": 100, "ratio": 1, "number": 1, "days": 1, "hours": 1,
                                 "currency": 1}
# A scale whose unit may be left out: the symbol goes without saying.
DEFAULT_UNITS: dict[str, str] = {"percent": "%", "currency": "$"}


class IndicatorFields(Model):
    """What the marco (or the service) says of an indicator."""

    name: Text
    # Dimension/ámbito as the marco classifies it ("Eficacia/Producto"); an id of the catalog's
    # `indicator_types` when the catalog lists them.
    type: Text | None = Field(default=None, title=N_("tipo de indicador"))
    formula: Text | None = None
    scale: Scale = "percent"
    # The unit of measure as the document prints it: "%", "días", "horas", "$", "personas".
    unit: Text | None = None
    # Decimals of the target as the marco prints it (37.5 % has one, 105.28 % two).
    target_decimals: int = Field(default=2, ge=0, le=4)
    numerator_description: Text | None = None
    denominator_description: Text | None = None
    # Medios de verificación: the evidence the service will deliver.
    verification: list[Text] = []
    # Nota técnica, in Markdown.
    notes: RichText | None = None
    # "Aplica desagregación por sexo" and "Aplica gestión territorial".
    sex_disaggregation: bool = False
    territorial: bool = False
    # «Sentido descendente»: lower is better (a time, a cost), so compliance is target / result.
    # The catalog may say so of its own indicators in `rules.compliance.descending`.
    descending: bool = Field(default=False, title=N_("sentido descendente"))
    # How a series of the year (results by month or quarter) accumulates: `sum`, the periods'
    # numerators over their denominators (a flow: attentions, spending); `last`, the last
    # period given (a stock reported to date: measures implemented, procedures digitised).
    accumulation: Literal["sum", "last"] = Field(default="sum", title=N_("acumulación"))

    @property
    def factor(self) -> int:
        return SCALE_FACTORS[self.scale]

    @property
    def shown_unit(self) -> str | None:
        return self.unit if self.unit is not None else DEFAULT_UNITS.get(self.scale)


class Target(Model):
    """A committed target: numerator and denominator, the value they give, or both."""

    numerator: Amount | None = None
    denominator: Amount | None = None
    # The target as the service states it (37.5 for 37.5 %, 12.5 for 12.5 días); when numerator
    # and denominator are given it is checked against numerator / denominator × the scale's
    # factor.
    value: SignedAmount | None = None

    @model_validator(mode="after")
    def _complete(self) -> Target:
        if (self.numerator is None) != (self.denominator is None):
            raise ValueError(_("se espera `numerator` y `denominator` juntos, o ninguno de los "
                               "dos (y entonces `value` solo)"))
        if self.numerator is None and self.value is None:
            raise ValueError(_("la meta está vacía; se espera `numerator` y `denominator`, "
                               "`value`, o los tres"))
        return self

    @property
    def has_fraction(self) -> bool:
        return self.numerator is not None
