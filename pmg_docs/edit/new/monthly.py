"""`pmg new monthly-report`: a monthly report of indicators to fill in, explained in comments."""

from __future__ import annotations

from ... import kinds
from .common import Request, Scaffold
from .linked import linked_scaffold

# The comments are the file's instructions, in the analysts' language.
BODY = """\
# The formulation this report follows, relative to this file (e.g. ../aduanas.yaml).
formulation: ../FORMULACION.yaml

# The report's state as the system prints it, and its date.
# state: Proceso finalizado
# date: 2024-12-31

# One entry per committed indicator: its series of the year, month by month (enero …
# diciembre) or by quarter (t1 … t4), each with numerator and denominator and the value they
# give. A month left out is a gap; the accumulated result is computed from the months given.
#   - indicator: concentracion-del-gasto
#     periods:
#       enero: {numerator: 73, denominator: 90, value: 81.1}
#       febrero: {numerator: 80, denominator: 95, value: 84.21}
indicators: []
"""


def scaffold(request: Request) -> Scaffold:
    return linked_scaffold(request, kinds.MONTHLY_REPORT, "Informe mensual de indicadores",
                           BODY)
