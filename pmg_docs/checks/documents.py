"""A catalog's `documents:`: every kind it offers exists, with a format the kind has, and a
template that exists and declares that it lays out that kind and format.

The same check runs when a document is rendered, with the user's templates folder first, so a
template of the wrong kind is a located error at the catalog's line, never an internal error or
a silently empty document.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .. import kinds
from ..diagnostics import Diagnostic, FieldPath, unknown
from ..i18n import _
from ..load.document import Document
from ..load.located_yaml import YamlSource
from ..models.catalog import Catalog, DocumentSpec
from ..resources import template_declaration, template_file


def _declares(kind: str, fmt: str | None) -> str:
    return f"{kind}/{fmt}" if fmt else kind


def check_template(source: YamlSource, path: FieldPath, name: str, kind: str, fmt: str | None,
                   templates: Path | None) -> Iterable[Diagnostic]:
    """Template `name` (named at `path` of the catalog) exists and lays out `kind`/`fmt`."""
    found = template_file(name, templates)
    if found is None:
        where = _("en {folder} ni en las del paquete").format(folder=templates) if templates \
            else _("entre las plantillas del paquete")
        yield source.diagnostic(path, _(
            "no existe la plantilla «{name}» ({file}) {where}").format(
            name=name, file=f"{name}.html.j2", where=where))
        return
    declared = template_declaration(found)
    wanted = _declares(kind, fmt)
    if declared is None:
        yield source.diagnostic(path, _(
            "la plantilla «{name}» ({file}) no declara qué documento diagramar; se espera en su "
            "primera línea {{#- pmg: {wanted} -#}}").format(name=name, file=found, wanted=wanted))
    elif _declares(*declared) != wanted:
        yield source.diagnostic(path, _(
            "la plantilla «{name}» diagrama {declared}, no {wanted}; se espera una plantilla de "
            "{wanted}").format(name=name, declared=_declares(*declared), wanted=wanted))


def _entry_kind(source: YamlSource, key: str, spec: DocumentSpec
                ) -> tuple[str, kinds.Kind] | Diagnostic:
    """(the kind's name, the kind) an entry of `documents:` lays out: its `kind:` (a kind a
    catalog may offer several of, `decreto: {kind: prose}`), else its key; or what is wrong."""
    base = ("documents", key)
    name = spec.kind or key
    kind = kinds.kind(name)
    if kind is None:
        at = base + ("kind",) if spec.kind is not None else base
        return source.diagnostic(at, unknown(_("un tipo de documento"), name, kinds.KINDS))
    if spec.kind is not None and kind.named_by is None and spec.kind != key:
        return source.diagnostic(base + ("kind",), _(
            "un catálogo ofrece un solo documento de tipo {kind}, con ese nombre; se espera "
            "la entrada `{kind}:` sin `kind:`").format(kind=spec.kind))
    return name, kind


def _declared_fields(source: YamlSource, base: FieldPath, kind_name: str, kind: kinds.Kind,
                     spec: DocumentSpec) -> Iterable[Diagnostic]:
    """A declared field is declared once, and may not take the name of one of the kind's
    own."""
    own: set[str] = set()
    for fmt in kind.formats.values():
        if fmt.model is not None:
            own |= set(fmt.model.load().model_fields)
    seen: set[str] = set()
    for i, declared in enumerate(spec.fields):
        if declared.name in seen:
            yield source.diagnostic(base + ("fields", i, "name"), _(
                "el campo declarado «{name}» aparece dos veces en `fields:`; se espera cada "
                "nombre una vez").format(name=declared.name))
        seen.add(declared.name)
        if declared.name in own:
            yield source.diagnostic(base + ("fields", i, "name"), _(
                "«{name}» ya es un campo de {kind}; se espera otro nombre para el campo "
                "declarado").format(name=declared.name, kind=kinds.noun(kind_name)))


def check_spec(source: YamlSource, kind_name: str, spec: DocumentSpec,
               templates: Path | None) -> Iterable[Diagnostic]:
    """One entry of `documents:`."""
    base = ("documents", kind_name)
    found = _entry_kind(source, kind_name, spec)
    if isinstance(found, Diagnostic):
        yield found
        return
    kind_name, kind = found
    yield from _declared_fields(source, base, kind_name, kind, spec)
    fmt = kind.format(spec.format)
    if fmt is None:
        yield source.diagnostic(base + ("format",), unknown(
            _("un formato de {kind}").format(kind=kind_name), spec.format, kind.formats))
        return
    yield from check_template(source, base + ("template",), spec.template, kind_name,
                              kind.declared_format(fmt), templates)
    for annex, template in spec.annexes.items():
        if annex not in fmt.annexes:
            yield source.diagnostic(base + ("annexes", annex), unknown(
                _("un anexo de este formato"), annex, fmt.annexes))
        else:
            yield from check_template(source, base + ("annexes", annex), template,
                                      kinds.ANNEX, annex, templates)


def check_documents(document: Document[Catalog],
                    templates: Path | None = None) -> Iterable[Diagnostic]:
    for kind_name, spec in document.model.documents.items():
        yield from check_spec(document.source, kind_name, spec, templates)
