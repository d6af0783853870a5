"""Rules of a work plan (Programa de Trabajo): it plans every gender measure and every committed
system of its formulation and nothing else, and its activities have sensible dates inside the
marco's year and, for a system, name a stage objective it commits."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..diagnostics import Diagnostic, FieldPath, Severity
from ..diagnostics.places import describe_path, named
from ..domain.compliance import SystemCommitted, commitments
from ..i18n import _, ngettext
from ..load.document import Document
from ..models.catalog import Catalog
from ..models.objetivos import Formulation
from ..models.work_plan import Activity, WorkPlan
from .checked import Rule
from .linked import checked_against_formulation, formulation_line, missing, not_committed
from .wording import twice


def _committed_systems(formulation: Document[Formulation]) -> dict[str, SystemCommitted]:
    return {c.id: c for c in commitments(formulation.model)
            if c.kind == "system" and c.weight > 0}


def measures_match(document: Document[WorkPlan], catalog: Catalog) -> Iterator[Diagnostic]:
    formulation = document.formulation
    count = len(formulation.model.gender_measures)
    seen: dict[int, FieldPath] = {}
    for j, plan in enumerate(document.model.gender_measures):
        path = ("gender_measures", j, "measure")
        if plan.measure in seen:
            yield document.diagnostic(path, twice(str(plan.measure),
                                                document.line_of(seen[plan.measure])))
        elif plan.measure > count:
            yield document.diagnostic(path, ngettext(
                "la formulación lista {count} medida de género; se espera el número 1",
                "la formulación lista {count} medidas de género; se espera un número de 1 a "
                "{count}", count).format(count=count))
        seen.setdefault(plan.measure, path)
    for number in range(1, count + 1):
        if number not in seen:
            kind = catalog.gender_measure_kind(formulation.model.gender_measures[number - 1].kind)
            yield document.diagnostic(("gender_measures",), missing(
                _("el plan de la medida de género {number} ({kind})").format(
                    number=number, kind=kind.name if kind else "?"),
                formulation_line(formulation, ("gender_measures", number - 1))))


def systems_match(document: Document[WorkPlan], catalog: Catalog) -> Iterator[Diagnostic]:
    formulation = document.formulation
    committed = _committed_systems(formulation)
    seen: dict[str, FieldPath] = {}
    for j, plan in enumerate(document.model.systems):
        path = ("systems", j, "system")
        if plan.system in seen:
            yield document.diagnostic(path, twice(plan.system, document.line_of(seen[plan.system])))
        elif plan.system not in committed:
            yield document.diagnostic(path, not_committed(f"«{plan.system}»"))
        seen.setdefault(plan.system, path)
    for ident, commitment in committed.items():
        if ident not in seen:
            system = catalog.system(ident)
            yield document.diagnostic(("systems",), missing(
                _("el plan del sistema «{name}» ({id})").format(
                    name=system.name if system else ident, id=ident),
                formulation_line(formulation, commitment.path)))


def _activities(document: Document[WorkPlan]) -> Iterator[tuple[FieldPath, Activity]]:
    model = document.model
    plans = [*(("gender_measures", j, p.activities) for j, p in enumerate(model.gender_measures)),
             *(("systems", j, p.activities) for j, p in enumerate(model.systems))]
    for field, j, activities in plans:
        for k, activity in enumerate(activities):
            yield (field, j, "activities", k), activity


def dates(document: Document[WorkPlan], catalog: Catalog) -> Iterator[Diagnostic]:
    for path, activity in _activities(document):
        if activity.end < activity.start:
            yield document.diagnostic(path + ("end",), _(
                "termina el {end}, antes de comenzar ({start}); se espera una fecha de término "
                "igual o posterior a la de inicio").format(end=activity.end, start=activity.start))
        for key in ("start", "end"):
            day = getattr(activity, key)
            if day.year != catalog.year:
                yield document.diagnostic(path + (key,), _(
                    "{day} no es del año {year} del Programa Marco {catalog}; se espera una "
                    "fecha de {year}").format(day=day, year=catalog.year, catalog=catalog.id))


def stage_objectives(document: Document[WorkPlan], catalog: Catalog) -> Iterator[Diagnostic]:
    """A system's activity names a stage objective (stage and objective, together) that the
    formulation commits with a weight above 0; every committed one has an activity."""
    formulation = document.formulation
    committed = _committed_systems(formulation)
    for j, plan in enumerate(document.model.systems):
        commitment = committed.get(plan.system)
        weights = {s.stage: s.weights for s in commitment.item.stages} if commitment else {}
        served: set[tuple[int, int]] = set()
        for k, activity in enumerate(plan.activities):
            path = ("systems", j, "activities", k)
            if (activity.stage is None) != (activity.objective is None):
                yield document.diagnostic(path, _(
                    "se espera `stage:` y `objective:` juntos (el objetivo de etapa al que sirve "
                    "la actividad), o ninguno"))
                continue
            if activity.stage is None or activity.objective is None or commitment is None:
                continue
            given = weights.get(activity.stage, [])
            if not 1 <= activity.objective <= len(given) or given[activity.objective - 1] <= 0:
                known = [f"{s}.{n}" for s, ws in weights.items()
                         for n, w in enumerate(ws, start=1) if w > 0]
                yield document.diagnostic(path + ("objective",), _(
                    "el objetivo {objective} de la etapa {stage} no está comprometido; se espera "
                    "uno de (etapa.objetivo): {known}").format(
                    objective=activity.objective, stage=activity.stage, known=", ".join(known)))
            else:
                served.add((activity.stage, activity.objective))
        if commitment is None:
            continue
        left = [f"{s}.{n}" for s, ws in weights.items() for n, w in enumerate(ws, start=1)
                if w > 0 and (s, n) not in served]
        if left and any(a.stage is not None for a in plan.activities):
            yield document.diagnostic(("systems", j, "activities"), _(
                "ninguna actividad sirve a los objetivos comprometidos {left} (etapa.objetivo)"
                ).format(left=", ".join(left)), severity=Severity.WARNING)


RULES: tuple[Rule[WorkPlan], ...] = (measures_match, systems_match, dates, stage_objectives)


def check(document: Document[WorkPlan]) -> Iterable[Diagnostic]:
    """Every rule of a work plan."""
    return checked_against_formulation(document, document.catalog, RULES)


def describe(path: FieldPath, data: Any, catalog: Catalog) -> str | None:
    """`Medida de género N°2 › Actividad N°1 › término`, as the Programa de Trabajo reads."""
    items = {
        "gender_measures": lambda item, i, c: _("Medida de género N°{number}").format(
            number=item["measure"]),
        "systems": lambda item, i, c: named(_("Sistema"), item, "system", c.system if c else None),
        "activities": lambda item, i, c: _("Actividad N°{number}").format(number=i + 1),
    }
    return describe_path(path, data, catalog, items, WorkPlan, frozenset({"system", "measure"}))
