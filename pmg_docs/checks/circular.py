"""Checks of a circular against its catalog: its text's insertions and references, its recipients.

Shape errors (missing heading fields, a date that is no date) come from the model; these are the
ones that need the catalog or the parsed text. All are located in the circular's file.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..diagnostics import Diagnostic, FieldPath, unknown
from ..diagnostics.places import describe_path
from ..i18n import _
from ..load.document import Document
from ..load.front_matter import FrontMatterSource
from ..models.catalog import Catalog
from ..models.circular import Circular
from ..models.vocabulary import word
from ..richtext.circular import INSERTIONS, parse_text
from .wording import not_in_catalog, noun, twice


def check(document: Document[Circular]) -> Iterable[Diagnostic]:
    yield from check_text(document, document.catalog)
    yield from check_recipients(document, document.catalog)


def check_text(document: Document[Circular], catalog: Catalog) -> Iterable[Diagnostic]:
    source = document.source
    first = source.body_line if isinstance(source, FrontMatterSource) else 1
    parsed = parse_text(document.model.body)

    def at(line: int, path: FieldPath, message: str) -> Diagnostic:
        # The line is exact; the place says which insertion (and option), where there is one.
        item = " › ".join([_("texto"), *(f"`{part}`" for part in path)])
        return Diagnostic(source.name, first + line - 1, ("body", *path), message, item=item)

    for problem in parsed.problems:
        yield at(problem.line, problem.path, problem.message)
    for insertion in parsed.insertions:
        kind = INSERTIONS.get(insertion.name)
        if kind is not None and not getattr(catalog, kind.needs):
            yield at(insertion.line, (insertion.name,), _(
                "el catálogo {catalog} no tiene {needs}, que esta inserción imprime; se espera un "
                "catálogo que los liste").format(catalog=catalog.id,
                                                 needs=word(kind.needs) or kind.needs))
    # A reference's kind (Spanish, as staff write it): the field name of its list, and the ids
    # the catalog has.
    lists = {"area": ("area", [item.id for item in catalog.areas]),
             "sistema": ("system", [item.id for item in catalog.systems]),
             "ministerio": ("ministry", [item.id for item in catalog.ministries])}
    for reference in parsed.references:
        if reference.kind == "areas" and not catalog.areas:
            yield at(reference.line, (), _(
                "el catálogo {catalog} no tiene áreas; se espera un catálogo que las liste"
            ).format(catalog=catalog.id))
        listed = lists.get(reference.kind)
        if listed is not None and reference.id not in listed[1]:
            key, known = listed
            yield at(reference.line, (), not_in_catalog(key, reference.id, known, catalog.id))


def check_recipients(document: Document[Circular], catalog: Catalog) -> Iterable[Diagnostic]:
    ministries = [m.id for m in catalog.ministries]
    home = {i.id: m for m in catalog.ministries for i in m.institutions}
    seen: dict[str, int] = {}
    for i, recipient in enumerate(document.model.recipients):
        path = ("recipients", i, "ministry")
        ministry = catalog.ministry(recipient.ministry)
        if recipient.ministry in seen:
            first = document.line_of(("recipients", seen[recipient.ministry], "ministry"))
            yield document.diagnostic(path, twice(recipient.ministry, first))
        seen.setdefault(recipient.ministry, i)
        if ministry is None:
            yield document.diagnostic(path, not_in_catalog("ministry", recipient.ministry,
                                                         ministries, catalog.id))
            continue
        own = [x.id for x in ministry.institutions]
        for j, head in enumerate(recipient.heads):
            where = ("recipients", i, "heads", j, "institution")
            if head.institution in {x.id for x in ministry.institutions}:
                continue
            if head.institution in home:
                yield document.diagnostic(where, _(
                    "«{institution}» depende de {home}, no de {ministry}; se espera una de: "
                    "{own}").format(institution=head.institution,
                                    home=home[head.institution].id,
                                    ministry=recipient.ministry, own=", ".join(own) or "—"))
            else:
                yield document.diagnostic(where, unknown(
                    noun("institution"), head.institution, own,
                    _("de {ministry} en el catálogo {catalog}").format(
                        ministry=recipient.ministry, catalog=catalog.id)))


def describe(path: FieldPath, data: Any, catalog: Catalog) -> str | None:
    """`Distribución › Ministerio «Salud» › Jefatura «Superintendencia de Salud»`: the letter's
    parts by the names the circular prints."""
    def ministry(item: Any, index: int, catalog: Catalog | None) -> str:
        found = catalog.ministry(item.get("ministry")) if catalog else None
        name = found.name if found else item.get("ministry")
        return _("Distribución › Ministerio «{name}»").format(name=name)

    def head(item: Any, index: int, catalog: Catalog | None) -> str:
        found = next((i for m in catalog.ministries for i in m.institutions
                      if i.id == item.get("institution")), None) if catalog else None
        name = found.name if found else item.get("institution")
        return _("Jefatura «{name}»").format(name=name)

    return describe_path(path, data, catalog, {"recipients": ministry, "heads": head}, Circular,
                         frozenset({"ministry", "institution"}))
