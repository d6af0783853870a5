"""Rules of a results file (Informe de Cumplimiento): it answers exactly what its formulation
commits, in whatever format it is written, its arithmetic is exact (the result, its figures by
sex and its series of the year), and its catalog says how results are judged.

The monthly report (checks/monthly.py) answers the same indicators with the same rules."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import BaseModel

from ..diagnostics import Diagnostic, FieldPath, Severity, unknown
from ..diagnostics.places import describe_path, named
from ..domain.compliance import (
    Commitment,
    IndicatorCommitted,
    commitments,
    compliance_rules,
    judge_indicator,
    obtained,
)
from ..domain.targets import accumulated, indicator_of
from ..i18n import _
from ..load.document import Document
from ..models.catalog import Catalog, System
from ..models.indicator import IndicatorFields
from ..models.results import IndicatorResult, Results, StageResult
from ..models.vocabulary import word
from ..numbers import plain, same
from .checked import Rule
from .linked import checked_against_formulation, formulation_line, missing, not_committed
from .targets import check_target
from .wording import twice


def _name(catalog: Catalog, commitment: Commitment) -> str:
    item: IndicatorFields | System | None = catalog.indicator(commitment.id) \
        if commitment.kind == "indicator" else catalog.system(commitment.id)
    if commitment.kind == "indicator" and commitment.item.definition is not None:
        item = commitment.item.definition
    return f"«{item.name if item else commitment.id}» ({commitment.id})"


def rules_exist(document: Document[Any], catalog: Catalog) -> Iterator[Diagnostic]:
    if catalog.rules.compliance is None:
        yield document.diagnostic(("catalog",), _(
            "el catálogo {catalog} no dice cómo se juzgan los resultados; se espera "
            "`rules.compliance` en él (umbral de cumplimiento y tramos de incentivo)").format(
            catalog=catalog.id))


def _matched(document: Document[Any], catalog: Catalog, field: str, key: str,
             kind: str) -> Iterator[Diagnostic]:
    """Each committed item of `kind` answered once under `field`, and nothing else."""
    formulation = document.formulation
    committed = {c.id: c for c in commitments(formulation.model) if c.kind == kind}
    seen: dict[str, FieldPath] = {}
    for j, item in enumerate(getattr(document.model, field)):
        ident = getattr(item, key)
        path = (field, j, key)
        if ident in seen:
            yield document.diagnostic(path, twice(ident, document.line_of(seen[ident])))
            continue
        seen[ident] = path
        if ident not in committed:
            yield document.diagnostic(path, not_committed(f"«{ident}»"))
    for ident, commitment in committed.items():
        if ident not in seen:
            yield document.diagnostic((field,), missing(
                _("el resultado de {name}").format(name=_name(catalog, commitment)),
                formulation_line(formulation, commitment.path)))


def indicators_match(document: Document[Any], catalog: Catalog) -> Iterator[Diagnostic]:
    yield from _matched(document, catalog, "indicators", "indicator", "indicator")


def systems_match(document: Document[Results], catalog: Catalog) -> Iterator[Diagnostic]:
    yield from _matched(document, catalog, "systems", "system", "system")


def effective_figures(document: Document[Any], catalog: Catalog) -> Iterator[Diagnostic]:
    """Each result's figures, on its indicator's scale: the result, by sex and by period, each
    checked like a target; the series adds up to the result; the other weights are the
    catalog's, and what was obtained of each is what the result earns."""
    committed = {c.id: c for c in commitments(document.formulation.model)
                 if c.kind == "indicator"}
    accepted = {c.commitment for c in getattr(document.model, "external_causes", ())
                if c.accepted}
    for j, result in enumerate(document.model.indicators):
        commitment = committed.get(result.indicator)
        if commitment is None:
            continue
        indicator = indicator_of(commitment.item, catalog)
        if indicator is None:
            continue
        base: FieldPath = ("indicators", j)
        found = _figures(document, base, result, indicator)
        yield from found
        yield from _other_weights(document, base, result, catalog)
        if not any(d.severity is Severity.ERROR for d in found):
            yield from _obtained(document, base, result, commitment,
                                 result.indicator in accepted, catalog)


def _figures(document: Document[Any], base: FieldPath, result: IndicatorResult,
             indicator: IndicatorFields) -> list[Diagnostic]:
    """The result's figures at `base`: as written, by sex, by period."""
    found: list[Diagnostic] = []
    if result.effective is not None:
        found += check_target(document, base, result.effective, indicator,
                              getattr(indicator, "fixed_denominator", None), field="effective")
    if result.by_sex is not None:
        for sex in ("men", "women"):
            figures = getattr(result.by_sex, sex)
            if figures is not None:
                found += check_target(document, base + ("by_sex",), figures, indicator,
                                      field=sex)
        found += _sexes_add_up(document, base, result)
    if result.periods is not None:
        for name, figures in result.periods.figures():
            if figures is not None:
                found += check_target(document, base + ("periods",), figures, indicator,
                                      field=name)
        found += _series_adds_up(document, base, result, indicator)
    elif result.effective is None:
        found.append(document.diagnostic(base, _(
            "falta el resultado; se espera `effective:` (numerador y denominador, o el "
            "valor) o `periods:`, la serie del año de la que se calcula")))
    return found


def _sexes_add_up(document: Document[Any], base: FieldPath,
                  result: IndicatorResult) -> list[Diagnostic]:
    """Where the result and both sexes give a fraction, H + M make the result's."""
    by_sex, effective = result.by_sex, result.effective
    if by_sex is None or effective is None or by_sex.men is None or by_sex.women is None:
        return []
    found = []
    for part in ("numerator", "denominator"):
        men, women, whole = (getattr(by_sex.men, part), getattr(by_sex.women, part),
                             getattr(effective, part))
        if None in (men, women, whole) or same(men + women, whole, 6):
            continue
        found.append(document.diagnostic(base + ("by_sex",), _(
            "{part}: H {men} + M {women} = {sum}, pero el resultado efectivo dice {whole}; se "
            "espera que las cifras por sexo sumen las del resultado").format(
            part=word(part), men=plain(men), women=plain(women), sum=plain(men + women),
            whole=plain(whole))))
    return found


def _series_adds_up(document: Document[Any], base: FieldPath, result: IndicatorResult,
                    indicator: IndicatorFields) -> list[Diagnostic]:
    """The result of a series is its accumulated value: the periods' numerators over their
    denominators. Where `effective` is written too, it must say the same."""
    assert result.periods is not None
    total = accumulated(result.periods, indicator)
    if total is None:
        if result.effective is None:
            return [document.diagnostic(base + ("periods",), _(
                "la serie no da un acumulado (algún período no tiene numerador y denominador, "
                "o los denominadores suman 0); se espera `effective:` con el resultado del año"))]
        return []
    effective = result.effective
    found = []
    if effective is not None and effective.has_fraction:
        for part in ("numerator", "denominator"):
            written, summed = getattr(effective, part), getattr(total, part)
            if not same(written, summed, 6):
                how = (_("su último período") if indicator.accumulation == "last"
                       else _("la suma de sus períodos"))
                found.append(document.diagnostic(base + ("effective", part), _(
                    "{written}, pero el acumulado de la serie ({how}) da {summed}; se "
                    "espera el acumulado").format(
                    written=plain(written), how=how, summed=plain(summed))))
    return found


def _other_weights(document: Document[Any], base: FieldPath, result: IndicatorResult,
                   catalog: Catalog) -> Iterator[Diagnostic]:
    """Each weight beside the formulation's is one the catalog declares, once."""
    rules = catalog.rules.compliance
    declared = rules.other_weights if rules is not None else []
    seen: dict[str, FieldPath] = {}
    for k, weight in enumerate(result.other_weights):
        path = base + ("other_weights", k, "id")
        if not any(w.id == weight.id for w in declared):
            yield document.diagnostic(path, unknown(
                _("una ponderación que el catálogo declare"), weight.id,
                (w.id for w in declared),
                _("en `rules.compliance.other_weights` del catálogo {catalog}").format(
                    catalog=catalog.id)))
        elif weight.id in seen:
            yield document.diagnostic(path, twice(weight.id, document.line_of(seen[weight.id])))
        seen.setdefault(weight.id, path)


def _obtained(document: Document[Any], base: FieldPath, result: IndicatorResult,
              commitment: IndicatorCommitted, external: bool,
              catalog: Catalog) -> Iterator[Diagnostic]:
    """What a result says it obtained of each other weight is what it earns: the whole
    weight when met, 0 otherwise."""
    stated = [(k, w) for k, w in enumerate(result.other_weights) if w.obtained is not None]
    if not stated or catalog.rules.compliance is None:
        return
    rules = compliance_rules(catalog)
    judged = judge_indicator(commitment, result, external, rules, catalog)
    for k, weight in stated:
        expected = obtained(judged, weight.weight)
        assert weight.obtained is not None
        if same(weight.obtained, expected, catalog.rules.weight_decimals):
            continue
        state = (_("el indicador se cumplió") if judged.met
                 else _("el indicador no se cumplió"))
        if judged.percent is not None:
            state += _(" (cumplimiento del {percent} %; se cumple desde el {met_at} %)").format(
                percent=plain(float(judged.percent)), met_at=plain(rules.met_at))
        yield document.diagnostic(base + ("other_weights", k, "obtained"), _(
            "{obtained}, pero {state}; se espera {expected}").format(
            obtained=plain(weight.obtained), state=state, expected=plain(expected)))


def stages_match(document: Document[Results], catalog: Catalog) -> Iterator[Diagnostic]:
    """Per system, every stage with a committed objective is answered, and only committed
    objectives (weight above 0) are said to be achieved."""
    formulation = document.formulation
    committed = {c.id: c for c in commitments(formulation.model) if c.kind == "system"}
    for j, result in enumerate(document.model.systems):
        commitment = committed.get(result.system)
        if commitment is None:
            continue
        if commitment.whole:
            yield from _whole_stage(document, j, commitment.item.stages[0].stage)
            continue
        if result.validated is not None:
            yield document.diagnostic(("systems", j, "validated"), _(
                "la formulación compromete objetivos de etapa, no la etapa entera; se espera "
                "`stages:` con los objetivos logrados de cada etapa, sin `validated:`"))
        weights = {s.stage: s.weights for s in commitment.item.stages}
        listed: dict[int, int] = {}
        for k, stage in enumerate(result.stages):
            path = ("systems", j, "stages", k)
            if stage.stage in listed:
                first = document.line_of(("systems", j, "stages", listed[stage.stage]))
                yield document.diagnostic(path + ("stage",), twice(str(stage.stage), first))
                continue
            listed[stage.stage] = k
            given = weights.get(stage.stage)
            if given is None or not any(w > 0 for w in given):
                yield document.diagnostic(path + ("stage",), _(
                    "la etapa {stage} no tiene objetivos comprometidos en la formulación; se "
                    "esperan solo las etapas con alguna ponderación mayor que 0").format(
                    stage=stage.stage))
                continue
            yield from _achieved(document, path, stage, given)
        for stage_number, given in weights.items():
            if any(w > 0 for w in given) and stage_number not in listed:
                yield document.diagnostic(("systems", j, "stages"), missing(
                    _("la etapa {stage}").format(stage=stage_number),
                    formulation_line(formulation, commitment.path)))


def _whole_stage(document: Document[Results], j: int, stage: int) -> Iterator[Diagnostic]:
    """A system committed whole at one stage (2011): its result says whether the stage was
    validated, and lists no objectives."""
    result = document.model.systems[j]
    if result.stages:
        yield document.diagnostic(("systems", j, "stages"), _(
            "la formulación compromete la etapa {stage} entera, sin objetivos; se espera "
            "`validated: true` o `validated: false`, sin `stages:`").format(stage=stage))
    elif result.validated is None:
        yield document.diagnostic(("systems", j), _(
            "falta si la etapa {stage} comprometida fue validada; se espera `validated: true` "
            "o `validated: false`").format(stage=stage))


def _achieved(document: Document[Results], path: FieldPath, stage: StageResult,
              given: list[float]) -> Iterator[Diagnostic]:
    """The objectives a stage's result says are achieved (at `path`): each once, and each
    committed in the formulation (its weight in `given`, by number, above 0)."""
    for m, number in enumerate(stage.achieved):
        if stage.achieved.index(number) != m:
            yield document.diagnostic(path + ("achieved", m), twice(str(number), None))
        elif not 1 <= number <= len(given) or given[number - 1] <= 0:
            committed_numbers = [n for n, w in enumerate(given, start=1) if w > 0]
            yield document.diagnostic(path + ("achieved", m), _(
                "el objetivo {number} de la etapa {stage} no está comprometido (su "
                "ponderación es 0 o no existe); se espera uno de: {known}").format(
                number=number, stage=stage.stage,
                known=", ".join(str(n) for n in committed_numbers)))


def external_causes(document: Document[Results], catalog: Catalog) -> Iterator[Diagnostic]:
    committed = {c.id for c in commitments(document.formulation.model)}
    seen: dict[str, FieldPath] = {}
    for j, cause in enumerate(document.model.external_causes):
        path = ("external_causes", j, "commitment")
        if cause.commitment not in committed:
            yield document.diagnostic(path, not_committed(f"«{cause.commitment}»"))
        elif cause.commitment in seen:
            yield document.diagnostic(path, twice(cause.commitment,
                                                document.line_of(seen[cause.commitment])))
        seen.setdefault(cause.commitment, path)


RULES: tuple[Rule[Results], ...] = (rules_exist, indicators_match, systems_match,
                                    effective_figures, stages_match, external_causes)


def check(document: Document[Results]) -> Iterable[Diagnostic]:
    """Every rule of a results file."""
    return checked_against_formulation(document, document.catalog, RULES)


def describe(path: FieldPath, data: Any, catalog: Catalog) -> str | None:
    """`Sistema «Estado Verde» › Etapa 2 › objetivos logrados`, as the Informe names them."""
    return describe_result(path, data, catalog, Results)


def describe_result(path: FieldPath, data: Any, catalog: Catalog,
                    model: type[BaseModel]) -> str | None:
    """A place in a results file or a monthly report (`model`): `Indicador «…» › serie ›
    Marzo › valor`, `Indicador «…» › por sexo › M › numerador`."""
    rules = catalog.rules.compliance if catalog is not None else None
    items = {
        "other_weights": lambda item, i, c: f"«{_declared(rules, item['id'])}»",
        "indicators": lambda item, i, c: named(_("Indicador"), item, "indicator",
                                               c.indicator if c else None),
        "systems": lambda item, i, c: named(_("Sistema"), item, "system", c.system if c else None),
        "stages": lambda item, i, c: _("Etapa {number}").format(number=item["stage"]),
        "achieved": lambda item, i, c: _("Objetivo {number}").format(number=item),
        "external_causes": lambda item, i, c: _("Causa externa N°{number}").format(number=i + 1),
    }
    return describe_path(path, data, catalog, items, model,
                         frozenset({"indicator", "system", "stage", "id"}))


def _declared(rules: Any, ident: str) -> str:
    found = rules.other_weight(ident) if rules is not None else None
    return found.name if found is not None else ident
