"""`pmg new prose --catalog ID`: a prose document of the catalog's first `documents:` entry of
kind prose, with every field that entry declares and a text that shows headings, a table, a
footnote and an insertion."""

from __future__ import annotations

from ... import kinds
from ...i18n import _
from ...load.sources import entry_kind
from ...models.catalog import DeclaredField
from .common import TO_FILL, Request, Scaffold, q

_EXAMPLES = {"text": TO_FILL, "paragraphs": TO_FILL, "date": "2024-01-31", "integer": 1,
             "number": 0, "lines": [TO_FILL]}


def _field(declared: DeclaredField) -> list[str]:
    label = f"  # {declared.label}" if declared.label else ""
    example = _EXAMPLES[declared.type]
    if isinstance(example, list):
        return [f"{declared.name}:{label}", *(f"  - {q(line)}" for line in example)]
    return [f"{declared.name}: {q(example)}{label}"]


def scaffold(request: Request) -> Scaffold:
    catalog = request.known_catalog()
    name, spec = next((key, s) for key, s in catalog.documents.items()
                      if entry_kind(key, s) == kinds.PROSE)
    decisions = [_("{name} ({label}): lo pide el catálogo").format(
        name=d.name, label=d.label or d.name) for d in spec.fields if d.required]
    lines = ["---", "# " + _("Documento «{name}» del catálogo {catalog}, escrito por `pmg new "
                             "prose`.").format(name=name, catalog=catalog.id)]
    if decisions:
        lines.append("# " + _("Por decidir:"))
        lines += [f"#   - {decision}" for decision in decisions]
    lines += ["kind: prose", f"catalog: {catalog.id}",
             f"document: {name}  # " + _("otros: {others}").format(
                 others=", ".join(k for k, s in catalog.documents.items()
                                  if entry_kind(k, s) == kinds.PROSE))]
    for declared in spec.fields:
        lines += _field(declared)
    lines += ["---", "", "# " + _("Antecedentes"), "",
              _("El texto se escribe en Markdown: títulos con `#`, tablas con `|` y notas al pie"
                "[^1]."), "",
              "## " + _("Objetivos de gestión"), "", "[[objetivos]]", "",
              "[^1]: " + _("Una nota al pie."), ""]
    return Scaffold("\n".join(lines), decisions)
