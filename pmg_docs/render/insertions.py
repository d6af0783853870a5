"""Insertions as data: `[[NAME]]` / `[[NAME:argument]]` in a prose text is the template
`insertions/NAME.html.j2` of the user's templates folder (first) or the package's, rendered in
the sandbox with the catalog, the document, its declared fields and the argument.

An insertion template declares in its first line what its argument is: `{#- pmg: insertion -#}`
takes none; `{#- pmg: insertion/systems -#}` takes the id of one of the catalog's `systems`
(any list of the catalog whose items have ids: objectives, indicators, ministries, areas…). The
argument reaches the template as a string, `argument`; nothing the user writes is template code.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..diagnostics import Diagnostic, InputError, unknown
from ..i18n import _
from ..load.document import Document
from ..load.front_matter import FrontMatterSource
from ..resources import TEMPLATE_SUFFIX, template_declaration, templates_dir
from ..richtext.prose import InsertionCall, ProseText
from .sandbox import TemplateLimits

FOLDER = "insertions"
# What only a block may hold: an insertion that prints one must stand alone in its paragraph.
_BLOCK = re.compile(r"<(?:p|table|ul|ol|div|nav|h[1-6])\b")
INSERTION = "insertion"
# An insertion's HTML is rendered once however often the text names it; a text names at most
# this many different ones.
MAX_DIFFERENT = 500


def known_insertions(templates: Path | None) -> dict[str, Path]:
    """NAME -> its template file, the user's folder over the package's."""
    found: dict[str, Path] = {}
    for folder in [templates_dir(), *([templates] if templates else [])]:
        root = (Path(folder) / FOLDER)
        if not root.is_dir():
            continue
        for path in sorted(root.glob(f"*{TEMPLATE_SUFFIX}")):
            if path.resolve().is_relative_to(root.resolve()):
                found[path.name[:-len(TEMPLATE_SUFFIX)]] = path
    return dict(sorted(found.items()))


def _ids(catalog: Any, listed: str) -> list[str] | None:
    items = getattr(catalog, listed, None)
    if not isinstance(items, list):
        return None
    return [str(item.id) for item in items if getattr(item, "id", None) is not None]


def check_call(call: InsertionCall, known: dict[str, Path], catalog: Any) -> str | None:
    """What is wrong with `[[NAME:argument]]`, or None."""
    path = known.get(call.name)
    if path is None:
        return unknown(_("una inserción"), call.name, known) + _(
            " (plantillas de la carpeta `insertions/`)")
    declared = template_declaration(path)
    if declared is None or declared[0] != INSERTION:
        return _("la plantilla de la inserción «{name}» ({file}) no declara qué recibe; se "
                 "espera en su primera línea {{#- pmg: insertion -#}} o {{#- pmg: "
                 "insertion/systems -#}}").format(name=call.name, file=path)
    listed = declared[1]
    if listed is None:
        if call.argument is not None:
            return _("la inserción «{name}» no recibe argumento; se espera [[{name}]]").format(
                name=call.name)
        return None
    ids = _ids(catalog, listed.replace("-", "_"))
    if ids is None:
        return _("la plantilla de la inserción «{name}» declara `insertion/{listed}`, que no es "
                 "una lista del catálogo; se espera, por ejemplo, insertion/systems").format(
                     name=call.name, listed=listed)
    if call.argument is None:
        return _("la inserción «{name}» necesita un argumento; se espera [[{name}:ID]], con ID "
                 "uno de: {known}").format(name=call.name, known=", ".join(ids) or "—")
    if call.argument not in ids:
        return unknown(_("un id de `{listed}` del catálogo {catalog}").format(
            listed=listed, catalog=catalog.id), call.argument, ids)
    return None


def render_insertions(document: Document[Any], text: ProseText, templates: Path | None,
                      limits: TemplateLimits) -> list[Path]:
    """Renders each insertion the text names into `text.insertions`; the template files used.
    Raises InputError, at the line of the text, for an insertion or argument there is not."""
    from .jinja import render_html
    from .sandbox import TemplateFailure

    source = document.source
    first = source.body_line if isinstance(source, FrontMatterSource) else 1
    known = known_insertions(templates)
    problems: list[Diagnostic] = []
    used: list[Path] = []
    calls = {c.written: c for c in text.parsed.insertions}
    if len(calls) > MAX_DIFFERENT:
        raise InputError([Diagnostic(source.name, first, ("body",), _(
            "el texto nombra {count} inserciones distintas; se espera a lo sumo {limit}").format(
                count=len(calls), limit=MAX_DIFFERENT))])
    for written, call in calls.items():
        problem = check_call(call, known, document.catalog)
        if problem is not None:
            problems.append(Diagnostic(source.name, first + call.line - 1, ("body",),
                                       f"[[{written}]]: {problem}", item=_("texto")))
            continue
        context = {"catalog": document.catalog, "document": document.model,
                   "fields": document.fields, "argument": call.argument}
        try:
            html, _assets = render_html(f"{FOLDER}/{call.name}", context, templates, limits)
        except TemplateFailure as exc:
            problems.append(Diagnostic(exc.file, exc.line, (), exc.message))
            continue
        text.insertions[written] = Markup(html)
        if known[call.name] not in used:
            used.append(known[call.name])
    for call in text.parsed.insertions:
        printed = text.insertions.get(call.written)
        if not call.block and printed is not None and _BLOCK.search(printed):
            problems.append(Diagnostic(source.name, first + call.line - 1, ("body",), _(
                "[[{written}]] imprime una tabla, una lista o párrafos, que no caben dentro de "
                "una frase, un título o una celda; se espera la inserción sola en su párrafo, "
                "con una línea en blanco antes y otra después").format(written=call.written),
                item=_("texto")))
    if problems:
        raise InputError(problems)
    return used
