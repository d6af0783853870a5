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

    name: Text = Field(description=N_(
        "Nombre del indicador como lo imprimen los documentos: «Tiempo promedio de concesión "
        "de la Pensión Garantizada Universal»."))
    # Dimension/ámbito as the marco classifies it ("Eficacia/Producto"); an id of the catalog's
    # `indicator_types` when the catalog lists them.
    type: Text | None = Field(default=None, title=N_("tipo de indicador"), description=N_(
        "Dimensión y ámbito del indicador: un id de los `indicator_types` del catálogo "
        "(`eficacia-producto`) cuando el catálogo los enumera; si no, el texto "
        "(«Eficacia/Producto»)."))
    formula: Text | None = Field(default=None, description=N_(
        "Fórmula de cálculo tal como se imprime: «(N° de procedimientos electrónicos al año t "
        "/ N° total de procedimientos vigentes en el año t) * 100»."))
    scale: Scale = Field(default="percent", description=N_(
        "Cómo numerador y denominador dan la meta: `percent`, su cociente × 100; `ratio`, "
        "`number`, `days`, `hours` o `currency` (pesos), su cociente tal cual (o la meta sola, "
        "sin fracción)."))
    # The unit of measure as the document prints it: "%", "días", "horas", "$", "personas".
    unit: Text | None = Field(default=None, description=N_(
        "Unidad de medida como la imprime el documento: «%», «días», «horas», «$», "
        "«personas». Puede omitirse en `percent` (se imprime %) y `currency` ($)."))
    # Decimals of the target as the marco prints it (37.5 % has one, 105.28 % two).
    target_decimals: int = Field(default=2, ge=0, le=4, description=N_(
        "Decimales con que se imprime la meta: 37.5 % lleva 1, 105.28 % lleva 2."))
    numerator_description: Text | None = Field(default=None, description=N_(
        "Qué cuenta el numerador, en palabras: «N° de procedimientos administrativos "
        "electrónicos al año t»."))
    denominator_description: Text | None = Field(default=None, description=N_(
        "Qué cuenta el denominador, en palabras: «N° total de procedimientos administrativos "
        "vigentes en el año t»."))
    # Medios de verificación: the evidence the service will deliver.
    verification: list[Text] = Field(default=[], description=N_(
        "Medios de verificación: los documentos con que el servicio acreditará el resultado, "
        "uno por línea («Reporte SIGFE de ejecución presupuestaria»)."))
    # Nota técnica, in Markdown.
    notes: RichText | None = Field(default=None, description=N_(
        "Nota técnica del indicador, en Markdown: supuestos, fuentes de los datos, qué se "
        "excluye del cálculo."))
    # "Aplica desagregación por sexo" and "Aplica gestión territorial".
    sex_disaggregation: bool = Field(default=False, description=N_(
        "«Aplica desagregación por sexo»: `true` si el indicador se informa por hombres y "
        "mujeres."))
    territorial: bool = Field(default=False, description=N_(
        "«Aplica gestión territorial»: `true` si el indicador se mide por región o territorio."))
    # «Sentido descendente»: lower is better (a time, a cost), so compliance is target / result.
    # The catalog may say so of its own indicators in `rules.compliance.descending`.
    descending: bool = Field(default=False, title=N_("sentido descendente"), description=N_(
        "«Sentido descendente»: `true` si menos es mejor (un plazo, un costo); su cumplimiento "
        "es meta / resultado."))
    # How a series of the year (results by month or quarter) accumulates: `sum`, the periods'
    # numerators over their denominators (a flow: attentions, spending); `last`, the last
    # period given (a stock reported to date: measures implemented, procedures digitised).
    accumulation: Literal["sum", "last"] = Field(default="sum", title=N_("acumulación"),
                                                 description=N_(
        "Cómo se acumula la serie del año (resultados por mes o trimestre): `sum` suma los "
        "numeradores y los denominadores de los períodos (un flujo: atenciones, gasto); "
        "`last` toma el último período informado (un total a la fecha: medidas implementadas, "
        "trámites digitalizados)."))

    @property
    def factor(self) -> int:
        return SCALE_FACTORS[self.scale]

    @property
    def shown_unit(self) -> str | None:
        return self.unit if self.unit is not None else DEFAULT_UNITS.get(self.scale)


class Target(Model):
    """A committed target: numerator and denominator, the value they give, or both."""

    numerator: Amount | None = Field(default=None, description=N_(
        "El numerador, como número sin separador de miles: `3`, `12608049`. Va junto con "
        "`denominator`."))
    denominator: Amount | None = Field(default=None, description=N_(
        "El denominador, como número sin separador de miles: `8`, `11975373`."))
    # The target as the service states it (37.5 for 37.5 %, 12.5 for 12.5 días); when numerator
    # and denominator are given it is checked against numerator / denominator × the scale's
    # factor.
    value: SignedAmount | None = Field(default=None, description=N_(
        "El valor en la unidad del indicador, sin el signo: `37.5` para 37.5 %, `12.5` para "
        "12.5 días. Con numerador y denominador se comprueba que sea su cociente (× 100 en un "
        "porcentaje); puede escribirse solo."))

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
