"""`pmg new formulation` for the objectives format: a commented formulation to fill in, or last
year's rolled forward.

A new formulation lists every objective, indicator and system of the catalog with zero weights
and comments that say what each is (stage objectives in the marco's words), so a person fills in
numbers instead of looking up ids. Rolled forward from last year's (`--from`), it carries what
still exists in the new catalog (same ids, same number of stage objectives) and lists, at the top
of the file and on the terminal, what needs a decision: what is new, gone or changed.

The text is written here line by line, with every value as a JSON string or number (valid YAML);
`pmg_docs.edit.new` then puts it in the canonical layout, which also proves it parses into
the model.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ... import kinds
from ...i18n import _, ngettext
from ...models.catalog import Catalog
from ...models.objetivos import Formulation, IndicatorCommitment, SystemCommitment
from ...numbers import plain
from .common import (
    COMMENT_WIDTH,
    TO_FILL,
    Request,
    Scaffold,
    comment_lines,
    header,
    q,
    q_model,
    service_lines,
    short,
)


@dataclass
class _Plan:
    """One scaffolding: the new catalog, last year's formulation and catalog (if any), and the
    decisions found on the way, in the order of the file."""

    catalog: Catalog
    previous: Formulation | None
    previous_catalog: Catalog | None
    decisions: list[str] = field(default_factory=list)

    def decide(self, text: str) -> None:
        self.decisions.append(text)


def _previous_items(previous: Formulation | None,
                    ) -> tuple[dict[str, tuple[str, IndicatorCommitment]],
                               dict[str, tuple[str, SystemCommitment]]]:
    """id -> (objective id, commitment) for last year's indicators and systems."""
    indicators: dict[str, tuple[str, IndicatorCommitment]] = {}
    systems: dict[str, tuple[str, SystemCommitment]] = {}
    for objective in previous.objectives if previous else ():
        for item in objective.indicators:
            if item.definition is None:  # the service's own indicators go with _own_items
                indicators[item.indicator] = (objective.objective, item)
        for commitment in objective.systems:
            systems[commitment.system] = (objective.objective, commitment)
    return indicators, systems


def _stage_lines(system, carried, indent: str) -> tuple[list[str], list[str]]:
    """The `stages:` rows of a system, and notes for what changed since last year."""
    before = {s.stage: list(s.weights) for s in carried.stages} if carried else {}
    rows, notes = [], []
    for stage in system.stages:
        count = len(stage.objectives)
        weights = [0] * count
        if stage.number in before:
            old = before[stage.number]
            if len(old) == count:
                weights = old
            else:
                notes.append(ngettext(
                    "la etapa {stage} ahora tiene {count} objetivo (tenía {old}); no se "
                    "trasladaron las ponderaciones del año anterior, {weights}",
                    "la etapa {stage} ahora tiene {count} objetivos (tenía {old}); no se "
                    "trasladaron las ponderaciones del año anterior, {weights}", count).format(
                    stage=stage.number, count=count, old=len(old), weights=_weights(old)))
        elif carried is not None:
            notes.append(_("la etapa {stage} es nueva").format(stage=stage.number))
        rows.append(f"{indent}  - {{stage: {stage.number}, weights: "
                    f"[{', '.join(q(w) for w in weights)}]}}")
    gone = sorted(set(before) - {s.number for s in system.stages})
    for number in gone:
        notes.append(_("la etapa {stage} ya no está en el marco (ponderaciones del año anterior: "
                       "{weights})").format(stage=number, weights=_weights(before[number])))
    return rows, notes


def _weights(weights) -> str:
    return "[" + ", ".join(plain(w) for w in weights) + "]"


def _stage_objective_comments(system, indent: str) -> list[str]:
    lines = [f"{indent}# {system.name}.",
             f"{indent}# " + _("Una ponderación por objetivo de etapa, 0 donde no se compromete:")]
    for stage in system.stages:
        for objective in stage.objectives:
            lines.append(f"{indent}#   {stage.number}.{objective.number} "
                         f"{short(objective.text, COMMENT_WIDTH - len(indent) - 10)}")
    return lines


def _indicator_lines(plan: _Plan, indicator, carried, indent: str) -> list[str]:
    """A catalog's indicator (`indicator` is the catalog's item) or the service's own (`indicator`
    is None and `carried` holds its definition)."""
    own = carried is not None and carried.definition is not None
    fields = carried.definition if own else indicator
    lines = comment_lines(f"{fields.name}: {fields.formula or ''}", indent)
    lines.append(f"{indent}- indicator: {q(carried.indicator if own else indicator.id)}")
    if own:
        lines.append(f"{indent}  definition: {q_model(carried.definition)}")
    lines.append(f"{indent}  weight: {q(carried.weight if carried else 0)}")
    if carried is not None and carried.target is not None:
        lines.append(f"{indent}  target: {q_model(carried.target)}")
    elif carried is not None and carried.measure_only:
        lines.append(f"{indent}  measure_only: true")
    else:
        denominator = getattr(indicator, "fixed_denominator", None) or "…"
        lines.append(f"{indent}  # target: {{numerator: …, denominator: {denominator}, value: …}}"
                     "   " + _("o") + "   measure_only: true (Mide)")
    return lines


def _system_lines(plan: _Plan, system, carried, indent: str) -> list[str]:
    lines = _stage_objective_comments(system, indent)
    rows, notes = _stage_lines(system, carried, indent + "  ")
    for note in notes:
        plan.decide(_("sistema «{name}» ({id}): {note}").format(name=system.name, id=system.id,
                                                               note=note))
    lines.append(f"{indent}- system: {q(system.id)}")
    lines.append(f"{indent}  weight: {q(carried.weight if carried else 0)}")
    lines.append(f"{indent}  stages:")
    lines.extend(rows)
    return lines


def _placement(plan: _Plan, item, previous_place: str | None) -> str | None:
    objective_ids = {o.id for o in plan.catalog.objectives}
    for place in (item.objective, previous_place):
        if place in objective_ids:
            return place
    return None


def _items(plan: _Plan):
    """(objective id -> [(kind, catalog item, carried commitment)]), deciding what goes where."""
    catalog, previous = plan.catalog, plan.previous
    last_indicators, last_systems = _previous_items(previous)
    placed: dict[str, list] = {o.id: [] for o in catalog.objectives}
    for kind, items, last, lookup in (
            ("indicator", catalog.indicators, last_indicators,
             plan.previous_catalog.indicator if plan.previous_catalog else None),
            ("system", catalog.systems, last_systems,
             plan.previous_catalog.system if plan.previous_catalog else None)):
        word = _("indicador") if kind == "indicator" else _("sistema")
        for item in items:
            previous_place, carried = last.get(item.id, (None, None))
            is_new = previous is not None and carried is None and (
                lookup is None or lookup(item.id) is None)
            what = f"{word} «{item.name}» ({item.id})"
            if previous is not None and carried is None and not is_new:
                plan.decide(_("{what} no se comprometió el año anterior; agréguelo si el servicio "
                              "lo compromete este año").format(what=what))
                continue
            place = _placement(plan, item, previous_place)
            if place is None:
                plan.decide(_("{what}: el catálogo no dice bajo qué objetivo va; agréguelo bajo "
                              "uno").format(what=what))
                continue
            if is_new:
                plan.decide(_("{what} es nuevo en {catalog}: decida si comprometerlo (las "
                              "ponderaciones están en 0); quítelo si no").format(
                    what=what, catalog=catalog.id))
            elif previous_place is not None and place != previous_place:
                objective = catalog.objective(place)
                assert objective is not None  # _placement gives only the catalog's objectives
                plan.decide(_("{what} va bajo «{objective}» en {catalog}; el año anterior "
                              "estaba bajo «{previous}»: mueva también su ponderación").format(
                    what=what, objective=objective.name, catalog=catalog.id,
                    previous=previous_place))
            placed[place].append((kind, item, carried))
        for ident, (_place, commitment) in last.items():
            if next((i for i in items if i.id == ident), None) is None:
                weights = _("ponderación {weight}").format(weight=plain(commitment.weight))
                if isinstance(commitment, SystemCommitment):
                    weights += _(", ponderaciones de etapa {weights}").format(weights="; ".join(
                        f"{s.stage}: {_weights(s.weights)}" for s in commitment.stages))
                old = lookup(ident) if lookup is not None else None
                label = f"«{old.name}» ({ident})" if old is not None else f"«{ident}»"
                plan.decide(_("{word} {label} no está en {catalog}: no se trasladó ({weights} el "
                              "año anterior); reparta su ponderación en lo que queda").format(
                    word=word, label=label, catalog=catalog.id, weights=weights))
    _own_items(plan, placed)
    return placed


def _own_items(plan: _Plan, placed: dict) -> None:
    """Last year's own indicators are the service's, not the catalog's: carried under the same
    objective while the catalog still has it."""
    for objective in plan.previous.objectives if plan.previous else ():
        for item in objective.indicators:
            if item.definition is None:
                continue
            if objective.objective in placed:
                placed[objective.objective].append(("indicator", None, item))
            else:
                plan.decide(_("el indicador propio «{name}» ({id}) estaba bajo el objetivo "
                              "«{objective}», que no está en {catalog}: agréguelo bajo uno de sus "
                              "objetivos").format(name=item.definition.name, id=item.indicator,
                                                  objective=objective.objective,
                                                  catalog=plan.catalog.id))


def _gender_lines(plan: _Plan) -> list[str]:
    catalog, previous = plan.catalog, plan.previous
    counted = [i for i in catalog.indicators if i.counts_gender_measures]
    if not counted and not (previous and previous.gender_measures):
        return []
    lines = ["# " + (_("Medidas de equidad de género: una por unidad del numerador de "
                       "«{indicator}».").format(indicator=counted[0].name) if counted
                     else _("Medidas de equidad de género.")),
             "# " + _("Tipos de medida de este marco:")]
    for kind in catalog.gender_measure_kinds:
        lines.append(f"#   {kind.id}: {short(kind.name, COMMENT_WIDTH - len(kind.id) - 6)}")
    carried = previous.gender_measures if previous else []
    if not carried:
        plan.decide(_("medidas de género: liste una por unidad del numerador del indicador de "
                      "género"))
        return lines + _gender_example(catalog)
    lines.append("gender_measures:")
    for index, measure in enumerate(carried):
        if catalog.gender_measure_kind(measure.kind) is None:
            plan.decide(_("medida de género {number}: el tipo «{kind}» no está en {catalog}; elija "
                          "uno de sus tipos").format(number=index + 1, kind=measure.kind,
                                                     catalog=catalog.id))
        lines.append(f"  - kind: {q(measure.kind)}")
        lines.append(f"    description: {q(measure.description)}")
    return lines


def _gender_example(catalog: Catalog) -> list[str]:
    """The list of measures as a commented example of one, with the fields a measure has
    (models/objetivos.py: GenderMeasure), that parses once uncommented; its description is the
    placeholder checks/placeholders.py refuses until it is written. Without kinds in the
    catalog no example would parse: the list is left empty."""
    if not catalog.gender_measure_kinds:
        return ["gender_measures: []"]
    return [*comment_lines(_(
        "Para escribir una medida, quite el # de las tres líneas siguientes, elija su tipo "
        "entre los de arriba y escriba su descripción; por cada medida más, repita las líneas "
        "desde «- kind:». Una descripción de varios párrafos va en las líneas que siguen a "
        "«description: |», con sangría."), ""),
        "# gender_measures:",
        f"#   - kind: {catalog.gender_measure_kinds[0].id}",
        f"#     description: {TO_FILL}"]


def scaffold(request: Request) -> Scaffold:
    """The text of a new formulation against the request's catalog, with what still needs a
    decision."""
    catalog = request.known_catalog()
    plan = _Plan(catalog, request.last_year(Formulation),
                 request.previous.catalog if request.previous else None, request.decisions)
    previous = plan.previous
    placed = _items(plan)
    last_objectives = {o.objective: o for o in previous.objectives} if previous else {}
    body = [f"kind: {kinds.FORMULATION}", f"catalog: {q(catalog.id)}",
            *service_lines(request.service, request.last_service, plan.decide), "",
            "objectives:"]
    for objective in catalog.objectives:
        carried = last_objectives.get(objective.id)
        if previous is not None and carried is None:
            plan.decide(_("el objetivo «{name}» ({id}) es nuevo en {catalog}: dele una "
                          "ponderación").format(name=objective.name, id=objective.id,
                                                catalog=catalog.id))
        body.append(f"  # {objective.number}. {objective.name}")
        body.append(f"  - objective: {q(objective.id)}")
        body.append(f"    weight: {q(carried.weight if carried else 0)}")
        for kind, field_name in (("system", "systems"), ("indicator", "indicators")):
            entries = [(item, commitment) for k, item, commitment in placed[objective.id]
                       if k == kind]
            if not entries:
                continue
            body.append(f"    {field_name}:")
            for item, commitment in entries:
                make = _system_lines if kind == "system" else _indicator_lines
                body.extend(make(plan, item, commitment, "      "))
        body.append("")
    for ident, last_objective in last_objectives.items():
        if catalog.objective(ident) is None:
            plan.decide(_("el objetivo «{id}» no está en {catalog} (ponderación {weight} el año "
                          "anterior)").format(id=ident, catalog=catalog.id,
                                              weight=plain(last_objective.weight)))
    body.extend(_gender_lines(plan))

    lines = header(catalog, plan.previous, plan.decisions, request.schema_ref, _(
        "Complete cada ponderación (los objetivos suman 100; la ponderación de un objetivo es la "
        "suma de las de sus indicadores y sistemas; la de un sistema, la suma de las de sus "
        "objetivos de etapa), la meta de cada indicador o `measure_only: true`, y las medidas de "
        "género."))
    return Scaffold("\n".join([*lines, *body]).rstrip("\n") + "\n", plan.decisions)
