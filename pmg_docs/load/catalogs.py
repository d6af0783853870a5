"""Catalogs found by id: the package's own folder, then the user's (which win)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from ..diagnostics import InputError, display_name
from ..i18n import _
from ..models.catalog import Catalog
from ..resources import catalogs_dir
from .sources import SOURCE_SUFFIXES, Document, load_document

# Parsing a catalog is most of a quick command's time, and a long-lived process (pmg serve, a
# test run) makes a registry per request: a catalog parsed once is kept while its bytes stay the
# same (one version per file). Only catalogs that loaded cleanly are kept; their models are frozen.
_PARSED: dict[tuple[str, str], tuple[bytes, Document[Any]]] = {}


def _parsed(path: Path, registry: CatalogRegistry) -> Document[Any]:
    where = (str(path.resolve()), display_name(path))
    digest = hashlib.sha256(path.read_bytes()).digest()
    kept = _PARSED.get(where)
    if kept is None or kept[0] != digest:
        kept = _PARSED[where] = (digest, load_document(path, registry))
    return kept[1]


class CatalogRegistry:
    """Finds catalogs by id: the package's own, then those in `extra_dirs` (which win)."""

    def __init__(self, extra_dirs: tuple[Path, ...] = ()):
        self.dirs = (catalogs_dir(), *[Path(d) for d in extra_dirs])
        self._cache: dict[str, Document[Catalog]] = {}

    def paths(self) -> dict[str, Path]:
        found: dict[str, Path] = {}
        for folder in self.dirs:
            if not folder.is_dir():
                continue
            for suffix in SOURCE_SUFFIXES:
                for path in sorted(folder.glob(f"*{suffix}")):
                    found[path.stem] = path
        return found

    def ids(self) -> list[str]:
        return sorted(self.paths())

    def get(self, catalog_id: str) -> Document[Catalog] | None:
        """The catalog with this id, or None when there is none. Raises InputError if broken."""
        if catalog_id in self._cache:
            return self._cache[catalog_id]
        path = self.paths().get(catalog_id)
        if path is None:
            return None
        document = _parsed(path, self)
        if not isinstance(document.model, Catalog):
            raise InputError([document.diagnostic(("kind",), _(
                "un archivo de la carpeta de catálogos debe ser un catálogo; se espera "
                "`kind: catalog`"))])
        if document.model.id != path.stem:
            raise InputError([document.diagnostic(("id",), _(
                "el id del catálogo, «{id}», no coincide con el nombre de su archivo, «{file}»; "
                "se espera que el archivo se llame {id}.yaml").format(
                id=document.model.id, file=path.name))])
        self._cache[catalog_id] = document
        return document


class KeptRegistry:
    """A catalog registry a long-lived process keeps across the sources it renders (each catalog
    read once), made anew when what the caller knows of the catalog files (`state`: their
    times and sizes) changes: a registry keeps each catalog it read, and the process outlives
    an edit of a catalog (a build worker, the preview's worker)."""

    def __init__(self, catalog_dirs: tuple[Path, ...]):
        self.catalog_dirs = catalog_dirs
        self._state: object = None
        self._registry: CatalogRegistry | None = None

    def current(self, state: object) -> CatalogRegistry:
        if self._registry is None or state != self._state:
            self._registry, self._state = CatalogRegistry(self.catalog_dirs), state
        return self._registry
