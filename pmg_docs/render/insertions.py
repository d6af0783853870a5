"""Insertions as data: `[[NAME]]` / `[[NAME:argument]]` in a prose text is the template
`insertions/NAME.html.j2` of the user's templates folder (first) or the package's, rendered in
the sandbox with the catalog, the document, its declared fields and the argument.

Which insertions there are and what argument each takes is checked by checks/insertions.py,
which `pmg validate` runs too; here each is checked again (a document may be rendered without
having been validated) and rendered. The argument reaches the template as a string, `argument`;
nothing the user writes is template code.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..checks.insertions import FOLDER, check_calls, known_insertions, text_line, too_many
from ..diagnostics import Diagnostic, InputError
from ..i18n import _
from ..load.document import Document
from ..richtext.prose import ProseText
from .sandbox import TemplateLimits

# What only a block may hold: an insertion that prints one must stand alone in its paragraph.
_BLOCK = re.compile(r"<(?:p|table|ul|ol|div|nav|h[1-6])\b")


def render_insertions(document: Document[Any], text: ProseText, templates: Path | None,
                      limits: TemplateLimits) -> list[Path]:
    """Renders each insertion the text names into `text.insertions`; the template files used.
    Raises InputError, at the line of the text, for an insertion or argument there is not."""
    from .jinja import render_html
    from .sandbox import TemplateFailure

    source = document.source
    known = known_insertions(templates)
    problems: list[Diagnostic] = []
    used: list[Path] = []
    excess = too_many(document, text.parsed.insertions)
    if excess is not None:
        raise InputError([excess])
    for call, problem in check_calls(document, text.parsed.insertions, known):
        if problem is not None:
            problems.append(problem)
            continue
        context = {"catalog": document.catalog, "document": document.model,
                   "fields": document.fields, "argument": call.argument}
        try:
            html, _assets = render_html(f"{FOLDER}/{call.name}", context, templates, limits)
        except TemplateFailure as exc:
            problems.append(Diagnostic(exc.file, exc.line, (), exc.message))
            continue
        text.insertions[call.written] = Markup(html)
        if known[call.name] not in used:
            used.append(known[call.name])
    for call in text.parsed.insertions:
        printed = text.insertions.get(call.written)
        if not call.block and printed is not None and _BLOCK.search(printed):
            problems.append(Diagnostic(source.name, text_line(document, call.line), ("body",), _(
                "[[{written}]] imprime una tabla, una lista o párrafos, que no caben dentro de "
                "una frase, un título o una celda; se espera la inserción sola en su párrafo, "
                "con una línea en blanco antes y otra después").format(written=call.written),
                item=_("texto")))
    if problems:
        raise InputError(problems)
    return used
