"""`pmg new results`: an Informe de Cumplimiento to fill in, each part explained in comments."""

from __future__ import annotations

from ... import kinds
from .common import Request, Scaffold
from .linked import linked_scaffold

# The comments are the file's instructions, in the analysts' language.
BODY = """\
# The formulation this file reports on, relative to this file (e.g. ../aduanas.yaml).
formulation: ../FORMULACION.yaml

# One entry per committed indicator: what it measured, on its scale (numerator and denominator,
# and the value they give; or the value alone), the evidence delivered and notes.
#   - indicator: equidad-de-genero
#     effective: {numerator: 3, denominator: 8, value: 37.5}
#     verification: [Informe de cierre de cada medida]
#     notes: |
#       Texto en Markdown.
indicators: []

# One entry per committed system: for each stage with committed objectives (weight above 0),
# the numbers of the objectives achieved.
#   - system: estado-verde
#     stages:
#       - {stage: 1, achieved: [1, 2]}
systems: []

# Causes beyond the service's control, per indicator or system; `accepted:` is the Comité's
# decision (true or false), left out while pending.
external_causes: []
"""


def scaffold(request: Request) -> Scaffold:
    return linked_scaffold(request, kinds.RESULTS, "Informe de Cumplimiento", BODY)
