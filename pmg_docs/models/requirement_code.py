"""The pattern a catalog's requirement codes follow (`requirement_code:`), as data.

A pattern is text with three places: `{stage}`, `{objective}` and `{number}` (the stage, the
stage objective and the requirement), each optionally with a width, `{objective:2}`, which
means exactly that many digits (`01`); without a width a number is written as is (`1`, `12`).
2024's codes are `E{stage}-{objective:2}-RT{number}` (`E1-02-RT4`), the default. A pattern is
turned into a regular expression here, once, so that a catalog never writes one (a regular
expression in YAML is easy to get wrong and hard to read in a message).
"""

from __future__ import annotations

import re
from functools import cache

from ..i18n import N_, _

DEFAULT = "E{stage}-{objective:2}-RT{number}"
PLACES = ("stage", "objective", "number")
# What a message shows for each place («E<etapa>-<objetivo en dos dígitos>-RT<número>»).
_SHOWN = {"stage": N_("etapa"), "objective": N_("objetivo"), "number": N_("número")}
_PLACE = re.compile(r"\{([a-z]+)(?::([1-9]))?\}")


class PatternError(ValueError):
    """The pattern cannot be read; the message says why and what to write."""


@cache
def compile_pattern(pattern: str) -> re.Pattern[str]:
    """The regular expression of `pattern`, its places as named groups. Raises PatternError."""
    parts, seen, end = [], set(), 0
    for match in _PLACE.finditer(pattern):
        name, width = match[1], match[2]
        if name not in PLACES:
            raise PatternError(_(
                "el patrón «{pattern}» tiene el lugar {{{name}}}, que no existe; se espera "
                "{{stage}}, {{objective}} y {{number}}, como {default}").format(
                pattern=pattern, name=name, default=DEFAULT))
        if name in seen:
            raise PatternError(_("el patrón «{pattern}» tiene {{{name}}} dos veces; se espera "
                                 "cada lugar una vez").format(pattern=pattern, name=name))
        seen.add(name)
        parts.append(_literal(pattern, pattern[end:match.start()]))
        digits = rf"\d{{{width}}}" if width else r"[1-9]\d{0,2}"
        parts.append(f"(?P<{name}>{digits})")
        end = match.end()
    parts.append(_literal(pattern, pattern[end:]))
    missing = [name for name in PLACES if name not in seen]
    if missing:
        raise PatternError(_(
            "el patrón «{pattern}» no tiene {missing}; se espera un código con la etapa, el "
            "objetivo y el número del requisito, como {default}").format(
            pattern=pattern, missing=", ".join("{" + name + "}" for name in missing),
            default=DEFAULT))
    return re.compile("^" + "".join(parts) + "$")


def _literal(pattern: str, text: str) -> str:
    if "{" in text or "}" in text:
        raise PatternError(_(
            "el patrón «{pattern}» tiene una llave que no abre ni cierra un lugar; se espera "
            "{{stage}}, {{objective}} o {{number}}, con un ancho opcional: {{objective:2}}"
        ).format(pattern=pattern))
    return re.escape(text)


def parse_code(pattern: str, code: str) -> tuple[int, int, int] | None:
    """(stage, objective, number) of `code` under `pattern`; None when it does not follow it."""
    match = compile_pattern(pattern).match(code)
    if match is None:
        return None
    return int(match["stage"]), int(match["objective"]), int(match["number"])


def form(pattern: str) -> str:
    """The pattern as a message shows it: «E<etapa>-<objetivo en dos dígitos>-RT<número>»."""
    def shown(match: re.Match[str]) -> str:
        word = _(_SHOWN[match[1]])
        if match[2] == "2":
            return "<" + _("{place} en dos dígitos").format(place=word) + ">"
        if match[2]:
            return "<" + _("{place} en {width} dígitos").format(place=word, width=match[2]) + ">"
        return f"<{word}>"
    return _PLACE.sub(shown, pattern)


def example(pattern: str, stage: int = 1, objective: int = 1, number: int = 1) -> str:
    """A code written under `pattern` (`E1-01-RT1`)."""
    values = {"stage": stage, "objective": objective, "number": number}

    def written(match: re.Match[str]) -> str:
        return str(values[match[1]]).zfill(int(match[2] or 0))
    return _PLACE.sub(written, pattern)


def prefix(pattern: str, stage: int, objective: int) -> str | None:
    """What every code of this stage and objective starts with, when the pattern puts both
    before the requirement's number (`E1-02-`); None when it does not."""
    places = {match[1]: match for match in _PLACE.finditer(pattern)}
    if places["number"].start() < max(places["stage"].end(), places["objective"].end()):
        return None
    end = max(places["stage"].end(), places["objective"].end())
    # With the separator that follows (the `-` of `E1-02-`), not the text before the number.
    separator = re.match(r"[^0-9A-Za-z{]*", pattern[end:])
    end += len(separator[0]) if separator else 0
    return example(pattern[:end], stage, objective)
