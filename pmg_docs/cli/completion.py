"""Shell completion of ids: catalogs (`--catalog`, `pmg catalog show`), a catalog's systems
(`pmg guide`). Paths (`pmg validate`) complete as files through click's Path type.

Completion runs on every Tab, so it reads catalogs by file name where it can, and never fails:
a broken catalog or pmg.toml only means fewer suggestions.
"""

from __future__ import annotations

from click.shell_completion import CompletionItem


def _registry(ctx):
    from ..config import ConfigError, load
    from ..load.catalogs import CatalogRegistry

    given = tuple(ctx.params.get("catalog_dirs") or ())
    try:
        configured = load().catalogs
    except ConfigError:
        configured = ()
    return CatalogRegistry((*configured, *given))


def complete_catalog_ids(ctx, param, incomplete: str) -> list[CompletionItem]:
    return [CompletionItem(ident) for ident in _registry(ctx).ids()
            if ident.startswith(incomplete)]


def complete_system_ids(ctx, param, incomplete: str) -> list[CompletionItem]:
    """The systems of the catalog given with --catalog, or of every catalog when none is."""
    from ..diagnostics import InputError

    registry = _registry(ctx)
    chosen = ctx.params.get("catalog_id")
    found: dict[str, str] = {}
    for catalog_id in [chosen] if chosen else registry.ids():
        try:
            document = registry.get(catalog_id)
        except InputError:
            continue
        for system in document.model.systems if document is not None else ():
            found.setdefault(system.id, system.name)
    return [CompletionItem(ident, help=name) for ident, name in sorted(found.items())
            if ident.startswith(incomplete)]

