"""The view of a requirements guide: a system's stages and objectives, then each objective's
technical requirements with their notes; for the whole marco (`pmg guide --all`), the same for
every system, each with the ids its index points to."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..models.catalog import System
from .requirements import requirement_rows, stage_of

if TYPE_CHECKING:
    from ..load.document import Document
    from ..models.guide import EverySystem


def system_view(system: System) -> dict[str, Any]:
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


def _anchored(system: System) -> dict[str, Any]:
    """A system's view with the ids of its heading and its stages' (`sistema-ID`,
    `sistema-ID-etapa-N`), which the index points to; ids of the catalog are unique, and a
    catalog id is letters, digits and hyphens, so these are valid HTML ids."""
    found = system_view(system)
    found["anchor"] = f"sistema-{system.id}"
    for stage in found["stages"]:
        stage["anchor"] = f"{found['anchor']}-etapa-{stage['number']}"
    return found


def view(document: Document[System | EverySystem]) -> dict[str, Any]:
    subject = document.model
    if isinstance(subject, System):
        return system_view(subject)
    systems = [_anchored(system) for system in subject.systems]
    return {"systems": systems,
            "requirement_count": sum(s["requirement_count"] for s in systems)}
