"""The insertions a prose text names (`[[NAME]]`, `[[NAME:argument]]`) exist and take the
argument given: checked by `pmg validate` and again when the text is rendered
(render/insertions.py), with the same located message.

An insertion is the template `insertions/NAME.html.j2` of the user's templates folder (first) or
the package's; its first line declares what its argument is: `{#- pmg: insertion -#}` takes
none; `{#- pmg: insertion/systems -#}` takes the id of one of the catalog's `systems` (any list
of the catalog whose items have ids: objectives, indicators, ministries, areas…). So which
insertions there are depends on the templates folder the document is checked with
(`Document.templates`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, unknown
from ..i18n import _
from ..load.document import Document
from ..load.front_matter import FrontMatterSource
from ..resources import TEMPLATE_SUFFIX, template_declaration, templates_dir
from ..richtext.prose import InsertionCall

FOLDER = "insertions"
# What an insertion's template declares in its first line, before what its argument is.
INSERTION = "insertion"
# An insertion is checked and rendered once however often the text names it; a text names at
# most this many different ones.
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


def text_line(document: Document[Any], line: int) -> int:
    """The file's line of line `line` (from 1) of the document's text (its Markdown body, below
    the front matter)."""
    source = document.source
    return (source.body_line if isinstance(source, FrontMatterSource) else 1) + line - 1


def too_many(document: Document[Any], calls: Iterable[InsertionCall]) -> Diagnostic | None:
    """The one finding about a text that names more different insertions than MAX_DIFFERENT
    (none of them is checked then), or None."""
    different = {call.written for call in calls}
    if len(different) <= MAX_DIFFERENT:
        return None
    return Diagnostic(document.source.name, text_line(document, 1), ("body",), _(
        "el texto nombra {count} inserciones distintas; se espera a lo sumo {limit}").format(
            count=len(different), limit=MAX_DIFFERENT), item=_("texto"))


def check_calls(document: Document[Any], calls: Iterable[InsertionCall],
                known: dict[str, Path]) -> Iterable[tuple[InsertionCall, Diagnostic | None]]:
    """Each of `calls`, once however often the text names it, with what is wrong with it at its
    first line (None when nothing is)."""
    seen: set[str] = set()
    for call in calls:
        if call.written in seen:
            continue
        seen.add(call.written)
        problem = check_call(call, known, document.catalog)
        yield call, None if problem is None else Diagnostic(
            document.source.name, text_line(document, call.line), ("body",),
            f"[[{call.written}]]: {problem}", item=_("texto"))
