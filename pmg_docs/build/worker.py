"""What renders one source, in a pool worker or in the command's own process.

A worker imports the writers of the formats the build asks for (and no other) and loads the
fonts once, then renders many documents. It dies with the build however the build ends (kill -9
included, lifetime.py), so it never goes on writing into a folder the user has moved on from.

For each source, the worker notes the state (size, time, inode) of every file the document
could be made from before rendering, hashes what it used after, and checks that nothing
changed in between: the hashes it reports are then those of what it actually rendered. A file
edited during the render makes the result unstable: the document is written, but not
remembered as fresh, so the next build redoes it. Any exception inside the pipeline is caught
here and reported against its source, so one source's bug never stops the others.
"""

from __future__ import annotations

import os
import signal
import traceback
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import (
    Diagnostic,
    InputError,
    OutputError,
    PdfLibraryMissing,
    Severity,
    blocking,
    display_name,
)
from ..i18n import _
from ..load.catalogs import CatalogRegistry, KeptRegistry
from ..output import document_name, write_document
from ..render.pipeline import RenderOptions, render_source
from ..resources import catalogs_dir, templates_dir
from .cache import file_hash, folder_paths


@dataclass(frozen=True)
class Job:
    path: Path
    relative: Path  # the source below the folder built; its documents go there, re-suffixed
    render: RenderOptions  # its out_dir is where they go


@dataclass
class Outcome:
    """What became of one source (its documents' bytes stay in the worker)."""

    name: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Relative to the output folder -> hash of the bytes written.
    outputs: dict[str, str] = field(default_factory=dict)
    # Every file the documents were made from, the source included -> its hash.
    inputs: dict[str, str] = field(default_factory=dict)
    source_hash: str | None = None
    is_catalog: bool = False
    internal_error: bool = False
    # A file changed while the document was rendered: written, but not to be trusted.
    unstable: bool = False
    # The PDF asked for could not be made (no Pango): the other formats were written.
    pdf_missing: bool = False

    def failed(self, strict: bool) -> bool:
        # Without Pango a PDF-only render writes nothing, yet the source has no error.
        return (self.internal_error or blocking(self.diagnostics, strict)
                or not (self.outputs or self.pdf_missing))


# --- the worker process ------------------------------------------------------------------------

def start_worker(formats: tuple[str, ...], engine: str | None = None) -> None:
    """A pool worker's initializer: die with the build, and pay for the imports and the fonts
    of the formats asked for once rather than on the first document."""
    from .lifetime import end_with_parent

    end_with_parent()
    # Ctrl-C reaches the whole process group; the build decides what to do, not each worker.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from multiprocessing.util import Finalize

    from ..render.warm import warm_up
    from ..writers.pdf_library import DEFAULT_ENGINE, pdf_writer

    # Not every kind's parts: a build's worker imports those of the kinds its documents are, on
    # the first of each (a year of formulations and results never pays for circulars, work
    # plans or prose texts: ~40 ms a worker). The preview warms them all, to answer at once.
    warm_up(formats, engine, every_kind=False)
    if "pdf" not in formats:
        return
    try:
        pdf = pdf_writer(engine or DEFAULT_ENGINE)
    except PdfLibraryMissing:
        return  # no fonts were copied; each document asking for a PDF reports it
    # A worker ends without running atexit: remove WeasyPrint's copies of the fonts here.
    Finalize(None, pdf.release_fonts, exitpriority=10)


# --- one source --------------------------------------------------------------------------------

# A file's (size, modification time, inode), by path.
States = dict[str, tuple[int, int, int]]
_registries: dict[tuple[Path, ...], KeptRegistry] = {}


def _states(folders: Iterable[Path | None]) -> States:
    """(size, modification time, inode) of every file under `folders`: cheap to take before and
    after a render, and different whenever a file was rewritten."""
    states: States = {}
    for folder in folders:
        if folder is None or not Path(folder).is_dir():
            continue
        for path in folder_paths(Path(folder)):
            try:
                info = os.stat(path)
            except OSError:
                continue
            states[path] = (info.st_size, info.st_mtime_ns, info.st_ino)
    return states


def _registry(catalog_dirs: tuple[Path, ...], catalogs_state: States) -> CatalogRegistry:
    """A registry kept across the sources a worker renders (each catalog read once), renewed
    when a catalog file changed since it was made."""
    kept = _registries.setdefault(catalog_dirs, KeptRegistry(catalog_dirs))
    return kept.current(catalogs_state)


def _is_catalog(path: Path) -> bool:
    """Catalogs under a build folder are data for the others, not documents."""
    from .. import kinds
    from ..load.sources import load_source

    try:
        data = load_source(path).data
    except InputError:
        return False  # rendering reports the error, located
    return isinstance(data, dict) and kinds.is_catalog(data.get("kind"))


def _internal(job: Job, exc: BaseException) -> Diagnostic:
    detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
    if os.environ.get("PMG_DEBUG"):
        detail = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return Diagnostic(display_name(job.path), None, (), _(
        "error interno al generar este documento ({detail}); es un error de pmg-docs: los "
        "demás documentos se generaron igual. Ejecute de nuevo con PMG_DEBUG=1 e informe lo "
        "que muestre").format(detail=detail))


def render_job(job: Job, skip_catalogs: bool = True) -> Outcome:
    """Render one source and write its documents. Never raises for anything one source can
    cause; the outcome says what happened."""
    outcome = Outcome(name=display_name(job.path))
    try:
        _render(job, outcome, skip_catalogs)
    except InputError as exc:  # a catalog or template folder too large to watch
        outcome.diagnostics.extend(exc.diagnostics)
    except MemoryError:
        outcome.internal_error = True
        outcome.diagnostics.append(_internal(job, MemoryError("sin memoria")))
    except Exception as exc:  # noqa: BLE001 - a bug with one source must not stop the others
        outcome.internal_error = True
        outcome.diagnostics.append(_internal(job, exc))
    return outcome


def _render(job: Job, outcome: Outcome, skip_catalogs: bool) -> None:
    catalog_folders = [catalogs_dir(), *job.render.catalogs]
    folders = [*catalog_folders, templates_dir(), job.render.templates]
    # The catalog folders' states on their own (what the registry is kept against), and with
    # the template folders' (what the document must not see change while it is made).
    catalogs_before = _states(catalog_folders)
    before = {**catalogs_before, **_states(folders[len(catalog_folders):])}
    source_before = file_hash(job.path)
    if skip_catalogs and _is_catalog(job.path):
        outcome.is_catalog = True
        return
    registry = _registry(job.render.catalogs, catalogs_before)
    rendered = render_source(job.path, registry, job.render)
    outcome.diagnostics.extend(rendered.diagnostics)
    outcome.pdf_missing = rendered.pdf_missing
    if blocking(rendered.diagnostics, job.render.strict) or not rendered.data:
        return
    for fmt, data in rendered.data.items():
        relative = document_name(job.relative, fmt)
        try:
            write_document(job.render.out_dir, relative, data)
        except OutputError as exc:
            outcome.diagnostics.append(exc.diagnostic)
            outcome.outputs.clear()
            return
        outcome.outputs[relative.as_posix()] = _sha256(data)
    inputs = {str(p): file_hash(p) for p in dict.fromkeys(rendered.inputs)}
    source_after = file_hash(job.path)
    # Without its PDF the document is not done: not remembered, so the next build (once Pango
    # is installed) makes it.
    outcome.source_hash = None if rendered.pdf_missing else source_after
    outcome.inputs = {k: v for k, v in inputs.items() if v is not None}
    outcome.unstable = (source_before != source_after or _states(folders) != before
                        or len(outcome.inputs) != len(inputs))
    if outcome.unstable:
        outcome.diagnostics.append(Diagnostic(outcome.name, None, (), _(
            "un archivo del que depende este documento cambió mientras se generaba; el "
            "documento se escribió, pero se volverá a generar en la próxima compilación"),
            severity=Severity.WARNING))


def _sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()
