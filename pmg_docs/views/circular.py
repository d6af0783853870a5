"""The view of a circular: its letter heading, its text with the insertions filled in from the
catalog, the signature and the Distribución.

The text's Markdown is cut at each insertion into HTML parts; each insertion becomes a part that
names itself and carries its data, which the template lays out with its own fragment. Nothing of
the text is ever a template.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..models.catalog import Catalog
from ..models.circular import Circular
from ..numbers import format_letter_date
from ..richtext.circular import INSERTIONS, parse_text, parser

if TYPE_CHECKING:
    from ..load.document import Document



def _ending(text: str, mark: str) -> str:
    """`text` ending in `mark` (":" or "."), whether or not its author typed it."""
    text = text.rstrip()
    return text if text.endswith(mark) else text + mark


def enumerate_areas(catalog: Catalog) -> str:
    """`A; B; C; y D`: area names contain "y" themselves, so semicolons separate them."""
    names = [area.name for area in sorted(catalog.areas, key=_area_order)]
    if len(names) < 2:
        return "".join(names)
    return "; ".join(names[:-1]) + "; y " + names[-1]


def _area_order(area):
    return (area.number is None, area.number or 0)


def _references(catalog: Catalog):
    def resolve(content: str) -> str:
        kind, _, item = content.partition(":")
        if kind == "areas":
            return enumerate_areas(catalog)
        found = {"area": catalog.area, "sistema": catalog.system,
                 "ministerio": catalog.ministry}[kind](item)
        return found.name
    return resolve


def _area_groups(catalog: Catalog, row) -> list[dict]:
    groups = []
    for area in sorted(catalog.areas, key=_area_order):
        systems = [row(system) for system in catalog.systems if system.area == area.id]
        if systems:
            label = f"{area.number}) {area.name}" if area.number is not None else area.name
            groups.append({"label": label, "systems": systems})
    return groups


def _systems_row(system) -> dict:
    size = f" ({system.size_label})" if system.size_label else ""
    return {"name": _ending(system.name, ".") + size, "text": system.general_objective or ""}


def _experts_row(system) -> dict:
    return {"name": _ending(system.experts_table_name or system.name, "."),
            "text": " ".join(_ending(expert, ".") for expert in system.experts)}


def _insertion_part(name: str, options, catalog: Catalog, table_number: int) -> dict:
    if name == "instituciones":
        return {"kind": "instituciones", "ministries": [
            {"name": _ending(m.name, ":"), "institutions": [_ending(i.name, ".")
                                                            for i in m.institutions]}
            for m in catalog.ministries]}
    row = _systems_row if name == "cuadro-sistemas" else _experts_row
    # Without `columns:` the template prints its own headings for the insertion.
    return {"kind": "cuadro", "number": table_number, "title": list(options.title),
            "columns": list(options.columns) if options.columns else None,
            "groups": _area_groups(catalog, row), "insertion": name}


def body_parts(circular: Circular, catalog: Catalog) -> list[dict]:
    """The text as a list of parts, each with a `kind`: `html` (Markdown rendered), or an
    insertion's (`instituciones`, `cuadro`) with its data."""
    md = parser()
    parsed = parse_text(circular.body)
    insertions = iter(parsed.insertions)
    env = {"reference": _references(catalog)}
    parts, start, tables = [], 0, 0
    for index, token in enumerate(parsed.tokens):
        if token.type != "pmg_insertion":
            continue
        insertion = next(insertions)
        parts.append(_html(md, parsed.tokens[start:index], env))
        tables += INSERTIONS[insertion.name].is_table
        parts.append(_insertion_part(insertion.name, insertion.options, catalog, tables))
        start = index + 1
    parts.append(_html(md, parsed.tokens[start:], env))
    return parts


def _html(md, tokens, env) -> dict:
    # A slice may open a list item that the next slice closes: the parts are joined in order.
    return {"kind": "html", "html": Markup(md.renderer.render(tokens, md.options, env))}


def view(document: Document[Circular]) -> dict[str, Any]:
    circular, catalog = document.model, document.catalog
    return {
        "date": format_letter_date(circular.date),
        "body": body_parts(circular, catalog),
        "distribution": [
            {"to": _ending(r.to, ":"), "heads": [_ending(h.to, ".") for h in r.heads]}
            for r in circular.recipients],
    }
