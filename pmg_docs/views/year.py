"""Every formulation and results file of a year under a folder, checked and judged.

All sources must be clean and of one year; a formulation without results is listed as such;
a year's formulations may be of every format, and of several catalogs of that year (the PMG's
by objectives, a Formulario H of performance indicators, a marco by areas), each service judged
by the compliance rules of its own catalog (`rules.compliance`); the report is laid out by the
catalog that judges the most of the year's formulations (views/report.py lists every judging
catalog's bands);
a results file whose formulation lies outside the folder still counts (it names it). Work plans,
circulars and catalogs under the folder are not part of the year's figures and are left out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import kinds
from ..checks import check_document
from ..diagnostics import Diagnostic, InputError, Severity, display_name
from ..domain.compliance import judge
from ..domain.year import ServiceYear, Year
from ..i18n import _
from ..load import CatalogRegistry, Document, iter_source_files, load_source, parse_document
from ..load.located_yaml import YamlSource
from ..load.references import link_formulation
from ..models.catalog import Catalog
from ..models.results import Results
from ..models.service import FormulationHeader

YEAR_KINDS = (kinds.FORMULATION, kinds.RESULTS)


def _order(service: ServiceYear) -> tuple[str, str, str]:
    formulation = service.formulation.model
    assert isinstance(formulation, FormulationHeader)  # every format of formulation opens so
    model = formulation.service
    return (model.partida, model.chapter, model.name)


def consolidate(directory: Path, registry: CatalogRegistry) -> Year:
    """The year under `directory`. Raises InputError with every problem found when a source
    has errors, when sources are of different years, when there is nothing to report, or
    when not one of their catalogs says how results are judged."""
    sources, problems = _year_sources(directory)
    # A year's formulations may be of any format; those that results answer are by objectives
    # (load/references.py checks it).
    formulations: dict[Path, Document[Any]] = {}
    results: list[Document[Results]] = []
    for kind in YEAR_KINDS:
        for source in sources[kind]:
            document = _checked(source, kind, registry, formulations, problems)
            if document is None:
                continue
            if kind == kinds.FORMULATION:
                formulations[Path(source.path).resolve()] = document
            else:
                results.append(document)
    if problems:
        raise InputError(problems)

    catalog_document = _report_catalog(directory, [*formulations.values(), *results],
                                       registry)
    services = _services(formulations, results)
    year = Year(catalog_document, sorted(services, key=_order))
    for service in year.services:
        if service.results is None:
            year.diagnostics.append(service.formulation.diagnostic((), _(
                "sin informe de resultados en la carpeta; el servicio se lista aparte"),
                severity=Severity.WARNING))
    return year


def _year_sources(directory: Path) -> tuple[dict[str, list[YamlSource]], list[Diagnostic]]:
    """The sources under `directory` of each of the year's kinds, each file read once, and the
    problems of those that cannot be read."""
    files, found_problems = iter_source_files([directory])
    problems = list(found_problems)
    sources: dict[str, list[YamlSource]] = {kind: [] for kind in YEAR_KINDS}
    for path in files:
        try:
            source = load_source(path)
        except InputError as exc:
            problems.extend(exc.diagnostics)
            continue
        kind = source.data.get("kind") if isinstance(source.data, dict) else None
        if kind in sources:
            sources[kind].append(source)
    return sources, problems


def _checked(source: YamlSource, kind: str, registry: CatalogRegistry,
             formulations: dict[Path, Document[Any]], problems: list[Diagnostic]
             ) -> Document[Any] | None:
    """The document of `source`, a results file linked to its formulation (among
    `formulations` when read already); None when it cannot be read. Its errors, and its checks'
    errors, go to `problems`."""
    try:
        document = parse_document(source, registry)
        if kind == kinds.RESULTS:
            link_formulation(document, registry, formulations)
    except InputError as exc:
        problems.extend(exc.diagnostics)
        return None
    problems.extend(d for d in check_document(document) if d.severity is Severity.ERROR)
    return document


def _report_catalog(directory: Path, documents: list[Document[Any]],
                    registry: CatalogRegistry) -> Document[Catalog]:
    """The catalog the year's report is laid out by: of the one year the documents are
    written for, among the catalogs that say how results are judged, the one most of them are
    written against (the first by id on a tie). InputError when there are no documents, when
    they are of several years, or when none of their catalogs declares `rules.compliance`."""
    catalogs = {d.catalog.id: d.catalog for d in documents}
    if not catalogs:
        raise InputError([Diagnostic(display_name(directory), None, (), _(
            "no hay formulaciones ni resultados en la carpeta; se esperan archivos con "
            "`kind: formulation` y `kind: results`"))])
    years = {c.year for c in catalogs.values()}
    if len(years) > 1:
        raise InputError([Diagnostic(display_name(directory), None, (), _(
            "la carpeta mezcla años: catálogos {catalogs}; se espera un solo año por "
            "informe").format(catalogs=", ".join(
                f"{c.id} ({c.year})" for c in sorted(catalogs.values(), key=lambda c: c.id))))])
    judging = sorted(i for i, c in catalogs.items() if c.rules.compliance is not None)
    # Each service is judged by its own catalog's rules (`_services`); the report's layout
    # (its bands first, its threshold) follows the catalog of most of the year's documents.
    written = [d.catalog.id for d in documents]
    catalog_id = min(judging, key=lambda i: (-written.count(i), i)) if judging \
        else sorted(catalogs)[0]
    document = registry.get(catalog_id)
    assert document is not None  # every source was read against it
    if not judging:
        # A results file asks for the rules itself (checks/results.py); a year of formulations
        # alone must too, for the report lays out the catalog's incentive bands.
        raise InputError([document.diagnostic(("rules",), _(
            "el catálogo {catalog} no dice cómo se juzgan los resultados; se espera "
            "`rules.compliance` en él (umbral de cumplimiento y tramos de incentivo)").format(
            catalog=catalog_id))])
    return document


def _services(formulations: dict[Path, Document[Any]],
              results: list[Document[Results]]) -> list[ServiceYear]:
    """One service per formulation, with its results and their judgement; a formulation outside
    the folder that a results file names counts too. InputError when two results files report
    on one formulation."""
    services: dict[Path, ServiceYear] = {p: ServiceYear(d) for p, d in formulations.items()}
    claimed: dict[Path, Document[Results]] = {}
    problems: list[Diagnostic] = []
    for document in results:
        formulation = document.formulation
        key = formulation.source.path.resolve()
        if key in claimed:
            problems.append(document.diagnostic((kinds.ABOUT_FORMULATION.field,), _(
                "{other} ya informa los resultados de esta formulación; se espera un solo "
                "informe por servicio").format(other=claimed[key].source.name)))
            continue
        claimed[key] = document
        service = services.setdefault(key, ServiceYear(formulation))
        service.results = document
        service.judgement = judge(document.model, formulation.model, document.catalog)
    if problems:
        raise InputError(problems)
    return list(services.values())
