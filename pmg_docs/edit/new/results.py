"""`pmg new results`: an Informe de Cumplimiento to fill in, each part explained in comments."""

from __future__ import annotations

from ... import kinds
from .common import Request, Scaffold
from .linked import linked_scaffold

# The comments are the file's instructions, in the analysts' language.
BODY = """\
# The formulation this file reports on, relative to this file (e.g. ../aduanas.yaml).
formulation: ../FORMULACION.yaml

# The report's state as the system prints it, and its date.
# state: Proceso finalizado
# date: 2025-03-31

# One entry per committed indicator: what it measured, on its scale (numerator and denominator,
# and the value they give; or the value alone), the evidence delivered and notes. Where the
# report gives them: the figures of men (H) and women (M), which add up to the result's; the
# weights the catalog declares beside the formulation's (rules.compliance.other_weights), with
# what was obtained of each; the series of the year by month (enero … diciembre) or quarter
# (t1 … t4), from which the result is computed when `effective:` is left out.
#   - indicator: equidad-de-genero
#     effective: {numerator: 3, denominator: 8, value: 37.5}
#     by_sex:
#       men: {numerator: 92, denominator: 119, value: 77.31}
#       women: {numerator: 173, denominator: 188, value: 92.02}
#     other_weights:
#       - {id: formulario-incentivo, weight: 15, obtained: 15}
#     periods:
#       enero: {numerator: 73, denominator: 90, value: 81.11}
#     verification: [Informe de cierre de cada medida]
#     notes: |
#       Texto en Markdown.
indicators: []

# One entry per committed system: for each stage with committed objectives (weight above 0),
# the numbers of the objectives achieved; where the formulation commits a stage whole (2011),
# whether it was validated instead.
#   - system: estado-verde
#     stages:
#       - {stage: 1, achieved: [1, 2]}
#   - system: siac
#     validated: true
systems: []

# Causes beyond the service's control, per indicator or system; `accepted:` is the Comité's
# decision (true or false), left out while pending.
external_causes: []
"""


def scaffold(request: Request) -> Scaffold:
    return linked_scaffold(request, kinds.RESULTS, "Informe de Cumplimiento", BODY)
