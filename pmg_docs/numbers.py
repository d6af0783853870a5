"""Numbers and dates: compared at the precision the documents print, and printed as they do.

Babel does the rounding and grouping; the separators come from the catalog's number style,
because the 2024 originals print `105.28` and `12.608.049` (no locale does both) while other
years print `101,02`.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal, localcontext
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_decimal

# --- comparisons at the precision the documents print ---------------------------------------


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


# --- printing ----------------------------------------------------------------------------------


def format_number(value: float, decimals: int, style) -> str:
    """`12608049, 0` -> `12.608.049`; `105.2831, 2` -> `105.28` (in the 2024 style)."""
    text = _grouped(repr(float(value)), decimals)
    return text.translate(str.maketrans({",": style.group, ".": style.decimal}))


# A year's documents print the same few figures (weights, targets) again and again, and Babel
# takes ~0.1 ms a figure. Keyed by the float's shortest repr, which is all `rounded` reads
# (so -0.0 and 0.0 stay apart); bounded.
@lru_cache(maxsize=4096)
def _grouped(shortest: str, decimals: int) -> str:
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    # Rounded half-up first, so that the printed figure is the one the rules compared.
    with localcontext(prec=400):  # Babel quantizes in the current context: keep every digit
        return format_decimal(rounded(float(shortest), decimals), format=pattern,
                              locale="en_US", decimal_quantization=True)


def format_count(value: float, style) -> str:
    """A quantity as the service wrote it: whole numbers without decimals."""
    if float(value).is_integer():
        return format_number(value, 0, style)
    # The decimals of its shortest form, which may be written with an exponent (1e-07).
    exponent = Decimal(repr(float(value))).as_tuple().exponent
    # Only NaN and the infinities have a letter for exponent; they print as format_number does.
    decimals = min(-exponent, 4) if isinstance(exponent, int) else 0
    return format_number(value, decimals, style)


def roman(number: int) -> str:
    """4 -> IV: how the documents number stages (up to X, the most a marco has)."""
    return ROMAN[int(number) - 1]


ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def format_long_date(day: dt.date) -> str:
    """`15 de septiembre de 2011`."""
    return format_date(day, format="d 'de' MMMM 'de' y", locale="es")


def format_letter_date(day: dt.date) -> str:
    """`15 SEP 2011`, as Hacienda dates its circulars."""
    month = format_date(day, format="MMM", locale="es").rstrip(".")[:3].upper()
    return f"{day.day} {month} {day.year}"


def format_short_date(day: dt.date) -> str:
    """`15-09-2011`, as Chilean forms write a date in a table."""
    return day.strftime("%d-%m-%Y")
