"""Where a problem is, named as the document names it: "Objetivo N°3 › Indicador «Transformación
Digital» › meta", counted from 1, beside the file and line of every diagnostic.

Each format has a describer (`describe(path, data, catalog)`, named in the kind registry) that
says how its lists' items are called; this module holds the walk they share along a field path
through the source's raw data, which calls each field by its title in the models
(models/vocabulary.py). The walk reads the data as
written (it also names the place of a shape error, where no model exists) and never fails: what
it cannot name it leaves as the key the file uses.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from ..i18n import _
from ..models.vocabulary import inner_model, title
from . import FieldPath

if TYPE_CHECKING:
    from ..models.catalog import Catalog

# (the list's item, its index, the catalog) -> how the document calls it. The item is the raw
# data as written, which may not have validated: any value. A namer reads it as it expects and
# `_name` falls back to the item's number where it cannot (the walk never fails). The catalog is
# None where the source names none that loads.
ItemNamer = Callable[[Any, int, "Catalog | None"], str]
SEPARATOR = " › "


def describe_path(path: FieldPath, data: object, catalog: Catalog | None,
                  items: Mapping[str, ItemNamer],
                  model: type[BaseModel] | None = None,
                  identities: frozenset[str] = frozenset()) -> str | None:
    """`path` in the document's words. `items` names the items of each list field (by the
    field's name); the fields are called by their titles in `model` (the format's model) and
    the models it holds, or by the vocabulary's word where the data strays from them; a
    trailing field in `identities` (the id that names the item, like `indicator`) is left out,
    since the item's name already shows it. None for the top of the file."""
    parts: list[str] = []
    node = data
    parent_key: str | int | None = None
    for index, part in enumerate(path):
        last = index == len(path) - 1
        if isinstance(part, int) and isinstance(node, list) and 0 <= part < len(node):
            node = node[part]
            namer = items.get(parent_key) if isinstance(parent_key, str) else None
            if namer is not None:
                parts[-1:] = [_name(namer, node, part, catalog)]
            else:
                parts.append(_("N°{number}").format(number=part + 1))
            continue
        if last and part in identities and parts:
            break
        label = title(model, part) if isinstance(part, str) else None
        parts.append(label if label is not None else f"`{part}`")
        node = node.get(part) if isinstance(node, dict) else None
        model = inner_model(model, part) if isinstance(part, str) else None
        parent_key = part
    return SEPARATOR.join(parts) or None


def _name(namer: ItemNamer, item: object, index: int, catalog: Catalog | None) -> str:
    try:
        return namer(item, index, catalog)
    except (AttributeError, KeyError, TypeError, ValueError):
        # Data that did not validate: the item's place in its list still names it.
        return _("N°{number}").format(number=index + 1)


def named(kind: str, item: object, key: str,
          lookup: Callable[[str], object] | None = None) -> str:
    """`Indicador «Transformación Digital»`: the catalog's name of the id under `key` in a raw
    item, or the id as written."""
    ident = item.get(key) if isinstance(item, dict) else None
    found = lookup(ident) if lookup is not None and isinstance(ident, str) else None
    name = getattr(found, "name", None) or ident
    return f"{kind} «{name}»" if name is not None else kind
