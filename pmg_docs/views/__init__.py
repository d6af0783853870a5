"""View models: what a template needs for one document kind, with numbers already formatted.

Each template has one view builder, `(model, catalog) -> dict`, registered here under the
template's name (the name a catalog gives under `templates:`). A new year's format adds its
template and its builder; nothing else in the pipeline changes.
"""

from __future__ import annotations

from collections.abc import Callable

from .areas import areas_formulation_view
from .circular import circular_view
from .objetivos import formulation_view
from .requirements import guide_view, requirements_annex

VIEW_BUILDERS: dict[str, Callable] = {
    "formulacion-2024": formulation_view,
    "formulacion-2011": areas_formulation_view,
    "circular": circular_view,
    "guia-requisitos": guide_view,
}

# Sections a user may append to a document (`pmg render --annex NAME`): name -> builder of the
# annex's view, `(model, catalog) -> dict` with the `template` that lays it out.
ANNEX_BUILDERS: dict[str, Callable] = {
    "requisitos": requirements_annex,
}
