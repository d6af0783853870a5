"""After `kill -9` of `pmg serve` its preview worker does not go on rendering: it watches the
process that started it and ends when that is gone (it kept a runaway render at 90 % CPU)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support.paths import ROOT
from tests.support.processes import running

# The server's part: start the worker as `pmg serve` does (spawn), say its id, and wait.
SERVER = """
import multiprocessing, time
from tests.serve.orphan_worker import run_away
if __name__ == "__main__":
    worker = multiprocessing.get_context("spawn").Process(target=run_away, daemon=True)
    worker.start()
    print(worker.pid, flush=True)
    time.sleep(600)
"""



@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_the_worker_ends_when_its_server_is_killed():
    server = subprocess.Popen([sys.executable, "-c", SERVER], cwd=ROOT, stdout=subprocess.PIPE,
                              text=True, start_new_session=True)
    worker = int(server.stdout.readline())
    try:
        assert running(worker)
        os.kill(server.pid, signal.SIGKILL)
        server.wait()
        # A bound for a loaded machine, not a measure: without the watch it never ends.
        deadline = time.monotonic() + 60
        while running(worker) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not running(worker)
    finally:
        if running(worker):
            os.kill(worker, signal.SIGKILL)
