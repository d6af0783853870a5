"""The style in force: the package's `styles/estilo.yaml`, with the keys a user's templates
folder overrides in its own `styles/estilo.yaml`.

A user's file may hold only the keys that change (`pie: {texto: "{pagina} de {paginas}"}`):
tables are merged key by key, any other value replaces the package's. Every mistake is located
in the file that holds it, with «¿quiso decir…?» for a misspelt key, as in any source.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..diagnostics import Diagnostic, InputError
from ..i18n import _
from ..load.located_yaml import YamlSource, load_yaml
from ..load.model_errors import located
from ..resources import templates_dir
from .model import Style

# Where a templates folder keeps its style file.
STYLE_FILE = Path("styles") / "estilo.yaml"


def style_files(templates: Path | None = None) -> list[Path]:
    """The style files in force, the package's first: what an incremental build watches."""
    files = [templates_dir() / STYLE_FILE]
    if templates is not None:
        root = Path(templates).resolve()
        own = (root / STYLE_FILE).resolve()
        # Only a file really inside the folder counts (a link out of it does not).
        if own.is_relative_to(root) and own.is_file():
            files.append(own)
    return files


def load_style(templates: Path | None = None) -> Style:
    """The style of documents rendered with `templates` (the user's folder, or None). Raises
    InputError, each mistake at its file and line."""
    files = style_files(templates)
    return _cached(tuple((path, *_stamp(path)) for path in files))


def _stamp(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except OSError:
        return (0, 0)
    return (stat.st_mtime_ns, stat.st_size)


# A worker renders many documents with one or two styles; a file saved again under `pmg serve`
# has a new stamp, so a stale style is never used. Few entries: a style is small.
@lru_cache(maxsize=8)
def _cached(stamped: tuple[tuple[Path, int, int], ...]) -> Style:
    sources = [load_yaml(path) for path, _mtime, _size in stamped]
    for source in sources[1:]:
        if source.data is not None and not isinstance(source.data, dict):
            raise InputError([source.diagnostic((), _(
                "se espera un estilo: claves como pagina, texto, encabezado o pie, con sus "
                "valores"))])
    merged: Any = sources[0].data
    for source in sources[1:]:
        merged = _merged(merged, source.data or {})
    try:
        style = Style.model_validate(merged)
    except ValidationError as exc:
        raise InputError(sorted(_located(exc, sources), key=lambda d: d.line or 0)) from None
    logo = style.encabezado.logo
    if logo is not None and logo_file(logo.archivo, [path.parent.parent for path, *_ in stamped]
                                      [::-1]) is None:
        where = ("encabezado", "logo", "archivo")
        source = next(s for s in reversed(sources) if _holds(s.data, where))
        raise InputError([source.diagnostic(where, _(
            "no existe la imagen «{name}» en la carpeta de plantillas; se espera un archivo PNG "
            "o JPEG junto a las plantillas, nombrado desde esa carpeta").format(
            name=logo.archivo))])
    return style


def logo_file(name: str, folders: list[Path]) -> Path | None:
    """The image `name` in the first of `folders` that holds it (a link out of the folder does
    not count), as the templates' `asset()` finds it."""
    for folder in folders:
        root = Path(folder).resolve()
        candidate = (root / name).resolve()
        if candidate.is_relative_to(root) and candidate.is_file():
            return candidate
    return None


def _merged(base: Any, override: Any) -> Any:
    """`override` over `base`: tables key by key, anything else replaced."""
    if isinstance(base, dict) and isinstance(override, dict):
        result = dict(base)
        for key, value in override.items():
            result[key] = _merged(base.get(key), value) if key in base else value
        return result
    return override


def _located(exc: ValidationError, sources: list[YamlSource]) -> list[Diagnostic]:
    """Each error in the file that wrote the value: the user's when it holds the place (or
    the table around it), else the package's."""
    own = sources[-1]
    found = located(exc, own, model=Style)
    if len(sources) == 1:
        return found
    return [diagnostic if _holds(own.data, diagnostic.path)
            else sources[0].diagnostic(diagnostic.path, diagnostic.message)
            for diagnostic in found]


def _holds(data: Any, path: tuple[str | int, ...]) -> bool:
    """Whether the user's file writes the part of the style `path` is in. The package's file
    is valid (a test says so), so a mistake in a part the user wrote is the user's: a wrong
    value, an unknown key, or a key missing from a table that replaced the package's `null`."""
    return not path or (isinstance(data, dict) and path[0] in data)
