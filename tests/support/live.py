"""A real `pmg serve` on a free port of 127.0.0.1, over a copy of the examples, and headless
Chromium (Debian's package, driven by Playwright) to look at it, for the tests of
`tests/serve/`."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from tests.support.paths import ROOT

CHROMIUM = "/usr/bin/chromium"
# What works on these machines: no sandbox as root, and none of Chromium's own connections,
# which the closed network refuses.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


class Server:
    """`pmg serve FOLDER --port 0` in a process of its own, as a user starts it."""

    def __init__(self, folder: Path, *options: str):
        self.folder = folder
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pmg_docs.cli", "serve", str(folder), "--port", "0",
             *options],
            cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            start_new_session=True)
        line = self.process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if match is None:
            self.stop()
            raise AssertionError(f"pmg serve did not start: {line!r} {self.process.stderr.read()}")
        self.port = int(match[1])
        self.url = match[0]

    def json(self, path: str) -> dict:
        with urllib.request.urlopen(self.url.rstrip("/") + path, timeout=10) as response:
            return json.load(response)

    def source(self, name: str) -> dict:
        return self.json(f"/api/source?path={urllib.request.quote(name)}")

    def listed(self, name: str) -> dict:
        """The source's state as the list has it (asking for it alone would render it)."""
        return next(s for s in self.json("/api/sources")["sources"] if s["name"] == name)

    def wait(self, name: str, done, timeout: float = 60.0, listed: bool = False) -> dict:
        """Poll the source's state until `done(state)` holds."""
        deadline = time.monotonic() + timeout
        while True:
            state = self.listed(name) if listed else self.source(name)
            if done(state):
                return state
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting on {name}: {state}")
            time.sleep(0.1)

    def stop(self) -> str:
        """Ctrl+C, as a user stops it; its standard error."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        return self.process.stderr.read()


def copy_examples(target: Path) -> Path:
    shutil.copytree(ROOT / "examples", target)
    return target


@contextlib.contextmanager
def chromium_context():
    """A fresh headless Chromium profile, as Playwright drives it."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), ("the browser tests need Debian's chromium "
                                     "(apt-get install chromium; .ci/run installs it)")
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
            viewport={"width": 1280, "height": 900}, accept_downloads=True)
        try:
            yield context
        finally:
            context.close()


def watch_errors(page) -> list[str]:
    """The page's script errors and failed loads, gathered for the test to assert on."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    return errors
