"""Consistency of the technical requirements of a catalog's systems.

A code such as `E1-02-RT4` names the stage (1), the objective (02) and the requirement (4). DIPRES
sometimes publishes codes that do not follow where they sit (merged or renumbered requirements);
the catalog keeps them as published, but only when it says so with `published_exception`, so that
a typo is never mistaken for an exception.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..diagnostics import Diagnostic
from ..load.sources import Document
from ..models.catalog import Requirement, System
from .wording import twice

CODE = re.compile(r"^E(?P<stage>[1-9])-(?P<objective>\d{2})-RT(?P<number>[1-9]\d?)$")
CODE_FORM = "E<stage>-<objective in two digits>-RT<number>, as in E1-01-RT1"


def parse_code(code: str) -> tuple[int, int, int] | None:
    """`E1-02-RT4` -> (1, 2, 4); None when the code is not well formed."""
    match = CODE.match(code)
    if match is None:
        return None
    return int(match["stage"]), int(match["objective"]), int(match["number"])


def check_requirements(document: Document) -> Iterable[Diagnostic]:
    for index, system in enumerate(document.model.systems):
        yield from _check_system(document, ("systems", index), system)


def _check_system(document: Document, base: tuple, system: System) -> Iterable[Diagnostic]:
    source = document.source
    first_seen: dict[str, tuple] = {}
    for j, stage in enumerate(system.stages):
        for k, objective in enumerate(stage.objectives):
            path = base + ("stages", j, "objectives", k, "requirements")
            by_code = {req.code: (r, req) for r, req in enumerate(objective.requirements)}
            for r, requirement in enumerate(objective.requirements):
                here = path + (r,)
                code = requirement.code
                if code in first_seen:
                    yield source.diagnostic(here + ("code",), twice(
                        code, source.line_of(first_seen[code] + ("code",))))
                first_seen.setdefault(code, here)
                yield from _check_code(document, here, requirement, stage.number, objective.number)
                yield from _check_merge(document, here, r, requirement, by_code)


def _check_code(document: Document, here: tuple, requirement: Requirement, stage: int,
                objective: int) -> Iterable[Diagnostic]:
    source = document.source
    parsed = parse_code(requirement.code)
    if parsed is None:
        yield source.diagnostic(here + ("code",), f"code {requirement.code!r} is not well formed; "
                                f"expected {CODE_FORM}")
        return
    matches = parsed[:2] == (stage, objective)
    place = f"stage {stage}, objective {objective}"
    if not matches and requirement.published_exception is None:
        yield source.diagnostic(here + ("code",), (
            f"code {requirement.code} names stage {parsed[0]}, objective {parsed[1]} but sits "
            f"under {place}; expected a code starting E{stage}-{objective:02d}-, or "
            "`published_exception: <why>` if DIPRES published it so"))
    elif matches and requirement.published_exception is not None:
        yield source.diagnostic(here + ("published_exception",), (
            f"code {requirement.code} matches where it sits ({place}), so it is no exception; "
            "expected published_exception only on a published code that does not match its place"))


def _check_merge(document: Document, here: tuple, index: int, requirement: Requirement,
                 by_code: dict[str, tuple[int, Requirement]]) -> Iterable[Diagnostic]:
    source = document.source
    for m, other_code in enumerate(requirement.merged_with):
        where = here + ("merged_with", m)
        other_index, other = by_code.get(other_code, (None, None))
        if other_code == requirement.code:
            yield source.diagnostic(where, f"{other_code} names itself; expected the codes of "
                                    "the other requirements it was merged with")
        elif other is None:
            known = ", ".join(c for c in by_code if c != requirement.code)
            expected = f"one of: {known}" if known else "a requirement of this objective, " \
                "and it has no other"
            yield source.diagnostic(where, f"no requirement {other_code} in this objective; "
                                    f"expected {expected}")
        elif requirement.code not in other.merged_with:
            yield source.diagnostic(where, f"{other_code} does not name {requirement.code} under "
                                    "its merged_with; expected merged requirements to name each "
                                    "other")
        elif other.note != requirement.note and other_index < index:
            # Reported once, at the later of the two.
            yield source.diagnostic(here + ("note",), f"the note differs from that of "
                                    f"{other_code}, which it was merged with; expected merged "
                                    "requirements to share one technical note")
