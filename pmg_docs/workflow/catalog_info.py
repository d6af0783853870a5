"""`pmg catalog list` and `pmg catalog show`: what catalogs there are and which ids they hold,
so that nobody has to open the YAML to find the id to write in a formulation.

Each function returns plain tables (a title, column names, rows of text) that the command line
prints; the library decides what is shown, the click layer only how.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import Diagnostic, InputError, UnknownId, unknown
from ..i18n import _
from ..load.catalogs import CatalogRegistry
from ..load.sources import Document
from ..models.catalog import Catalog


def load_catalog(catalog_id: str, registry: CatalogRegistry) -> Document:
    """The catalog with this id; UnknownId if there is none, InputError if it is broken."""
    document = registry.get(catalog_id)
    if document is None:
        raise UnknownId(unknown(_("un catálogo"), catalog_id, registry.ids()), param="catalog")
    return document


@dataclass
class Listing:
    title: str
    columns: tuple[str, ...]
    rows: list[tuple[str, ...]] = field(default_factory=list)


def list_catalogs(registry: CatalogRegistry) -> tuple[Listing, list[Diagnostic]]:
    """Every catalog found, with its year, mechanism, version and title; broken ones reported."""
    listing = Listing("Catálogos", ("id", "año", "mecanismo", "versión", "título"))
    problems: list[Diagnostic] = []
    for catalog_id in registry.ids():
        try:
            catalog = registry.get(catalog_id).model
        except InputError as exc:
            problems.extend(exc.diagnostics)
            continue
        listing.rows.append((catalog.id, str(catalog.year), catalog.mechanism, catalog.version,
                             catalog.title))
    return listing, problems


def show_catalog(catalog_id: str, registry: CatalogRegistry) -> list[Listing]:
    """The ids a formulation can name, section by section. Raises UnknownId or InputError."""
    catalog: Catalog = load_catalog(catalog_id, registry).model
    documents = ", ".join(f"{kind}: {spec.template}" + (f" ({spec.format})" if spec.format else "")
                          for kind, spec in catalog.documents.items())
    listings = [Listing(f"{catalog.title} ({catalog.id})", ("campo", "valor"), [
        ("año", str(catalog.year)), ("mecanismo", catalog.mechanism),
        ("versión", catalog.version), ("documentos", documents or "—")])]
    listings.append(Listing("Objetivos de gestión (objective:)", ("id", "N°", "nombre"),
                            [(o.id, str(o.number), o.name) for o in catalog.objectives]))
    listings.append(Listing("Indicadores (indicator:)", ("id", "nombre", "escala"),
                            [(i.id, i.name, i.scale) for i in catalog.indicators]))
    listings.append(Listing("Tipos de indicador (type:)", ("id", "nombre"),
                            [(t.id, t.name) for t in catalog.indicator_types]))
    listings.append(Listing("Sistemas (system:)", ("id", "nombre", "etapas", "requisitos"), [
        (system.id, system.name, str(len(system.stages)), str(_requirement_count(system.stages)))
        for system in catalog.systems]))
    for system in catalog.systems:
        listings.append(Listing(f"Etapas de {system.id} (stage:)",
                                ("etapa", "nombre", "objetivos", "requisitos"), [
            (str(stage.number), stage.name or "", str(len(stage.objectives)),
             str(_requirement_count([stage]))) for stage in system.stages]))
    listings.append(Listing("Tipos de medidas de género (kind:)", ("id", "nombre"),
                            [(k.id, k.name) for k in catalog.gender_measure_kinds]))
    if catalog.areas:
        listings.append(Listing("Áreas (area:)", ("id", "nombre"),
                                [(a.id, a.name) for a in catalog.areas]))
    if catalog.marcos:
        listings.append(Listing("Marcos (marco:)", ("id", "nombre"),
                                [(m.id, m.name) for m in catalog.marcos]))
    return [listing for listing in listings if listing.rows]


def _requirement_count(stages) -> int:
    return sum(len(objective.requirements) for stage in stages for objective in stage.objectives)
