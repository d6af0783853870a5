"""Every formulation and results file of a year under a folder, checked and judged.

All sources must be clean and of one catalog; a formulation without results is listed as such;
a results file whose formulation lies outside the folder still counts (it names it). Work plans,
circulars and catalogs under the folder are not part of the year's figures and are left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..checks import check_document
from ..checks.compliance import Judgement, judge
from ..diagnostics import Diagnostic, InputError, Severity, display_name
from ..i18n import _
from ..load import CatalogRegistry, Document, iter_source_files, load_source, parse_document
from ..load.references import link_formulation

YEAR_KINDS = ("formulation", "results")


@dataclass
class ServiceYear:
    formulation: Document
    results: Document | None = None
    judgement: Judgement | None = None


@dataclass
class Year:
    catalog_document: Document
    services: list[ServiceYear] = field(default_factory=list)
    # Warnings found on the way (a formulation without results).
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def catalog(self):
        return self.catalog_document.model

    @property
    def judged(self) -> list[ServiceYear]:
        return [s for s in self.services if s.judgement is not None]


def _order(service: ServiceYear):
    model = service.formulation.model.service
    return (model.partida, model.chapter, model.name)


def consolidate(directory: Path, registry: CatalogRegistry) -> Year:
    """The year under `directory`. Raises InputError with every problem found when a source
    has errors, when sources are of different catalogs, or when there is nothing to report."""
    files, problems = iter_source_files([directory])
    problems = list(problems)
    # Each file is read once: formulations first, so that results find theirs already read.
    sources: dict[str, list] = {kind: [] for kind in YEAR_KINDS}
    for path in files:
        try:
            source = load_source(path)
        except InputError as exc:
            problems.extend(exc.diagnostics)
            continue
        kind = source.data.get("kind") if isinstance(source.data, dict) else None
        if kind in sources:
            sources[kind].append(source)
    formulations: dict[Path, Document] = {}
    results: list[Document] = []
    for kind in YEAR_KINDS:
        for source in sources[kind]:
            try:
                document = parse_document(source, registry)
                if kind == "results":
                    link_formulation(document, registry, formulations)
            except InputError as exc:
                problems.extend(exc.diagnostics)
                continue
            problems.extend(d for d in check_document(document)
                            if d.severity is Severity.ERROR)
            if kind == "formulation":
                formulations[Path(source.path).resolve()] = document
            else:
                results.append(document)
    if problems:
        raise InputError(problems)

    catalogs = {d.catalog.id for d in [*formulations.values(), *results]}
    if not catalogs:
        raise InputError([Diagnostic(display_name(directory), None, (), _(
            "no hay formulaciones ni resultados en la carpeta; se esperan archivos con "
            "`kind: formulation` y `kind: results`"))])
    if len(catalogs) > 1:
        raise InputError([Diagnostic(display_name(directory), None, (), _(
            "la carpeta mezcla años: catálogos {catalogs}; se espera un solo catálogo (un año) "
            "por informe").format(catalogs=", ".join(sorted(catalogs))))])

    services: dict[Path, ServiceYear] = {p: ServiceYear(d) for p, d in formulations.items()}
    claimed: dict[Path, Document] = {}
    for document in results:
        formulation = document.formulation
        key = formulation.source.path.resolve()
        if key in claimed:
            problems.append(document.diagnostic(("formulation",), _(
                "{other} ya informa los resultados de esta formulación; se espera un solo "
                "informe por servicio").format(other=claimed[key].source.name)))
            continue
        claimed[key] = document
        service = services.setdefault(key, ServiceYear(formulation))
        service.results = document
        service.judgement = judge(document.model, formulation.model, document.catalog)
    if problems:
        raise InputError(problems)

    first = next(iter([*formulations.values(), *results]))
    year = Year(registry.get(first.catalog.id), sorted(services.values(), key=_order))
    for service in year.services:
        if service.results is None:
            year.diagnostics.append(service.formulation.diagnostic((), _(
                "sin informe de resultados en la carpeta; el servicio se lista aparte"),
                severity=Severity.WARNING))
    return year
