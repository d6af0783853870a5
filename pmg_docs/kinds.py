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
from dataclasses import dataclass, field
from functools import cache


@dataclass(frozen=True)
class Part:
    """A class or function of the package, named "module:attribute", imported when used."""

    path: str

    def load(self):
        return _load(self.path)


@cache
def _load(path: str):
    module, _, attribute = path.partition(":")
    return getattr(importlib.import_module(module), attribute)


@dataclass(frozen=True)
class Annex:
    """A section a user may append to a document (`--annex NAME`)."""

    # (model, catalog) -> the annex's view (a dict), or None when the document has nothing to
    # put in it.
    view: Part
    # The template that lays it out, unless the catalog names another.
    template: str


@dataclass(frozen=True)
class Format:
    """One way a kind of document is written: its model, checks, view, annexes and scaffold."""

    name: str
    # The source's model; None where the document is drawn from the catalog alone (a guide).
    model: Part | None
    # (document, catalog) -> iterable of Diagnostic: every rule of the format.
    checks: Part
    # (model, catalog) -> dict: what the template needs, with ids resolved and numbers printed.
    view: Part
    annexes: dict[str, Annex] = field(default_factory=dict)
    # `pmg new`: (catalog, service fields, previous document or None) -> Scaffold.
    scaffold: Part | None = None
    # (field path, the source's raw data, catalog) -> the place as the document names it
    # ("Objetivo N°3 › Indicador «…» › meta"), shown beside file:line (checks/places.py).
    describe: Part | None = None
    # (document, registry) -> None: loads the sources this one names (a results file's
    # formulation) and attaches them; raises InputError. Run when a file is loaded from disk.
    links: Part | None = None


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


def _format(name: str, package: str, *, model: str | None, annexes=None,
            scaffold: bool = False, links: str | None = None) -> Format:
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
CATALOG_MODEL = Part("pmg_docs.models.catalog:Catalog")


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
    declared = kind(kind_name).declared_format(fmt) if fmt is not None else None
    return f"{kind_name}-{declared}" if declared else kind_name


def models() -> dict[str, type]:
    """Every model a source may be read into, by its schema name."""
    found = {CATALOG: CATALOG_MODEL.load()}
    for name, entry in KINDS.items():
        for fmt in entry.formats.values():
            if fmt.model is not None:
                found[schema_name(name, fmt)] = fmt.model.load()
    return found
