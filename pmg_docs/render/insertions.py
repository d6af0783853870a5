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

from ..diagnostics import Diagnostic, InputError
from ..i18n import _
from ..load.document import Document
from ..load.front_matter import FrontMatterSource
from ..richtext.insertion_calls import FOLDER, check_call, known_insertions
from ..richtext.prose import ProseText
from .sandbox import TemplateLimits

# What only a block may hold: an insertion that prints one must stand alone in its paragraph.
_BLOCK = re.compile(r"<(?:p|table|ul|ol|div|nav|h[1-6])\b")
# An insertion's HTML is rendered once however often the text names it; a text names at most
# this many different ones.
MAX_DIFFERENT = 500


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
