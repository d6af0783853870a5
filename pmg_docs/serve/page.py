"""The one HTML page of the preview, and the words it shows, in the user's language.

The page is a Jinja template beside this module, and the script (static/app.js) takes its
words from the JSON the page carries: every word is here, through `_()`, where the message
catalogs find it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..i18n import _, language

HERE = Path(__file__).resolve().parent
# What /static/NAME serves: these files and nothing else.
STATIC = {"app.js": "text/javascript; charset=utf-8", "app.css": "text/css; charset=utf-8"}


def messages() -> dict[str, str]:
    return {
        "title": _("Vista previa"),
        "sources": _("Fuentes"),
        "problems": _("Observaciones"),
        "open_pdf": _("Abrir el PDF"),
        "download_docx": _("Descargar el DOCX"),
        "state.pending": _("sin revisar"),
        "state.ok": _("válida"),
        "state.warnings": _("con advertencias"),
        "state.errors": _("con errores"),
        "busy": _("actualizando…"),
        "preparing": _("Preparando la vista previa…"),
        "shown_at": _("Vista previa de las {time}"),
        "stale": _("El último guardado tiene errores: se muestra la última vista previa válida, "
                   "de las {time}."),
        "no_preview": _("Corrija los errores para ver la vista previa."),
        "catalog": _("Un catálogo es datos: se valida, pero no se diagrama. Su vista previa está "
                     "en las formulaciones y circulares que lo usan."),
        "choose": _("Elija una fuente de la lista para ver su vista previa."),
        "gone": _("Esta fuente ya no está en la carpeta."),
        "page": _("Página {number}"),
        "copy": _("Copiar «{where}» para buscar el lugar en el editor"),
        "copied": _("copiado"),
        "disconnected": _("Sin conexión con pmg serve; se reintenta…"),
        "empty": _("No hay fuentes (YAML, o Markdown con encabezado YAML) en esta carpeta."),
    }


@cache
def _template():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    environment = Environment(loader=FileSystemLoader(str(HERE)), undefined=StrictUndefined,
                              autoescape=select_autoescape(default=True))
    return environment.get_template("page.html.j2")


def html(folder: str) -> str:
    return _template().render(folder=folder, lang=language(), messages=messages())


def static_file(name: str) -> bytes:
    return (HERE / "static" / name).read_bytes()
