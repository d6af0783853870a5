"""What last year's formulation committed, listed when it cannot be carried: its format differs
from the one this year's catalog declares (say, a 2011 formulation by áreas rolled onto a marco
by objectives). Nothing is dropped silently: every item of every list is named."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from ...diff.semantic import IDENTITY_KEYS, Namer, item_word, summary
from ...i18n import _

if TYPE_CHECKING:
    from ...kinds import Format
    from ...load.document import Document


def _label(item: BaseModel, namer: Namer) -> str:
    for key in IDENTITY_KEYS:
        value = getattr(item, key, None) if key in type(item).model_fields else None
        if isinstance(value, str):
            name = namer.name(key, value)
            return f"{name} ({value})" if name != value else value
    return type(item).__name__


def not_carried(previous: Document[Any], fmt: Format, catalog_id: str) -> list[str]:
    """One decision per item of last year's lists (systems, exemptions, objectives, …)."""
    namer = Namer(previous.catalog)
    notes = [_(
        "la formulación del año anterior está en el formato {old} y la de {catalog} en el "
        "formato {new}: no se trasladó nada; esto es lo que comprometía").format(
        old=previous.laid_out()[0].name, new=fmt.name, catalog=catalog_id)]
    for field_name in type(previous.model).model_fields:
        items = getattr(previous.model, field_name)
        if not isinstance(items, list):
            continue
        for number, item in enumerate(items, start=1):
            if isinstance(item, BaseModel):
                notes.append(f"{item_word(field_name)} {number}: {_label(item, namer)} — "
                             f"{summary(item, namer)}")
    return notes
