"""A worker process ends with the process that started it: a build's pool worker, the preview's
worker. Otherwise a parent killed outright (`kill -9`, the Task Manager's «Finalizar tarea»)
would leave workers writing into a folder the user has moved on from, or a render that runs
away with no time limit left to apply.

The portable way, on every system: a thread waits on the parent's sentinel (multiprocessing's
handle on the parent: a pipe on POSIX, a process handle on Windows) and ends this process when
it fires. On Linux the kernel is also asked to kill the worker when its parent ends
(PR_SET_PDEATHSIG): an extra that also stops a worker whose main thread is inside native code
that holds the GIL, where the waiting thread cannot run.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import sys
import threading


def end_with_parent() -> None:
    """From now on, end this process as soon as the process that started it is gone. Does
    nothing in a process that multiprocessing did not start."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)  # nothing to save: a worker holds only what it could make again

    threading.Thread(target=watch, name="pmg-parent-watch", daemon=True).start()
