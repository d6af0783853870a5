"""The warm worker: a process of its own that imports WeasyPrint once and renders previews.

The server only sends it paths and reads back findings and bytes, so a render that runs away
(or crashes) never stops the server from answering: past its time limit the worker is ended
and a fresh one started. Messages cross a multiprocessing pipe:

    server -> worker   ("check", path)  ("render", path, names of the pages it holds)
                       ("docx", path): the DOCX of the last good render of path
    worker -> server   ("result", Result)  ("docx", Docx, or None when this worker has not
                       rendered path)  ("failed", traceback) for a bug in pmg-docs

The DOCX is made only when asked for: while someone types, the CPU goes to the pages.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.context import SpawnProcess
from pathlib import Path
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostic
from ..writers.pdf_library import DEFAULT_ENGINE

if TYPE_CHECKING:  # the worker imports the loader once it runs, not the server
    pass

# Long enough for a cold machine to import WeasyPrint and lay out a first page.
START_TIMEOUT = 120.0


@dataclass(frozen=True)
class Settings:
    catalog_dirs: tuple[Path, ...] = ()
    templates: Path | None = None
    # The PDF engine of the previews (writers/pdf_library.ENGINES).
    pdf_engine: str = DEFAULT_ENGINE


@dataclass
class Result:
    diagnostics: list[Diagnostic]
    kind: str | None = None
    inputs: list[Path] = field(default_factory=list)
    pdf: bytes | None = None
    pages: list = field(default_factory=list)   # raster.Page, JPEG only for new names
    # How long the worker took, on the clock and on the CPU (the two differ on a busy machine).
    seconds: float = 0.0
    cpu_seconds: float = 0.0


@dataclass
class Docx:
    data: bytes
    diagnostics: list[Diagnostic]


class WorkerFailed(Exception):
    """The worker ran past its time limit, died, or hit a bug; it has been ended."""


class Worker:
    """The server's handle on the worker process. Not thread-safe: one caller at a time."""

    def __init__(self, settings: Settings, timeout: float):
        self.settings = settings
        self.timeout = timeout
        self._process: SpawnProcess | None = None
        self._conn: Connection | None = None

    def start(self) -> None:
        # spawn, not fork: the server's threads and event loop are not copied into the worker.
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        process = context.Process(target=_main, args=(child, self.settings), daemon=True,
                                  name="pmg-serve-worker")
        self._process = process
        process.start()
        child.close()
        self._expect("ready", START_TIMEOUT)

    def stop(self) -> None:
        if self._process is not None:
            self._pipe().close()
            self._process.kill()
            self._process.join()
        self._process = self._conn = None

    def _send(self, request: tuple) -> None:
        """Send a request, starting a fresh worker first if the last one was ended."""
        if self._process is None or not self._process.is_alive():
            self.stop()
            self.start()
        self._pipe().send(request)

    def ask(self, request: tuple, expected: str):
        """Send a request and return its reply, which must be `expected`; WorkerFailed past
        the time limit."""
        self._send(request)
        return self._expect(expected, self.timeout)

    def _pipe(self) -> Connection:
        """The pipe to the worker, which `start` opens with the process."""
        assert self._conn is not None, "the worker is started"
        return self._conn

    def _expect(self, expected: str, timeout: float):
        try:
            if not self._pipe().poll(timeout):
                raise WorkerFailed("timeout")
            tag, payload = self._pipe().recv()
        except (EOFError, OSError) as exc:
            self.stop()
            raise WorkerFailed("died") from exc
        except WorkerFailed:
            self.stop()
            raise
        if tag != expected:
            self.stop()
            raise WorkerFailed(payload if tag == "failed" else f"expected {expected}, got {tag}")
        return payload


# --- inside the worker process -----------------------------------------------------------------

def _catalog_files(catalog_dirs: tuple[Path, ...]) -> list[tuple]:
    """(path, modification time, size) of every catalog file: different whenever one changed."""
    from ..load import CatalogRegistry

    state = []
    for path in CatalogRegistry(catalog_dirs).paths().values():
        try:
            stat = path.stat()
        except OSError:
            continue
        state.append((path, stat.st_mtime_ns, stat.st_size))
    return state


def _warm(engine: str) -> None:
    """What every rendering process warms (render/warm.py), and the page images: lay out and
    draw one line, so that the first preview costs what the others do."""
    from ..diagnostics import PdfLibraryMissing
    from ..render.warm import warm_up
    from ..writers.pdf_library import pdf_writer
    from . import raster

    warm_up(("pdf",), engine)  # the DOCX is made only when asked for: its writer is imported then
    try:
        raster.pages(pdf_writer(engine).write_pdf("<p>pmg</p>")[0])
    except PdfLibraryMissing:
        pass  # each preview says so


class _Session:
    """What the worker keeps between requests: the catalogs, and for each source the way to
    make the DOCX of its last good render."""

    def __init__(self, settings: Settings):
        from ..load.catalogs import KeptRegistry

        self.settings = settings
        # Made anew only when a catalog file changed: this process lives as long as the server.
        self.catalogs = KeptRegistry(settings.catalog_dirs)
        self.docx: dict[str, Callable[[], tuple[bytes, list[Diagnostic]]]] = {}

    def answer(self, request: tuple) -> tuple:
        from . import raster
        from .preview import preview

        kind, path = request[0], request[1]
        if kind == "docx":
            make = self.docx.get(path)
            return ("docx", Docx(*make()) if make is not None else None)
        started, cpu = time.perf_counter(), time.process_time()
        registry = self.catalogs.current(_catalog_files(self.catalogs.catalog_dirs))
        found = preview(Path(path), registry, self.settings.templates, render=kind == "render",
                        pdf_engine=self.settings.pdf_engine)
        pages = raster.pages(found.pdf, request[2]) if found.pdf is not None else []
        if found.docx is not None:
            self.docx[path] = found.docx
        return ("result", Result(found.diagnostics, found.kind, found.inputs, found.pdf, pages,
                                 time.perf_counter() - started, time.process_time() - cpu))


def _main(conn, settings: Settings) -> None:
    # Ctrl+C in the terminal reaches the whole process group; the server decides when we stop.
    import signal

    from ..build.lifetime import end_with_parent

    end_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _warm(settings.pdf_engine)
    conn.send(("ready", None))
    session = _Session(settings)
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        try:
            reply = session.answer(request)
        except Exception:  # noqa: BLE001 - reported to the server, which starts a fresh worker
            reply = ("failed", traceback.format_exc())
        conn.send(reply)
