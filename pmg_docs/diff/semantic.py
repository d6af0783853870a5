"""What changed between two versions of a source, in the words of the marco.

The walk is generic over the models, so a new format needs no new code here: two models of the
same class are compared field by field in the model's order; list items are paired by the field
that identifies them (`id`, `code`, `objective`, `system`, `indicator`, `stage`, `number`), or by
position when they have none (gender measures); a change is named by the catalog's name of what
it is about ("Estado Verde", not `estado-verde`) and carries the old and the new value.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pydantic import BaseModel

from ..i18n import _
from ..models import vocabulary
from ..numbers import format_long_date, plain

# The fields that identify an item of a list, in order of preference: an item's own id first
# (a catalog's system has an `id` and names its `objective`), then what it refers to.
IDENTITY_KEYS = ("id", "code", "objective", "system", "indicator", "stage", "number",
                 "measure")
# A field holding an id of the catalog -> the catalog's list that the id is looked up in.
REFERENCES = {
    "objective": "objectives",
    "system": "systems",
    "indicator": "indicators",
    "kind": "gender_measure_kinds",
    "area": "areas",
    "marco": "marcos",
    "priority": "priorities",
}
# Ids that name the item itself (in a catalog), not something of the catalog.
OWN_IDS = ("id", "code")
# A list of numbers whose element i stands for the i-th stage objective.
ELEMENT_LABELS = {"weights": ("objective", "weight")}
# Lists of numbers read as one value, as the documents print them ("objetivos logrados 1, 2").
WHOLE_LISTS = frozenset({"achieved"})
LONG_TEXT = 80
LABEL_SIZE = 40

ADDED, REMOVED, CHANGED = "added", "removed", "changed"


@dataclass(frozen=True)
class Change:
    """One difference: where (human labels, outermost first), what, and the two values."""

    where: tuple[str, ...]
    what: str
    status: str
    old: str | None = None
    new: str | None = None
    # Long texts, compared line by line by the report.
    old_text: str | None = None
    new_text: str | None = None

    @property
    def place(self) -> str:
        return " › ".join(self.where)


class Namer:
    """Human names of the ids a source refers to, from its catalog(s) (new first, then old)."""

    def __init__(self, *catalogs):
        self.catalogs = [c for c in catalogs if c is not None]

    def name(self, key: str, value, size: int | None = None) -> str:
        """The catalog's name for the id `value` of a `key` field, cut to `size` characters."""
        found = self._lookup(key, value)
        if size is not None and len(found) > size:
            found = found[:size].rsplit(" ", 1)[0].rstrip(",;:.") + "…"
        return found

    def item(self, key: str, value):
        """The catalog's item a `key` field names (an indicator, a system), or None."""
        listing = REFERENCES.get(key)
        if listing is None or not isinstance(value, str):
            return None
        for catalog in self.catalogs:
            for item in getattr(catalog, listing, None) or ():
                if getattr(item, "id", None) == value:
                    return item
        return None

    def _lookup(self, key: str, value) -> str:
        listing = REFERENCES.get(key)
        if listing is None or not isinstance(value, str):
            return str(value)
        for catalog in self.catalogs:
            for item in getattr(catalog, listing, None) or ():
                if getattr(item, "id", None) == value and getattr(item, "name", None):
                    return item.name
        return value


def item_word(field_name: str) -> str:
    """What one item of the list `field_name` is called."""
    return vocabulary.item(field_name) or field_name.replace("_", " ")


def field_word(field_name: str, model: BaseModel | None = None) -> str:
    """What a field is called: its title in `model` (the model holding it), else the
    vocabulary's word for its name."""
    if field_name == "measure_only":
        # A diff reads best with the column the documents print ("Mide").
        return _("solo se mide (Mide)")
    return vocabulary.title(type(model) if model is not None else None, field_name) \
        or field_name.replace("_", " ")


def value_text(key: str, value, namer: Namer, owner=None) -> str:
    """A value as a person reads it in a diff."""
    if value is None:
        return _("nada")
    if isinstance(value, bool):
        return _("sí") if value else _("no")
    if isinstance(value, (int, float)):
        return plain(value)
    if isinstance(value, dt.date):
        # As the documents date things: «30 de abril de 2024».
        return format_long_date(value)
    if isinstance(value, str):
        if key in REFERENCES:
            return namer.name(key, value)
        return value if len(value) <= LONG_TEXT and "\n" not in value else _excerpt(value)
    if isinstance(value, BaseModel):
        return summary(value, namer, owner)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(value_text(key, v, namer) for v in value) + "]"
    return str(value)


def _excerpt(text: str, size: int = 60) -> str:
    flat = " ".join(text.split())
    return f"«{flat[:size]}…»" if len(flat) > size else f"«{flat}»"


def _unit(owner, namer: Namer):
    """The indicator a target belongs to, for its unit: the owner itself (an indicator defined
    in place), its own definition, or the catalog's indicator it names."""
    if owner is None:
        return None
    if hasattr(owner, "shown_unit"):
        return owner
    definition = getattr(owner, "definition", None)
    return definition if definition is not None else namer.item("indicator",
                                                                getattr(owner, "indicator", None))


def _target(target, namer, owner=None) -> str:
    indicator = _unit(owner, namer)
    unit = indicator.shown_unit if indicator is not None else None

    def with_unit(value: float) -> str:
        if unit is None:
            return plain(value)
        return f"{unit} {plain(value)}" if indicator.scale == "currency" else \
            f"{plain(value)} {unit}"

    if not target.has_fraction:
        return with_unit(target.value)
    fraction = f"{plain(target.numerator)} / {plain(target.denominator)}"
    if target.value is None:
        return fraction
    return f"{with_unit(target.value)} ({fraction})"


# Models shown as one value rather than field by field (a target reads as "105.28 % (a / b)").
SUMMARIES = {"Target": _target}


def summary(model: BaseModel, namer: Namer, owner=None) -> str:
    """A short description of an item added or removed (`owner`: the model holding it)."""
    special = SUMMARIES.get(type(model).__name__)
    if special is not None:
        return special(model, namer, owner)
    parts = []
    fields = type(model).model_fields
    # (`kind` is left out: an item without an id is labelled with its kind already.)
    for key in ("type", "stage", "weight", "target", "priority"):
        if key in fields and isinstance(getattr(model, key), (int, float, str, BaseModel)):
            parts.append(f"{field_word(key, model)} "
                         f"{value_text(key, getattr(model, key), namer, model)}")
    if getattr(model, "measure_only", False):
        parts.append(_("solo se mide (Mide)"))
    for key in ("name", "activity", "text", "description", "justification"):
        value = getattr(model, key, None) if key in fields else None
        if isinstance(value, str):
            parts.append(_excerpt(value))
            break
    stages = getattr(model, "stages", None) if "stages" in fields else None
    if stages is not None and all(hasattr(s, "weights") for s in stages):
        committed = [f"{s.stage}: " + " + ".join(plain(w) for w in s.weights)
                     for s in stages if any(s.weights)]
        if committed:
            parts.append(_("etapas {weights}").format(weights="; ".join(committed)))
    # Never the model's own (English) name: what the documents call such an item.
    return ", ".join(parts) if parts else _("sin más datos")


@dataclass
class _Walk:
    namer: Namer
    changes: list[Change] = field(default_factory=list)

    def add(self, *args, **kwargs) -> None:
        self.changes.append(Change(*args, **kwargs))

    def models(self, old: BaseModel, new: BaseModel, where: tuple[str, ...]) -> None:
        if type(old) is not type(new):
            self.add(where, "", CHANGED, summary(old, self.namer), summary(new, self.namer))
            return
        for key in type(new).model_fields:
            self.value(key, getattr(old, key), getattr(new, key), where, (old, new))

    def value(self, key: str, old, new, where: tuple[str, ...], owners=(None, None)) -> None:
        if old == new:
            return
        if isinstance(old, BaseModel) and isinstance(new, BaseModel) \
                and type(old).__name__ not in SUMMARIES:
            self.models(old, new, where + (field_word(key, owners[1]),))
        elif isinstance(old, (list, tuple)) and isinstance(new, (list, tuple)):
            self.lists(key, list(old), list(new), where)
        elif isinstance(old, str) and isinstance(new, str) and key not in REFERENCES and (
                max(len(old), len(new)) > LONG_TEXT or _multiline(old) or _multiline(new)):
            self.add(where, field_word(key, owners[1]), CHANGED, _excerpt(str(old)),
                     _excerpt(str(new)), old_text=str(old), new_text=str(new))
        else:
            self.add(where, field_word(key, owners[1]), CHANGED,
                     value_text(key, old, self.namer, owners[0]),
                     value_text(key, new, self.namer, owners[1]))

    def lists(self, key: str, old: list, new: list, where: tuple[str, ...]) -> None:
        items = [*old, *new]
        if items and all(isinstance(item, BaseModel) for item in items):
            self.model_lists(key, old, new, where)
            return
        if key in WHOLE_LISTS:
            self.add(where, field_word(key), CHANGED, _numbers(old), _numbers(new))
            return
        if key not in ELEMENT_LABELS and all(isinstance(item, str) for item in items):
            self.texts(key, old, new, where)
            return
        element, what = ELEMENT_LABELS.get(key, (key, ""))
        for index in range(max(len(old), len(new))):
            place = where + (f"{item_word(element)} {index + 1}",)
            if index >= len(old):
                self.add(place, field_word(what) if what else "", ADDED,
                         new=value_text(key, new[index], self.namer))
            elif index >= len(new):
                self.add(place, field_word(what) if what else "", REMOVED,
                         old=value_text(key, old[index], self.namer))
            elif old[index] != new[index]:
                self.value(what or key, old[index], new[index], place)

    def texts(self, key: str, old: list[str], new: list[str], where: tuple[str, ...]) -> None:
        """A list of texts (means of verification, evidence) compared by text, not by position:
        one removed from the middle is that one removed, not every later one changed."""
        place = where + (item_word(key),)
        for text in old:
            if text not in new:
                self.add(place, "", REMOVED, old=value_text(key, text, self.namer))
        for text in new:
            if text not in old:
                self.add(place, "", ADDED, new=value_text(key, text, self.namer))

    def model_lists(self, key: str, old: list, new: list, where: tuple[str, ...]) -> None:
        identity = _identity(old, new)
        if identity is None:
            pairs = [(i, old[i] if i < len(old) else None, new[i] if i < len(new) else None)
                     for i in range(max(len(old), len(new)))]
        else:
            old_by = {getattr(item, identity): item for item in old}
            new_by = {getattr(item, identity): item for item in new}
            order = [*new_by, *(k for k in old_by if k not in new_by)]
            pairs = [(k, old_by.get(k), new_by.get(k)) for k in order]
        for ident, before, after in pairs:
            # Every pair holds the item on one side at least: the new one, else the old.
            present = after if after is not None else before
            assert present is not None
            place = (*self.context(where, identity), self.item_label(key, identity, ident,
                                                                     present))
            # "Estado Verde: system removed"; a gender measure's or an exemption's label already
            # says what it is.
            what = "" if identity is None or _listed_apart(key, identity) else item_word(key)
            if before is None:
                self.add(place, what, ADDED, new=summary(present, self.namer))
            elif after is None:
                self.add(place, what, REMOVED, old=summary(present, self.namer))
            elif before != after:
                self.models(before, after, place)

    def context(self, where: tuple[str, ...], identity: str | None) -> tuple[str, ...]:
        # An item the catalog names (a system, an indicator) needs no path before its name.
        if identity in REFERENCES or identity in OWN_IDS:
            return ()
        return where

    def item_label(self, key: str, identity: str | None, ident, item: BaseModel) -> str:
        if identity is None:
            label = f"{item_word(key)} {ident + 1}"
            kind = getattr(item, "kind", None)
            if isinstance(kind, str):
                label += f" ({self.namer.name('kind', kind, size=LABEL_SIZE)})"
            return label
        if identity in REFERENCES:
            name = self.namer.name(identity, ident)
            # A system under `exemptions` is not the system under `systems`: say which list.
            return f"{name} ({item_word(key)})" if _listed_apart(key, identity) else name
        if identity in OWN_IDS:
            own = getattr(item, "name", None)
            return own if isinstance(own, str) else str(ident)
        word = item_word(key) if identity == 'number' else field_word(identity, item)
        return f"{word} {ident}"


def _listed_apart(key: str, identity: str) -> bool:
    """Items of list `key` refer to the catalog by `identity` but are not its namesakes."""
    return identity in REFERENCES and REFERENCES[identity] != key


def _numbers(values: list) -> str:
    return ", ".join(plain(v) if isinstance(v, (int, float)) else str(v) for v in values) \
        or _("ninguno")


def _multiline(value) -> bool:
    return isinstance(value, str) and "\n" in value.strip()


def _identity(old: list, new: list) -> str | None:
    """The field that identifies the items, if each list has each value of it once."""
    fields = type((new or old)[0]).model_fields
    for key in IDENTITY_KEYS:
        if key in fields and all(type(item).model_fields.keys() == fields.keys()
                                 for item in [*old, *new]):
            for items in (old, new):
                values = [getattr(item, key) for item in items]
                if len(set(values)) != len(values):
                    return None
            return key
    return None


def diff_models(old: BaseModel, new: BaseModel, namer: Namer) -> list[Change]:
    """Every difference between two versions of a source, in the order of the model."""
    walk = _Walk(namer)
    walk.models(old, new, ())
    return walk.changes
