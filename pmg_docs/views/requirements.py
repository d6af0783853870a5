"""Rows of a stage objective's technical requirements, shared by the guide and the annex.

Both print one table per stage objective (código, requisito técnico, nota técnica). Where DIPRES
merged requirements, their shared note is printed once, in a cell spanning their rows, as the
published slides do.
"""

from __future__ import annotations

from ..models.catalog import StageObjective


def requirement_rows(objective: StageObjective) -> list[dict]:
    """One row per requirement; `note_rows` is how many rows its note cell spans (0: none, the
    note of a merged group above covers it)."""
    rows: list[dict] = []
    group_start: dict | None = None
    previous = None
    for requirement in objective.requirements:
        row = {"code": requirement.code, "name": requirement.name, "note": requirement.note,
               "note_rows": 1}
        shares_note = (previous is not None and requirement.code in previous.merged_with
                       and previous.code in requirement.merged_with
                       and requirement.note == previous.note)
        if shares_note:
            group_start["note_rows"] += 1
            row["note_rows"] = 0
        else:
            group_start = row
        rows.append(row)
        previous = requirement
    return rows


def stage_of(stage) -> dict:
    """What a heading of a stage prints: its number and, where the marco names it, its name."""
    return {"number": stage.number, "name": stage.name}
