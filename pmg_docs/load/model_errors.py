"""Pydantic's validation errors as located diagnostics in the user's words."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..diagnostics import Diagnostic, closest
from ..i18n import _, ngettext
from ..models.base import ID_PATTERN
from ..models.service import BUDGET_CODE_PATTERN
from ..models.vocabulary import inner_model
from ..numbers import plain
from .located_yaml import FieldPath, YamlSource
from .number_hints import number_advice

_NUMBERS = ("float_type", "int_type", "float_parsing", "int_parsing", "int_from_float")


def _expected(kind: str) -> str | None:
    """What a field of a type expects, for pydantic's type errors."""
    return {
        "float_type": _("se espera un número"),
        "int_type": _("se espera un número entero"),
        "int_from_float": _("se espera un número entero"),
        "string_type": _("se espera texto"),
        "bool_type": _("se espera true o false"),
        "dict_type": _("se espera un mapeo de claves a valores (clave: valor)"),
        "model_type": _("se espera un mapeo de claves a valores (clave: valor)"),
        "tuple_type": _("se espera una lista"),
        "list_type": _("se espera una lista"),
        "finite_number": _("se espera un número finito (no NaN ni infinito)"),
        "date_type": _("se espera una fecha escrita AAAA-MM-DD"),
    }.get(kind)


def _message(error: ErrorDetails) -> str:
    kind = error["type"]
    got = error.get("input")
    ctx = error.get("ctx") or {}
    fixed = _FIXED.get(kind)
    if fixed is not None:
        return fixed()
    worded = _WORDED.get(kind)
    if worded is not None:
        return worded(error, got, ctx)
    if kind in _NUMBERS and isinstance(got, str):
        advice = number_advice(got)
        if advice is not None:
            return advice
    expected = _expected(kind)
    if expected is not None:
        return _("{found}; {expected}").format(found=_found(got), expected=expected)
    return _("{problem} (se encontró {got})").format(problem=error["msg"], got=_describe(got))


# The messages of the errors that say the same whatever the value.
_FIXED: dict[str, Callable[[], str]] = {
    "extra_forbidden": lambda: _(
        "campo desconocido; vea los campos que admite cada lugar en docs/campos.md"),
    "missing": lambda: _("falta este campo obligatorio"),
    "string_too_short": lambda: _("el texto está vacío; se espera algún texto"),
}


def _invalid_key(error: ErrorDetails, got: Any, ctx: dict[str, Any]) -> str:
    return _("la clave {key} no es texto; se espera `nombre: valor`").format(key=_describe(got))


def _value_error(error: ErrorDetails, got: Any, ctx: dict[str, Any]) -> str:
    return str(ctx.get("error", error["msg"]))


def _literal(error: ErrorDetails, got: Any, ctx: dict[str, Any]) -> str:
    return _("se encontró {got}; se espera {expected}").format(
        got=_describe(got), expected=_alternatives(ctx.get("expected", "")))


def _pattern(error: ErrorDetails, got: Any, ctx: dict[str, Any]) -> str:
    pattern = ctx.get("pattern")
    if pattern == ID_PATTERN:
        return id_expected(got)
    if pattern == BUDGET_CODE_PATTERN:
        return _("se encontró {got}; se espera un código presupuestario de dos o tres "
                 "dígitos, entre comillas: \"08\"").format(got=_describe(got))
    return _("se encontró {got}; se espera texto de la forma {pattern}").format(
        got=_describe(got), pattern=pattern)


def _bound(error: ErrorDetails, got: Any, ctx: dict[str, Any]) -> str:
    limit = next(iter(ctx.values()), "?")
    limit = plain(limit) if isinstance(limit, (int, float)) else limit
    bound = {"greater_than_equal": _("se espera un valor de {limit} o más"),
             "less_than_equal": _("se espera un valor de {limit} o menos"),
             "greater_than": _("se espera un valor mayor que {limit}"),
             "less_than": _("se espera un valor menor que {limit}")}[error["type"]]
    return _("se encontró {got}; {bound}").format(got=_describe(got),
                                                  bound=bound.format(limit=limit))


def _length(error: ErrorDetails, got: Any, ctx: dict[str, Any]) -> str:
    limit = ctx.get("min_length", ctx.get("max_length"))
    bound = _("se espera al menos {limit}") if error["type"] == "too_short" \
        else _("se espera a lo más {limit}")
    count = ctx.get("actual_length") or 0
    return ngettext("hay {count} elemento; {bound}", "hay {count} elementos; {bound}",
                    count).format(count=count, bound=bound.format(limit=limit))


def _text_length(error: ErrorDetails, got: Any, ctx: dict[str, Any]) -> str:
    return _("el texto es demasiado largo; se espera a lo más {limit} caracteres").format(
        limit=ctx.get("max_length"))


# The messages that quote the value or the error's context, by pydantic's error type.
_WORDED: dict[str, Callable[[ErrorDetails, Any, dict[str, Any]], str]] = {
    "invalid_key": _invalid_key,
    "value_error": _value_error,
    "literal_error": _literal,
    "string_pattern_mismatch": _pattern,
    "greater_than_equal": _bound, "less_than_equal": _bound,
    "greater_than": _bound, "less_than": _bound,
    "too_short": _length, "too_long": _length,
    "string_too_long": _text_length,
}


def id_expected(got: Any) -> str:
    return _("se encontró {got}; se espera un id: minúsculas, dígitos y guiones, como "
             "estado-verde").format(got=_describe(got))


def _alternatives(expected: str) -> str:
    # Pydantic lists a Literal's values as "'eximir' or 'modificar'".
    values = re.findall(r"'([^']*)'", expected)
    return _(" o ").join(f"«{value}»" for value in values) if values else expected


def _describe(value: Any) -> str:
    """A value as the user wrote it in YAML."""
    if isinstance(value, (dt.date, dt.datetime)):
        return _("una fecha ({date})").format(date=value.isoformat())
    if isinstance(value, dict):
        return _("un mapeo (clave: valor)")
    if isinstance(value, list):
        return _("una lista")
    if value is None:
        return _("nada")
    if isinstance(value, bool):
        return "true" if value else "false"
    text = value if isinstance(value, str) else str(value)
    text = text if len(text) <= 60 else text[:57] + "..."
    return f"«{text}»" if isinstance(value, str) else text


def _found(value: Any) -> str:
    """What the user wrote where something else was expected."""
    if value is None:
        return _("el campo está vacío")
    return _("se encontró {got}").format(got=_describe(value))


def located(error: ValidationError, source: YamlSource,
            place: Callable[[FieldPath], str | None] | None = None,
            model: type[BaseModel] | None = None) -> list[Diagnostic]:
    """Each error at its line, `place` naming where it is as the document does. With the
    validated `model`, an unknown field close to one of its fields is named as that field
    misspelt, and that field is then not also reported missing."""
    errors = [describe(item) for item in error.errors(include_url=False)]
    meant, same_mistake = _misspelt(errors, model) if model is not None else ({}, set())
    return [source.diagnostic(path, meant.get(path, message), place=place)
            for path, message in errors if path not in same_mistake]


def _misspelt(errors: list[tuple[FieldPath, str]],
              model: type[BaseModel]) -> tuple[dict[FieldPath, str], set[FieldPath]]:
    """The unknown fields that misspell a field of their model (path -> the message saying
    so), and the paths of the fields so misspelt that are reported missing (the same
    mistake, said once)."""
    unknown_message = _FIXED["extra_forbidden"]()
    missing_message = _FIXED["missing"]()
    missing = {path for path, message in errors if message == missing_message}
    meant: dict[FieldPath, str] = {}
    same_mistake: set[FieldPath] = set()
    for path, message in errors:
        if message != unknown_message or not path or not isinstance(path[-1], str):
            continue
        close = closest(path[-1], _fields_at(model, path[:-1]))
        if close is not None:
            meant[path] = _("campo desconocido; ¿quiso decir `{field}`?").format(field=close)
            same_mistake |= {path[:-1] + (close,)} & missing
    return meant, same_mistake


def _fields_at(model: type[BaseModel] | None, path: FieldPath) -> list[str]:
    """The fields of the model at `path` (list indexes skipped); none when it is not known."""
    for part in path:
        if isinstance(part, str):
            model = inner_model(model, part)
    return list(model.model_fields) if model is not None else []


def describe(error: ErrorDetails) -> tuple[FieldPath, str]:
    """One pydantic error as (field path within the validated data, message)."""
    return error_path(error), _message(error)


def error_path(error: ErrorDetails) -> FieldPath:
    """Where an error is, in the user's data: pydantic's location without the levels the file
    does not have."""
    return tuple(part for part in error["loc"] if not _is_union_tag(part))


def _is_union_tag(part: str | int) -> bool:
    # Pydantic names union branches in the location ("float", "function-after[...]"); the
    # user's file has no such level.
    return isinstance(part, str) and ("[" in part or part in {"float", "int", "str", "bool"})
