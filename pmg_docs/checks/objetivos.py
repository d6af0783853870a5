"""Rules of the objectives format (2024): weights add up, references exist, targets compute."""

from __future__ import annotations

from ..diagnostics import Severity
from ..i18n import _
from ..numbers import same, shown
from . import weights
from .gender import RULES as GENDER_RULES
from .targets import check_commitment, check_definition
from .wording import not_in_catalog, twice


def objective_weights_total(document, catalog):
    yield from weights.total(document.source, ("objectives",),
                             [o.weight for o in document.model.objectives], catalog,
                             _("de los objetivos"))


def objective_weight_is_sum_of_items(document, catalog):
    decimals = catalog.rules.weight_decimals
    for i, objective in enumerate(document.model.objectives):
        parts = [s.weight for s in objective.systems] + [x.weight for x in objective.indicators]
        if not parts:
            yield document.source.diagnostic(
                ("objectives", i), "the objective commits no indicator or system; "
                "expected at least one under `indicators:` or `systems:`")
            continue
        if catalog.rules.weights_add_up and not same(sum(parts), objective.weight, decimals):
            terms = " + ".join(shown(p, decimals) for p in parts)
            yield document.source.diagnostic(
                ("objectives", i, "weight"), f"weight is {shown(objective.weight, decimals)} but "
                f"its indicators and systems add up to {shown(sum(parts), decimals)} ({terms}); "
                "expected them to be equal")


def references_exist(document, catalog):
    source = document.source
    for i, objective in enumerate(document.model.objectives):
        if catalog.objective(objective.objective) is None:
            yield source.diagnostic(("objectives", i, "objective"), not_in_catalog(
                "objective", objective.objective, (o.id for o in catalog.objectives), catalog.id))
        for j, item in enumerate(objective.indicators):
            if item.definition is not None:
                if catalog.indicator(item.indicator) is not None:
                    yield source.diagnostic(("objectives", i, "indicators", j, "indicator"), _(
                        "«{id}» es el id de un indicador del catálogo {catalog}; un indicador "
                        "propio (con `definition:`) necesita otro id, o quite `definition:` "
                        "para comprometer el del catálogo").format(id=item.indicator,
                                                                    catalog=catalog.id))
                continue
            if catalog.indicator(item.indicator) is None:
                yield source.diagnostic(("objectives", i, "indicators", j, "indicator"),
                                        not_in_catalog("indicator", item.indicator,
                                                       (x.id for x in catalog.indicators),
                                                       catalog.id))
        for j, item in enumerate(objective.systems):
            if catalog.system(item.system) is None:
                yield source.diagnostic(("objectives", i, "systems", j, "system"),
                                        not_in_catalog("system", item.system,
                                                       (s.id for s in catalog.systems),
                                                       catalog.id))


def no_duplicates(document, catalog):
    source = document.source
    seen: dict[str, tuple] = {}
    for i, objective in enumerate(document.model.objectives):
        path = ("objectives", i, "objective")
        if objective.objective in seen:
            yield source.diagnostic(path, twice(objective.objective,
                                                source.line_of(seen[objective.objective])))
        seen.setdefault(objective.objective, path)
    seen = {}
    for i, objective in enumerate(document.model.objectives):
        for field, items, key in (("indicators", objective.indicators, "indicator"),
                                  ("systems", objective.systems, "system")):
            for j, item in enumerate(items):
                ident = getattr(item, key)
                path = ("objectives", i, field, j, key)
                if ident in seen:
                    yield source.diagnostic(path, twice(ident, source.line_of(seen[ident])))
                seen.setdefault(ident, path)


def system_weight_is_sum_of_stages(document, catalog):
    decimals = catalog.rules.weight_decimals
    source = document.source
    for i, objective in enumerate(document.model.objectives):
        for j, commitment in enumerate(objective.systems):
            base = ("objectives", i, "systems", j)
            system = catalog.system(commitment.system)
            stage_numbers = [s.stage for s in commitment.stages]
            for k, stage in enumerate(commitment.stages):
                first = stage_numbers.index(stage.stage)
                if first != k:
                    yield source.diagnostic(base + ("stages", k, "stage"), twice(
                        f"{stage.stage}", source.line_of(base + ("stages", first))))
            if system is not None:
                yield from _stages_match_catalog(source, base, commitment, system)
            total = sum(w for s in commitment.stages for w in s.weights)
            if catalog.rules.weights_add_up and not same(total, commitment.weight, decimals):
                yield source.diagnostic(
                    base + ("weight",), f"weight is {shown(commitment.weight, decimals)} but its "
                    f"stage objectives add up to {shown(total, decimals)}; expected them to be equal")


def _stages_match_catalog(source, base, commitment, system):
    known = {s.number: s for s in system.stages}
    listed = {s.stage for s in commitment.stages}
    for k, stage in enumerate(commitment.stages):
        path = base + ("stages", k)
        if stage.stage not in known:
            yield source.diagnostic(path + ("stage",),
                                    f"system {system.name!r} has no stage {stage.stage}; expected "
                                    f"one of {sorted(known)}")
            continue
        count = len(known[stage.stage].objectives)
        if len(stage.weights) != count:
            yield source.diagnostic(
                path + ("weights",), f"{len(stage.weights)} weights given; stage {stage.stage} of "
                f"{system.name!r} has {count} objectives, expected one weight for each (0 for "
                "those not committed)")
    missing = sorted(set(known) - listed)
    if missing:
        yield source.diagnostic(
            base + ("stages",), f"stages {missing} of {system.name!r} are not listed; expected "
            "every stage, with weights 0 where nothing is committed")


def indicator_of(commitment, catalog):
    """What the commitment's indicator is: the service's own definition, else the catalog's."""
    return commitment.definition if commitment.definition is not None \
        else catalog.indicator(commitment.indicator)


def targets(document, catalog):
    source = document.source
    for i, objective in enumerate(document.model.objectives):
        for j, commitment in enumerate(objective.indicators):
            base = ("objectives", i, "indicators", j)
            indicator = indicator_of(commitment, catalog)
            if indicator is None:
                continue  # reported by references_exist
            fixed = getattr(indicator, "fixed_denominator", None)
            yield from check_commitment(source, base, commitment, indicator, fixed)
            if commitment.definition is not None:
                yield from check_definition(source, base + ("definition",), indicator, catalog)


def catalog_objectives_committed(document, catalog):
    committed = {o.objective for o in document.model.objectives}
    for objective in catalog.objectives:
        if objective.id not in committed:
            yield document.source.diagnostic(
                ("objectives",), f"objective {objective.id!r} ({objective.name}) of the marco is "
                "not committed", severity=Severity.WARNING)


RULES = (
    objective_weights_total,
    objective_weight_is_sum_of_items,
    references_exist,
    no_duplicates,
    system_weight_is_sum_of_stages,
    targets,
    catalog_objectives_committed,
)



def check(document, catalog):
    """Every rule of the objectives format, and those of the gender-equity measures."""
    for rule in (*RULES, *GENDER_RULES):
        yield from rule(document, catalog)
