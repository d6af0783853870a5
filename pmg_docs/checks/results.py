"""Rules of a results file (Informe de Cumplimiento): it answers exactly what its formulation
commits, its arithmetic is exact, and its catalog says how results are judged."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..diagnostics import Diagnostic, FieldPath
from ..diagnostics.places import describe_path, named
from ..domain.compliance import Commitment, commitments
from ..domain.targets import indicator_of
from ..i18n import _
from ..load.document import Document
from ..models.catalog import Catalog, System
from ..models.indicator import IndicatorFields
from ..models.results import Results, StageResult
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


def rules_exist(document: Document[Results], catalog: Catalog) -> Iterator[Diagnostic]:
    if catalog.rules.compliance is None:
        yield document.diagnostic(("catalog",), _(
            "el catálogo {catalog} no dice cómo se juzgan los resultados; se espera "
            "`rules.compliance` en él (umbral de cumplimiento y tramos de incentivo)").format(
            catalog=catalog.id))


def _matched(document: Document[Results], catalog: Catalog, field: str, key: str,
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


def indicators_match(document: Document[Results], catalog: Catalog) -> Iterator[Diagnostic]:
    yield from _matched(document, catalog, "indicators", "indicator", "indicator")


def systems_match(document: Document[Results], catalog: Catalog) -> Iterator[Diagnostic]:
    yield from _matched(document, catalog, "systems", "system", "system")


def effective_figures(document: Document[Results], catalog: Catalog) -> Iterator[Diagnostic]:
    committed = {c.id: c for c in commitments(document.formulation.model)
                 if c.kind == "indicator"}
    for j, result in enumerate(document.model.indicators):
        commitment = committed.get(result.indicator)
        if commitment is None:
            continue
        indicator = indicator_of(commitment.item, catalog)
        if indicator is None:
            continue
        yield from check_target(document, ("indicators", j), result.effective, indicator,
                                getattr(indicator, "fixed_denominator", None), field="effective")


def stages_match(document: Document[Results], catalog: Catalog) -> Iterator[Diagnostic]:
    """Per system, every stage with a committed objective is answered, and only committed
    objectives (weight above 0) are said to be achieved."""
    formulation = document.formulation
    committed = {c.id: c for c in commitments(formulation.model) if c.kind == "system"}
    for j, result in enumerate(document.model.systems):
        commitment = committed.get(result.system)
        if commitment is None:
            continue
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
    items = {
        "indicators": lambda item, i, c: named(_("Indicador"), item, "indicator",
                                               c.indicator if c else None),
        "systems": lambda item, i, c: named(_("Sistema"), item, "system", c.system if c else None),
        "stages": lambda item, i, c: _("Etapa {number}").format(number=item["stage"]),
        "achieved": lambda item, i, c: _("Objetivo {number}").format(number=item),
        "external_causes": lambda item, i, c: _("Causa externa N°{number}").format(number=i + 1),
    }
    return describe_path(path, data, catalog, items, Results,
                         frozenset({"indicator", "system", "stage"}))
