"""Rows of a stage objective's technical requirements, shared by the guide and the annex.

Both print one table per stage objective (código, requisito técnico, nota técnica). Where DIPRES
merged requirements, their shared note is printed once, in a cell spanning their rows, as the
published slides do.
"""

from __future__ import annotations

from typing import TypedDict

from ..models.catalog import Stage, StageObjective


class RequirementRow(TypedDict):
    code: str
    name: str
    note: str | None
    # How many rows the note's cell spans: 0 where the note of a merged group above covers it.
    note_rows: int


def requirement_rows(objective: StageObjective) -> list[RequirementRow]:
    """One row per requirement; `note_rows` is how many rows its note cell spans (0: none, the
    note of a merged group above covers it)."""
    rows: list[RequirementRow] = []
    group_start: RequirementRow | None = None
    previous = None
    for requirement in objective.requirements:
        row: RequirementRow = {"code": requirement.code, "name": requirement.name,
                               "note": requirement.note, "note_rows": 1}
        # A merged group starts with its first row, so a row sharing the one above's note has
        # a group to join.
        shares_note = (previous is not None and requirement.code in previous.merged_with
                       and previous.code in requirement.merged_with
                       and requirement.note == previous.note)
        if shares_note and group_start is not None:
            group_start["note_rows"] += 1
            row["note_rows"] = 0
        else:
            group_start = row
        rows.append(row)
        previous = requirement
    return rows


def stage_of(stage: Stage) -> dict[str, object]:
    """What a heading of a stage prints: its number and, where the marco names it, its name."""
    return {"number": stage.number, "name": stage.name}
