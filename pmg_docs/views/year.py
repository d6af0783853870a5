"""Every formulation and results file of a year under a folder, checked and judged.

All sources must be clean and of one catalog; a formulation without results is listed as such;
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
    has errors, when sources are of different catalogs, when there is nothing to report, or
    when their catalog does not say how results are judged."""
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

    catalog_id = _one_catalog(directory, [*formulations.values(), *results])
    services = _services(formulations, results)
    catalog_document = registry.get(catalog_id)
    assert catalog_document is not None  # every source was read against it
    if catalog_document.model.rules.compliance is None:
        # A results file asks for the rules itself (checks/results.py); a year of formulations
        # alone must too, for the report lays out the catalog's incentive bands.
        raise InputError([catalog_document.diagnostic(("rules",), _(
            "el catálogo {catalog} no dice cómo se juzgan los resultados; se espera "
            "`rules.compliance` en él (umbral de cumplimiento y tramos de incentivo)").format(
            catalog=catalog_id))])
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


def _one_catalog(directory: Path, documents: list[Document[Any]]) -> str:
    """The id of the one catalog the documents are written against; InputError when there is
    none or there are several."""
    catalogs = {d.catalog.id for d in documents}
    if not catalogs:
        raise InputError([Diagnostic(display_name(directory), None, (), _(
            "no hay formulaciones ni resultados en la carpeta; se esperan archivos con "
            "`kind: formulation` y `kind: results`"))])
    if len(catalogs) > 1:
        raise InputError([Diagnostic(display_name(directory), None, (), _(
            "la carpeta mezcla años: catálogos {catalogs}; se espera un solo catálogo (un año) "
            "por informe").format(catalogs=", ".join(sorted(catalogs))))])
    return catalogs.pop()


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
