"""One build at a time per output folder.

Two builds writing into one folder would remove each other's temporary files and interleave
their caches. The first takes an exclusive lock for the output folder; the second is told and
stops before touching anything.

The lock is a file lock of the `filelock` library (flock on POSIX, LockFileEx on Windows: the
system releases it when the process ends, however it ends, so a killed build never leaves the
folder locked). Its file is not kept in the output folder, nor beside it (`pmg export -o
libro.xlsx` locks the folder the workbook goes to, often the user's working folder): it lives
in the user's cache folder (`~/.cache/pmg-docs/locks` on Linux, `%LOCALAPPDATA%\\pmg-docs\\Cache
\\locks` on Windows, `~/Library/Caches/pmg-docs/locks` on macOS), named by a hash of the output
folder's resolved path, so the folders a build writes hold only its documents.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..diagnostics import Diagnostic, OutputError, display_name
from ..i18n import _
from ..output import os_problem, prepare_folder


def lock_path(out_dir: Path) -> Path:
    """The lock file of an output folder: one per folder whatever path names it (a link, a
    relative path, another case where names ignore it: Windows, and macOS by default; on a
    case-sensitive Mac two folders that differ only in case merely wait for each other)."""
    import platformdirs

    resolved = os.path.normcase(str(out_dir.resolve()))  # folds case on Windows
    if sys.platform == "darwin":
        resolved = resolved.casefold()
    key = hashlib.sha256(resolved.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    folder = Path(platformdirs.user_cache_dir("pmg-docs", appauthor=False)) / "locks"
    return folder / f"{key}.lock"


@contextmanager
def locked(out_dir: Path, create: bool = True) -> Iterator[None]:
    """Hold the output folder's lock for the duration; raises OutputError when another build
    holds it or the folder cannot be made. With `create` false, a folder that does not exist
    yet is left so (`pmg render` of a source with errors creates nothing) and not locked: no
    build is writing into it."""
    from filelock import FileLock, Timeout

    if not create and not os.path.lexists(out_dir):
        yield
        return
    prepare_folder(out_dir)
    path = lock_path(out_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # timeout 0: fail at once rather than wait; a lock per call, never shared between
        # threads or reused, so that two builds in one process exclude each other too.
        lock = FileLock(path, timeout=0, thread_local=False)
        lock.acquire()
    except Timeout:
        raise OutputError(Diagnostic(display_name(out_dir), None, (), _(
            "otra ejecución de pmg está escribiendo en esta carpeta; se espera que termine "
            "antes de empezar otra, o una carpeta de salida distinta (-o)"))) from None
    except OSError as exc:
        raise os_problem(path, exc) from None
    try:
        yield
    finally:
        lock.release()
