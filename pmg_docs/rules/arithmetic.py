"""Comparisons at the precision the documents print."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext


def rounded(value: float, decimals: int) -> Decimal:
    # Decimal from the shortest repr, so 37.5 stays 37.5 and rounding is the familiar half-up.
    # The precision covers every finite float (up to about 1e308) at any decimals we print.
    with localcontext(prec=400):
        return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals),
                                                    rounding=ROUND_HALF_UP)


def same(a: float, b: float, decimals: int) -> bool:
    return rounded(a, decimals) == rounded(b, decimals)


def percent(numerator: float, denominator: float) -> float:
    return numerator / denominator * 100


def shown(value: float, decimals: int) -> str:
    return str(rounded(value, decimals))


def plain(value: float) -> str:
    """A number as the user typed it: `12608049`, `37.5`, never `1.2608e+07`."""
    value = float(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    with localcontext(prec=400):
        return format(Decimal(repr(value)).normalize(), "f")
