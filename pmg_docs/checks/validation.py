"""Validate sources: shape (the model) and then the marco's rules (against the catalog)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic, Diagnostics, InputError
from ..load.catalogs import CatalogRegistry, missing_catalog
from ..load.sources import Document, iter_source_files, load_document
from ..models.catalog import Catalog
from ..models.circular import Circular


@dataclass
class Checked:
    """A source that parsed into its model, with its catalog (None for catalogs themselves)."""

    document: Document
    catalog: Catalog | None
    diagnostics: list[Diagnostic] = field(default_factory=list)


def check_document(document: Document, registry: CatalogRegistry) -> Checked:
    """Run the rules that apply to `document`; shape errors were raised while loading it."""
    from . import check as check_rules

    model = document.model
    if isinstance(model, Catalog):
        from .catalog import check_catalog

        return Checked(document, None, list(check_catalog(document)))
    try:
        catalog_document = registry.get(model.catalog)
    except InputError as exc:
        return Checked(document, None, exc.diagnostics)
    if catalog_document is None:
        return Checked(document, None, [missing_catalog(document, registry)])
    catalog = catalog_document.model
    if isinstance(model, Circular):
        from .circular import check_circular

        return Checked(document, catalog, list(check_circular(document, catalog)))
    return Checked(document, catalog, check_rules(document, catalog))


def check_path(path: Path, registry: CatalogRegistry) -> tuple[Checked | None, list[Diagnostic]]:
    try:
        document = load_document(path)
    except InputError as exc:
        return None, exc.diagnostics
    checked = check_document(document, registry)
    return checked, checked.diagnostics


def validate_paths(paths, registry: CatalogRegistry) -> tuple[Diagnostics, int]:
    """Validate every source under `paths`; return all diagnostics and the number of files."""
    files, problems = iter_source_files(paths)
    found = Diagnostics(list(problems))
    for path in files:
        _, diagnostics = check_path(path, registry)
        found.extend(diagnostics)
    return found, len(files)
