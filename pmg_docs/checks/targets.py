"""Checks of a committed target, on the indicator's scale: shared by every format with indicators.

A target with a numerator and a denominator gives numerator / denominator × the scale's factor
(× 100 for a percentage, × 1 for days, hours, a ratio, a number or an amount); the value the
service states is compared with it at the decimals the marco prints. A target may also be a
value alone (an amount of money, a number of days), with no fraction.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..diagnostics import Diagnostic, FieldPath, Severity, unknown
from ..domain.targets import computed_value
from ..i18n import _, ngettext
from ..models.indicator import IndicatorFields, Target
from ..numbers import plain, same, shown

if TYPE_CHECKING:
    from ..load.document import Document
    from ..models.catalog import Catalog
    from ..models.objetivos import IndicatorCommitment


# The checks below take the document of any format with indicators (objetivos, indicadores,
# results): they only locate what they find through it.
def check_target(document: Document[Any], base: FieldPath, target: Target,
                 indicator: IndicatorFields, fixed_denominator: int | None = None,
                 field: str = "target") -> Iterable[Diagnostic]:
    """The target at `base + (field,)` of an indicator defined by `indicator` (a result's
    effective figures are checked the same way, at `effective`)."""
    here = base + (field,)
    if target.has_fraction and target.denominator == 0:
        yield document.diagnostic(here + ("denominator",), _(
            "el denominador es 0; se espera un número mayor que 0"))
        return
    # A target has its numerator and denominator together or neither (models/indicator.py).
    if fixed_denominator is not None and target.denominator is not None \
            and target.denominator != fixed_denominator:
        yield document.diagnostic(here + ("denominator",), _(
            "el denominador es {denominator}; el marco lo fija en {fixed} para «{indicator}»"
        ).format(denominator=plain(target.denominator), fixed=fixed_denominator,
                 indicator=indicator.name))
    computed = computed_value(target, indicator)
    if computed is None:
        return
    # A computed value needs both numerator and denominator.
    assert target.numerator is not None and target.denominator is not None
    decimals = indicator.target_decimals
    if target.value is None:
        yield document.diagnostic(here, _(
            "sin valor declarado; el documento imprimirá el calculado, {computed}. Agregue "
            "`value: {computed}` para confirmarlo").format(computed=shown(computed, decimals)),
            severity=Severity.WARNING)
    elif not same(target.value, computed, decimals):
        factor = f" × {indicator.factor}" if indicator.factor != 1 else ""
        yield document.diagnostic(here + ("value",), ngettext(
            "el valor es {value}, pero {numerator} / {denominator}{factor} = {computed}; se "
            "espera que coincidan con {decimals} decimal",
            "el valor es {value}, pero {numerator} / {denominator}{factor} = {computed}; se "
            "espera que coincidan con {decimals} decimales", decimals).format(
            value=plain(target.value), numerator=plain(target.numerator),
            denominator=plain(target.denominator), factor=factor,
            computed=shown(computed, decimals), decimals=decimals))


def check_commitment(document: Document[Any], base: FieldPath, commitment: IndicatorCommitment,
                     indicator: IndicatorFields,
                     fixed_denominator: int | None = None) -> Iterable[Diagnostic]:
    """An indicator committed with a target, or measured only ("Mide"), never both or neither."""
    target, measure_only = commitment.target, commitment.measure_only
    if target is None and not measure_only:
        yield document.diagnostic(base, _(
            "no tiene meta; se espera `target:` con `numerator:` y `denominator:` (numerador y "
            "denominador), o `measure_only: true` (Mide)"))
    elif target is not None and measure_only:
        yield document.diagnostic(base + ("measure_only",), _(
            "un indicador que solo se mide (Mide) no tiene meta; se espera `target:` o "
            "`measure_only: true`, no ambos"))
    elif target is not None:
        yield from check_target(document, base, target, indicator, fixed_denominator)


def check_definition(document: Document[Any], base: FieldPath, indicator: IndicatorFields,
                     catalog: Catalog) -> Iterable[Diagnostic]:
    """An indicator a service defines: a type the marco admits, a unit where the scale needs
    one."""
    if indicator.type is not None and catalog.indicator_types \
            and catalog.indicator_type(indicator.type) is None:
        yield document.diagnostic(base + ("type",), _unknown_type(indicator.type, catalog))
    if indicator.shown_unit is None and indicator.scale in ("days", "hours"):
        yield document.diagnostic(base + ("unit",), _(
            "falta la unidad de medida de un indicador en {scale}; se espera `unit:` tal como "
            "la imprime el documento (por ejemplo «días» u «horas»)").format(
            scale=indicator.scale))


def _unknown_type(type_id: str, catalog: Catalog) -> str:
    return unknown(_("un tipo de indicador"), type_id, (t.id for t in catalog.indicator_types),
                   _("del catálogo {catalog}").format(catalog=catalog.id))
