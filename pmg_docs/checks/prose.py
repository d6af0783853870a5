"""Checks of a prose document: the `[[…]]` of its text are written as insertions are, and (with
the templates folder in force, `check_with_templates`) each names an insertion there is, with an
argument it takes, as render/insertions.py will require; the fields the catalog declares are
checked when the source is loaded (load/declared.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, FieldPath
from ..diagnostics.places import describe_path
from ..i18n import _
from ..load.document import Document
from ..load.front_matter import FrontMatterSource
from ..models.catalog import Catalog
from ..models.prose import ProseDocument
from ..richtext.insertion_calls import check_call, known_insertions
from ..richtext.prose import parse_prose


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


def check_with_templates(document: Document[ProseDocument],
                         templates: Path | None) -> Iterable[Diagnostic]:
    """Each `[[NAME:argument]]` names an insertion of `templates` (or the package's) and gives
    it an argument it takes: what `pmg render` would refuse, said by `pmg validate`."""
    source = document.source
    first = source.body_line if isinstance(source, FrontMatterSource) else 1
    known = known_insertions(templates)
    said: set[str] = set()
    for call in parse_prose(document.model.body).insertions:
        if call.written in said:
            continue
        said.add(call.written)
        problem = check_call(call, known, document.catalog)
        if problem is not None:
            yield Diagnostic(source.name, first + call.line - 1, ("body",),
                             f"[[{call.written}]]: {problem}", item=_("texto"))


def describe(path: FieldPath, data: Any, catalog: Catalog) -> str | None:
    """A prose document's fields are named as written (`document`, `titulo`)."""
    return describe_path(path, data, catalog, {}, ProseDocument)
