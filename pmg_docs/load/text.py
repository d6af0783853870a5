"""Reading a source file's text: size-limited, UTF-8, every failure a located message."""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostic, InputError, display_name
from ..i18n import _

MAX_FILE_BYTES = 2 * 1024 * 1024


def read_text(path: Path, name: str | None = None) -> str:
    """The file's text; `name` is how messages name it (its display name when None)."""
    name = display_name(path) if name is None else name
    try:
        if not path.is_file():
            if not path.exists():
                raise InputError([Diagnostic(name, None, (), not_found())])
            raise InputError([Diagnostic(name, None, (), _("no es un archivo"))])
        # Read at most one byte past the limit: a file's reported size is not to be trusted
        # (/proc files report 0, a file may grow while it is read).
        with open(path, "rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise InputError([Diagnostic(name, None, (), cannot_read(exc))]) from None
    if len(data) > MAX_FILE_BYTES:
        raise InputError([Diagnostic(name, None, (), too_large(_size(path, len(data))))])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = exc.object[:exc.start].count(b"\n") + 1
        raise InputError([Diagnostic(name, line, (), not_utf8(exc))]) from None


def not_utf8(exc: UnicodeDecodeError) -> str:
    """What to do about a file saved in another encoding (Windows' own, most often: an «é» as
    the byte E9; or Notepad's «Unicode», UTF-16), in the three editors people use."""
    return _lead(exc) + _("; guárdelo como UTF-8: en el Bloc de notas, Archivo › Guardar como › "
                          "Codificación: UTF-8; en Word, Guardar como › Texto sin formato › "
                          "Codificación: Unicode (UTF-8); en VS Code, la codificación en la barra "
                          "de abajo › Guardar con codificación › UTF-8")


def _lead(exc: UnicodeDecodeError) -> str:
    if exc.object[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return _("no es texto UTF-8: está guardado como UTF-16 («Unicode» en el Bloc de notas)")
    byte = exc.object[exc.start:exc.start + 1]
    try:
        seen = byte.decode("cp1252")
    except UnicodeDecodeError:
        return _("no es texto UTF-8 (byte {byte})").format(byte=exc.start)
    return _("no es texto UTF-8: el byte {byte} es «{seen}» guardado con la codificación de "
             "Windows").format(byte=f"0x{byte.hex().upper()}", seen=seen)


def _size(path: Path, read: int) -> int | None:
    """The file's size, when it says one larger than what was read; None when it does not
    know (a /proc file)."""
    try:
        size = path.stat().st_size
    except OSError:
        return None
    return size if size >= read else None


def not_found() -> str:
    return _("no se encontró el archivo")


def cannot_read(exc: OSError) -> str:
    return _("no se puede leer: {reason}").format(reason=exc.strerror)


def too_large(size: int | None) -> str:
    if size is None:
        return _("el archivo tiene más de {limit} bytes, el límite de un documento "
                 "pmg").format(limit=MAX_FILE_BYTES)
    return _("el archivo tiene {size} bytes; el límite de un documento pmg es {limit} "
             "bytes").format(size=size, limit=MAX_FILE_BYTES)
