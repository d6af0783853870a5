"""A source's model as tables: the sheets and columns of its workbook form, read off the model.

`pmg export` and `pmg import xlsx` write and read every format that has a workbook form
(kinds.py, `Format.workbook`) through these tables, so a field added to a model is a column
without new code, and a list added to a model is a sheet once the registry names it:

- a model's plain fields (text, number, flag, a choice) are columns, titled from the
  vocabulary (models/vocabulary.py); a field holding a model (a target, a definition) gives one
  column per field of its own, titled «Meta › numerador»;
- a list of texts (medios de verificación) is one cell, one item per line, as Excel writes
  lines in a cell (Alt+Enter);
- a list of numbers (a stage's weights, the objectives achieved) gives one row per number, with
  its N° beside it, so each number is a cell of its own;
- a list of models (objectives, systems, stages) is a sheet of its own, one row per item, each
  row naming its parents by their first field (the objective's id, the system's id, the stage);
- a model whose fields are all the same optional model (a series: each month its figures) is
  a sheet of its own too where the registry names one for it (else columns, as the figures by
  sex are), one row per field present, the field's name in the first column (a
  dropdown of the names): a field left out (a gap) is a row absent;
- a date is a date cell, in Excel's date format.

A field left at its default is an empty cell, and an empty cell is the field left out, so a
source read back from its workbook is the same model.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal

from annotated_types import Ge, Le
from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from ..i18n import _
from .base import MARKDOWN
from .vocabulary import item, title

# Column kinds: how a cell is written and read.
TEXT, NUMBER, INTEGER, FLAG, LINES, CHOICE, DATE = (
    "text", "number", "integer", "flag", "lines", "choice", "date")

# The first column of a sheet of a series (a model of same-model fields, `mapping_of`): the
# field's name, the period.
MAPPING_KEY = "period"

# What a field holding a catalog's id names, by the field's name: the catalog's list of those
# items (each with `id` and `name`). Such a column has the item's name beside it and a dropdown
# of the catalog's ids, and a name typed instead of the id is read as that id.
CATALOG_LISTS: dict[str, str] = {
    "objective": "objectives", "system": "systems", "indicator": "indicators",
    "kind": "gender_measure_kinds", "priority": "priorities", "type": "indicator_types",
}


class NotTabular(TypeError):
    """A model field the workbook form cannot hold, or a list the registry names no sheet for:
    a mistake in pmg-docs itself, caught by tests/test_kinds.py."""


@dataclass(frozen=True)
class Column:
    """One column of a table: the field it holds (its path inside the row's item)."""

    path: tuple[str, ...]
    title: str
    kind: str
    default: Any = None
    # A weight or another field bounded 0–100: a percentage typed the Excel way (37,5 % in a
    # cell formatted as %, which holds 0.375) is read as 37.5.
    percent: bool = False
    # The catalog's list this column's ids are items of (CATALOG_LISTS), if any.
    catalog_list: str | None = None
    # A choice's allowed values.
    choices: tuple[str, ...] = ()
    # Markdown (a description, a note): its line ends and indentation are kept as typed.
    markdown: bool = False
    # A model the field belongs to that is optional (a target, a definition): all its cells
    # empty is the model left out.
    optional_group: tuple[str, ...] | None = None

    @property
    def name(self) -> str:
        return self.path[-1]


@dataclass(frozen=True)
class Expanded:
    """A list of numbers in an item, one row per number: the number's N° and its value."""

    field: str
    number_title: str
    column: Column


@dataclass(frozen=True)
class Table:
    """One sheet of a format: the items at `path` (a list of models; `()` is the source
    itself), each row under `parents`' key columns."""

    path: tuple[str, ...]
    title: str
    model: type[BaseModel]
    # The first column of each table above this one, from the source's down: which item a row
    # belongs to.
    parents: tuple[Column, ...]
    columns: tuple[Column, ...]
    expanded: Expanded | None = None
    # A sheet of a series (`mapping_of`): its rows are the fields present of one model, the
    # first column (MAPPING_KEY) naming the field.
    mapping: bool = False

    @property
    def key(self) -> Column:
        return self.columns[0]


def mapping_of(annotation: Any) -> type[BaseModel] | None:
    """The model every field of `annotation` holds, when `annotation` is a model whose fields
    are all that same model, optional (a series: `enero: Target | None`, …); else None."""
    if not _is_model(annotation) or not annotation.model_fields:
        return None
    inner = set()
    for info in annotation.model_fields.values():
        value, optional = _unwrap(info.annotation)
        if not optional or not _is_model(value):
            return None
        inner.add(value)
    return inner.pop() if len(inner) == 1 else None


def as_rows(value: Any) -> list[Any]:
    """The items of a list field as a sheet has them: a series' mapping (a dict of field name
    -> figures) is one row per field present, its name under MAPPING_KEY."""
    if isinstance(value, dict):
        return [{MAPPING_KEY: name, **figures} for name, figures in value.items()
                if isinstance(figures, dict)]
    return list(value or [])


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """The annotation without `None` (and whether None was allowed)."""
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1:
            return rest[0], True
    return annotation, False


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _list_item(annotation: Any) -> Any | None:
    if typing.get_origin(annotation) is list:
        return typing.get_args(annotation)[0]
    return None


def _base(annotation: Any) -> Any:
    """`Annotated[float, …]` -> float."""
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _percent(info_metadata: list[Any]) -> bool:
    low = next((m.ge for m in info_metadata if isinstance(m, Ge)), None)
    high = next((m.le for m in info_metadata if isinstance(m, Le)), None)
    return low == 0 and high == 100


def _metadata(annotation: Any) -> list[Any]:
    found: list[Any] = []
    while typing.get_origin(annotation) is typing.Annotated:
        args = typing.get_args(annotation)
        found.extend(args[1:])
        annotation = args[0]
    for meta in list(found):
        found.extend(getattr(meta, "metadata", []) or [])
    return found


def _scalar_kind(annotation: Any) -> tuple[str, tuple[str, ...]]:
    base = _base(annotation)
    if typing.get_origin(base) is Literal:
        return CHOICE, tuple(str(a) for a in typing.get_args(base))
    if base is bool:
        return FLAG, ()
    if base is int:
        return INTEGER, ()
    if base is float:
        return NUMBER, ()
    if base is str:
        return TEXT, ()
    if base is dt.date:
        return DATE, ()
    raise NotTabular(f"no column kind for {annotation!r}")


def _columns(model: type[BaseModel], prefix: tuple[str, ...], titles: tuple[str, ...],
             optional_group: tuple[str, ...] | None, lists: dict[str, type[BaseModel]],
             expanded: list[Expanded], top: bool, series: frozenset[str] = frozenset()
             ) -> list[Column]:
    columns: list[Column] = []
    for name, info in model.model_fields.items():
        annotation, optional = _unwrap(info.annotation)
        default = None if info.default is PydanticUndefined else info.default
        words = (*titles, title(model, name) or name)
        metadata = [*info.metadata, *_metadata(annotation)]
        if name == "kind" and top and typing.get_origin(_base(annotation)) is Literal \
                and len(typing.get_args(_base(annotation))) == 1:
            continue  # what the source is: its sheet says it
        if not prefix and name in series and mapping_of(annotation) is not None:
            lists[name] = annotation
            continue
        if _is_model(annotation):
            columns += _columns(annotation, (*prefix, name), words,
                                (*prefix, name) if optional else optional_group, lists,
                                expanded, False)
            continue
        inner = _list_item(_base(annotation))
        if inner is not None and _is_model(inner):
            if prefix:
                raise NotTabular(f"a list of models inside {prefix}")
            lists[name] = inner
            continue
        if inner is not None:
            kind, _choices = _scalar_kind(inner)
            if kind == TEXT:
                columns.append(Column((*prefix, name), _capital(" › ".join(words)), LINES,
                                      default, optional_group=optional_group))
                continue
            if prefix or expanded:
                raise NotTabular(f"a second list of numbers in {model.__name__}")
            value = Column((name,), _capital(item(name) or name), kind,
                           percent=_percent(_metadata(inner)))
            expanded.append(Expanded(name, _("N°"), value))
            continue
        kind, choices = _scalar_kind(annotation)
        columns.append(Column(
            (*prefix, name), _capital(" › ".join(words)), kind, default,
            percent=kind == NUMBER and _percent(metadata),
            catalog_list=CATALOG_LISTS.get(name) if kind == TEXT else None,
            choices=choices, optional_group=optional_group,
            markdown=any(m is MARKDOWN for m in metadata)))
    return columns


def tables(model: type[BaseModel], titles: dict[str, str]) -> list[Table]:
    """The tables of a source of `model`, the first the source's own row; `titles`: each
    table's sheet title by its list path, dotted ("objectives.indicators"; "" for the source),
    as kinds.py declares them (msgids)."""
    found: list[Table] = []

    def walk(current: type[BaseModel], path: tuple[str, ...],
             parents: tuple[Column, ...]) -> None:
        lists: dict[str, type[BaseModel]] = {}
        expanded: list[Expanded] = []
        series = mapping_of(current) if path else None
        dotted = ".".join(path)
        # The fields of the item that the registry names a sheet for (a series).
        named = frozenset(name for name in (series or current).model_fields
                          if ".".join((*path, name)) in titles)
        columns = _columns(series or current, (), (), None, lists, expanded, top=not path,
                           series=named)
        if series is not None:
            names = tuple(current.model_fields)
            columns.insert(0, Column((MAPPING_KEY,), _("Período"), CHOICE, choices=names))
        if dotted not in titles:
            raise NotTabular(f"{model.__name__}: no sheet named for the list «{dotted}»")
        table = Table(path, _(titles[dotted]), series or current, parents, tuple(columns),
                      expanded[0] if expanded else None, mapping=series is not None)
        found.append(table)
        for name, inner in lists.items():
            walk(inner, (*path, name), (*parents, table.key) if path else parents)

    walk(model, (), ())
    return found


def get(data: Any, path: tuple[str, ...]) -> Any:
    for part in path:
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def put(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for part in path[:-1]:
        data = data.setdefault(part, {})
    data[path[-1]] = value


def cell_values(table: Table, item_data: dict[str, Any]) -> list[Any]:
    """The values of an item's own columns; a field at its default is None (an empty cell)."""
    out = []
    for column in table.columns:
        value = get(item_data, column.path)
        if value == column.default:
            value = None
        if column.kind == LINES:
            value = "\n".join(value) if value else None
        out.append(value)
    return out
