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

Entries name their parts as "module:attribute" and import them when first used, so that the
command line stays quick and never loads what a command does not use.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, cast

if TYPE_CHECKING:
    from pydantic import BaseModel

    from .diagnostics import Diagnostic
    from .load.catalogs import CatalogRegistry
    from .load.document import Document
    from .load.located_yaml import FieldPath
    from .models.catalog import Catalog
    from .workflow.new.common import Request, Scaffold

T = TypeVar("T", covariant=True)
# A format's model (see load/document.py).
M = TypeVar("M")


# What each part of a format is. tests/test_kinds.py checks every registered part is importable;
# pmg_docs/formats.py names them all so that mypy checks each against its protocol.

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
    (checks/places.py); it reads raw data, so it also names the place of a shape error."""

    def __call__(self, path: FieldPath, data: Any, catalog: Catalog, /) -> str | None: ...


class Links(Protocol):
    """Loads the sources a document names (a results file's formulation) and adds them to its
    `links`; raises InputError. Run when a file is loaded from disk."""

    def __call__(self, document: Document[Any], registry: CatalogRegistry, /) -> None: ...


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
class Format:
    """One way a kind of document is written: its model, checks, view, annexes and scaffold."""

    name: str
    # The source's model; None where the document is drawn from the catalog alone (a guide).
    model: Part[type[BaseModel]] | None
    checks: Part[Checks[Any]]
    view: Part[View[Any]]
    annexes: dict[str, Annex] = field(default_factory=dict)
    scaffold: Part[Scaffolder] | None = None
    # Every format written in a file says where in it a problem is.
    describe: Part[Describe] | None = None
    links: Part[Links] | None = None


@dataclass(frozen=True)
class Kind:
    name: str
    formats: dict[str, Format]
    # A file staff write (a formulation, a circular); False: drawn from the catalog (a guide).
    written: bool = True

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
            links: str | None = None) -> Format:
    """A format whose stages live in modules named after it: models/NAME.py, checks/NAME.py,
    views/NAME.py and workflow/new/NAME.py."""
    return Format(
        name=name,
        model=Part(f"pmg_docs.models.{model}") if model else None,
        checks=Part(f"pmg_docs.checks.{package}:check"),
        view=Part(f"pmg_docs.views.{package}:view"),
        annexes=annexes or {},
        scaffold=Part(f"pmg_docs.workflow.new.{package}:scaffold") if scaffold else None,
        # Every format written in a file says where in it a problem is.
        describe=Part(f"pmg_docs.checks.{package}:describe") if model else None,
        links=Part(links) if links else None,
    )


# Results and work plans are written about a formulation, which they name by its path.
LINK_FORMULATION = "pmg_docs.load.references:link_formulation"

REQUISITOS = Annex(view=Part("pmg_docs.views.annex:requirements_annex"),
                   template="anexo-requisitos")

KINDS: dict[str, Kind] = {
    "formulation": Kind("formulation", {
        "objetivos": _format("objetivos", "objetivos", model="objetivos:Formulation",
                             annexes={"requisitos": REQUISITOS}, scaffold=True),
        "areas": _format("areas", "areas", model="areas:Formulation", scaffold=True),
        "indicadores": _format("indicadores", "indicadores", model="indicadores:Formulation",
                               scaffold=True),
    }),
    "circular": Kind("circular", {
        "carta": _format("carta", "circular", model="circular:Circular", scaffold=True),
    }),
    "guide": Kind("guide", {
        "requisitos": _format("requisitos", "guide", model=None),
    }, written=False),
    # The year's cycle after the formulation (issue 14): the Programa de Trabajo, the Informe
    # de Cumplimiento, and the consolidated year drawn from every service's results.
    "work-plan": Kind("work-plan", {
        "programa": _format("programa", "work_plan", model="work_plan:WorkPlan",
                            scaffold=True, links=LINK_FORMULATION),
    }),
    "results": Kind("results", {
        "cumplimiento": _format("cumplimiento", "results", model="results:Results",
                                scaffold=True, links=LINK_FORMULATION),
    }),
    "report": Kind("report", {
        "consolidado": _format("consolidado", "report", model=None),
    }, written=False),
}

# A catalog is a source too, but no document: it is the data every document is drawn from.
CATALOG = "catalog"
CATALOG_MODEL: Part[type[Catalog]] = Part("pmg_docs.models.catalog:Catalog")


def kind(name: str) -> Kind | None:
    return KINDS.get(name)


def source_kinds() -> list[str]:
    """What a source's `kind:` may say: the catalog and every kind staff write."""
    return [CATALOG, *(name for name, entry in KINDS.items() if entry.written)]


def annex_names() -> list[str]:
    return sorted({name for entry in KINDS.values() for fmt in entry.formats.values()
                   for name in fmt.annexes})


def schema_name(kind_name: str, fmt: Format | None = None) -> str:
    """The name of the model a source of this kind and format is read into, and of its JSON
    Schema file: `catalog`, `circular`, `formulation-objetivos`, …"""
    declared = KINDS[kind_name].declared_format(fmt) if fmt is not None else None
    return f"{kind_name}-{declared}" if declared else kind_name


def models() -> dict[str, type[BaseModel]]:
    """Every model a source may be read into, by its schema name."""
    found: dict[str, type[BaseModel]] = {CATALOG: CATALOG_MODEL.load()}
    for name, entry in KINDS.items():
        for fmt in entry.formats.values():
            if fmt.model is not None:
                found[schema_name(name, fmt)] = fmt.model.load()
    return found
