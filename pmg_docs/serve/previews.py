"""What the server knows of each source under the folder, and the order the worker takes them in.

Every source is checked once at start and again after each change, for the list's states. A
source someone opened is *wanted*: each change renders it. Jobs wait in one queue that holds
each source at most once, so a burst of saves while the worker is busy renders once, after it.
A DOCX someone is waiting for goes first, then renders of wanted sources, then checks. A render
that finds errors keeps the last good pages (marked `stale`), so the page shows the errors
beside the document as it last was.
"""

from __future__ import annotations

import asyncio
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from .. import kinds
from ..diagnostics import Diagnostic, Severity, display_name
from ..i18n import _
from ..load.sources import iter_source_files
from .worker import Worker, WorkerFailed

CHECK, RENDER = "check", "render"


@dataclass
class Source:
    name: str                    # its path under the folder, with "/"
    path: Path
    state: str = "pending"       # pending | ok | warnings | errors
    kind: str | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    inputs: set[Path] = field(default_factory=set)
    wanted: bool = False
    busy: bool = False
    # The last good preview: its pages (names and sizes; the images are in Previews.images).
    pages: list[dict] = field(default_factory=list)
    pdf: bytes | None = None
    docx: bytes | None = None
    version: int = 0             # counts the previews shown, so the page knows what is new
    shown_at: float | None = None
    stale: bool = False          # the file changed since, and the change could not be laid out
    # Counts the changes told to the pages, so that a page keeps the newest of what reaches it
    # by two ways (the events, and the lists it asks for).
    revision: int = 0
    seconds: float | None = None   # the last preview's time in the worker
    cpu_seconds: float | None = None

    def summary(self) -> dict:
        """What the page needs to show it, as JSON."""
        return {
            "name": self.name, "state": self.state, "kind": self.kind, "busy": self.busy,
            "wanted": self.wanted, "catalog": kinds.is_catalog(self.kind),
            "diagnostics": [_diagnostic(d) for d in self.diagnostics],
            "pages": self.pages, "version": self.version, "shown_at": self.shown_at,
            "stale": self.stale, "pdf": self.pdf is not None, "docx": self.docx is not None,
            "seconds": self.seconds, "cpu_seconds": self.cpu_seconds, "revision": self.revision,
        }


def _diagnostic(diagnostic: Diagnostic) -> dict:
    # The place as the terminal names it: "Objetivo N°2 › ponderación", else the field path.
    return {"where": diagnostic.where, "place": diagnostic.place,
            "message": diagnostic.message, "severity": diagnostic.severity.value}


def _state(diagnostics: list[Diagnostic]) -> str:
    if any(d.severity is Severity.ERROR for d in diagnostics):
        return "errors"
    return "warnings" if diagnostics else "ok"


class Previews:
    """The sources under `folder`, their states and previews, and the queue of the worker."""

    def __init__(self, folder: Path, worker: Worker):
        self.folder = Path(folder)
        self.root = self.folder.resolve()
        self.worker = worker
        self.sources: dict[str, Source] = {}
        self.images: dict[str, bytes] = {}
        self._pending: dict[str, str] = {}
        # Requests for a DOCX, by source: answered when the worker has made it.
        self._waiting: dict[str, list[asyncio.Future]] = {}
        self._wake = asyncio.Event()
        self._listeners: set[asyncio.Queue] = set()

    # --- the list --------------------------------------------------------------------------

    def discover(self) -> bool:
        """Find the sources under the folder, as `pmg build` does; True when the list changed.
        A link that leads out of the folder is no source of it."""
        files, _problems = iter_source_files([self.folder],
                                             [self.worker.settings.templates])
        found = {}
        for path in files:
            if path.resolve().is_relative_to(self.root):
                found[path.relative_to(self.folder).as_posix()] = path
        if found.keys() == self.sources.keys():
            return False
        self.sources = {name: self.sources.get(name) or Source(name, path)
                        for name, path in found.items()}
        for name, source in self.sources.items():
            if source.state == "pending":
                self.schedule(name)
        return True

    def summaries(self) -> list[dict]:
        return [source.summary() for source in self.sources.values()]

    # --- what to do next -------------------------------------------------------------------

    def want(self, name: str) -> Source | None:
        """Someone opened this source: render it now and after every change."""
        source = self.sources.get(name)
        if source is not None and not source.wanted:
            source.wanted = True
            self.schedule(name)
        return source

    def schedule(self, name: str) -> None:
        source = self.sources[name]
        if self._pending.get(name) != RENDER:
            self._pending[name] = RENDER if source.wanted else CHECK
        self._wake.set()

    def changed(self, paths: set[Path], added_or_deleted: bool = True) -> None:
        """Files changed on disk: find the sources again if files came or went, and redo each
        source that is one of them or was made of one of them. A change outside the folder
        (the catalogs, the templates) redoes every source."""
        if added_or_deleted and self.discover():
            self._publish("list", {})   # the page reads the list again
        changed = {Path(p).resolve() for p in paths}
        everything = any(not p.is_relative_to(self.root) for p in changed)
        for name, source in self.sources.items():
            if everything or source.path.resolve() in changed or source.inputs & changed:
                self.schedule(name)

    async def docx(self, source: Source) -> bytes | None:
        """The DOCX of the source's last good preview, made now if it was not yet."""
        if source.docx is None and source.pdf is not None:
            future = asyncio.get_running_loop().create_future()
            self._waiting.setdefault(source.name, []).append(future)
            self._wake.set()
            await future
        return source.docx

    def _take(self) -> tuple[str, str]:
        name = next((n for n, job in self._pending.items() if job == RENDER),
                    next(iter(self._pending)))
        return name, self._pending.pop(name)

    # --- the loop that feeds the worker ----------------------------------------------------

    async def run(self) -> None:
        try:
            await asyncio.to_thread(self.worker.start)
        except WorkerFailed:
            # Each job tries again, and says so on the page; the worker printed why it failed.
            print(_("pmg serve: no se pudo iniciar el proceso que prepara las vistas previas"),
                  file=sys.stderr, flush=True)
        while True:
            if self._waiting:
                await self._make_docx(next(iter(self._waiting)))
                continue
            if not self._pending:
                self._wake.clear()
                await self._wake.wait()
                continue
            name, job = self._take()
            source = self.sources.get(name)
            if source is not None:
                await self._run(source, job)

    async def _run(self, source: Source, job: str) -> None:
        source.busy = True
        self._changed(source)
        request = (job, str(source.path), frozenset(self.images))
        try:
            self._apply(source, job, await asyncio.to_thread(self.worker.ask, request, "result"))
        except WorkerFailed as exc:
            self._failed(source, exc)
        source.busy = False
        self._changed(source)

    async def _make_docx(self, name: str) -> None:
        waiting = self._waiting.pop(name)
        source = self.sources.get(name)
        try:
            if source is not None and source.pdf is not None and source.docx is None:
                await self._ask_docx(source)
        finally:
            for future in waiting:
                if not future.done():
                    future.set_result(None)

    async def _ask_docx(self, source: Source) -> None:
        request = ("docx", str(source.path))
        try:
            made = await asyncio.to_thread(self.worker.ask, request, "docx")
            if made is None:
                # The worker was replaced since that render: render again, then ask again.
                await self._run(source, RENDER)
                if source.pdf is None:
                    return
                made = await asyncio.to_thread(self.worker.ask, request, "docx")
        except WorkerFailed as exc:
            self._failed(source, exc)
            self._changed(source)
            return
        source.docx = made.data or None
        # Laying the document out again finds what the preview's layout found: said once.
        source.diagnostics += [d for d in made.diagnostics if d not in source.diagnostics]
        source.state = _state(source.diagnostics)
        self._changed(source)

    def _apply(self, source: Source, job: str, result) -> None:
        source.kind = result.kind
        source.diagnostics = list(result.diagnostics)
        source.state = _state(source.diagnostics)
        source.inputs = {Path(p).resolve() for p in result.inputs}
        if job != RENDER:
            return
        if result.pdf is None:
            source.stale = bool(source.pages)
            return
        for page in result.pages:
            if page.jpeg is not None:
                self.images[page.name] = page.jpeg
        previous = {page["name"] for page in source.pages}
        source.pages = [{"name": p.name, "width": p.width, "height": p.height}
                        for p in result.pages]
        source.pdf, source.docx = result.pdf, None
        source.version += 1
        source.shown_at = time.time()
        source.stale = False
        source.seconds = round(result.seconds, 3)
        source.cpu_seconds = round(result.cpu_seconds, 3)
        self._forget_images(keep=previous)

    def _forget_images(self, keep: set[str]) -> None:
        # A page just replaced may still be on its way to a browser: it stays one round more.
        used = keep | {page["name"] for s in self.sources.values() for page in s.pages}
        for name in [n for n in self.images if n not in used]:
            del self.images[name]

    def _failed(self, source: Source, exc: WorkerFailed) -> None:
        if str(exc) == "timeout":
            message = _("la vista previa tardó más de {seconds:g} s y se detuvo; se reintentará "
                        "con el próximo guardado").format(seconds=self.worker.timeout)
        else:
            # A bug in pmg-docs: the whole traceback goes to the terminal, for the report.
            print(exc, file=sys.stderr, flush=True)
            message = _("error interno al preparar la vista previa (un error de pmg-docs; la "
                        "terminal de `pmg serve` muestra el detalle para reportarlo)")
        source.diagnostics = [Diagnostic(display_name(source.path), None, (), message)]
        source.state = "errors"
        source.stale = bool(source.pages)

    # --- who is told -----------------------------------------------------------------------

    def listen(self) -> asyncio.Queue:
        queue: asyncio.Queue = asyncio.Queue()
        self._listeners.add(queue)
        return queue

    def forget(self, queue: asyncio.Queue) -> None:
        self._listeners.discard(queue)

    def _changed(self, source: Source) -> None:
        source.revision += 1
        self._publish("source", source.summary())

    def _publish(self, event: str, data: dict) -> None:
        for queue in self._listeners:
            queue.put_nowait((event, data))
