"""Checks of a formulation of performance indicators: ids, definitions, targets, weights."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..diagnostics import Diagnostic, repeated
from ..i18n import _
from ..models.catalog import Catalog
from ..models.indicadores import Formulation
from . import weights
from .checked import Checked
from .places import describe_path
from .targets import check_definition, check_target


def check(document, catalog) -> Iterable[Diagnostic]:
    source = document.source
    first: dict[str, int] = {}
    for i, indicator in enumerate(document.model.indicators):
        base = ("indicators", i)
        if indicator.id in first:
            yield source.diagnostic(base + ("id",), repeated(
                f"«{indicator.id}»", source.line_of(("indicators", first[indicator.id], "id"))))
        first.setdefault(indicator.id, i)
        yield from check_definition(source, base, indicator, catalog)
        yield from check_target(source, base, indicator.target, indicator)
    yield from _weights(document, catalog)


def _weights(document: Checked[Formulation], catalog: Catalog) -> Iterable[Diagnostic]:
    """Where the marco weighs indicators every one carries a weight and they add up to its
    total; where it does not, none carries one."""
    source, indicators = document.source, document.model.indicators
    total = catalog.rules.total_weight
    if total is None:
        for i, indicator in enumerate(indicators):
            if indicator.weight is not None:
                yield source.diagnostic(("indicators", i, "weight"), _(
                    "el catálogo {catalog} no pondera los indicadores; se espera sin "
                    "`weight:`").format(catalog=catalog.id))
        return
    given = [indicator.weight for indicator in indicators if indicator.weight is not None]
    for i, indicator in enumerate(indicators):
        if indicator.weight is None:
            yield source.diagnostic(("indicators", i), _(
                "falta la ponderación; el catálogo {catalog} pondera cada indicador: se espera "
                "`weight:`").format(catalog=catalog.id))
    if len(given) == len(indicators):
        yield from weights.total(source, ("indicators",), given, catalog,
                                 _("de los indicadores"))


def describe(path: tuple, data, catalog) -> str | None:
    """`Indicador N°2 «Tiempo promedio de respuesta» › meta › valor`."""
    def indicator(item: Any, index: int, catalog: Catalog | None) -> str:
        name = item.get("name") if isinstance(item.get("name"), str) else item.get("id")
        number = _("Indicador N°{number}").format(number=index + 1)
        return f"{number} «{name}»" if isinstance(name, str) else number

    return describe_path(path, data, catalog, {"indicators": indicator}, Formulation)
