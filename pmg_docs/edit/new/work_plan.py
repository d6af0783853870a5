"""`pmg new work-plan`: a Programa de Trabajo to fill in, each part explained in comments."""

from __future__ import annotations

from ... import kinds
from ...i18n import _
from .common import Request, Scaffold
from .linked import linked_scaffold


def _body() -> str:
    """The plan's parts, each explained; its examples parse once their # are removed."""
    return "\n".join([
        "# " + _("La formulación que este programa lleva a cabo, relativa a este archivo (por "
                 "ejemplo ../aduanas.yaml)."),
        "formulation: ../FORMULACION.yaml",
        "",
        "# " + _("Una entrada por medida de género de la formulación, por su número (1, 2, …), "
                 "con sus actividades."),
        "# " + _("Para escribirla, borre la línea `gender_measures: []` y quite el # de las "
                 "líneas de ejemplo."),
        "# gender_measures:",
        "#   - measure: 1",
        "#     activities:",
        "#       - activity: Diseño del curso",
        "#         start: 2024-03-01",
        "#         end: 2024-04-30",
        "#         unit: Subdirección de Recursos Humanos",
        "#         evidence: [Programa del curso]",
        "gender_measures: []",
        "",
        "# " + _("Una entrada por sistema comprometido; una actividad puede nombrar el objetivo de "
                 "etapa al que sirve (`stage:` y `objective:`)."),
        "# " + _("Para escribirla, borre la línea `systems: []` y quite el # de las líneas de "
                 "ejemplo."),
        "# systems:",
        "#   - system: estado-verde",
        "#     activities:",
        "#       - {activity: Constitución del Comité, stage: 1, objective: 1, start: 2024-03-01,",
        "#          end: 2024-04-15, unit: Subdirección Administrativa, evidence: [Resolución]}",
        "systems: []",
        "",
    ])


def scaffold(request: Request) -> Scaffold:
    return linked_scaffold(request, kinds.WORK_PLAN, "Programa de Trabajo", _body())
