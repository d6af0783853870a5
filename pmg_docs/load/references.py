"""Sources that name another source by its path: a results file or a work plan names the
formulation it is about (`formulation: ../aduanas.yaml`).

The path is relative to the file that names it and must stay inside the repository it lives
in (the nearest folder above it holding `.git` or `pmg.toml`; the file's own folder when there
is none): a source received by e-mail cannot make pmg-docs read files elsewhere. The named
file is read through the same loader, with the same catalogs, and added to the document's
links (`Document.formulation` reads it; an incremental build watches it like any other input).
"""

from __future__ import annotations

from contextvars import ContextVar
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING, Any

from ..diagnostics import InputError, display_name
from ..i18n import _
from ..kinds import noun
from .document import Document

if TYPE_CHECKING:
    from ..kinds import Link
    from .catalogs import CatalogRegistry

ROOT_MARKERS = (".git", "pmg.toml")

# The sources whose links are being read, outermost first: a source that names one of them
# (itself, or a file that names it back) is a cycle, refused before it is read again.
_linking: ContextVar[tuple[Path, ...]] = ContextVar("_linking", default=())


def repository_root(path: Path) -> Path:
    """The repository a source lives in: the nearest folder above it with `.git` or
    `pmg.toml`, else the source's own folder."""
    return folder_root(Path(path).resolve().parent)


def folder_root(folder: Path) -> Path:
    """The repository `folder` is in (itself, or the nearest folder above it with `.git` or
    `pmg.toml`); `folder` itself when there is none."""
    folder = Path(folder).resolve()
    for candidate in (folder, *folder.parents):
        if any((candidate / marker).exists() for marker in ROOT_MARKERS):
            return candidate
    return folder


def referenced_path(document: Document[Any], field: str) -> Path:
    """The file named at `field` of `document`, checked to be a relative path to an existing
    file inside the source's repository. Raises InputError located at the field."""
    source = document.source
    written = source.data.get(field)
    where = (field,)
    if not isinstance(written, str):
        raise InputError([document.diagnostic(where, _("se espera la ruta de un archivo"))])
    if PurePosixPath(written).is_absolute() or PureWindowsPath(written).is_absolute():
        raise InputError([document.diagnostic(where, _(
            "«{path}» es una ruta absoluta; se espera una ruta relativa a este archivo, como "
            "../aduanas.yaml").format(path=written))])
    root = repository_root(source.path)
    target = (Path(source.path).resolve().parent / written).resolve()
    if not target.is_relative_to(root):
        raise InputError([document.diagnostic(where, _(
            "«{path}» sale del repositorio ({root}); se espera un archivo dentro de él").format(
            path=written, root=display_name(root)))])
    if not target.is_file():
        raise InputError([document.diagnostic(where, _(
            "no existe el archivo «{path}» ({target}); se espera la ruta, relativa a este "
            "archivo, de la formulación").format(path=written, target=display_name(target)))])
    return target


def declared_link(document: Document[Any]) -> Link:
    """The source `document`'s format names (`Format.link`). This module's functions run only
    for a format that declares one (load/sources.py, `_link`; views/year.py)."""
    link = document.format.link if document.format is not None else None
    if link is None:
        raise TypeError(f"{document.name}: its format names no other source")
    return link


def link_formulation(document: Document[Any], registry: CatalogRegistry,
                     loaded: dict[Path, Document[Any]] | None = None) -> None:
    """Load the formulation `document` names and add it to its links. Raises InputError,
    located at `formulation:`, when it cannot be read or is not a formulation of the same
    catalog. `loaded`: documents already read, by resolved path (a whole year is read once)."""
    from .sources import load_document

    source = document.source
    field = declared_link(document).field
    path = referenced_path(document, field)
    formulation = (loaded or {}).get(path)
    if formulation is None:
        chain = (*_linking.get(), Path(source.path).resolve())
        if path in chain:
            raise InputError([document.diagnostic((field,), _(
                "«{path}» forma un ciclo ({cycle}); se espera la ruta de una formulación, que "
                "no nombra otro archivo").format(
                path=source.data[field],
                cycle=" → ".join(display_name(p) for p in (*chain[chain.index(path):], path))))])
        token = _linking.set(chain)
        try:
            formulation = load_document(path, registry)
        except InputError as exc:
            raise InputError([document.diagnostic((field,), _(
                "la formulación «{path}» no se puede leer; sus errores:").format(
                path=source.data[field])), *exc.diagnostics]) from None
        finally:
            _linking.reset(token)
    attach_formulation(document, formulation)


def attach_formulation(document: Document[Any], formulation: Document[Any]) -> None:
    """Add a loaded `formulation` to the links of `document`, which names it; raises InputError
    when it is not a formulation of the same catalog in a format the link admits."""
    source = document.source
    link = declared_link(document)
    here = (link.field,)
    written = source.data[link.field]
    if formulation.kind != link.kind:
        raise InputError([document.diagnostic(here, _(
            "«{path}» es de tipo {kind}; se espera una formulación (kind: formulation)").format(
            path=written, kind=formulation.kind))])
    if formulation.model.catalog != document.model.catalog:
        raise InputError([document.diagnostic(here, _(
            "la formulación es del catálogo {theirs} y este archivo del catálogo {ours}; se "
            "espera el mismo").format(theirs=formulation.model.catalog,
                                      ours=document.model.catalog))])
    # A formulation's format is its catalog's declaration (kind checked above).
    written_in = formulation.format.name if formulation.format is not None else None
    if written_in not in link.formats:
        raise InputError([document.diagnostic(here, _(
            "la formulación está escrita en el formato {format}; un {noun} se escribe sobre "
            "una formulación en el formato {expected}").format(
            format=written_in, noun=noun(document.kind),
            expected=_(" o ").join(link.formats)))])
    document.links.append(formulation)
