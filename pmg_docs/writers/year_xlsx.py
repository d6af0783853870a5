"""The consolidated year as a workbook: one sheet per table of the *Resultados* document, real
numbers with number formats (percentages as fractions shown with `%`), frozen headers, filters."""

from __future__ import annotations

from ..domain.compliance import effective_of
from ..domain.targets import indicator_of, stated_or_computed
from ..i18n import _
from ..views.report import band_counts, band_name, distribution, system_compliance
from .xlsx import (
    DECIMAL,
    INTEGER,
    PERCENT,
    Column,
    add_table,
    new_workbook,
    workbook_bytes,
)


def _fraction(percent) -> float:
    return round(float(percent) / 100, 6)


def _service_cells(service) -> list:
    model = service.formulation.model.service
    return [model.ministry, model.partida, model.chapter, model.name]


SERVICE_COLUMNS = [Column(_("Ministerio"), width=36), Column(_("Partida"), width=9),
                   Column(_("Capítulo"), width=10), Column(_("Servicio"), width=40)]


def _services(year):
    for service in year.judged:
        judgement = service.judgement
        increment = judgement.band.increment
        yield [*_service_cells(service), judgement.committed, judgement.earned,
               _fraction(judgement.percent),
               band_name(year, judgement.band, service.results.catalog),
               _fraction(increment) if increment is not None else None]


def _commitments(year):
    for service in year.judged:
        # Each service's commitments as its own catalog names them.
        catalog = service.results.catalog
        results = {r.indicator: r for r in service.results.model.indicators}
        for judged in service.judgement.items:
            commitment = judged.commitment
            if commitment.kind == "indicator":
                indicator = indicator_of(commitment.item, catalog)
                name, kind = indicator.name, _("Indicador")
                target = stated_or_computed(commitment.item.target, indicator) \
                    if commitment.item.target else None
                effective = stated_or_computed(effective_of(results[commitment.id], indicator),
                                               indicator)
            else:
                name, kind = catalog.system(commitment.id).name, _("Sistema")
                target = effective = None
            # The group a commitment sits in: its objective (by objectives); none otherwise.
            objective = catalog.objective(commitment.objective) \
                if commitment.objective is not None else None
            yield [*_service_cells(service)[1:], objective.name if objective else None,
                   kind, name, commitment.id, commitment.weight, target, effective,
                   _fraction(judged.percent) if judged.percent is not None else None,
                   _("Sí") if judged.met else _("No"), _("Sí") if judged.external else _("No"),
                   judged.earned]


def year_workbook(year) -> bytes:
    workbook = new_workbook()
    add_table(workbook, _("Servicios"), [
        *SERVICE_COLUMNS, Column(_("Ponderación comprometida"), DECIMAL),
        Column(_("Ponderación obtenida"), DECIMAL), Column(_("Cumplimiento global"), PERCENT),
        Column(_("Tramo"), width=16), Column(_("Incremento"), PERCENT)], _services(year))
    add_table(workbook, _("Compromisos"), [
        *SERVICE_COLUMNS[1:], Column(_("Objetivo de gestión"), width=26),
        Column(_("Tipo"), width=11), Column(_("Compromiso"), width=40), Column(_("Id"), width=30),
        Column(_("Ponderación"), DECIMAL), Column(_("Meta"), DECIMAL),
        Column(_("Resultado"), DECIMAL), Column(_("Cumplimiento"), PERCENT),
        Column(_("Cumplido")), Column(_("Causa externa aceptada")),
        Column(_("Ponderación obtenida"), DECIMAL)], _commitments(year))
    add_table(workbook, _("Tramos"), [
        Column(_("Tramo"), width=16), Column(_("Cumplimiento global desde"), PERCENT),
        Column(_("Incremento"), PERCENT), Column(_("Servicios"), INTEGER)],
        ([name, _fraction(band.at_least),
          _fraction(band.increment) if band.increment is not None else None, count]
         for name, band, count in band_counts(year)))
    add_table(workbook, _("Distribución"), [
        Column(_("Cumplimiento global (%)"), width=24), Column(_("Servicios"), INTEGER)],
        distribution(year))
    add_table(workbook, _("Sistemas"), [
        Column(_("Sistema"), width=44), Column(_("Servicios que lo comprometen"), INTEGER),
        Column(_("Cumplimiento promedio"), PERCENT)],
        ([system.name, count, _fraction(value)]
         for system, count, value in system_compliance(year)))
    add_table(workbook, _("Sin informe"), SERVICE_COLUMNS,
              (_service_cells(s) for s in year.services if s.judgement is None))
    return workbook_bytes(workbook)
