"""The one way pmg writes a file: documents, the guide, the report, workbooks, signed PDFs, new
sources, `pmg fmt`'s rewrites, schemas, the build's cache.

Every file goes to a temporary file in its own folder that is renamed into place, so a failure
leaves the old complete file or none, never a half-written one. Missing folders are created. A
target that is a symbolic link is refused rather than followed, and so is a link anywhere below
an output folder (a build never writes outside it). A folder that cannot be written, a link, a
full disk: each is an `OutputError`, one located message

    <ruta>: no se puede escribir: <por qué>; <qué hacer>

that the command line reports with exit 1, never a traceback.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from .diagnostics import Diagnostic, OutputError, display_name
from .i18n import _

# The permissions of a file pmg creates (a file `pmg fmt` rewrites keeps its own).
FILE_MODE = 0o644


def document_name(base: Path, fmt: str) -> Path:
    """The one naming rule of a document: its base (a source's path below the folder rendered,
    or the name its kind gives it: `requisitos-SISTEMA`, `resultados-AÑO`) with the suffix of
    its format (`.pdf`, `.docx`, `.xlsx`)."""
    return base.with_suffix(f".{fmt}")


def write_file(path: Path, data: bytes, *, within: Path | None = None,
               mode: int = FILE_MODE) -> Path:
    """Write `data` as `path`, atomically, creating its folders. With `within` (an output
    folder, which `path` must be inside), no part of `path` below it may be a link; without,
    only `path` itself may not. Returns `path`; raises OutputError."""
    if within is not None:
        prepare_folder(within)
        _check_below(within, path)
    else:
        _make_folder(path.parent)
        _check_target(path)
    try:
        _replace(path, data, mode)
    except OSError as exc:
        raise os_problem(path, exc) from None
    return path


def write_document(out_dir: Path, name: Path, data: bytes) -> Path:
    """Write `data` as `out_dir/name` (see `write_file`). Raises OutputError."""
    return write_file(out_dir / name, data, within=out_dir)


def prepare_folder(out_dir: Path) -> None:
    """Create an output folder (and its parents). It may be a link: the user chose it. Raises
    OutputError."""
    _make_folder(out_dir)
    if not out_dir.is_dir():
        raise refused(out_dir, _("no es una carpeta"), _("se espera una carpeta de salida"))


def refused(path: Path, reason: str, remedy: str) -> OutputError:
    """The located message for a file or folder pmg cannot write: why, then what to do."""
    return OutputError(Diagnostic(display_name(path), None, (), _(
        "no se puede escribir: {reason}; {remedy}").format(reason=reason, remedy=remedy)),
        reason=reason)


# Windows will not replace a file another program holds open (a DOCX open in Word, a PDF in a
# reader): ERROR_ACCESS_DENIED (5) or ERROR_SHARING_VIOLATION (32), where POSIX replaces it.
_HELD_OPEN = (5, 32)


def os_problem(path: Path, exc: OSError) -> OutputError:
    """The message for an operating-system error while writing `path`."""
    reasons = {
        errno.EROFS: _("la carpeta está en un sistema de archivos de solo lectura"),
        errno.ENOSPC: _("no queda espacio en el disco"),
        errno.EDQUOT: _("se agotó la cuota de disco"),
        errno.EACCES: _("no hay permiso para escribir allí"),
        errno.EPERM: _("no hay permiso para escribir allí"),
        errno.ENOTDIR: _("una parte de la ruta es un archivo, no una carpeta"),
        errno.EEXIST: _("una parte de la ruta es un archivo, no una carpeta"),
        errno.ELOOP: _("una parte de la ruta es un enlace simbólico que no lleva a ninguna parte"),
    }
    if getattr(exc, "winerror", None) in _HELD_OPEN and os.path.lexists(path):
        return refused(path, _("el archivo está abierto en otro programa (Word, Excel o el "
                               "lector de PDF), o no hay permiso para reemplazarlo"),
                       _("no quedó ningún archivo a medias. Ciérrelo allí y vuelva a ejecutar "
                         "el comando"))
    reason = reasons.get(exc.errno or 0, exc.strerror or str(exc))
    return refused(path, reason, _("no quedó ningún archivo a medias. Se espera una carpeta en "
                                   "la que se pueda escribir y con espacio libre"))


def is_regular_file(path: Path) -> bool:
    """A plain file (not a link, a device, a pipe or a folder)."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise refused(folder, _("es un archivo, no una carpeta"),
                      _("se espera una carpeta")) from None
    except OSError as exc:
        raise os_problem(folder, exc) from None


def _link(path: Path) -> OutputError:
    return refused(path, _("es un enlace simbólico, y pmg no escribe a través de enlaces"),
                   _("se espera un archivo o una carpeta de verdad: borre el enlace o elija "
                     "otro nombre"))


def _check_target(path: Path) -> None:
    """The file about to be replaced is a plain file, or nothing yet."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise os_problem(path, exc) from None
    if stat.S_ISLNK(info.st_mode):
        raise _link(path)
    if not stat.S_ISREG(info.st_mode):
        raise refused(path, _("ya existe y no es un archivo común"),
                      _("se espera un documento o nada en su lugar"))


def _check_below(out_dir: Path, path: Path) -> None:
    """Each part of `path` below `out_dir`, one at a time from the top: a folder that exists is
    a real folder, not a link or a file; the target is a plain file or nothing yet. Missing
    folders are created here, as real folders."""
    try:
        relative = path.relative_to(out_dir)
    except ValueError:
        relative = path
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise refused(path, _("la ruta saldría de la carpeta de salida {folder}").format(
            folder=display_name(out_dir)), _("se espera una ruta dentro de ella"))
    current = out_dir
    for part in relative.parts[:-1]:
        current = current / part
        try:
            info = current.lstat()
        except FileNotFoundError:
            _make_folder(current)
            continue
        except OSError as exc:
            raise os_problem(current, exc) from None
        if stat.S_ISLNK(info.st_mode):
            raise _link(current)
        if not stat.S_ISDIR(info.st_mode):
            raise refused(current, _("es un archivo, pero aquí se necesita una carpeta para "
                                     "{name}").format(name=relative.as_posix()),
                          _("se espera una carpeta: muévalo o elija otra carpeta de salida"))
    _check_target(path)


def _replace(path: Path, data: bytes, mode: int) -> None:
    """Write `data` to a temporary file beside `path`, flush it to disk, then rename it over."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
