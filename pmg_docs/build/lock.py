"""One build at a time per output folder.

Two builds writing into one folder would remove each other's temporary files and interleave
their caches. The first takes an exclusive lock on `OUT/.pmg-build.lock` (`flock`: the system
releases it when the process ends, however it ends, so a killed build never leaves the folder
locked); the second is told who holds it and stops before touching anything.
"""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path

from ..diagnostics import Diagnostic, display_name
from ..i18n import _
from .output import OutputError, os_problem, prepare_folder

LOCK_NAME = ".pmg-build.lock"


@contextmanager
def locked(out_dir: Path):
    """Hold the output folder's lock for the duration; raises OutputError when another build
    holds it or the folder cannot be written."""
    prepare_folder(out_dir)
    path = out_dir / LOCK_NAME
    try:
        # O_NOFOLLOW: a link planted in the folder does not make us open another file.
        handle = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        raise os_problem(path, exc) from None
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(handle, 32, 0).decode("ascii", "replace").strip()
            raise OutputError(Diagnostic(display_name(out_dir), None, (), _(
                "otra ejecución de pmg (proceso {pid}) está escribiendo en esta carpeta; se "
                "espera que termine antes de empezar otra, o una carpeta de salida distinta "
                "(-o)").format(pid=holder or "?"))) from None
        try:
            os.ftruncate(handle, 0)
            os.pwrite(handle, f"{os.getpid()}\n".encode("ascii"), 0)
        except OSError:
            pass  # the process id only makes the message to a second build clearer
        yield
    finally:
        os.close(handle)
