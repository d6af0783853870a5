"""`pmg new formulation` for the performance-indicators format: one indicator to fill in, with
the marco's indicator types and the scales in comments; or last year's indicators rolled
forward (they are the service's own, so all are carried; a type the new marco no longer admits
is listed as a decision)."""

from __future__ import annotations

from typing import get_args

from ... import kinds
from ...i18n import _
from ...models.catalog import Catalog
from ...models.indicadores import Formulation
from ...models.indicator import Scale
from .common import TO_FILL, Request, Scaffold, comment_lines, header, q, q_model, service_lines


def _blank(catalog: Catalog) -> list[str]:
    first_type = catalog.indicator_types[0].id if catalog.indicator_types else None
    lines = ["  - id: indicador-1", f"    product: {q(TO_FILL)}"]
    if first_type:
        lines.append(f"    type: {q(first_type)}")
    lines += [f"    name: {q(TO_FILL)}", f"    formula: {q(TO_FILL)}", "    scale: percent",
              f"    numerator_description: {q(TO_FILL)}",
              f"    denominator_description: {q(TO_FILL)}",
              f"    verification: [{q(TO_FILL)}]",
              # A zero denominator is reported until the target is filled in.
              "    target: {numerator: 0, denominator: 0}"]
    if catalog.rules.total_weight is not None:
        lines.append(f"    weight: {q(catalog.rules.total_weight)}")
    return lines


def _carried(request: Request, previous: Formulation) -> list[str]:
    catalog = request.known_catalog()
    lines = []
    for indicator in previous.indicators:
        if indicator.type and catalog.indicator_types and catalog.indicator_type(
                indicator.type) is None:
            request.decide(_("indicador «{name}» ({id}): el tipo «{type}» no está en {catalog}; "
                             "elija uno de sus tipos").format(name=indicator.name,
                                                              id=indicator.id,
                                                              type=indicator.type,
                                                              catalog=catalog.id))
        lines.append(f"  - {q_model(indicator)}")
    return lines


def scaffold(request: Request) -> Scaffold:
    catalog = request.known_catalog()
    previous = request.last_year(Formulation)
    types = [f"#   {t.id}: {t.name}" for t in catalog.indicator_types]
    body = [f"kind: {kinds.FORMULATION}", f"catalog: {q(catalog.id)}",
            *service_lines(request.service, request.last_service, request.decide), "",
            *(["# " + _("Tipos de indicador de este marco (type:):"), *types] if types else []),
            *comment_lines(_("Escalas (scale:): {scales}; una meta es numerador / denominador "
                             "(× 100 en percent).").format(scales=", ".join(get_args(Scale))), ""),
            "indicators:",
            *(_carried(request, previous) if previous else _blank(catalog))]
    lines = header(catalog, previous, request.decisions, request.schema_ref, _(
        "Defina cada indicador que el servicio compromete: producto, tipo, nombre, fórmula, "
        "escala y unidad, qué cuentan el numerador y el denominador, los medios de verificación "
        "(verification), su meta y su nota técnica."))
    return Scaffold("\n".join([*lines, *body]).rstrip("\n") + "\n", request.decisions)
