"""Pydantic's validation errors as located diagnostics in the user's words."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..diagnostics import Diagnostic, closest
from ..diagnostics.places import SEPARATOR
from ..i18n import _, ngettext
from ..models.base import ID_PATTERN
from ..models.service import BUDGET_CODE_PATTERN
from ..models.vocabulary import inner_model, title, word
from ..numbers import plain
from ..resources import field_reference_shown
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
        "campo desconocido; vea los campos que admite cada lugar en {reference}").format(
        reference=field_reference_shown()),
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
        return id_expected(got)  # `located` says it with the field's ids where it knows them
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


def id_expected(got: Any, known: Sequence[str] = ()) -> str:
    """A value that is no id. `known` are the ids the field accepts, where they are known (a
    catalog's systems, its kinds of gender measure): the one `got` is, written without its
    accents, capitals or spaces, is suggested; else they are listed."""
    meant = same_id(got, known)
    if meant is not None:
        return _("se encontró {got}; se espera un id: minúsculas, dígitos y guiones; ¿quiso "
                 "decir `{id}`?").format(got=_describe(got), id=meant)
    if known:
        return _("se encontró {got}; se espera un id: minúsculas, dígitos y guiones, uno de: "
                 "{known}").format(got=_describe(got), known=", ".join(known))
    return _("se encontró {got}; se espera un id: minúsculas, dígitos y guiones, como "
             "estado-verde").format(got=_describe(got))


def _folded(text: str) -> str:
    """Text without accents, capitals, spaces or punctuation: `Capacitación` and `capacitacion`
    alike."""
    bare = unicodedata.normalize("NFKD", text)
    return "".join(c for c in bare.casefold() if c.isalnum() and not unicodedata.combining(c))


def same_id(got: Any, known: Sequence[str]) -> str | None:
    """The one id of `known` that `got` writes with accents, capitals or spaces (`Estado
    Verde`, `capacitación`), if there is exactly one."""
    if not isinstance(got, str) or not _folded(got):
        return None
    found = [ident for ident in known if _folded(ident) == _folded(got)]
    return found[0] if len(found) == 1 else None


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


# What the field named so accepts, where a source's catalog says it (`Catalog.ids_for`).
AcceptedIds = Callable[[str], "Sequence[str] | None"]


def located(error: ValidationError, source: YamlSource,
            place: Callable[[FieldPath], str | None] | None = None,
            model: type[BaseModel] | None = None,
            ids: AcceptedIds | None = None) -> list[Diagnostic]:
    """Each error at its line, `place` naming where it is as the document does. With the
    validated `model`, an unknown field that misspells, or means, a field of its place is named
    as that field, and that field is then not also reported missing. With `ids`, a value that
    is no id is answered with the ids its field accepts."""
    details = error.errors(include_url=False)
    errors = [describe(item) for item in details]
    for index, item in enumerate(details):
        path = errors[index][0]
        if ids is not None and item["type"] == "string_pattern_mismatch" and path \
                and isinstance(path[-1], str) \
                and (item.get("ctx") or {}).get("pattern") == ID_PATTERN:
            errors[index] = (path, id_expected(item.get("input"), ids(path[-1]) or ()))
    unknown = {errors[i][0] for i, item in enumerate(details) if item["type"] == "extra_forbidden"}
    missing = {errors[i][0] for i, item in enumerate(details) if item["type"] == "missing"}
    meant, same_mistake = _meant(unknown, missing, model) if model is not None else ({}, set())
    return [source.diagnostic(path, meant.get(path, message),
                              place=_as_written(place) if path in unknown and place else place)
            for path, message in errors if path not in same_mistake]


def _as_written(place: Callable[[FieldPath], str | None]
                ) -> Callable[[FieldPath], str | None]:
    """How an unknown field's place is named: its own key as the file writes it (`type`), not
    the word of a field of that name elsewhere («tipo»), after its parent's place."""
    def named(path: FieldPath) -> str | None:
        parent = place(path[:-1]) if path[:-1] else None
        return f"{parent}{SEPARATOR}`{path[-1]}`" if parent else f"`{path[-1]}`"

    return named


def _meant(unknown: set[FieldPath], missing: set[FieldPath], model: type[BaseModel]
           ) -> tuple[dict[FieldPath, str], set[FieldPath]]:
    """The unknown fields that stand for a field of their model (path -> the message saying
    so), and the paths of the fields so meant that are reported missing (the same mistake,
    said once). An unknown field stands for a field it misspells (`wieght`); or for a missing
    field of its place that it names in the documents' words (`type` and `kind` are both
    «tipo»; `descripcion` is «descripción»), or that is the one missing where it is the one
    unknown."""
    meant: dict[FieldPath, str] = {}
    same_mistake: set[FieldPath] = set()
    # Only a named field can stand for another (the document itself, path (), cannot).
    unknown = {path for path in unknown if path and isinstance(path[-1], str)}
    missing = {path for path in missing if path and isinstance(path[-1], str)}
    for path in sorted(unknown, key=str):
        close = closest(path[-1], _fields_at(model, path[:-1]))
        if close is not None:
            meant[path] = _("campo desconocido; ¿quiso decir `{field}`?").format(field=close)
            same_mistake |= {path[:-1] + (close,)} & missing
    for parent in {path[:-1] for path in unknown if path not in meant}:
        holder = _model_at(model, parent)
        if holder is None:
            continue
        strays = [p for p in unknown if p[:-1] == parent and p not in meant
                  and isinstance(p[-1], str)]
        wanting = [p for p in missing if p[:-1] == parent and p not in same_mistake
                   and isinstance(p[-1], str)]
        for stray in sorted(strays, key=str):
            label = _words_match(str(stray[-1]), holder, wanting)
            if label is None and len(strays) == 1 and len(wanting) == 1:
                label = wanting[0]
            if label is None:
                continue
            field = str(label[-1])
            meant[stray] = _("campo desconocido; ¿quiso decir `{field}` ({title})?").format(
                field=field, title=title(holder, field) or field)
            same_mistake.add(label)
            wanting.remove(label)
    return meant, same_mistake


def _words_match(key: str, holder: type[BaseModel], wanting: list[FieldPath]
                 ) -> FieldPath | None:
    """The one missing field whose title is the word of `key` (another model's field of that
    name) or `key` itself written in Spanish without accents."""
    said = {_folded(key)} | ({_folded(word(key) or "")} - {""})
    found = [p for p in wanting if _folded(title(holder, str(p[-1])) or "") in said]
    return found[0] if len(found) == 1 else None


def _model_at(model: type[BaseModel] | None, path: FieldPath) -> type[BaseModel] | None:
    """The model of the mapping at `path` (list indexes skipped); None when not known."""
    for part in path:
        if isinstance(part, str):
            model = inner_model(model, part)
    return model


def _fields_at(model: type[BaseModel] | None, path: FieldPath) -> list[str]:
    """The fields of the model at `path` (list indexes skipped); none when it is not known."""
    found = _model_at(model, path)
    return list(found.model_fields) if found is not None else []


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
