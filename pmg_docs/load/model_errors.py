"""Pydantic's validation errors as located diagnostics in the user's words."""

from __future__ import annotations

import datetime as dt

from pydantic import ValidationError

from ..diagnostics import Diagnostic
from ..models.base import ID_PATTERN
from .located_yaml import YamlSource

_EXPECTED = {
    "float_type": "expected a number",
    "int_type": "expected a whole number",
    "string_type": "expected text",
    "bool_type": "expected true or false",
    "dict_type": "expected a mapping of keys to values",
    "tuple_type": "expected a list",
    "list_type": "expected a list",
    "missing": "required field is missing",
    "extra_forbidden": "unknown field",
    "finite_number": "expected a finite number (not NaN or infinity)",
    "date_type": "expected a date written YYYY-MM-DD",
}


def _message(error: dict) -> str:
    kind = error["type"]
    got = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        return "unknown field; check its spelling against the README's field reference"
    if kind == "missing":
        return "required field is missing"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind == "literal_error":
        return f"got {got!r}; expected {ctx.get('expected')}"
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern")
        if pattern == ID_PATTERN:
            return id_expected(got)
        return f"got {got!r}; expected text matching {pattern}"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bounds = {"greater_than_equal": "at least", "less_than_equal": "at most",
                  "greater_than": "more than", "less_than": "less than"}[kind]
        limit = next(iter(ctx.values()), "?")
        if isinstance(limit, float):
            from ..numbers import plain

            limit = plain(limit)  # 1000000000000000, not 1e+15 or 1000000000000000.0
        return f"got {got!r}; expected a value {bounds} {limit}"
    if kind in ("too_short", "too_long"):
        bound = "at least" if kind == "too_short" else "at most"
        limit = ctx.get("min_length", ctx.get("max_length"))
        return f"got {ctx.get('actual_length')} item(s); expected {bound} {limit}"
    if kind in ("string_too_short",):
        return "empty text; expected some text"
    if kind in ("string_too_long",):
        return f"text is too long; expected at most {ctx.get('max_length')} characters"
    if kind in _EXPECTED:
        return f"got {_describe(got)}; {_EXPECTED[kind]}"
    return f"{error['msg']} (got {_describe(got)})"


def id_expected(got) -> str:
    return (f"got {got!r}; expected an id: lowercase letters, digits and hyphens, like "
            "estado-verde")


def _describe(value) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return f"a date ({value.isoformat()})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def located(error: ValidationError, source: YamlSource) -> list[Diagnostic]:
    out = []
    for item in error.errors(include_url=False):
        path = tuple(part for part in item["loc"] if not _is_union_tag(part))
        out.append(source.diagnostic(path, _message(item)))
    return out


def describe(error: dict) -> tuple[tuple, str]:
    """One pydantic error as (field path within the validated data, message)."""
    return tuple(part for part in error["loc"] if not _is_union_tag(part)), _message(error)


def _is_union_tag(part) -> bool:
    # Pydantic names union branches in the location ("float", "function-after[...]"); the
    # user's file has no such level.
    return isinstance(part, str) and ("[" in part or part in {"float", "int", "str", "bool"})
