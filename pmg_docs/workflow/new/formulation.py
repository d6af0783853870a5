"""`pmg new formulation`: a commented formulation to fill in, or last year's rolled forward.

A new formulation lists every objective, indicator and system of the catalog with zero weights
and comments that say what each is (stage objectives in the marco's words), so a person fills in
numbers instead of looking up ids. Rolled forward from last year's (`--from`), it carries what
still exists in the new catalog (same ids, same number of stage objectives) and lists, at the top
of the file and on the terminal, what needs a decision: what is new, gone or changed.

The text is written here line by line, with every value as a JSON string or number (valid YAML),
then put in the canonical layout by `formatting.canonical_text`, which also proves it parses
into the model.
"""

from __future__ import annotations

import json
import os
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from ...diagnostics import Diagnostic, InputError, display_name
from ...load.catalogs import CatalogRegistry
from ...load.sources import load_document
from ...models.catalog import Catalog
from ...models.formulation import Formulation
from ...numbers import plain
from ...output import atomic_write
from ..fmt import canonical_text
from ..schema import schema_file_name

TO_FILL = "POR DEFINIR"
NO_CODE = "00"
COMMENT_WIDTH = 96


@dataclass
class ServiceFields:
    name: str | None = None
    ministry: str | None = None
    partida: str | None = None
    chapter: str | None = None


@dataclass
class Scaffold:
    text: str
    decisions: list[str] = field(default_factory=list)


def _q(value) -> str:
    """A value as YAML: JSON strings and numbers are YAML; the formatter restyles them."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return plain(value)
    return json.dumps(value, ensure_ascii=False)


def _short(text: str, size: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= size else flat[:size].rsplit(" ", 1)[0] + "…"


def _wrap(text: str, width: int) -> list[str]:
    # Ids like `calidad-de-servicio` stay whole: a reader searches for them.
    return textwrap.wrap(text, width, break_on_hyphens=False, break_long_words=False)


def _comment_lines(text: str, indent: str) -> list[str]:
    """`text` as comment lines at `indent`, wrapped."""
    width = max(COMMENT_WIDTH - len(indent) - 2, 40)
    return [f"{indent}# {line}".rstrip() for line in _wrap(text, width)] or [f"{indent}#"]


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


def _previous_items(previous: Formulation | None):
    """id -> (objective id, commitment) for last year's indicators and systems."""
    indicators, systems = {}, {}
    for objective in previous.objectives if previous else ():
        for item in objective.indicators:
            indicators[item.indicator] = (objective.objective, item)
        for item in objective.systems:
            systems[item.system] = (objective.objective, item)
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
                notes.append(f"stage {stage.number} now has {count} objectives (had {len(old)}); "
                             f"last year's weights {_weights(old)} were not carried")
        elif carried is not None:
            notes.append(f"stage {stage.number} is new")
        rows.append(f"{indent}  - {{stage: {stage.number}, weights: "
                    f"[{', '.join(_q(w) for w in weights)}]}}")
    gone = sorted(set(before) - {s.number for s in system.stages})
    for number in gone:
        notes.append(f"stage {number} is no longer in the marco (last year's weights "
                     f"{_weights(before[number])})")
    return rows, notes


def _weights(weights) -> str:
    return "[" + ", ".join(plain(w) for w in weights) + "]"


def _stage_objective_comments(system, indent: str) -> list[str]:
    lines = [f"{indent}# {system.name}.",
             f"{indent}# One weight per stage objective, 0 where not committed:"]
    for stage in system.stages:
        for objective in stage.objectives:
            lines.append(f"{indent}#   {stage.number}.{objective.number} "
                         f"{_short(objective.text, COMMENT_WIDTH - len(indent) - 10)}")
    return lines


def _indicator_lines(plan: _Plan, indicator, carried, indent: str) -> list[str]:
    lines = _comment_lines(f"{indicator.name}: {indicator.formula}", indent)
    lines.append(f"{indent}- indicator: {_q(indicator.id)}")
    lines.append(f"{indent}  weight: {_q(carried.weight if carried else 0)}")
    if carried is not None and carried.target is not None:
        target = carried.target
        parts = [f"numerator: {_q(target.numerator)}", f"denominator: {_q(target.denominator)}"]
        if target.percent is not None:
            parts.append(f"percent: {_q(target.percent)}")
        lines.append(f"{indent}  target: {{{', '.join(parts)}}}")
    elif carried is not None and carried.measure_only:
        lines.append(f"{indent}  measure_only: true")
    else:
        denominator = indicator.fixed_denominator or "…"
        lines.append(f"{indent}  # target: {{numerator: …, denominator: {denominator}, "
                     "percent: …}   or   measure_only: true (Mide)")
    return lines


def _system_lines(plan: _Plan, system, carried, indent: str) -> list[str]:
    lines = _stage_objective_comments(system, indent)
    rows, notes = _stage_lines(system, carried, indent + "  ")
    for note in notes:
        plan.decide(f"system {system.name!r} ({system.id}): {note}")
    lines.append(f"{indent}- system: {_q(system.id)}")
    lines.append(f"{indent}  weight: {_q(carried.weight if carried else 0)}")
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
        for item in items:
            previous_place, carried = last.get(item.id, (None, None))
            is_new = previous is not None and carried is None and (
                lookup is None or lookup(item.id) is None)
            if previous is not None and carried is None and not is_new:
                plan.decide(f"{kind} {item.name!r} ({item.id}) was not committed last year; "
                            "add it if the service commits it this year")
                continue
            place = _placement(plan, item, previous_place)
            if place is None:
                plan.decide(f"{kind} {item.name!r} ({item.id}): the catalog does not say under "
                            "which objective it goes; add it under one")
                continue
            if is_new:
                plan.decide(f"{kind} {item.name!r} ({item.id}) is new in {catalog.id}: decide "
                            "whether to commit it (weights are 0); remove it if not")
            elif previous_place is not None and place != previous_place:
                plan.decide(f"{kind} {item.name!r} ({item.id}) goes under "
                            f"{catalog.objective(place).name!r} in {catalog.id}; last year it was "
                            f"under {previous_place!r}: move its weight too")
            placed[place].append((kind, item, carried))
        for ident, (_, commitment) in last.items():
            if next((i for i in items if i.id == ident), None) is None:
                what = f"weight {plain(commitment.weight)}"
                if kind == "system":
                    what += ", stage weights " + "; ".join(
                        f"{s.stage}: {_weights(s.weights)}" for s in commitment.stages)
                old = lookup(ident) if lookup is not None else None
                label = f"{old.name!r} ({ident})" if old is not None else repr(ident)
                plan.decide(f"{kind} {label} is not in {catalog.id}: it was not carried over "
                            f"({what} last year); give its weight to what remains")
    return placed


def _service_lines(service: ServiceFields, previous: Formulation | None, plan: _Plan):
    last = previous.service if previous else None
    values = {
        "ministry": service.ministry or (last.ministry if last else None),
        "partida": service.partida or (last.partida if last else None),
        "name": service.name or (last.name if last else None),
        "chapter": service.chapter or (last.chapter if last else None),
    }
    missing = [key for key, value in values.items() if not value]
    if missing:
        plan.decide(f"service: fill in {', '.join(missing)} (they read {TO_FILL} or \"00\")")
    lines = ["service:"]
    for key in ("ministry", "partida", "name", "chapter"):
        fallback = NO_CODE if key in ("partida", "chapter") else TO_FILL
        lines.append(f"  {key}: {_q(values[key] or fallback)}")
    return lines


def _gender_lines(plan: _Plan) -> list[str]:
    catalog, previous = plan.catalog, plan.previous
    counted = [i for i in catalog.indicators if i.counts_gender_measures]
    if not counted and not (previous and previous.gender_measures):
        return []
    lines = ["# Gender-equity measures: one per unit of the numerator of "
             f"{counted[0].name!r}." if counted else "# Gender-equity measures.",
             "# Kinds of measure in this marco:"]
    for kind in catalog.gender_measure_kinds:
        lines.append(f"#   {kind.id}: {_short(kind.name, COMMENT_WIDTH - len(kind.id) - 6)}")
    carried = previous.gender_measures if previous else []
    if not carried:
        lines.append("gender_measures: []")
        plan.decide("gender measures: list one per unit of the gender indicator's numerator")
        return lines
    lines.append("gender_measures:")
    for index, measure in enumerate(carried):
        if catalog.gender_measure_kind(measure.kind) is None:
            plan.decide(f"gender measure {index + 1}: kind {measure.kind!r} is not in "
                        f"{catalog.id}; choose one of its kinds")
        lines.append(f"  - kind: {_q(measure.kind)}")
        lines.append(f"    description: {_q(measure.description)}")
    return lines


def scaffold_formulation(catalog: Catalog, service: ServiceFields, *,
                         previous: Formulation | None = None,
                         previous_catalog: Catalog | None = None,
                         schema_ref: str | None = None) -> Scaffold:
    """The text of a new formulation against `catalog`, with what still needs a decision."""
    plan = _Plan(catalog, previous, previous_catalog)
    placed = _items(plan)
    last_objectives = {o.objective: o for o in previous.objectives} if previous else {}
    body = ["kind: formulation", f"catalog: {_q(catalog.id)}",
            *_service_lines(service, previous, plan), "", "objectives:"]
    for objective in catalog.objectives:
        carried = last_objectives.get(objective.id)
        if previous is not None and carried is None:
            plan.decide(f"objective {objective.name!r} ({objective.id}) is new in {catalog.id}: "
                        "give it a weight")
        body.append(f"  # {objective.number}. {objective.name}")
        body.append(f"  - objective: {_q(objective.id)}")
        body.append(f"    weight: {_q(carried.weight if carried else 0)}")
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
    for ident, objective in last_objectives.items():
        if catalog.objective(ident) is None:
            plan.decide(f"objective {ident!r} is not in {catalog.id} (weight "
                        f"{plain(objective.weight)} last year)")
    body.extend(_gender_lines(plan))

    header = []
    if schema_ref:
        header.append(f"# yaml-language-server: $schema={schema_ref}")
    header.append(f"# Formulación {catalog.mechanism} {catalog.year} against {catalog.id}, "
                  "written by `pmg new formulation`.")
    if previous is not None:
        header.append(f"# Rolled forward from last year's formulation ({previous.catalog}): its "
                      "weights, targets and")
        header.append("# gender measures are carried as they were; review them all.")
    else:
        header.extend([
            "# Fill in every weight (objectives add up to 100; an objective's weight is the sum",
            "# of its indicators' and systems'; a system's, the sum of its stage objectives'),",
            "# each indicator's target or `measure_only: true`, and the gender measures.",
        ])
    if plan.decisions:
        header.extend(["#", "# To decide:"])
        for decision in plan.decisions:
            wrapped = _wrap(decision, COMMENT_WIDTH - 6)
            header.append(f"#   - {wrapped[0]}")
            header.extend(f"#     {line}" for line in wrapped[1:])
    header.append("# Then check it with `pmg validate FILE`.")
    text = "\n".join([*header, *body]).rstrip("\n") + "\n"
    return Scaffold(canonical_text(text, "new formulation"), plan.decisions)


def _schema_ref(output: Path | None) -> str | None:
    """The schema file of the repository the formulation is written into, relative to it."""
    if output is None:
        return None
    folder = output.resolve().parent
    for candidate in (folder, *folder.parents):
        schema = candidate / "schemas" / schema_file_name("formulation")
        if schema.is_file():
            return Path(os.path.relpath(schema, folder)).as_posix()
    return None


def new_formulation(catalog_id: str, service: ServiceFields, registry: CatalogRegistry, *,
                    from_path: Path | None = None, output: Path | None = None,
                    force: bool = False) -> Scaffold:
    """Scaffold (or roll forward) a formulation and write it to `output` when given.
    Raises InputError when the catalog or last year's file cannot be used, or `output` exists."""
    catalog_document = registry.get(catalog_id)
    if catalog_document is None:
        known = ", ".join(registry.ids()) or "none"
        raise InputError([Diagnostic("--catalog", None, (), f"no catalog {catalog_id!r}; "
                                     f"expected one of: {known}")])
    if not catalog_document.model.objectives:
        raise InputError([Diagnostic("--catalog", None, (), f"catalog {catalog_id!r} has no "
                                     "management objectives; `pmg new formulation` writes the "
                                     "format of objectives (2024 onwards)")])
    if output is not None and output.exists() and not force:
        raise InputError([Diagnostic(display_name(output), None, (), "already exists; expected "
                                     "a new file name, or --force to overwrite it")])
    previous = previous_catalog = None
    if from_path is not None:
        document = load_document(from_path)
        if not isinstance(document.model, Formulation):
            raise InputError([document.source.diagnostic(("kind",), f"is a {document.kind}; "
                                                         "expected last year's formulation")])
        previous = document.model
        try:
            found = registry.get(previous.catalog)
        except InputError:
            found = None  # without last year's catalog, what is new cannot be told from gone
        previous_catalog = found.model if found is not None else None
    if not service.name and previous is None:
        raise InputError([Diagnostic("--service", None, (), "no service name; expected "
                                     "--service NAME (or --from last year's formulation)")])
    scaffold = scaffold_formulation(catalog_document.model, service, previous=previous,
                                    previous_catalog=previous_catalog,
                                    schema_ref=_schema_ref(output))
    if output is not None:
        atomic_write(output, scaffold.text.encode("utf-8"))
    return scaffold
