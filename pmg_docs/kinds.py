"""The kinds of document pmg-docs makes, and the formats each kind is written in.

This registry is the only code that branches on a document's kind or format. A catalog says
which kinds its marco offers and, for each, the format and the template (`documents:`); the
entry found here under that kind and format says which model reads the source, which checks
hold, which view prepares it for the template, which annexes it takes and how `pmg new` starts
one. So:

- a new *layout* is a template and one line of a catalog;
- a new *year* is a catalog;
- a new *format* is one module per stage (model, checks, view, scaffold) and one entry here;
- a new *kind* is one entry here, with its format(s).

Each kind also carries what the rest of the code would otherwise spell out: its Spanish noun
(`noun()`, for messages and `pmg diff`), its output name, for a kind drawn from the catalog the
factory of what it is drawn from (`subject()`), and for each format the source it may name
(`Link`) and whether it has a workbook form. The catalog is an entry too (`CATALOG`), though no
document; `is_catalog()` is the one place that asks. Other modules name a kind by the constants
below (`kinds.RESULTS`), never by its string.

Entries name their parts as "module:attribute" and import them when first used, so that the
command line stays quick and never loads what a command does not use. Text is nothing mypy can
check, so kind_parts.py names the same parts as objects, where mypy holds each to its protocol
below; a new format adds its line there too (tests/test_kinds.py keeps the two equal).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, cast

from .i18n import N_, _

if TYPE_CHECKING:
    from pydantic import BaseModel

    from .diagnostics import Diagnostic, FieldPath
    from .edit.new.common import Request, Scaffold
    from .load.catalogs import CatalogRegistry
    from .load.document import Document
    from .models.catalog import Catalog

T = TypeVar("T", covariant=True)
# A format's model (see load/document.py).
M = TypeVar("M")


# What each part of a format is. tests/test_kinds.py checks every registered part is importable;
# pmg_docs/kind_parts.py names them all so that mypy checks each against its protocol.

class Checks(Protocol[M]):
    """Every rule of the format: each finding, located (`document.diagnostic`)."""

    def __call__(self, document: Document[M], /) -> Iterable[Diagnostic]: ...


class View(Protocol[M]):
    """What the template needs, with ids resolved and numbers printed."""

    def __call__(self, document: Document[M], /) -> dict[str, Any]: ...


class AnnexView(Protocol[M]):
    """An annex's view, or None when the document has nothing to put in it."""

    def __call__(self, document: Document[M], /) -> dict[str, Any] | None: ...


class Describe(Protocol):
    """(field path, the source's data as written, its catalog) -> the place as the document
    names it ("Objetivo N°3 › Indicador «…» › meta"), shown beside file:line
    (diagnostics/places.py); it reads raw data, so it also names the place of a shape error."""

    def __call__(self, path: FieldPath, data: Any, catalog: Catalog, /) -> str | None: ...


class Links(Protocol):
    """Loads the sources a document names (a results file's formulation) and adds them to its
    `links`; raises InputError. Run when a file is loaded from disk."""

    def __call__(self, document: Document[Any], registry: CatalogRegistry, /) -> None: ...


class CatalogChecks(Protocol):
    """A catalog's own rules: each finding, located; `templates`, the user's templates folder
    (the catalog's templates must exist and fit)."""

    def __call__(self, document: Document[Catalog], templates: Path | None, /
                 ) -> Iterable[Diagnostic]: ...


class Commitments(Protocol):
    """What a formulation of the format commits, in the one shape results read
    (domain/commitments.py)."""

    def __call__(self, formulation: Any, /) -> list[Any]: ...


class Scaffolder(Protocol):
    """`pmg new`: the text a new source starts from."""

    def __call__(self, request: Request, /) -> Scaffold: ...


@dataclass(frozen=True)
class Part(Generic[T]):
    """A class or function of the package, named "module:attribute", imported when used."""

    path: str

    def load(self) -> T:
        return cast(T, _load(self.path))


@cache
def _load(path: str) -> Any:
    module, _, attribute = path.partition(":")
    return getattr(importlib.import_module(module), attribute)


@dataclass(frozen=True)
class Annex:
    """A section a user may append to a document (`--annex NAME`)."""

    view: Part[AnnexView[Any]]
    # The template that lays it out, unless the catalog names another.
    template: str


@dataclass(frozen=True)
class Link:
    """Another source a source of a format names by its path, and what that source must be."""

    # The field that holds the path, relative to the naming file (`formulation: ../a.yaml`).
    field: str
    # The kind the named source must be, and the formats it may be written in.
    kind: str
    formats: tuple[str, ...]
    # (document, registry) -> None: loads the named source and attaches it; raises InputError.
    # Run when a file is loaded from disk.
    load: Part[Links]


@dataclass(frozen=True)
class Format:
    """One way a kind of document is written: its model, checks, view, annexes and scaffold."""

    name: str
    # The source's model; None where the document is drawn from the catalog alone (a guide).
    model: Part[type[BaseModel]] | None
    checks: Part[Checks[Any]]
    view: Part[View[Any]]
    annexes: dict[str, Annex] = field(default_factory=dict)
    # `pmg new`: the text a new source starts from.
    scaffold: Part[Scaffolder] | None = None
    # (field path, the source's raw data, catalog) -> the place as the document names it
    # ("Objetivo N°3 › Indicador «…» › meta"), shown beside file:line (diagnostics/places.py).
    describe: Part[Describe] | None = None
    # The source this one names (a results file's formulation), None for a source that names
    # none.
    link: Link | None = None
    # The workbook form of a year's sources of this format (`pmg export` writes them to Excel,
    # `pmg import xlsx` reads them back): each sheet's title (a msgid) by the list of the model
    # it holds, dotted ("objectives.indicators"), "" for the source's own row; None: no
    # workbook form. Columns come from the model's fields (models/tabular.py): a new field is a
    # new column, a new list of the model needs its sheet named here.
    workbook: dict[str, str] | None = None
    # A formulation's: what it commits, in the one shape results read (its model -> the list
    # of domain/commitments.py); None for a format nothing is reported against.
    commitments: Part[Commitments] | None = None


@dataclass(frozen=True)
class Kind:
    name: str
    # What messages and `pmg diff` call a document of the kind (a Spanish msgid; `noun()`
    # translates it).
    noun: str
    formats: dict[str, Format]
    # A file staff write (a formulation, a circular); False: drawn from the catalog (a guide).
    written: bool = True
    # A drawn kind's subject factory: (the command's arguments…, registry) -> (the catalog's
    # document, the subject the document is drawn from: a system of the catalog, a year).
    subject: Part[Callable[..., tuple[Document[Catalog], Any]]] | None = None
    # A drawn document's output name (no suffix) from its subject, as a str.format pattern;
    # None for a written kind, whose output keeps its source's name.
    output: str | None = None
    # The source field that names the catalog's entry for the document (`document: decreto`),
    # for a kind of which a catalog may offer several documents; None: the entry is the one
    # under the kind's own name.
    named_by: str | None = None

    def output_name(self, subject: Any) -> Path:
        """Where a document of the kind is written, below the output folder and without the
        format's suffix: a written one keeps its source's path below the folder read
        (`subject`, a Path: `a/aduanas.yaml` gives `a/aduanas.pdf`: the writer puts the
        format's suffix in place of the source's); a drawn one is named from its subject
        (`requisitos-estado-verde`, `resultados-2024`)."""
        if self.output is None:
            return Path(subject)
        return Path(self.output.format(subject=subject))

    def declared_format(self, fmt: Format) -> str | None:
        """What a template of this kind declares after the kind: its format's name, where the
        kind has several (`formulation/objetivos`), nothing where it has one (`circular`)."""
        return fmt.name if len(self.formats) > 1 else None

    def format(self, name: str | None) -> Format | None:
        """The format called `name`; the kind's only format when `name` is None."""
        if name is None:
            return next(iter(self.formats.values())) if len(self.formats) == 1 else None
        return self.formats.get(name)


def _format(name: str, package: str, *, model: str | None,
            annexes: dict[str, Annex] | None = None, scaffold: bool = False,
            link: Link | None = None, workbook: dict[str, str] | None = None,
            commitments: str | None = None) -> Format:
    """A format whose stages live in modules named after it: models/NAME.py, checks/NAME.py,
    views/NAME.py and edit/new/NAME.py."""
    return Format(
        name=name,
        model=Part(f"pmg_docs.models.{model}") if model else None,
        checks=Part(f"pmg_docs.checks.{package}:check"),
        view=Part(f"pmg_docs.views.{package}:view"),
        annexes=annexes or {},
        scaffold=Part(f"pmg_docs.edit.new.{package}:scaffold") if scaffold else None,
        # Every format written in a file says where in it a problem is.
        describe=Part(f"pmg_docs.checks.{package}:describe") if model else None,
        link=link,
        workbook=workbook,
        commitments=Part(f"pmg_docs.domain.commitments:{commitments}") if commitments else None,
    )


# The names of the kinds, for the code that works with one of them by its role: a year is its
# formulations and results; `pmg guide` and `pmg report` make the two drawn kinds.
FORMULATION, CIRCULAR, GUIDE, PROSE = "formulation", "circular", "guide", "prose"
WORK_PLAN, RESULTS, REPORT = "work-plan", "results", "report"
MONTHLY_REPORT = "monthly-report"

# The formulation by management objectives: the commonest source, and the one results and work
# plans are written about.
BY_OBJECTIVES = "objetivos"

# Work plans are written about a formulation by objectives (they plan its systems' stages),
# which they name by its path.
ABOUT_FORMULATION = Link(field="formulation", kind=FORMULATION, formats=(BY_OBJECTIVES,),
                         load=Part("pmg_docs.load.references:link_formulation"))
# Results answer the commitments of a formulation of any format that has some (`commitments`).
ABOUT_COMMITMENTS = Link(field="formulation", kind=FORMULATION,
                         formats=(BY_OBJECTIVES, "areas", "indicadores"),
                         load=Part("pmg_docs.load.references:link_formulation"))

# What an annex's template declares it lays out, before the annex's name (`annex/requisitos`).
ANNEX = "annex"

REQUISITOS = Annex(view=Part("pmg_docs.views.annex:requirements_annex"),
                   template="anexo-requisitos")

# The sheet that lists a year's formulations (one row each, whatever their format) and the one
# that lists its results files.
SERVICES_SHEET, REPORTS_SHEET = N_("Servicios"), N_("Informes")

KINDS: dict[str, Kind] = {
    FORMULATION: Kind(FORMULATION, N_("formulación"), {
        BY_OBJECTIVES: _format(BY_OBJECTIVES, "objetivos", model="objetivos:Formulation",
                               annexes={"requisitos": REQUISITOS}, scaffold=True, workbook={
                                   "": SERVICES_SHEET, "objectives": N_("Objetivos"),
                                   "objectives.systems": N_("Sistemas"),
                                   "objectives.systems.stages": N_("Etapas"),
                                   "objectives.indicators": N_("Indicadores"),
                                   "gender_measures": N_("Medidas de género")},
                               commitments="by_objectives"),
        "areas": _format("areas", "areas", model="areas:Formulation", scaffold=True, workbook={
            "": SERVICES_SHEET, "systems": N_("Sistemas por área"),
            "exemptions": N_("Exenciones")},
            commitments="by_areas"),
        "indicadores": _format("indicadores", "indicadores", model="indicadores:Formulation",
                               scaffold=True, workbook={
                                   "": SERVICES_SHEET,
                                   "indicators": N_("Indicadores de desempeño")},
                               commitments="by_indicators"),
    }),
    CIRCULAR: Kind(CIRCULAR, N_("circular"), {
        "carta": _format("carta", "circular", model="circular:Circular", scaffold=True),
    }),
    GUIDE: Kind(GUIDE, N_("guía de requisitos"), {
        "requisitos": _format("requisitos", "guide", model=None),
    }, written=False, subject=Part("pmg_docs.render.pipeline:guide_subject"),
        output="requisitos-{subject.id}"),
    # The year's cycle after the formulation (issue 14): the Programa de Trabajo, the Informe
    # de Cumplimiento, and the consolidated year drawn from every service's results.
    WORK_PLAN: Kind(WORK_PLAN, N_("programa de trabajo"), {
        "programa": _format("programa", "work_plan", model="work_plan:WorkPlan",
                            scaffold=True, link=ABOUT_FORMULATION),
    }),
    RESULTS: Kind(RESULTS, N_("informe de cumplimiento"), {
        "cumplimiento": _format("cumplimiento", "results", model="results:Results",
                                scaffold=True, link=ABOUT_COMMITMENTS, workbook={
                                    "": REPORTS_SHEET, "indicators": N_("Resultados indicadores"),
                                    "indicators.other_weights": N_("Otras ponderaciones"),
                                    "indicators.periods": N_("Resultados por período"),
                                    "systems": N_("Resultados sistemas"),
                                    "systems.stages": N_("Resultados etapas"),
                                    "external_causes": N_("Causas externas")}),
    }),
    # The year's indicators month by month (or by quarter), against the formulation's targets.
    MONTHLY_REPORT: Kind(MONTHLY_REPORT, N_("informe mensual de indicadores"), {
        "mensual": _format("mensual", "monthly", model="results:MonthlyReport",
                           scaffold=True, link=ABOUT_COMMITMENTS, workbook={
                               "": N_("Informes mensuales"),
                               "indicators": N_("Mensual indicadores"),
                               "indicators.other_weights": N_("Mensual otras ponderaciones"),
                               "indicators.periods": N_("Mensual por período")}),
    }),
    # A document of authored Markdown with the catalog's content inserted (issue 24): the
    # Programa Marco decree, its documento técnico, a manual. A catalog offers several, each
    # under a name of its own that the source gives in `document:`.
    PROSE: Kind(PROSE, N_("documento"), {
        "markdown": _format("markdown", "prose", model="prose:ProseDocument", scaffold=True),
    }, named_by="document"),
    REPORT: Kind(REPORT, N_("resultados del año"), {
        "consolidado": _format("consolidado", "report", model=None),
    }, written=False, subject=Part("pmg_docs.render.report:year_subject"),
        output="resultados-{subject.catalog.year}"),
}


@dataclass(frozen=True)
class CatalogEntry:
    """The catalog: a source like the others, but no document: the data every document is
    drawn from. It has a model and its own checks; no format, view or template."""

    name: str
    noun: str
    model: Part[type[Catalog]]
    # (document, templates folder or None) -> iterable of Diagnostic.
    checks: Part[CatalogChecks]


CATALOG = CatalogEntry("catalog", N_("catálogo"), Part("pmg_docs.models.catalog:Catalog"),
                       Part("pmg_docs.checks.catalog:check_catalog"))


def kind(name: str) -> Kind | None:
    return KINDS.get(name)


def is_catalog(kind_name: object) -> bool:
    """Whether a source's `kind:` says it is the catalog (data, not a document)."""
    return kind_name == CATALOG.name


def noun(kind_name: str) -> str:
    """What messages call a source of the kind, in the chosen language: «formulación»,
    «informe de cumplimiento», «catálogo»; the name as written for a kind there is not."""
    entry = CATALOG if is_catalog(kind_name) else KINDS.get(kind_name)
    return _(entry.noun) if entry is not None else kind_name


def formulation_format_of(model: object) -> Format | None:
    """The format of formulation whose model `model` is an instance of."""
    for fmt in KINDS[FORMULATION].formats.values():
        if fmt.model is not None and type(model) is fmt.model.load():
            return fmt
    return None


def written_kinds() -> list[str]:
    """The kinds of document staff write (`pmg new` starts one)."""
    return [name for name, entry in KINDS.items() if entry.written]


def source_kinds() -> list[str]:
    """What a source's `kind:` may say: the catalog and every kind staff write."""
    return [CATALOG.name, *written_kinds()]


def subject(kind_name: str, *arguments: Any) -> Any:
    """(the catalog's document, the subject) a drawn document of the kind is drawn from, built
    by the kind's subject factory from the command's arguments. Raises what the factory
    raises (UnknownId, InputError)."""
    factory = KINDS[kind_name].subject
    if factory is None:
        raise TypeError(f"{kind_name} is written by staff, not drawn from a subject")
    return factory.load()(*arguments)


def output_name(kind_name: str, subject: Any) -> Path:
    """`Kind.output_name` of the kind called `kind_name`."""
    return KINDS[kind_name].output_name(subject)


def annex_names() -> list[str]:
    return sorted({name for entry in KINDS.values() for fmt in entry.formats.values()
                   for name in fmt.annexes})


def schema_name(kind_name: str, fmt: Format | None = None) -> str:
    """The name of the model a source of this kind and format is read into, and of its JSON
    Schema file: `catalog`, `circular`, `formulation-objetivos`, …"""
    declared = KINDS[kind_name].declared_format(fmt) if fmt is not None else None
    return f"{kind_name}-{declared}" if declared else kind_name


def default_schema() -> str:
    """The schema `pmg schema` gives without `--kind`: that of the commonest source, a
    formulation by objectives."""
    return schema_name(FORMULATION, KINDS[FORMULATION].formats[BY_OBJECTIVES])


def models() -> dict[str, type[BaseModel]]:
    """Every model a source may be read into, by its schema name."""
    found: dict[str, type[BaseModel]] = {CATALOG.name: CATALOG.model.load()}
    for name, entry in KINDS.items():
        for fmt in entry.formats.values():
            if fmt.model is not None:
                found[schema_name(name, fmt)] = fmt.model.load()
    return found
