"""Consistency of a catalog itself: unique ids and numbers, references between its parts."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from ..diagnostics import Diagnostic, FieldPath
from ..i18n import _
from ..load.document import Document
from ..models.catalog import Catalog, Indicator, System
from .documents import check_documents
from .marco_requirements import check_catalog_requirements
from .requirement_codes import check_requirements as check_technical_requirements
from .wording import not_in_catalog, twice

T = TypeVar("T")


def check_catalog(document: Document[Catalog],
                  templates: Path | None = None) -> Iterable[Diagnostic]:
    catalog = document.model
    yield from check_documents(document, templates)
    yield from _duplicates(document, ("objectives",), catalog.objectives, lambda o: o.id)
    yield from _duplicates(document, ("indicators",), catalog.indicators, lambda o: o.id)
    yield from _duplicates(document, ("systems",), catalog.systems, lambda o: o.id)
    yield from _duplicates(document, ("gender_measure_kinds",), catalog.gender_measure_kinds,
                           lambda o: o.id)
    yield from _duplicates(document, ("areas",), catalog.areas, lambda o: o.id)
    yield from _duplicates(document, ("marcos",), catalog.marcos, lambda o: o.id)
    yield from _duplicates(document, ("priorities",), catalog.priorities, lambda o: o.id)
    yield from _duplicates(document, ("indicator_types",), catalog.indicator_types,
                           lambda o: o.id)
    yield from check_catalog_requirements(document)
    objective_ids = {o.id for o in catalog.objectives}
    placed: tuple[tuple[str, Sequence[Indicator | System]], ...] = (
        ("indicators", catalog.indicators), ("systems", catalog.systems))
    for field, items in placed:
        for i, item in enumerate(items):
            if item.objective is not None and item.objective not in objective_ids:
                yield document.diagnostic((field, i, "objective"), not_in_catalog(
                    "objective", item.objective, sorted(objective_ids)))
    area_ids = {a.id for a in catalog.areas}
    marco_ids = {m.id for m in catalog.marcos}
    for i, system in enumerate(catalog.systems):
        base = ("systems", i)
        if system.area is not None and system.area not in area_ids:
            yield document.diagnostic(base + ("area",), not_in_catalog(
                "area", system.area, sorted(area_ids)))
        if catalog.priorities and (system.area is None or (marco_ids and system.marco is None)):
            # Formulations of this format print each system's área (and marco) from here.
            yield document.diagnostic(base, _(
                "un sistema de un marco con prioridades necesita su `area:` (y su `marco:`, "
                "cuando el catálogo tiene marcos); se espera ambos"))
        if system.marco is not None and system.marco not in marco_ids:
            yield document.diagnostic(base + ("marco",), not_in_catalog(
                "marco", system.marco, sorted(marco_ids)))
        yield from _duplicates(document, base + ("stages",), system.stages, lambda s: s.number)
        for j, stage in enumerate(system.stages):
            yield from _duplicates(document, base + ("stages", j, "objectives"),
                                      stage.objectives, lambda o: o.number)
    yield from _ministries(document)
    yield from check_technical_requirements(document)


def _ministries(document: Document[Catalog]) -> Iterable[Diagnostic]:
    catalog = document.model
    yield from _duplicates(document, ("ministries",), catalog.ministries, lambda m: m.id)
    seen: dict[str, FieldPath] = {}
    for i, ministry in enumerate(catalog.ministries):
        for j, institution in enumerate(ministry.institutions):
            path = ("ministries", i, "institutions", j)
            if institution.id in seen:
                yield document.diagnostic(path + ("id",), twice(
                    institution.id, document.line_of(seen[institution.id])))
            seen.setdefault(institution.id, path + ("id",))


def _duplicates(document: Document[Catalog], path: FieldPath, items: Iterable[T],
                   key: Callable[[T], str | int]) -> Iterator[Diagnostic]:
    seen: dict[object, int] = {}
    for index, item in enumerate(items):
        value = key(item)
        if value in seen:
            yield document.diagnostic(path + (index,), twice(
                value, document.line_of(path + (seen[value],))))
        seen.setdefault(value, index)
