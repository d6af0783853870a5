"""Numbers as people in Chile type them, and how to write them in YAML.

An analyst writes `103,96` (decimal comma), `9.876.543` (dots between thousands), `1.234,5` or
`37,5 %`; YAML reads each as text, and inside a `{…}` row a decimal comma even splits the value
in two. These functions recognise those habits and say exactly what to write instead.
"""

from __future__ import annotations

import re

from ..i18n import _

_SIGN = r"[+-]?"
# 9.876.543 (dots between groups of three)
_THOUSANDS = re.compile(rf"^{_SIGN}\d{{1,3}}(\.\d{{3}})+$")
# 103,96 or 1.234,5
_DECIMAL_COMMA = re.compile(rf"^{_SIGN}(\d{{1,3}}(\.\d{{3}})+|\d+),\d+$")
# 9 876 543 (spaces, or no-break spaces, between thousands)
_SPACED = re.compile(rf"^{_SIGN}\d{{1,3}}([ \u00a0\u202f]\d{{3}})+([.,]\d+)?$")
# 37.5 % or 37,5%
_PERCENT = re.compile(rf"^(?P<number>{_SIGN}[\d.,\s]+?)\s*%$")
# "35", as typed between quotes
_PLAIN = re.compile(rf"^{_SIGN}(\d+(\.\d+)?|\.\d+)$")


def yaml_number(text: str) -> str | None:
    """`103,96` -> `103.96`, `9.876.543` -> `9876543`: the number a text written the Chilean way
    stands for, as YAML reads numbers; None when the text is no number."""
    text = text.strip()
    percent = _PERCENT.match(text)
    if percent:
        text = percent.group("number").strip()
    if _THOUSANDS.match(text):
        return text.replace(".", "")
    if _DECIMAL_COMMA.match(text):
        return text.replace(".", "").replace(",", ".")
    if _SPACED.match(text):
        return yaml_number(re.sub(r"[ \u00a0\u202f]", "", text))
    if _PLAIN.match(text):
        return text
    return None


def number_advice(text: str) -> str | None:
    """What to write instead of the text `text` where a number belongs, or None when `text`
    does not look like a number at all."""
    number = yaml_number(text)
    if number is None:
        return None
    stripped = text.strip()
    if stripped.endswith("%"):
        return _("se encontró el texto «{text}»; se espera el número sin el signo %: escriba "
                 "{number}").format(text=stripped, number=number)
    if stripped == number:
        return _("se encontró el texto «{text}» (entre comillas); se espera un número: escríbalo "
                 "sin comillas, {number}").format(text=stripped, number=number)
    return _("se encontró el texto «{text}»; en YAML un número se escribe con punto decimal y "
             "sin separador de miles: escriba {number}").format(text=stripped, number=number)


def decimal_comma_in_row(whole: str, decimals: str) -> str:
    """The message for `{value: 103,96}`, which YAML reads as `value: 103` and a key `96`."""
    return _("«{whole},{decimals}» dentro de {{…}}: en una fila entre llaves la coma separa "
             "campos, así que YAML leyó {whole} y una clave «{decimals}»; se espera el número "
             "con punto decimal: escriba {whole}.{decimals}").format(whole=whole, decimals=decimals)
