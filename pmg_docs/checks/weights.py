"""The weights of what a formulation commits add up to the marco's total (catalog data:
`rules.total_weight`, null for a marco whose documents carry no weights), at the decimals the
documents print."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..diagnostics import Diagnostic, FieldPath
from ..i18n import _
from ..load.document import Document
from ..models.catalog import Catalog
from ..numbers import same, shown


def total(document: Document[Any], path: FieldPath, weights: list[float], catalog: Catalog,
          what: str) -> Iterator[Diagnostic]:
    """`what` names the weighed items as the message says them ("de los objetivos")."""
    expected = catalog.rules.total_weight
    if expected is None:
        return
    decimals = catalog.rules.weight_decimals
    if not same(sum(weights), expected, decimals):
        yield document.diagnostic(path, _(
            "las ponderaciones {what} suman {sum} ({terms}); se espera {total}").format(
            what=what, sum=shown(sum(weights), decimals), total=shown(expected, decimals),
            terms=" + ".join(shown(w, decimals) for w in weights) or "0"))
