"""What every scaffold of `pmg new` shares: the service block, comments, values as YAML, the
header that lists what needs a decision."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel

from ...i18n import _
from ...load import Document
from ...models.base import TO_FILL
from ...models.catalog import Catalog
from ...models.service import NO_CODE, FormulationHeader, Service
from ...models.vocabulary import title
from ...numbers import plain

M = TypeVar("M", bound=BaseModel)

COMMENT_WIDTH = 96


@dataclass
class ServiceFields:
    name: str | None = None
    ministry: str | None = None
    partida: str | None = None
    chapter: str | None = None


@dataclass
class Scaffold:
    text: str
    decisions: list[str] = field(default_factory=list)


@dataclass
class Request:
    """What a format's scaffold is written from."""

    # None only for a kind written without a catalog (the circular says its own).
    catalog: Catalog | None
    service: ServiceFields
    # Last year's formulation document when it is of the same format (else None); its model
    # is the format's (see `last_year`).
    previous: Document[Any] | None = None
    # Last year's service block, whatever the format it came in.
    last_service: Service | None = None
    schema_ref: str | None = None
    # What needs a decision, in the order of the file; scaffolds add theirs.
    decisions: list[str] = field(default_factory=list)

    def decide(self, text: str) -> None:
        self.decisions.append(text)

    def known_catalog(self) -> Catalog:
        """The catalog, for a format's scaffold: new_document gives one to every kind whose
        format the catalog declares."""
        assert self.catalog is not None, "a format's scaffold runs with its catalog"
        return self.catalog

    def last_year(self, model: type[M]) -> M | None:
        """Last year's document as the format's model `model` (new_document sets `previous`
        only when last year's format is this one)."""
        if self.previous is None:
            return None
        found = self.previous.model
        assert isinstance(found, model), "last year's document is of the scaffold's format"
        return found


def q(value: object) -> str:
    """A value as YAML: JSON strings and numbers are YAML; the formatter restyles them."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return plain(value)
    return json.dumps(value, ensure_ascii=False)


def q_model(model: BaseModel) -> str:
    """A model's set fields as a `{…}` row (JSON is YAML; the formatter restyles it)."""
    return json.dumps(model.model_dump(mode="json", exclude_defaults=True), ensure_ascii=False)


def short(text: str, size: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= size else flat[:size].rsplit(" ", 1)[0] + "…"


def wrap(text: str, width: int) -> list[str]:
    # Ids like `calidad-de-servicio` stay whole: a reader searches for them.
    return textwrap.wrap(text, width, break_on_hyphens=False, break_long_words=False)


def comment_lines(text: str, indent: str) -> list[str]:
    """`text` as comment lines at `indent`, wrapped."""
    width = max(COMMENT_WIDTH - len(indent) - 2, 40)
    return [f"{indent}# {line}".rstrip() for line in wrap(text, width)] or [f"{indent}#"]



def service_lines(service: ServiceFields, last: Service | None,
                  decide: Callable[[str], None]) -> list[str]:
    """The `service:` block: the fields given, else last year's (`last`), else placeholders
    (noted)."""
    values = {
        "ministry": service.ministry or (last.ministry if last else None),
        "partida": service.partida or (last.partida if last else None),
        "name": service.name or (last.name if last else None),
        "chapter": service.chapter or (last.chapter if last else None),
    }
    missing = [key for key, value in values.items() if not value]
    if missing:
        # Named as the document names them, as `pmg validate` will when they are still there.
        words = [title(Service, key) or key for key in missing]
        fields = words[0] if len(words) == 1 else _("{some} y {last}").format(
            some=", ".join(words[:-1]), last=words[-1])
        decide(_("{service}: complete {fields} (dicen {placeholder} o \"{code}\")").format(
            service=title(FormulationHeader, "service"), fields=fields, placeholder=TO_FILL,
            code=NO_CODE))
    lines = ["service:"]
    for key in ("ministry", "partida", "name", "chapter"):
        fallback = NO_CODE if key in ("partida", "chapter") else TO_FILL
        lines.append(f"  {key}: {q(values[key] or fallback)}")
    return lines




def header(catalog: Catalog, previous: FormulationHeader | None, decisions: list[str],
           schema_ref: str | None, how_to_fill: str) -> list[str]:
    """The comment lines at the top of a scaffold."""
    lines = []
    if schema_ref:
        lines.append(f"# yaml-language-server: $schema={schema_ref}")
    lines += comment_lines(_("Formulación {mechanism} {year} según {catalog}, escrita por `pmg new "
                             "formulation`.").format(mechanism=catalog.mechanism,
                                                     year=catalog.year, catalog=catalog.id), "")
    if previous is not None:
        lines += comment_lines(_(
            "Trasladada desde la formulación del año anterior ({catalog}): lo que comprometía se "
            "mantiene como estaba donde el nuevo catálogo aún lo tiene; revísela "
            "completa.").format(catalog=previous.catalog), "")
    else:
        lines += comment_lines(how_to_fill, "")
    if decisions:
        lines.extend(["#", "# " + _("Por decidir:")])
        for decision in decisions:
            wrapped = wrap(decision, COMMENT_WIDTH - 6)
            lines.append(f"#   - {wrapped[0]}")
            lines.extend(f"#     {line}" for line in wrapped[1:])
    lines.append("# " + _("Luego revísela con `pmg validate ARCHIVO`."))
    return lines
