"""From a path (or a text) to a typed, located document.

A source's `kind:` says what it is. A catalog is read into the catalog model. Any other source
names its catalog (`catalog:`), and that catalog says which format the kind is written in for
its marco (`documents:`); the kind registry gives the format's model. So the catalog is found
before the source's shape is checked, and a wrong catalog is reported where the source names it.
"""

from __future__ import annotations

import dataclasses
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from .. import kinds
from ..diagnostics import Diagnostic, InputError, display_name, unknown
from ..diagnostics.places import describe_path
from ..i18n import _, ngettext
from ..models.base import ID_PATTERN
from .declared import split_declared
from .document import Document, places
from .front_matter import FRONT_MATTER_SUFFIXES, front_matter_source, opens_with_front_matter
from .located_yaml import FieldPath, YamlSource, yaml_source
from .model_errors import id_expected, located
from .partial import prune
from .text import not_found, read_text

if TYPE_CHECKING:
    from ..models.catalog import Catalog, DocumentSpec
    from .catalogs import CatalogRegistry

__all__ = ["Document", "iter_source_files", "load_document", "load_source", "parse_document"]

SOURCE_SUFFIXES = (".yaml", ".yml")


def _kind_of(source: YamlSource) -> str:
    data = source.data
    if not isinstance(data, dict):
        raise InputError([source.diagnostic((), _(
            "se esperaba un mapeo con la clave `kind:` al comienzo (kind: formulation, "
            "circular o catalog)"))])
    kind = data.get("kind")
    if kind is None:
        raise InputError([source.diagnostic((), _(
            "falta `kind:`, que dice qué es el archivo; se espera uno de: {known}").format(
            known=", ".join(kinds.source_kinds())))])
    if not isinstance(kind, str) or kind not in kinds.source_kinds():
        raise InputError([source.diagnostic(("kind",), place=_top_level, message=unknown(
            _("un tipo de documento"), kind, kinds.source_kinds()))])
    return kind


def _top_level(path: FieldPath) -> str | None:
    """A top-level field (`catalog:`) named as the documents name it (`catálogo`), before the
    document's own places are known."""
    return describe_path(path, None, None, {})


# (the source, or the copy of it that validated; its model) -> its document.
_Documenter = Callable[[YamlSource, Any], Document[Any]]


def _validated(model: type[BaseModel], source: YamlSource, document: _Documenter,
               place: Callable[[FieldPath], str | None] | None = None,
               catalog: Catalog | None = None) -> Any:
    """The source's model. Raises InputError with the located shape errors (`place` names
    where they are; a value that is no id is answered with the ids `catalog` has for its
    field), carrying `document(source, model)` built from what validated, when anything
    did."""
    try:
        return model.model_validate(source.data)
    except ValidationError as exc:
        diagnostics = located(exc, source, place, model,
                              catalog.ids_for if catalog is not None else None)
    pruned = prune(model, source.data)
    partial = None
    if pruned is not None:
        partial = document(dataclasses.replace(source, data=pruned.data, in_file=pruned.in_file),
                           pruned.model)
        partial.pruned = pruned
    raise InputError(diagnostics, partial=partial)


def catalog_and_spec(source: YamlSource, kind: str, registry: CatalogRegistry
                     ) -> tuple[Document[Catalog], DocumentSpec, kinds.Format]:
    """The catalog a source names, the catalog's declaration of the source's kind, and the
    format that declaration selects. Raises InputError located at the source's `catalog:`."""
    catalog_id = source.data.get("catalog")
    if catalog_id is None:
        raise InputError([source.diagnostic(("catalog",), place=_top_level, message=_(
            "falta el catálogo; se espera `catalog: ID` con el id del Programa Marco "
            "(`pmg catalog list` los muestra)"))])
    if not isinstance(catalog_id, str) or not re.match(ID_PATTERN, catalog_id):
        # Checked before the lookup, so that a path is answered as what it is.
        raise InputError([source.diagnostic(("catalog",), id_expected(
            catalog_id, registry.ids()), place=_top_level)])
    found = registry.get(catalog_id)
    if found is None:
        raise InputError([source.diagnostic(("catalog",), place=_top_level, message=unknown(
            _("un catálogo"), catalog_id, registry.ids()))])
    return declared(found, source, kind)


def declared(found: Document[Catalog], source: YamlSource,
             kind: str) -> tuple[Document[Catalog], DocumentSpec, kinds.Format]:
    """How catalog `found` lays out documents of `kind`; errors located at `source`'s
    `catalog:` (a source naming the catalog) or the catalog's top (a guide)."""
    catalog = found.model
    # A source naming the catalog has no document yet; a drawn one is the catalog's own.
    at = found.diagnostic if source is found.source else source.diagnostic
    where = ("catalog",) if source is not found.source else ("documents", kind)
    named_by = kinds.KINDS[kind].named_by
    spec: DocumentSpec | None
    if named_by is not None and source is not found.source:
        spec = _named_entry(source, catalog, kind, named_by)
    elif named_by is not None:
        # Asked of the catalog alone (`pmg new`): its first entry of the kind.
        spec = next((s for key, s in catalog.documents.items() if entry_kind(key, s) == kind),
                    None)
    else:
        spec = catalog.documents.get(kind)
    if spec is None:
        raise InputError([at(where, _(
            "el catálogo {catalog} no ofrece documentos de tipo {kind}; ofrece: {offered}").format(
            catalog=catalog.id, kind=kind, offered=", ".join(catalog.documents) or "—"))])
    fmt = kinds.KINDS[kind].format(spec.format)
    if fmt is None:
        # The catalog itself is checked when it is loaded; this is the message a source gets.
        raise InputError([at(where, unknown(
            _("un formato de {kind}").format(kind=kind), spec.format,
            kinds.KINDS[kind].formats, _("(lo declara el catálogo {catalog})").format(
                catalog=catalog.id)))])
    return found, spec, fmt


def entry_kind(key: str, spec: DocumentSpec) -> str:
    """The kind a `documents:` entry lays out: its `kind:`, else its key."""
    return spec.kind or key


def _named_entry(source: YamlSource, catalog: Catalog, kind: str, named_by: str
                 ) -> DocumentSpec:
    """The entry of the catalog's `documents:` that the source names in `named_by`
    (`document: decreto`), which must be one of kind `kind`. Raises InputError there."""
    offered = [key for key, spec in catalog.documents.items() if entry_kind(key, spec) == kind]
    name = source.data.get(named_by)
    if name is None:
        raise InputError([source.diagnostic((), _(
            "falta `{field}:`, que dice cuál documento del catálogo {catalog} es este; se espera "
            "uno de: {offered}").format(field=named_by, catalog=catalog.id,
                                        offered=", ".join(offered) or "—"))])
    spec = catalog.documents.get(name) if isinstance(name, str) else None
    if spec is None or entry_kind(str(name), spec) != kind:
        raise InputError([source.diagnostic((named_by,), place=_top_level, message=unknown(
            _("un documento de tipo {kind} del catálogo {catalog}").format(
                kind=kind, catalog=catalog.id), name, offered))])
    return spec


def drawn_document(kind: str, found: Document[Catalog], subject: Any) -> Document[Any]:
    """A document of a drawn kind (a guide, the year's report): `subject` (a system, a year)
    laid out as catalog `found` declares that kind. Raises InputError for a catalog that does
    not offer it."""
    spec, fmt = declared(found, found.source, kind)[1:]
    return Document(found.source, subject, kind, catalog=found.model,
                    catalog_source=found.source, format=fmt, spec=spec)


def parse_document(source: YamlSource, registry: CatalogRegistry | None = None) -> Document[Any]:
    """The typed document of a loaded source, its catalog found in `registry` (the package's
    catalogs when None). Raises InputError with located diagnostics."""
    kind = _kind_of(source)
    if kinds.is_catalog(kind):
        _raise_problems(source)

        def catalog(source_: YamlSource, model: Catalog) -> Document[Catalog]:
            return Document(source_, model, kind, catalog=model, catalog_source=source_)

        return catalog(source, _validated(kinds.CATALOG.model.load(), source, catalog))
    if registry is None:
        from .catalogs import CatalogRegistry

        registry = CatalogRegistry()
    found, spec, fmt = catalog_and_spec(source, kind, registry)
    _check_written_in(source, kind, fmt, found.model.id, registry)
    # Where a shape error is, named as the document would (before any model exists).
    named = places(fmt, source.data, found.model)
    # What the reader read past (a decimal comma inside `{…}`) is said with the rest of the
    # file's errors, in one run: the value stands in the data as typed, so the model refuses it
    # there too, and that second message about the same mistake is left out.
    read_past = [source.diagnostic(path, message, place=named)
                 for path, message in source.problems]

    named_by = kinds.KINDS[kind].named_by
    entry = source.data.get(named_by) if named_by else None
    model = _model(fmt)
    # The fields the catalog declares are read out first; the model checks the rest.
    rest, fields, wrong = split_declared(source, spec, set(model.model_fields))

    def document(source_: YamlSource, model: Any) -> Document[Any]:
        # The document keeps the whole source (its declared fields too), or what validated.
        return Document(source if source_ is rest else source_, model, kind,
                        catalog=found.model, catalog_source=found.source, format=fmt, spec=spec,
                        fields=fields, entry=entry)

    try:
        built = document(rest, _validated(model, rest, document, named, found.model))
    except InputError as exc:
        said = {path for path, _message in source.problems}
        shape = [d for d in exc.diagnostics if d.path not in said]
        raise InputError([*read_past, *wrong, *_explained_sections(shape, rest, kind, fmt,
                                                                    found.model.id, named)],
                         partial=exc.partial) from None
    if wrong or read_past:
        raise InputError([*read_past, *wrong], partial=built)
    return built


def _check_written_in(source: YamlSource, kind: str, fmt: kinds.Format, catalog_id: str,
                      registry: CatalogRegistry) -> None:
    """A source written in another format of its kind than its catalog's (a 2024 formulation
    naming the 2011 catalog) names the wrong catalog, most likely: that is said at `catalog:`,
    before the shape errors that would follow from it. Raises InputError."""
    written = _written_in(source.data, kind, fmt)
    if written is None:
        return
    using = [other for other in registry.ids() if other != catalog_id
             and _format_of(registry, other, kind) == written.name]
    message = _("este archivo está escrito en el formato {written}; el catálogo {catalog} usa "
                "el formato {format}: ¿es el catálogo del año?").format(
        written=written.name, catalog=catalog_id, format=fmt.name)
    if using:
        message += " " + ngettext("(el formato {written} lo usa el catálogo {catalogs})",
                                  "(el formato {written} lo usan los catálogos {catalogs})",
                                  len(using)).format(written=written.name,
                                                     catalogs=", ".join(using))
    raise InputError([source.diagnostic(("catalog",), message, place=_top_level)])


def _written_in(data: dict[str, Any], kind: str, fmt: kinds.Format) -> kinds.Format | None:
    """The other format of `kind` whose own sections the data has, when it has none of `fmt`'s
    own; None when the data may be in `fmt`."""
    def own(this: kinds.Format) -> set[str]:
        others = {name for f in kinds.KINDS[kind].formats.values() if f is not this
                  and f.model is not None for name in f.model.load().model_fields}
        return set(_model(this).model_fields) - others

    if own(fmt) & set(data):
        return None
    return next((f for f in kinds.KINDS[kind].formats.values() if f is not fmt
                 and f.model is not None and own(f) & set(data)), None)


def _format_of(registry: CatalogRegistry, catalog_id: str, kind: str) -> str | None:
    try:
        found = registry.get(catalog_id)
    except InputError:
        return None  # a broken catalog is reported when it is used
    spec = found.model.documents.get(kind) if found is not None else None
    return spec.format if spec is not None else None


def _raise_problems(source: YamlSource,
                    place: Callable[[FieldPath], str | None] | None = None) -> None:
    """The mistakes the reader read past (located_yaml.py), each at its place."""
    if source.problems:
        raise InputError([source.diagnostic(path, message, place=place)
                          for path, message in source.problems])


def _model(fmt: kinds.Format) -> type[BaseModel]:
    # A format read from a file always has a model (kinds.source_kinds: written kinds only).
    assert fmt.model is not None
    return fmt.model.load()


def _explained_sections(diagnostics: list[Diagnostic], source: YamlSource, kind: str,
                        fmt: kinds.Format, catalog_id: str,
                        place: Callable[[FieldPath], str | None]) -> list[Diagnostic]:
    """A top-level section of another format of the same kind (`systems:` in a formulation
    against a marco by objectives) is explained as such, not as a misspelt key."""
    model = _model(fmt)
    own = [name for name in model.model_fields if name not in ("kind", "catalog")]
    out = []
    for diagnostic in diagnostics:
        section = diagnostic.path[0] if len(diagnostic.path) == 1 else None
        other = next((f for f in kinds.KINDS[kind].formats.values()
                      if f is not fmt and f.model is not None and isinstance(section, str)
                      and section not in model.model_fields
                      and section in f.model.load().model_fields), None)
        if other is None or not isinstance(section, str):
            out.append(diagnostic)
            continue
        out.append(source.diagnostic((section,), _(
            "`{section}:` pertenece al formato {other}; el catálogo {catalog} declara el formato "
            "{format} para {kind}, que se escribe con: {own}").format(
            section=section, other=other.name, catalog=catalog_id, format=fmt.name, kind=kind,
            own=", ".join(own)), place=place))
    return out


# The last sources parsed, by (path, name in messages, text): a build's worker reads each source
# twice (is it a catalog? then the document itself), and a results report reads its
# formulation again, long after the formulation was rendered as a document of its own (a year's
# formulations come before its results): parsing with positions is most of a load, so the
# sources of a whole worker's share of a year are kept. Keyed by the whole text, so an edited
# file is parsed anew; bounded by the text kept (4 Mi characters in all, at most 256 KiB a
# source; the parsed data is some tens of times its text), and only sources that parsed are
# kept. Their data is only read after loading (models copy what they keep).
_PARSED: OrderedDict[tuple[str, str, str], YamlSource] = OrderedDict()
_PARSED_MAX_CHARS = 256 * 1024
_PARSED_MAX_TOTAL = 4 * 1024 * 1024
_parsed_chars = 0
_parsed_lock = threading.Lock()


def load_source(path: Path) -> YamlSource:
    """A YAML file, or a Markdown file with YAML front matter (its text under `body`)."""
    global _parsed_chars
    path = Path(path)
    name = display_name(path)
    text = read_text(path, name)
    key = (str(path), name, text)
    with _parsed_lock:
        found = _PARSED.get(key)
        if found is not None:
            _PARSED.move_to_end(key)
            return found
    if path.suffix in FRONT_MATTER_SUFFIXES:
        source: YamlSource = front_matter_source(text, path, name)
    else:
        source = yaml_source(text, path, name)
    if len(text) > _PARSED_MAX_CHARS:
        return source
    with _parsed_lock:
        if key not in _PARSED:
            _PARSED[key] = source
            _parsed_chars += len(text)
        while _parsed_chars > _PARSED_MAX_TOTAL:
            dropped, _source = _PARSED.popitem(last=False)
            _parsed_chars -= len(dropped[2])
    return source


def forget_parsed() -> None:
    """Drop the parsed sources kept, as a new process starts: a benchmark that builds several
    times in one process measures each build as `pmg build` would make it."""
    global _parsed_chars
    with _parsed_lock:
        _PARSED.clear()
        _parsed_chars = 0


def load_document(path: Path, registry: CatalogRegistry | None = None) -> Document[Any]:
    """The one entry point: a file read, located, typed, with its catalog (and the sources it
    names, for formats that name one)."""
    try:
        document = parse_document(load_source(Path(path)), registry)
    except InputError as exc:
        if exc.partial is None:
            raise
        # What validated of a source about a formulation is checked against it too.
        try:
            _link(exc.partial, registry)
        except InputError as failed:
            raise InputError([*exc.diagnostics, *failed.diagnostics]) from None
        raise
    _link(document, registry)
    return document


def _link(document: Document[Any], registry: CatalogRegistry | None) -> None:
    if document.format is not None and document.format.link is not None:
        if registry is None:
            from .catalogs import CatalogRegistry

            registry = CatalogRegistry()
        document.format.link.load.load()(document, registry)


def _is_source(candidate: Path, folder: Path) -> bool:
    if not candidate.is_file() or any(part.startswith(".")
                                      for part in candidate.relative_to(folder).parts):
        return False
    if candidate.suffix in FRONT_MATTER_SUFFIXES:
        return opens_with_front_matter(candidate)  # a plain README.md is no source
    return candidate.suffix in SOURCE_SUFFIXES


def iter_source_files(paths: Iterable[str | Path], skip: Iterable[Path | None] = (),
                      ) -> tuple[list[Path], list[Diagnostic]]:
    """Expand files and folders into the sources under them, in a stable order: YAML files,
    and Markdown files that open with front matter. A folder in `skip` is not searched: the
    templates folder, which a working folder usually holds (`templates = "plantillas"`), has
    YAML that is no source (its `styles/estilo.yaml`)."""
    files: list[Path] = []
    problems: list[Diagnostic] = []
    skipped = [folder.resolve() for folder in skip if folder is not None]
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(c for c in sorted(path.rglob("*")) if _is_source(c, path)
                         and not any(c.resolve().is_relative_to(f) for f in skipped))
        elif path.exists():
            files.append(path)
        else:
            problems.append(Diagnostic(display_name(path), None, (), not_found()))
    return files, problems
