"""Reading a source file's text: size-limited, UTF-8, every failure a located message."""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostic, InputError, display_name
from ..i18n import _

MAX_FILE_BYTES = 2 * 1024 * 1024


def read_text(path: Path) -> str:
    name = display_name(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError([Diagnostic(name, None, (), not_found())]) from None
    except OSError as exc:
        raise InputError([Diagnostic(name, None, (), cannot_read(exc))]) from None
    if not path.is_file():
        raise InputError([Diagnostic(name, None, (), _("no es un archivo"))])
    if size > MAX_FILE_BYTES:
        raise InputError([Diagnostic(name, None, (), too_large(size))])
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        line = exc.object[:exc.start].count(b"\n") + 1
        raise InputError([Diagnostic(name, line, (), _(
            "no es texto UTF-8 (byte {byte}); guarde el archivo como UTF-8").format(
            byte=exc.start))]) from None
    except OSError as exc:
        raise InputError([Diagnostic(name, None, (), cannot_read(exc))]) from None


def not_found() -> str:
    return _("no se encontró el archivo")


def cannot_read(exc: OSError) -> str:
    return _("no se puede leer: {reason}").format(reason=exc.strerror)


def too_large(size: int) -> str:
    return _("el archivo tiene {size} bytes; el límite de un documento pmg es {limit} "
             "bytes").format(size=size, limit=MAX_FILE_BYTES)
