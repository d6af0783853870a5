"""The view of a formulation by marco and área: committed systems, exemptions.

Each system's marco and área come from the catalog; the formulation only names the system.
Rows keep the formulation's order, which is the order the service's document prints them in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..models.areas import Formulation
from ..numbers import ROMAN, format_number
from ..richtext import render_markdown
from .lookup import known

if TYPE_CHECKING:
    from ..load.document import Document


# A justification longer than this may be taller than a landscape page: its row is allowed to
# split across pages (shorter rows are kept whole, with the table's header repeated).
SPLIT_JUSTIFICATION_CHARS = 2000


def view(document: Document[Formulation]) -> dict[str, Any]:
    formulation, catalog = document.model, document.catalog
    style = catalog.number_style
    decimals = catalog.rules.weight_decimals
    # One column per stage up to the longest system of the marco (I to IV in 2011).
    stage_count = max((stage.number for s in catalog.systems for stage in s.stages), default=1)

    def placed(system_id: str) -> dict[str, str]:
        system = known(catalog.system(system_id), system_id)
        marco = catalog.marco(system.marco)
        area = known(catalog.area(system.area), f"{system.area}")
        return {"marco": marco.name if marco else "", "area": area.name, "system": system.name}

    rows = [
        {**placed(c.system),
         "marks": [number == c.stage for number in range(1, stage_count + 1)],
         "priority": known(catalog.priority(c.priority), c.priority).name,
         "weight": format_number(c.weight, decimals, style)}
        for c in formulation.systems
    ]
    exemptions = [
        {**placed(e.system), "type": e.type, "stage": e.stage,
         "justification": render_markdown(e.justification or ""),
         "splits": len(e.justification or "") > SPLIT_JUSTIFICATION_CHARS}
        for e in formulation.exemptions
    ]
    return {"stage_columns": list(ROMAN[:stage_count]), "rows": rows, "exemptions": exemptions}
