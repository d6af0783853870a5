"""Checks of a prose document: the `[[…]]` of its text are written as insertions are, and each
names an insertion of the package or of the user's templates folder (`document.templates`),
with an argument it takes (checks/insertions.py, as when the text is rendered). The fields the
catalog declares are checked when the source is loaded (load/declared.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..diagnostics import Diagnostic, FieldPath
from ..diagnostics.places import describe_path
from ..i18n import _
from ..load.document import Document
from ..load.front_matter import FrontMatterSource
from ..models.catalog import Catalog
from ..models.prose import ProseDocument
from ..richtext.prose import parse_prose
from .insertions import check_calls, known_insertions, too_many


def check(document: Document[ProseDocument]) -> Iterable[Diagnostic]:
    source = document.source
    first = source.body_line if isinstance(source, FrontMatterSource) else 1
    parsed = parse_prose(document.model.body)
    for line in parsed.too_deep:
        yield Diagnostic(source.name, first + line - 1, ("body",), _(
            "un título de más de cuatro niveles; se espera `#`, `##`, `###` o `####` al comienzo "
            "de la línea"), item=_("texto"))
    for line, written in parsed.malformed:
        yield Diagnostic(source.name, first + line - 1, ("body",), _(
            "se encontró [[{written}]]; se espera una inserción escrita [[NOMBRE]] o "
            "[[NOMBRE:argumento]], con NOMBRE en minúsculas, cifras y guiones (por ejemplo "
            "[[objetivos]], [[requisitos:estado-verde]])").format(written=written),
            item=_("texto"))
    excess = too_many(document, parsed.insertions)
    if excess is not None:
        yield excess
        return
    known = known_insertions(document.templates)
    for _call, problem in check_calls(document, parsed.insertions, known):
        if problem is not None:
            yield problem


def describe(path: FieldPath, data: Any, catalog: Catalog) -> str | None:
    """A prose document's fields are named as written (`document`, `titulo`)."""
    return describe_path(path, data, catalog, {}, ProseDocument)
