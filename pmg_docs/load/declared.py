"""The fields a catalog's `documents:` entry declares for a document (`fields:`), read out of a
source before its kind's model checks the rest.

One mechanism for every kind: a formulation's cover lines, a results report's state and date, a
decree's number. Each declared field the source writes is checked by its declared type and
handed to the template under `fields`; one it must write and does not is an error at the top of
the file; anything neither the kind nor the catalog declares stays an unknown field (the model
says so, with its «¿quiso decir…?»).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from ..diagnostics import Diagnostic
from ..i18n import _
from .located_yaml import YamlSource

if TYPE_CHECKING:
    from ..models.catalog import DeclaredField, DocumentSpec

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# What a declared text may hold: as much as a paragraph-long field of any model.
MAX_TEXT = 20_000
MAX_LINES = 200

def _expected(declared: DeclaredField) -> str:
    examples = {
        "text": _("un texto en una línea, por ejemplo `{name}: Texto`"),
        "paragraphs": _("un texto, por ejemplo `{name}: >-` y el texto en las líneas "
                        "siguientes, con sangría"),
        "date": _("una fecha escrita AAAA-MM-DD, por ejemplo `{name}: 2024-03-15`"),
        "integer": _("un número entero sin comillas, por ejemplo `{name}: 12`"),
        "number": _("un número sin comillas, por ejemplo `{name}: 12.5`"),
        "lines": _("una lista de líneas de texto, cada una en su línea con `- `"),
    }
    return examples[declared.type].format(name=declared.name)


def _printable(text: str) -> bool:
    return all(c.isprintable() or c in "\n\t" for c in text)


def _text(value: Any, limit: int, one_line: bool) -> str | None:
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        return None
    if one_line and "\n" in value.strip():
        return None
    return value if _printable(value) else None


def _value(declared: DeclaredField, value: Any) -> tuple[bool, Any]:
    """(whether `value` has the declared type, the value the template gets)."""
    kind = declared.type
    if kind in ("text", "paragraphs"):
        text = _text(value, MAX_TEXT, one_line=kind == "text")
        return text is not None, text
    if kind == "date":
        # A YAML file gives a date; front matter keeps it as text (see front_matter.py).
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return True, value
        if isinstance(value, str) and _ISO_DATE.match(value.strip()):
            try:
                return True, dt.date.fromisoformat(value.strip())
            except ValueError:
                return False, None
        return False, None
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool) \
            and abs(value) < 10 ** 15, value
    if kind == "number":
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) \
            and abs(value) < 10 ** 15 and value == value
        return ok, value
    # lines
    ok = isinstance(value, list) and 0 < len(value) <= MAX_LINES \
        and all(_text(line, MAX_TEXT, one_line=True) is not None for line in value)
    return ok, value


def _shown(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def split_declared(source: YamlSource, spec: DocumentSpec, own: set[str]
                   ) -> tuple[YamlSource, dict[str, Any], list[Diagnostic]]:
    """(the source without the declared fields, their values by name, what is wrong with
    them). `own`: the kind's own fields, which a declaration cannot take over (the catalog's
    check says so at the declaration)."""
    data = source.data
    if not spec.fields or not isinstance(data, dict):
        return source, {}, []
    rest = dict(data)
    values: dict[str, Any] = {}
    problems: list[Diagnostic] = []
    for declared in spec.fields:
        if declared.name in own:
            continue
        label = declared.label or declared.name
        if declared.name not in rest:
            if declared.required:
                problems.append(source.diagnostic((), _(
                    "falta `{name}:` ({label}), que el catálogo pide en este documento; se "
                    "espera {expected}").format(name=declared.name, label=label,
                                                expected=_expected(declared))))
            continue
        value = rest.pop(declared.name)
        ok, typed = _value(declared, value)
        if ok:
            values[declared.name] = typed
        else:
            problems.append(source.diagnostic((declared.name,), _(
                "{label}: se encontró «{value}»; se espera {expected}").format(
                label=label, value=_shown(value), expected=_expected(declared))))
    return dataclasses.replace(source, data=rest), values, problems
