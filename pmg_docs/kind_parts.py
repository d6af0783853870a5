"""Every part the kind registry names, imported, so that mypy holds each to its protocol.

The registry (kinds.py) names its parts as text, "module:attribute", and imports them when first
used: the command line stays quick and never loads what a command does not use. Text is nothing
mypy can check, so this module names the same parts as objects, one `Stages` per format: mypy
checks each against its protocol (`kinds.Checks`, `kinds.View`, …), and checks that a format's
checks, view and annexes all take a document of the format's model. tests/test_kinds.py checks
that this table holds exactly the registry's parts. Nothing else imports this module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from .checks import areas as areas_checks
from .checks import circular as circular_checks
from .checks import guide as guide_checks
from .checks import indicadores as indicadores_checks
from .checks import monthly as monthly_checks
from .checks import objetivos as objetivos_checks
from .checks import prose as prose_checks
from .checks import report as report_checks
from .checks import results as results_checks
from .checks import work_plan as work_plan_checks
from .domain import commitments
from .edit.new import areas as areas_new
from .edit.new import circular as circular_new
from .edit.new import indicadores as indicadores_new
from .edit.new import monthly as monthly_new
from .edit.new import objetivos as objetivos_new
from .edit.new import prose as prose_new
from .edit.new import results as results_new
from .edit.new import work_plan as work_plan_new
from .kinds import AnnexView, Checks, Commitments, Describe, Links, Scaffolder, View
from .load.references import link_formulation
from .models import areas, circular, indicadores, objetivos, prose, results, work_plan
from .views import annex
from .views import areas as areas_view
from .views import circular as circular_view
from .views import guide as guide_view
from .views import indicadores as indicadores_view
from .views import monthly as monthly_view
from .views import objetivos as objetivos_view
from .views import prose as prose_view
from .views import report as report_view
from .views import results as results_view
from .views import work_plan as work_plan_view

M = TypeVar("M")


@dataclass(frozen=True)
class Stages(Generic[M]):
    """A format's parts, as kinds.Format names them; `M` is the model its documents carry."""

    checks: Checks[M]
    view: View[M]
    model: type[M] | None = None
    describe: Describe | None = None
    annexes: dict[str, AnnexView[M]] = field(default_factory=dict)
    scaffold: Scaffolder | None = None
    links: Links | None = None
    commitments: Commitments | None = None


# Each format on its own line, so that its model is inferred from its parts alone.
OBJETIVOS = Stages(model=objetivos.Formulation, checks=objetivos_checks.check,
                   view=objetivos_view.view, describe=objetivos_checks.describe,
                   annexes={"requisitos": annex.requirements_annex},
                   scaffold=objetivos_new.scaffold, commitments=commitments.by_objectives)
AREAS = Stages(model=areas.Formulation, checks=areas_checks.check, view=areas_view.view,
               describe=areas_checks.describe, scaffold=areas_new.scaffold,
               commitments=commitments.by_areas)
INDICADORES = Stages(model=indicadores.Formulation, checks=indicadores_checks.check,
                     view=indicadores_view.view, describe=indicadores_checks.describe,
                     scaffold=indicadores_new.scaffold, commitments=commitments.by_indicators)
CARTA = Stages(model=circular.Circular, checks=circular_checks.check, view=circular_view.view,
               describe=circular_checks.describe, scaffold=circular_new.scaffold)
MARKDOWN = Stages(model=prose.ProseDocument, checks=prose_checks.check, view=prose_view.view,
                  describe=prose_checks.describe, scaffold=prose_new.scaffold)
REQUISITOS = Stages(checks=guide_checks.check, view=guide_view.view)
PROGRAMA = Stages(model=work_plan.WorkPlan, checks=work_plan_checks.check,
                  view=work_plan_view.view, describe=work_plan_checks.describe,
                  scaffold=work_plan_new.scaffold, links=link_formulation)
CUMPLIMIENTO = Stages(model=results.Results, checks=results_checks.check,
                      view=results_view.view, describe=results_checks.describe,
                      scaffold=results_new.scaffold, links=link_formulation)
MENSUAL = Stages(model=results.MonthlyReport, checks=monthly_checks.check,
                 view=monthly_view.view, describe=monthly_checks.describe,
                 scaffold=monthly_new.scaffold, links=link_formulation)
CONSOLIDADO = Stages(checks=report_checks.check, view=report_view.view)

# (kind, format) -> its parts.
FORMATS: dict[tuple[str, str], Stages[Any]] = {
    ("formulation", "objetivos"): OBJETIVOS,
    ("formulation", "areas"): AREAS,
    ("formulation", "indicadores"): INDICADORES,
    ("circular", "carta"): CARTA,
    ("prose", "markdown"): MARKDOWN,
    ("guide", "requisitos"): REQUISITOS,
    ("work-plan", "programa"): PROGRAMA,
    ("results", "cumplimiento"): CUMPLIMIENTO,
    ("monthly-report", "mensual"): MENSUAL,
    ("report", "consolidado"): CONSOLIDADO,
}
