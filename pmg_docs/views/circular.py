"""The view of a circular: its letter heading, its text with the insertions filled in from the
catalog, the signature and the Distribución.

The text's Markdown is cut at each insertion into HTML parts; each insertion becomes a part that
names itself and carries its data, which the template lays out with its own fragment. Nothing of
the text is ever a template.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup

from ..models.base import Model
from ..models.catalog import Area, Catalog, System
from ..models.circular import Circular
from ..numbers import format_letter_date
from ..richtext.circular import INSERTIONS, TableOptions, parse_text, parser
from .lookup import known

# A system's row in a table of systems: its name and the text beside it.
Row = dict[str, str]

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


def _area_order(area: Area) -> tuple[bool, int]:
    return (area.number is None, area.number or 0)


def _references(catalog: Catalog) -> Callable[[str], str]:
    def resolve(content: str) -> str:
        kind, _, item = content.partition(":")
        if kind == "areas":
            return enumerate_areas(catalog)
        found = {"area": catalog.area, "sistema": catalog.system,
                 "ministerio": catalog.ministry}[kind](item)
        # Its checks found every reference in the catalog (checks/circular.py).
        return known(found.name if found is not None else None, item)
    return resolve


def _area_groups(catalog: Catalog, row: Callable[[System], Row]) -> list[dict[str, object]]:
    groups: list[dict[str, object]] = []
    for area in sorted(catalog.areas, key=_area_order):
        systems = [row(system) for system in catalog.systems if system.area == area.id]
        if systems:
            label = f"{area.number}) {area.name}" if area.number is not None else area.name
            groups.append({"label": label, "systems": systems})
    return groups


def _systems_row(system: System) -> Row:
    size = f" ({system.size_label})" if system.size_label else ""
    return {"name": _ending(system.name, ".") + size, "text": system.general_objective or ""}


def _experts_row(system: System) -> Row:
    return {"name": _ending(system.experts_table_name or system.name, "."),
            "text": " ".join(_ending(expert, ".") for expert in system.experts)}


def _insertion_part(name: str, options: Model | None, catalog: Catalog,
                    table_number: int) -> dict[str, object]:
    if name == "instituciones":
        return {"kind": "instituciones", "ministries": [
            {"name": _ending(m.name, ":"), "institutions": [_ending(i.name, ".")
                                                            for i in m.institutions]}
            for m in catalog.ministries]}
    row = _systems_row if name == "cuadro-sistemas" else _experts_row
    if not isinstance(options, TableOptions):
        # The text's checks passed: a table's insertion has its options.
        raise TypeError(f"insertion {name!r} with options {options!r}")
    # Without `columns:` the template prints its own headings for the insertion.
    return {"kind": "cuadro", "number": table_number, "title": list(options.title),
            "columns": list(options.columns) if options.columns else None,
            "groups": _area_groups(catalog, row), "insertion": name}


def body_parts(circular: Circular, catalog: Catalog) -> list[dict[str, object]]:
    """The text as a list of parts, each with a `kind`: `html` (Markdown rendered), or an
    insertion's (`instituciones`, `cuadro`) with its data."""
    md = parser()
    parsed = parse_text(circular.body)
    insertions = iter(parsed.insertions)
    env = {"reference": _references(catalog)}
    parts: list[dict[str, object]] = []
    start, tables = 0, 0
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


def _html(md: MarkdownIt, tokens: Sequence[Token],
          env: dict[str, Callable[[str], str]]) -> dict[str, object]:
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
