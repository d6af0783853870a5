"""Rules of the objectives format (2024): weights add up, references exist, targets compute."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..diagnostics import Diagnostic, FieldPath, Severity
from ..diagnostics.places import ItemNamer, describe_path, named
from ..domain.targets import indicator_of
from ..i18n import _, ngettext
from ..load.document import Document
from ..models.catalog import Catalog, System
from ..models.objetivos import Formulation, SystemCommitment
from ..numbers import same, shown
from . import weights
from .checked import Rule
from .gender import RULES as GENDER_RULES
from .targets import check_commitment, check_definition
from .wording import no_stage, not_in_catalog, twice


def objective_weights_total(document: Document[Formulation],
                            catalog: Catalog) -> Iterator[Diagnostic]:
    yield from weights.total(document, ("objectives",),
                             [o.weight for o in document.model.objectives], catalog,
                             _("de los objetivos"))


def objective_weight_is_sum_of_items(document: Document[Formulation],
                                     catalog: Catalog) -> Iterator[Diagnostic]:
    decimals = catalog.rules.weight_decimals
    for i, objective in enumerate(document.model.objectives):
        parts = [s.weight for s in objective.systems] + [x.weight for x in objective.indicators]
        if not parts:
            yield document.diagnostic(("objectives", i), _(
                "el objetivo no compromete ningún indicador ni sistema; se espera al menos uno "
                "bajo `indicators:` o `systems:`"))
            continue
        if catalog.rules.weights_add_up and not same(sum(parts), objective.weight, decimals):
            terms = " + ".join(shown(p, decimals) for p in parts)
            yield document.diagnostic(("objectives", i, "weight"), _(
                "la ponderación es {weight}, pero sus indicadores y sistemas suman {sum} "
                "({terms}); se espera que sean iguales").format(
                weight=shown(objective.weight, decimals), sum=shown(sum(parts), decimals),
                terms=terms))


def references_exist(document: Document[Formulation], catalog: Catalog) -> Iterator[Diagnostic]:
    for i, objective in enumerate(document.model.objectives):
        if catalog.objective(objective.objective) is None:
            yield document.diagnostic(("objectives", i, "objective"), not_in_catalog(
                "objective", objective.objective, (o.id for o in catalog.objectives), catalog.id))
        for j, item in enumerate(objective.indicators):
            if item.definition is not None:
                if catalog.indicator(item.indicator) is not None:
                    yield document.diagnostic(("objectives", i, "indicators", j, "indicator"), _(
                        "«{id}» es el id de un indicador del catálogo {catalog}; un indicador "
                        "propio (con `definition:`) necesita otro id, o quite `definition:` "
                        "para comprometer el del catálogo").format(id=item.indicator,
                                                                    catalog=catalog.id))
                continue
            if catalog.indicator(item.indicator) is None:
                yield document.diagnostic(("objectives", i, "indicators", j, "indicator"),
                                        not_in_catalog("indicator", item.indicator,
                                                       (x.id for x in catalog.indicators),
                                                       catalog.id))
        for j, system in enumerate(objective.systems):
            if catalog.system(system.system) is None:
                yield document.diagnostic(("objectives", i, "systems", j, "system"),
                                        not_in_catalog("system", system.system,
                                                       (s.id for s in catalog.systems),
                                                       catalog.id))


def no_duplicates(document: Document[Formulation], catalog: Catalog) -> Iterator[Diagnostic]:
    seen: dict[str, FieldPath] = {}
    for i, objective in enumerate(document.model.objectives):
        path: FieldPath = ("objectives", i, "objective")
        if objective.objective in seen:
            yield document.diagnostic(path, twice(objective.objective,
                                                document.line_of(seen[objective.objective])))
        seen.setdefault(objective.objective, path)
    seen = {}
    for i, objective in enumerate(document.model.objectives):
        for field, items, key in (("indicators", objective.indicators, "indicator"),
                                  ("systems", objective.systems, "system")):
            for j, item in enumerate(items):
                ident = getattr(item, key)
                path = ("objectives", i, field, j, key)
                if ident in seen:
                    yield document.diagnostic(path, twice(ident, document.line_of(seen[ident])))
                seen.setdefault(ident, path)


def system_weight_is_sum_of_stages(document: Document[Formulation],
                                   catalog: Catalog) -> Iterator[Diagnostic]:
    decimals = catalog.rules.weight_decimals
    for i, objective in enumerate(document.model.objectives):
        for j, commitment in enumerate(objective.systems):
            base = ("objectives", i, "systems", j)
            system = catalog.system(commitment.system)
            stage_numbers = [s.stage for s in commitment.stages]
            for k, stage in enumerate(commitment.stages):
                first = stage_numbers.index(stage.stage)
                if first != k:
                    yield document.diagnostic(base + ("stages", k, "stage"), twice(
                        f"{stage.stage}", document.line_of(base + ("stages", first))))
            if system is not None:
                yield from _stages_match_catalog(document, base, commitment, system)
            total = sum(w for s in commitment.stages for w in s.weights)
            if catalog.rules.weights_add_up and not same(total, commitment.weight, decimals):
                yield document.diagnostic(base + ("weight",), _(
                    "la ponderación es {weight}, pero sus objetivos de etapa suman {sum}; se "
                    "espera que sean iguales").format(weight=shown(commitment.weight, decimals),
                                                      sum=shown(total, decimals)))


def _stages_match_catalog(document: Document[Formulation], base: FieldPath,
                          commitment: SystemCommitment, system: System) -> Iterator[Diagnostic]:
    known = {s.number: s for s in system.stages}
    listed = {s.stage for s in commitment.stages}
    for k, stage in enumerate(commitment.stages):
        path = base + ("stages", k)
        if stage.stage not in known:
            yield document.diagnostic(path + ("stage",), no_stage(system.name, stage.stage,
                                                                sorted(known)))
            continue
        count = len(known[stage.stage].objectives)
        if len(stage.weights) != count:
            yield document.diagnostic(path + ("weights",), ngettext(
                "ponderaciones escritas: {given}; la etapa {stage} de «{system}» tiene un solo "
                "objetivo: se espera una ponderación (0 si no se compromete)",
                "ponderaciones escritas: {given}; la etapa {stage} de «{system}» tiene {count} "
                "objetivos: se espera una ponderación por cada uno (0 para los no "
                "comprometidos)", count).format(given=len(stage.weights), stage=stage.stage,
                                                system=system.name, count=count))
    missing = sorted(set(known) - listed)
    if missing:
        yield document.diagnostic(base + ("stages",), _(
            "faltan las etapas {missing} de «{system}»; se espera cada etapa, con ponderaciones "
            "0 donde no se compromete nada").format(
            missing=", ".join(str(m) for m in missing), system=system.name))


def targets(document: Document[Formulation], catalog: Catalog) -> Iterator[Diagnostic]:
    for i, objective in enumerate(document.model.objectives):
        for j, commitment in enumerate(objective.indicators):
            base = ("objectives", i, "indicators", j)
            indicator = indicator_of(commitment, catalog)
            if indicator is None:
                continue  # reported by references_exist
            fixed = getattr(indicator, "fixed_denominator", None)
            yield from check_commitment(document, base, commitment, indicator, fixed)
            if commitment.definition is not None:
                yield from check_definition(document, base + ("definition",), indicator, catalog)


def catalog_objectives_committed(document: Document[Formulation],
                                 catalog: Catalog) -> Iterator[Diagnostic]:
    committed = {o.objective for o in document.model.objectives}
    for objective in catalog.objectives:
        if objective.id not in committed:
            yield document.diagnostic(("objectives",), _(
                "el objetivo «{id}» ({name}) del marco no está comprometido").format(
                id=objective.id, name=objective.name), severity=Severity.WARNING)


RULES: tuple[Rule[Formulation], ...] = (
    objective_weights_total,
    objective_weight_is_sum_of_items,
    references_exist,
    no_duplicates,
    system_weight_is_sum_of_stages,
    targets,
    catalog_objectives_committed,
)



def check(document: Document[Formulation]) -> Iterable[Diagnostic]:
    """Every rule of the objectives format, and those of the gender-equity measures."""
    for rule in (*RULES, *GENDER_RULES):
        yield from rule(document, document.catalog)


def describe(path: FieldPath, data: Any, catalog: Catalog) -> str | None:
    """`Objetivo N°2 › Sistema «Estado Verde» › Etapa 1 › Objetivo 2`, as the document reads."""
    def objective(item: Any, index: int, catalog: Catalog | None) -> str:
        found = catalog.objective(item.get("objective")) if catalog else None
        return _("Objetivo N°{number}").format(number=found.number if found else index + 1)

    def indicator(item: Any, index: int, catalog: Catalog | None) -> str:
        definition = item.get("definition")
        if isinstance(definition, dict) and isinstance(definition.get("name"), str):
            return _("Indicador «{name}»").format(name=definition["name"])
        return named(_("Indicador"), item, "indicator", catalog.indicator if catalog else None)

    items: dict[str, ItemNamer] = {
        "objectives": objective,
        "indicators": indicator,
        "systems": lambda item, i, c: named(_("Sistema"), item, "system",
                                            c.system if c else None),
        "stages": lambda item, i, c: _("Etapa {number}").format(number=item["stage"]),
        "weights": lambda item, i, c: _("Objetivo {number}").format(number=i + 1),
        "gender_measures": lambda item, i, c: _("Medida de género N°{number}").format(
            number=i + 1),
    }
    return describe_path(path, data, catalog, items, Formulation,
                         frozenset({"objective", "indicator", "system", "stage"}))
