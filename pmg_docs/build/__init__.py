"""Rendering many sources: `pmg render FILE…` and `pmg build DIR`.

A build is incremental (a document is redone only when the content of one of its inputs
changed, see cache.py), parallel (a pool of worker processes, each rendering many documents:
WeasyPrint holds the GIL), and safe: the output folder is locked for one build at a time
(lock.py), every file is written to a temporary name and renamed into place inside a folder
that is checked for links (pmg_docs/output.py), workers die with the build (worker.py), and one
source that fails, even through a bug, does not stop the others.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from ..diagnostics import Diagnostic, OutputError, display_name
from ..i18n import _
from ..load.sources import iter_source_files
from ..render.pipeline import RenderOptions
from ..resources import catalogs_dir, templates_dir
from .worker import Job, Outcome, render_job, start_worker

# Windows waits on at most 63 handles at once, so a process pool there takes at most 61
# workers (concurrent.futures raises ValueError past it); -j larger is bounded, not an error.
MAX_WORKERS = 61

# A source whose worker died (killed, out of memory, a crash in a native library) is tried once
# more in a fresh worker, since it may only have shared the worker with the culprit.
ATTEMPTS = 2


@dataclass
class Summary:
    written: list[Path] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    built: int = 0
    skipped: int = 0
    failed: int = 0
    # Sources that hit a bug in pmg-docs (the command exits 3 when there is any).
    internal: int = 0
    # A PDF asked for could not be made: WeasyPrint cannot load Pango (PdfLibraryMissing).
    pdf_missing: bool = False
    seconds: float = 0.0


def _clashes(jobs: Iterable[tuple[Path, Path]]) -> list[Diagnostic]:
    """Two sources that would write the same document (a.yaml and a.yml) are an error, and so
    are two whose documents differ only in case or accents' encoding (ADUANAS.yaml, aduanas.yaml):
    on Windows and macOS they would be one file."""
    seen: dict[str, Path] = {}
    problems = []
    for path, relative in jobs:
        key = unicodedata.normalize("NFC", relative.with_suffix("").as_posix()).casefold()
        if key in seen:
            problems.append(Diagnostic(display_name(path), None, (), _(
                "escribiría los mismos documentos que {other}; se espera nombres de archivo "
                "distintos").format(other=display_name(seen[key]))))
        seen.setdefault(key, path)
    return problems


def _collect(summary: Summary, job: Job, outcome: Outcome, strict: bool) -> None:
    summary.diagnostics.extend(outcome.diagnostics)
    summary.pdf_missing = summary.pdf_missing or outcome.pdf_missing
    if outcome.failed(strict):
        summary.failed += 1
        summary.internal += outcome.internal_error
    else:
        summary.built += 1
        summary.written.extend(job.render.out_dir / p for p in outcome.outputs)


@contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """`kill -TERM` (and Ctrl+Break in a Windows console) ends a build like Ctrl-C: what was
    built so far is remembered, and the workers are stopped. (A signal handler can only be set
    from the main thread. Windows' TerminateProcess runs no handler: the workers then end
    with their parent, build/lifetime.py.)"""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    # SIGTERM exists on every system; SIGBREAK only on Windows.
    signums = [signal.SIGTERM, *([getattr(signal, "SIGBREAK")] if hasattr(signal, "SIGBREAK")
                                 else [])]
    previous = {signum: signal.signal(signum, interrupt) for signum in signums}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _run(jobs: list[Job], workers: int, finish: Callable[[Job, Outcome], None]) -> None:
    """Render `jobs` on `workers` processes, calling `finish` for each as it completes: this
    one and, past one, a pool of `workers - 1`.

    This process renders too, whenever no worker's document is done: it has imported most of
    what rendering needs already, where each spawned worker pays ~0.6 s of CPU to start (a
    fifth of a 60-document build on two processes). It renders only a document's first
    attempt: one whose worker died is tried again in a fresh worker, never here, where a crash
    would end the build."""
    from ..render.warm import settle

    settle()  # this process renders too: its imports are done (workers settle when warm)
    if workers == 1:
        for job in jobs:
            finish(job, render_job(job))
        return
    attempts = dict.fromkeys(range(len(jobs)), 0)
    pending = deque(range(len(jobs)))
    # spawn, not fork, on every system (Windows and macOS have no safe fork): a worker starts
    # from a clean interpreter whatever threads this process runs (the progress bar), and
    # behaves the same on Linux as on Windows.
    context = multiprocessing.get_context("spawn")
    formats = jobs[0].render.formats if jobs else ()
    while pending:
        size = min(workers - 1, len(pending))
        pool = ProcessPoolExecutor(max_workers=size, mp_context=context,
                                   initializer=start_worker,
                                   initargs=(formats, jobs[0].render.pdf_engine))
        try:
            retry = _pool_round(pool, size, jobs, pending, attempts, finish)
        finally:
            # On an interrupt, queued documents are dropped, not rendered first.
            pool.shutdown(wait=True, cancel_futures=True)
        pending = deque([*retry, *pending])


def _pool_round(pool: ProcessPoolExecutor, size: int, jobs: list[Job], pending: deque[int],
                attempts: dict[int, int], finish: Callable[[Job, Outcome], None]) -> list[int]:
    """Render what `pending` holds with `pool` and this process, until done or the pool
    breaks (a worker died); return the documents to try again in a fresh pool. What the
    broken pool was not given stays in `pending`."""
    retry: list[int] = []
    running: dict[Future[Outcome], int] = {}
    broken = False
    while running or (pending and not broken):
        # Each worker has the next document queued behind the one it renders.
        while pending and not broken and len(running) < 2 * size:
            index = pending.popleft()
            try:
                running[pool.submit(render_job, jobs[index])] = index
            except BrokenProcessPool:
                pending.appendleft(index)
                broken = True
        done = {future for future in running if future.done()}
        if not done and pending and not broken and attempts[pending[0]] == 0:
            index = pending.popleft()
            finish(jobs[index], render_job(jobs[index]))
            continue
        if not done:
            done, _running = wait(running, return_when=FIRST_COMPLETED)
        for future in done:
            index = running.pop(future)
            try:
                outcome = future.result()
            except BrokenProcessPool:
                broken = True
                attempts[index] += 1
                if attempts[index] < ATTEMPTS:
                    retry.append(index)
                    continue
                outcome = _died(jobs[index])
            finish(jobs[index], outcome)
    return retry


def _died(job: Job) -> Outcome:
    outcome = Outcome(name=display_name(job.path), internal_error=True)
    outcome.diagnostics.append(Diagnostic(outcome.name, None, (), _(
        "el proceso que generaba este documento terminó de forma inesperada (falta de memoria o "
        "un fallo de una biblioteca) dos veces; los demás documentos se generaron igual")))
    return outcome


def _options_key(render: RenderOptions) -> str:
    """What changes a document's bytes besides its own inputs: the render options, and which
    files the catalog and template folders hold (a file that shadows another is a change)."""
    from .cache import folders_key

    catalogs = folders_key([catalogs_dir(), *render.catalogs])
    templates = folders_key([f for f in (render.templates, templates_dir()) if f])
    return f"{render.key()} catalogs={catalogs} templates={templates}"


def render_files(files: Iterable[Path], options: RenderOptions) -> Summary:
    """`pmg render`: the given sources, each written under the output folder by its file
    name."""
    started = time.perf_counter()
    paths, missing = iter_source_files(files, [options.templates])
    pairs = [(path, Path(path.name)) for path in paths]
    clashes = _clashes(pairs)
    if missing or clashes:
        return Summary(diagnostics=[*missing, *clashes], failed=len(missing) + len(clashes))
    # The catalog and template folders are walked once, before any source: one too large to
    # walk stops the command with a message that names it (InputError), not as a failure of
    # each source ("0 archivos escritos, 1 fuente con errores").
    _options_key(options)
    summary = Summary()
    from .lock import locked

    try:
        with locked(options.out_dir, create=False):
            for path, relative in pairs:
                job = Job(path, relative, options)
                _collect(summary, job, render_job(job, skip_catalogs=False), options.strict)
    except OutputError as exc:
        return Summary(diagnostics=[exc.diagnostic], failed=len(pairs))
    summary.seconds = time.perf_counter() - started
    return summary


def _remove_stale_temporaries(out_dir: Path) -> None:
    # Left by a build that was killed between writing a temporary file and renaming it.
    for stale in out_dir.rglob(".*.part"):
        if not stale.is_symlink():
            stale.unlink(missing_ok=True)


Progress = Callable[[Path, Outcome | None], None]


def build_tree(directory: Path, options: RenderOptions,
               progress: Progress | None = None) -> Summary:
    """`pmg build`: every document source under `directory`, into the same tree under the
    output folder. `progress` is called once per source, with None for one skipped as fresh."""
    from .lock import locked

    started = time.perf_counter()
    try:
        with locked(options.out_dir), _terminate_as_interrupt():
            summary = _build(directory, options, progress)
    except OutputError as exc:
        return Summary(diagnostics=[exc.diagnostic], failed=1)
    summary.seconds = time.perf_counter() - started
    return summary


def _readable_folders(directory: Path, render: RenderOptions) -> tuple[Path, ...]:
    """Where a document's inputs may lie: the repository of the sources (their catalogs and
    the formulations they name), and the catalog and template folders searched."""
    from ..load.references import folder_root

    return (folder_root(directory), catalogs_dir(), *render.catalogs,
            *(f for f in (render.templates, templates_dir()) if f))


def _build(directory: Path, render: RenderOptions, progress: Progress | None) -> Summary:
    from .cache import BuildCache, file_hash

    strict, out_dir = render.strict, render.out_dir
    options = _options_key(render)
    _remove_stale_temporaries(out_dir)
    cache_ = BuildCache.load(out_dir, _readable_folders(directory, render))
    summary = Summary(diagnostics=[cache_.problem] if cache_.problem else [])
    paths, _missing = iter_source_files([directory], [render.templates])
    candidates = [(path, path.relative_to(directory)) for path in paths]
    clashes = _clashes(candidates)
    if clashes:
        summary.diagnostics.extend(clashes)
        summary.failed = len(clashes)
        return summary

    todo = []
    for path, relative in candidates:
        key = relative.as_posix()
        source_hash = file_hash(path)
        if not render.force and source_hash and cache_.is_fresh(key, source_hash, options,
                                                                 out_dir):
            summary.skipped += 1
            if progress:
                progress(path, None)
            continue
        todo.append(Job(path, relative, render))

    def finish(job: Job, outcome: Outcome) -> None:
        if outcome.is_catalog:
            return
        key = job.relative.as_posix()
        _collect(summary, job, outcome, strict)
        if outcome.failed(strict) or outcome.unstable or outcome.source_hash is None:
            cache_.forget(key)
        else:
            cache_.record(key, outcome.source_hash, options, outcome.inputs, outcome.outputs)
        if progress:
            progress(job.path, outcome)

    workers = max(1, min(render.jobs or os.cpu_count() or 1, len(todo), MAX_WORKERS))
    try:
        _run(todo, workers, finish)
    finally:
        # What was built so far is remembered even when the build is interrupted.
        problem = cache_.save()
        if problem:
            summary.diagnostics.append(problem)
    return summary
