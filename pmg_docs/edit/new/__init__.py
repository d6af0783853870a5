"""`pmg new KIND`: a new source to start from, written by the scaffold of the format its catalog
declares for the kind (kind registry), or rolled forward from last year's (`--from`).

Last year's commitments are carried where the new catalog still has them; what needs a decision
(new, gone, changed, or everything when last year's format differs from this year's) is listed
at the top of the file and returned. The text is put in the canonical layout, which also proves
it parses into its model, and written atomically; an existing file is never overwritten without
`force`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ... import kinds
from ...diagnostics import Diagnostic, InputError, display_name, unknown
from ...i18n import _
from ...load import CatalogRegistry, Document, load_document
from ...load.front_matter import FENCE
from ...load.sources import declared
from ...models.catalog import Catalog
from ...output import write_file
from ..fmt import canonical_text
from ..schema import schema_file_name
from .common import Request, Scaffold, ServiceFields
from .previous import not_carried

__all__ = ["Scaffold", "ServiceFields", "new_document"]


def _schema_ref(output: Path | None, name: str) -> str | None:
    """The schema file of the repository the source is written into, relative to it."""
    if output is None:
        return None
    folder = output.resolve().parent
    for candidate in (folder, *folder.parents):
        schema = candidate / "schemas" / schema_file_name(name)
        if schema.is_file():
            return Path(os.path.relpath(schema, folder)).as_posix()
    return None


def new_document(kind_name: str, catalog_id: str | None, service: ServiceFields,
                 registry: CatalogRegistry, *, from_path: Path | None = None,
                 output: Path | None = None, force: bool = False) -> Scaffold:
    """Scaffold (or roll forward) a source of `kind_name` and write it to `output` when given.
    Raises InputError when the catalog or last year's file cannot be used, or `output` exists."""
    kind = kinds.kind(kind_name)
    if kind is None:
        raise InputError([Diagnostic(_("TIPO"), None, (), unknown(
            _("un tipo de documento"), kind_name, kinds.source_kinds()))])
    _check_output(output, force)
    if catalog_id is None and kind.named_by is not None:
        # Which documents of the kind there are, and their fields, is the catalog's to say.
        raise InputError([Diagnostic("--catalog", None, (), _(
            "`pmg new {kind}` necesita --catalog ID: el catálogo dice qué documentos de tipo "
            "{kind} ofrece y qué campos lleva cada uno").format(kind=kind_name))])
    if catalog_id is None:
        fmt = kind.format(None)
        if fmt is None or fmt.scaffold is None:
            raise InputError([Diagnostic("--catalog", None, (), _(
                "`pmg new {kind}` necesita --catalog ID: el catálogo dice en qué formato se "
                "escribe").format(kind=kind_name))])
        return _write(fmt.scaffold.load()(Request(None, service)), output, None)

    found, fmt, scaffold = _declared_format(registry, catalog_id, kind_name)
    catalog = found.model
    request = Request(catalog, service,
                      schema_ref=_schema_ref(output, kinds.schema_name(kind_name, fmt)))
    if from_path is not None:
        _roll_forward(request, load_document(from_path, registry), kind_name, fmt, catalog_id)
    if _has_service(fmt) and not service.name and request.last_service is None:
        raise InputError([Diagnostic("--service", None, (), _(
            "falta el nombre del servicio; se espera --service NOMBRE (o --from con la "
            "formulación del año anterior)"))])
    return _write(scaffold(request), output, registry)


def _check_output(output: Path | None, force: bool) -> None:
    """`output` may be written: a new file's name, or an existing file's with `force`."""
    if output is not None and output.exists() and not output.is_file():
        raise InputError([Diagnostic(display_name(output), None, (), _(
            "no es un archivo; se espera el nombre de un archivo"))])
    if output is not None and output.exists() and not force:
        raise InputError([Diagnostic(display_name(output), None, (), _(
            "ya existe; se espera un nombre de archivo nuevo, o --force para "
            "sobrescribirlo"))])


def _declared_format(registry: CatalogRegistry, catalog_id: str, kind_name: str,
                     ) -> tuple[Document[Catalog], kinds.Format, Callable[[Request], Scaffold]]:
    """The catalog `catalog_id`, the format it declares for the kind, and that format's
    scaffold; errors located at --catalog."""
    found = registry.get(catalog_id)
    if found is None:
        raise InputError([Diagnostic("--catalog", None, (), unknown(
            _("un catálogo"), catalog_id, registry.ids()))])
    try:
        fmt = declared(found, found.source, kind_name)[2]
    except InputError as exc:
        raise InputError([Diagnostic("--catalog", None, (), d.message)
                          for d in exc.diagnostics]) from None
    if fmt.scaffold is None:
        raise InputError([Diagnostic("--catalog", None, (), _(
            "el formato {format} de {kind} no tiene plantilla inicial").format(
            format=fmt.name, kind=kind_name))])
    scaffold: Callable[[Request], Scaffold] = fmt.scaffold.load()
    return found, fmt, scaffold


def _roll_forward(request: Request, previous: Document[Any], kind_name: str, fmt: kinds.Format,
                  catalog_id: str) -> None:
    """Last year's document in the request: its service block always; the document itself when
    it is of this format, else what cannot be carried, as decisions."""
    if previous.kind != kind_name:
        raise InputError([previous.diagnostic(("kind",), _(
            "es de tipo {got}; se espera el documento del año anterior, de tipo {kind}").format(
            got=previous.kind, kind=kind_name))])
    request.last_service = getattr(previous.model, "service", None)
    if previous.format is fmt:
        request.previous = previous
    else:
        request.decisions.extend(not_carried(previous, fmt, catalog_id))


def _has_service(fmt: kinds.Format) -> bool:
    """Whether the format's sources carry a service block, and so need its name (a results file
    takes its service from the formulation it names)."""
    return fmt.model is not None and "service" in fmt.model.load().model_fields


def _write(scaffold: Scaffold, output: Path | None, registry: CatalogRegistry | None) -> Scaffold:
    # A Markdown source with front matter (a prose document) is written as the scaffold has
    # it; the formatter is for YAML sources.
    if registry is not None and not scaffold.text.startswith(FENCE):
        scaffold.text = canonical_text(scaffold.text, "new", registry)
    if output is not None:
        write_file(output, scaffold.text.encode("utf-8"))
    return scaffold
