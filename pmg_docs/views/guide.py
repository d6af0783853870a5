"""The view of a system's requirements guide: its stages and objectives, then each objective's
technical requirements with their notes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..models.catalog import System
from .requirements import requirement_rows, stage_of

if TYPE_CHECKING:
    from ..load.document import Document



def view(document: Document[System]) -> dict[str, Any]:
    system = document.model
    stages = []
    for stage in system.stages:
        objectives = [{"number": o.number, "text": o.text, "count": len(o.requirements),
                       "rows": requirement_rows(o)} for o in stage.objectives]
        stages.append({**stage_of(stage), "objectives": objectives,
                       "has_requirements": any(o["count"] for o in objectives)})
    return {
        "system": system,
        "stages": stages,
        "requirement_count": sum(len(o.requirements) for s in system.stages
                                 for o in s.objectives),
    }
