"""`pmg catalog list` and `pmg catalog show`: what catalogs there are and which ids they hold,
so that nobody has to open the YAML to find the id to write in a formulation; and `pmg catalog
new`, where a new year's catalog starts: a copy of last year's with its id and year changed.

Each function returns plain tables (a title, column names, rows of text) that the command line
prints; the library decides what is shown, the click layer only how.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic, InputError, UnknownId, display_name, unknown
from ..i18n import _
from ..load.catalogs import CatalogRegistry
from ..load.model_errors import id_expected
from ..load.sources import Document
from ..models.catalog import Catalog, Stage


def load_catalog(catalog_id: str, registry: CatalogRegistry) -> Document[Catalog]:
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
    listing = Listing(_("Catálogos"), ("id", _("año"), _("mecanismo"), _("versión"),
                                       _("título")))
    problems: list[Diagnostic] = []
    for catalog_id in registry.ids():
        try:
            catalog = load_catalog(catalog_id, registry).model
        except InputError as exc:
            problems.extend(exc.diagnostics)
            continue
        listing.rows.append((catalog.id, str(catalog.year), catalog.mechanism, catalog.version,
                             catalog.title))
    return listing, problems


def show_catalog(catalog_id: str, registry: CatalogRegistry) -> list[Listing]:
    """The ids a formulation can name, section by section. Raises UnknownId or InputError."""
    catalog = load_catalog(catalog_id, registry).model
    documents = ", ".join(f"{kind}: {spec.template}" + (f" ({spec.format})" if spec.format else "")
                          for kind, spec in catalog.documents.items())
    name = _("nombre")
    listings = [Listing(f"{catalog.title} ({catalog.id})", (_("campo"), _("valor")), [
        (_("año"), str(catalog.year)), (_("mecanismo"), catalog.mechanism),
        (_("versión"), catalog.version), (_("documentos"), documents or "—")])]
    listings.append(Listing(_("Objetivos de gestión (objective:)"), ("id", _("N°"), name),
                            [(o.id, str(o.number), o.name) for o in catalog.objectives]))
    listings.append(Listing(_("Indicadores (indicator:)"), ("id", name, _("escala")),
                            [(i.id, i.name, i.scale) for i in catalog.indicators]))
    listings.append(Listing(_("Tipos de indicador (type:)"), ("id", name),
                            [(t.id, t.name) for t in catalog.indicator_types]))
    listings.append(Listing(_("Sistemas (system:)"), ("id", name, _("etapas"), _("requisitos")), [
        (system.id, system.name, str(len(system.stages)), str(_requirement_count(system.stages)))
        for system in catalog.systems]))
    for system in catalog.systems:
        listings.append(Listing(_("Etapas de {system} (stage:)").format(system=system.id),
                                (_("etapa"), name, _("objetivos"), _("requisitos")), [
            (str(stage.number), stage.name or "", str(len(stage.objectives)),
             str(_requirement_count([stage]))) for stage in system.stages]))
    listings.append(Listing(_("Tipos de medidas de género (kind:)"), ("id", name),
                            [(k.id, k.name) for k in catalog.gender_measure_kinds]))
    listings.append(Listing(_("Prioridades (priority:)"), ("id", name),
                            [(p.id, p.name) for p in catalog.priorities]))
    if catalog.areas:
        listings.append(Listing(_("Áreas (area:)"), ("id", name),
                                [(a.id, a.name) for a in catalog.areas]))
    if catalog.marcos:
        listings.append(Listing(_("Marcos (marco:)"), ("id", name),
                                [(m.id, m.name) for m in catalog.marcos]))
    return [listing for listing in listings if listing.rows]


def _requirement_count(stages: list[Stage]) -> int:
    return sum(len(objective.requirements) for stage in stages for objective in stage.objectives)


def new_catalog(new_id: str, from_id: str, year: int | None, path: Path,
                registry: CatalogRegistry, force: bool = False) -> Path:
    """Write the catalog `from_id` as `new_id` for `year` (default: the next one) at `path`: the
    same text, comments included, with its `id:` and `year:` changed, and the year in its titles
    and version. Returns the path written. Raises UnknownId
    for an unknown `from_id`, InputError for anything else that cannot be done."""
    import re

    from ..load.from_text import document_from_text
    from ..models.base import ID_PATTERN
    from ..output import write_file

    if not re.match(ID_PATTERN, new_id):
        raise InputError([Diagnostic(new_id, None, (), id_expected(new_id))])
    old = load_catalog(from_id, registry)
    old_year = old.model.year
    if path.stem != new_id:
        raise InputError([Diagnostic(display_name(path), None, (), _(
            "un catálogo se llama como su id; se espera el archivo {id}.yaml").format(
            id=new_id))])
    if path.exists() and not force:
        raise InputError([Diagnostic(display_name(path), None, (), _(
            "ya existe; se espera un nombre de archivo nuevo, o --force para sobrescribirlo"))])
    year = year if year is not None else old_year + 1
    text = re.sub(r"^id:.*$", f"id: {new_id}", old.source.text, count=1, flags=re.MULTILINE)
    text = re.sub(r"^year:.*$", f"year: {year}", text, count=1, flags=re.MULTILINE)
    # The year the documents print in their titles, and the version: the rest (a template's
    # name, a date in a note) is the marco's data, left for the person editing the copy.
    text = re.sub(rf"^(\s*(?:title|running_title|version):.*?)\b{old_year}\b",
                  rf"\g<1>{year}", text, flags=re.MULTILINE)
    # The copy must read as a catalog with its new id before it is written.
    document_from_text(text, path, display_name(path), registry)
    write_file(path, text.encode("utf-8"))
    return path
