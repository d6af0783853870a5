"""`pmg new work-plan`: a Programa de Trabajo to fill in, each part explained in comments."""

from __future__ import annotations

from ... import kinds
from .common import Request, Scaffold
from .linked import linked_scaffold

BODY = """\
# The formulation this plan carries out, relative to this file (e.g. ../aduanas.yaml).
formulation: ../FORMULACION.yaml

# One entry per gender measure of the formulation, by its number (1, 2, …), with its activities.
#   - measure: 1
#     activities:
#       - activity: Diseño del curso
#         start: 2024-03-01
#         end: 2024-04-30
#         unit: Subdirección de Recursos Humanos
#         evidence: [Programa del curso]
gender_measures: []

# One entry per committed system; an activity may name the stage objective it serves
# (`stage:` and `objective:`).
#   - system: estado-verde
#     activities:
#       - {activity: Constitución del Comité, stage: 1, objective: 1, start: 2024-03-01,
#          end: 2024-04-15, unit: Subdirección Administrativa, evidence: [Resolución]}
systems: []
"""


def scaffold(request: Request) -> Scaffold:
    return linked_scaffold(request, kinds.WORK_PLAN, "Programa de Trabajo", BODY)
