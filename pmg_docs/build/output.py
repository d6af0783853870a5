"""Writing documents into an output folder that may be read-only, full, or not what it seems.

Every document goes to a temporary file that is renamed into place (`output.atomic_write`), so a
failure leaves the old complete file or none. Before that, the path is checked one folder at a
time from the output folder down: a symbolic link (to a file or a folder) inside the output
folder is refused rather than followed, so a build never writes outside it, and a file standing
where a folder must be is named. Every failure is a located message, never a traceback.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ..diagnostics import Diagnostic, display_name
from ..i18n import _
from ..output import atomic_write


class OutputError(Exception):
    """A document cannot be written where it belongs; carries the located message."""

    def __init__(self, diagnostic: Diagnostic):
        super().__init__(str(diagnostic))
        self.diagnostic = diagnostic


def _problem(path: Path, message: str) -> OutputError:
    return OutputError(Diagnostic(display_name(path), None, (), message))


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
    }
    reason = reasons.get(exc.errno, exc.strerror or str(exc))
    return _problem(path, _("no se pudo escribir el documento: {reason}; no se dejó ningún "
                            "archivo a medias. Se espera una carpeta de salida en la que se "
                            "pueda escribir").format(reason=reason))


def safe_target(out_dir: Path, relative: Path) -> Path:
    """`out_dir/relative`, after checking that no part of it below `out_dir` is a symbolic link
    or a file where a folder must be. `out_dir` itself may be a link: the user chose it."""
    if relative.is_absolute() or ".." in relative.parts:
        raise _problem(out_dir / relative, _(
            "la ruta saldría de la carpeta de salida; se espera una ruta dentro de ella"))
    current = out_dir
    parts = relative.parts
    for index, part in enumerate(parts):
        current = current / part
        try:
            info = current.lstat()
        except FileNotFoundError:
            break  # created below, by us, as a real folder
        except OSError as exc:
            raise os_problem(current, exc) from None
        last = index == len(parts) - 1
        if stat.S_ISLNK(info.st_mode):
            raise _problem(current, _(
                "es un enlace simbólico dentro de la carpeta de salida; pmg no escribe a través "
                "de enlaces. Se espera un archivo o una carpeta de verdad: borre el enlace"))
        if not last and not stat.S_ISDIR(info.st_mode):
            raise _problem(current, _(
                "es un archivo, pero aquí se necesita una carpeta para {name}; se espera una "
                "carpeta").format(name=relative.as_posix()))
        if last and not stat.S_ISREG(info.st_mode):
            raise _problem(current, _(
                "ya existe y no es un archivo común; se espera un documento o nada en su lugar"))
    return out_dir / relative


def write_document(out_dir: Path, relative: Path, data: bytes) -> Path:
    """Write `data` as `out_dir/relative`, atomically. Raises OutputError."""
    target = safe_target(out_dir, relative)
    try:
        atomic_write(target, data)
    except OSError as exc:
        raise os_problem(target, exc) from None
    return target


def prepare_folder(out_dir: Path) -> None:
    """Create the output folder (and its parents). Raises OutputError."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise _problem(out_dir, _("es un archivo, no una carpeta; se espera una carpeta de "
                                  "salida")) from None
    except OSError as exc:
        raise os_problem(out_dir, exc) from None
    if not out_dir.is_dir():
        raise _problem(out_dir, _("no es una carpeta; se espera una carpeta de salida"))


def is_regular_file(path: Path) -> bool:
    """A plain file (not a link, a device, a pipe or a folder)."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False
