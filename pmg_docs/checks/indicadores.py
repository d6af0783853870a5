"""Checks of a formulation of performance indicators: ids, definitions, targets, weights."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..diagnostics import Diagnostic, FieldPath, repeated
from ..diagnostics.places import describe_path
from ..i18n import _
from ..load.document import Document
from ..models.catalog import Catalog
from ..models.indicadores import Formulation
from . import weights
from .targets import check_definition, check_target


def check(document: Document[Formulation]) -> Iterable[Diagnostic]:
    """Every indicator is defined and targeted as its catalog says, and weighed as the marco
    weighs them."""
    catalog = document.catalog
    first: dict[str, int] = {}
    for i, indicator in enumerate(document.model.indicators):
        base = ("indicators", i)
        if indicator.id in first:
            yield document.diagnostic(base + ("id",), repeated(
                f"«{indicator.id}»", document.line_of(("indicators", first[indicator.id], "id"))))
        first.setdefault(indicator.id, i)
        yield from check_definition(document, base, indicator, catalog)
        yield from check_target(document, base, indicator.target, indicator)
    yield from _weights(document, catalog)


def _weights(document: Document[Formulation], catalog: Catalog) -> Iterable[Diagnostic]:
    """Where the marco weighs indicators every one carries a weight and they add up to its
    total; where it does not, none carries one."""
    indicators = document.model.indicators
    total = catalog.rules.total_weight
    if total is None:
        for i, indicator in enumerate(indicators):
            if indicator.weight is not None:
                yield document.diagnostic(("indicators", i, "weight"), _(
                    "el catálogo {catalog} no pondera los indicadores; se espera sin "
                    "`weight:`").format(catalog=catalog.id))
        return
    missing = [i for i, indicator in enumerate(indicators) if indicator.weight is None]
    for i in missing:
        yield document.diagnostic(("indicators", i), _(
            "falta la ponderación; el catálogo {catalog} pondera cada indicador: se espera "
            "`weight:`").format(catalog=catalog.id))
    if not missing:
        # Every indicator carries its weight here (none is missing): the filter only says so.
        given = [i.weight for i in indicators if i.weight is not None]
        yield from weights.total(document, ("indicators",), given, catalog,
                                 _("de los indicadores"))


def describe(path: FieldPath, data: Any, catalog: Catalog) -> str | None:
    """`Indicador N°2 «Tiempo promedio de respuesta» › meta › valor`."""
    def indicator(item: Any, index: int, catalog: Catalog | None) -> str:
        name = item.get("name") if isinstance(item.get("name"), str) else item.get("id")
        number = _("Indicador N°{number}").format(number=index + 1)
        return f"{number} «{name}»" if isinstance(name, str) else number

    return describe_path(path, data, catalog, {"indicators": indicator}, Formulation)
