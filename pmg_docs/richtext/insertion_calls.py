"""Which insertions a prose text may call, and whether a call fits one: an insertion is the
template `insertions/NAME.html.j2` of the user's templates folder (first) or the package's, and
its first line declares its argument (`{#- pmg: insertion -#}`: none; `{#- pmg:
insertion/systems -#}`: the id of one of the catalog's `systems`, or of any list of it with ids).

Read without rendering anything, so that `pmg validate` says what `pmg render` would refuse
(checks/prose.py), and render/insertions.py refuses the same calls in the same words.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..diagnostics import unknown
from ..i18n import _
from ..resources import TEMPLATE_SUFFIX, template_declaration, templates_dir
from .prose import InsertionCall

FOLDER = "insertions"
INSERTION = "insertion"


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
