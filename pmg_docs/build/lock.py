"""One build at a time per output folder.

Two builds writing into one folder would remove each other's temporary files and interleave
their caches. The first takes an exclusive lock on the output folder itself (`flock` on the
folder: nothing is added to it, and the system releases the lock when the process ends,
however it ends, so a killed build never leaves the folder locked); the second is told and
stops before touching anything.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..diagnostics import Diagnostic, OutputError, display_name
from ..i18n import _
from ..output import os_problem, prepare_folder


@contextmanager
def locked(out_dir: Path, create: bool = True) -> Iterator[None]:
    """Hold the output folder's lock for the duration; raises OutputError when another build
    holds it or the folder cannot be made. With `create` false, a folder that does not exist
    yet is left so (`pmg render` of a source with errors creates nothing) and not locked: no
    build is writing into it."""
    if not create and not os.path.lexists(out_dir):
        yield
        return
    prepare_folder(out_dir)
    try:
        handle = os.open(out_dir, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError as exc:
        raise os_problem(out_dir, exc) from None
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputError(Diagnostic(display_name(out_dir), None, (), _(
                "otra ejecución de pmg está escribiendo en esta carpeta; se espera que termine "
                "antes de empezar otra, o una carpeta de salida distinta (-o)"))) from None
        yield
    finally:
        os.close(handle)
