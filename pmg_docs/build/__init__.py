"""Rendering many sources: `pmg render FILE…` and `pmg build DIR`.

A build is incremental (a document is redone only when the content of one of its inputs
changed, see build_cache.py), parallel (a process pool: WeasyPrint holds the GIL), and safe to
interrupt (every file is written to a temporary name and renamed into place). One failing
source does not stop the others.
"""

from __future__ import annotations

import hashlib
import os
import time
import unicodedata
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .. import kinds
from ..diagnostics import Diagnostic, InputError, Severity, display_name
from ..i18n import _
from ..load.catalogs import CatalogRegistry
from ..load.sources import iter_source_files, load_source
from ..render.pipeline import Rendered, RenderOptions, render_source, write_rendered
from ..writers.pdf_metadata import DEFAULT_VARIANT
from ..render.sandbox import TemplateLimits


@dataclass
class Summary:
    written: list[Path] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    built: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0


@dataclass(frozen=True)
class Options:
    """How to render (part of every cache key) and where the catalogs are."""

    render: RenderOptions
    catalog_dirs: tuple[Path, ...] = ()

    def key(self) -> str:
        return self.render.key()


def _is_blocking(diagnostic: Diagnostic, strict: bool) -> bool:
    return diagnostic.severity is Severity.ERROR or strict


def _failed(result: Rendered, strict: bool) -> bool:
    return any(_is_blocking(d, strict) for d in result.diagnostics) or not result.data


@cache
def _registry(catalog_dirs: tuple[Path, ...]) -> CatalogRegistry:
    # One per process: a pool worker reads each catalog once for all the sources it renders.
    return CatalogRegistry(catalog_dirs)


def _render_one(path: Path, relative: Path, out_dir: Path, options: Options) -> Rendered:
    rendered = render_source(path, _registry(options.catalog_dirs), options.render)
    if not _failed(rendered, options.render.strict):
        write_rendered(rendered, out_dir, relative)
    return rendered


def _warm_up() -> None:
    # A pool worker pays for these imports once, not on its first document.
    import docx  # noqa: F401
    import weasyprint  # noqa: F401


def _clashes(jobs) -> list[Diagnostic]:
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


def render_files(files, out_dir: Path, formats, catalog_dirs=(), strict=False,
                 templates: Path | None = None, annexes=(),
                 limits: TemplateLimits = TemplateLimits(),
                 pdf_variant: str = DEFAULT_VARIANT) -> Summary:
    """`pmg render`: the given sources, each written under `out_dir` by its file name."""
    started = time.perf_counter()
    paths, missing = iter_source_files(files)
    jobs = [(path, Path(path.name)) for path in paths]
    clashes = _clashes(jobs)
    if missing or clashes:
        return Summary(diagnostics=[*missing, *clashes], failed=len(missing) + len(clashes))
    options = Options(RenderOptions(tuple(formats), strict, templates, tuple(annexes),
                                    limits, pdf_variant=pdf_variant), tuple(catalog_dirs))
    summary = Summary()
    for path, relative in jobs:
        _collect(summary, _render_one(path, relative, out_dir, options), strict)
    summary.seconds = time.perf_counter() - started
    return summary


def _collect(summary: Summary, result: Rendered, strict: bool) -> None:
    summary.diagnostics.extend(result.diagnostics)
    if _failed(result, strict):
        summary.failed += 1
    else:
        summary.built += 1
        summary.written.extend(result.outputs)


def _is_catalog(path: Path) -> bool:
    """Catalogs under a build folder are data for the others, not documents."""
    try:
        data = load_source(path).data
    except InputError:
        return False  # rendering reports the error, located
    return isinstance(data, dict) and data.get("kind") == kinds.CATALOG


def _remove_stale_temporaries(out_dir: Path) -> None:
    # Left by a build that was killed between writing a temporary file and renaming it.
    if out_dir.is_dir():
        for stale in out_dir.rglob(".*.part"):
            stale.unlink(missing_ok=True)


def build_tree(directory: Path, out_dir: Path, formats, catalog_dirs=(), strict=False,
               templates: Path | None = None, annexes=(), jobs: int | None = None,
               force: bool = False,
               progress: Callable[[Path, Rendered | None], None] | None = None,
               limits: TemplateLimits = TemplateLimits(),
               pdf_variant: str = DEFAULT_VARIANT) -> Summary:
    """`pmg build`: every document source under `directory`, into the same tree under
    `out_dir`. `progress` is called once per source, with None for one skipped as fresh."""
    from .cache import BuildCache

    started = time.perf_counter()
    options = Options(RenderOptions(tuple(formats), strict, templates, tuple(annexes),
                                    limits, pdf_variant=pdf_variant), tuple(catalog_dirs))
    _remove_stale_temporaries(out_dir)
    cache_ = BuildCache.load(out_dir)
    paths, _ = iter_source_files([directory])
    candidates = [(path, path.relative_to(directory)) for path in paths]
    clashes = _clashes(candidates)
    if clashes:
        return Summary(diagnostics=clashes, failed=len(clashes))

    summary = Summary()
    todo = []
    source_hashes = {}
    for path, relative in candidates:
        key = relative.as_posix()
        source_hash = hashlib.sha256(path.read_bytes()).hexdigest()
        source_hashes[key] = source_hash
        if not force and cache_.is_fresh(key, source_hash, options.key(), out_dir):
            summary.skipped += 1
            if progress:
                progress(path, None)
            continue
        if _is_catalog(path):
            continue
        todo.append((path, relative))

    def finish(path: Path, relative: Path, result: Rendered) -> None:
        key = relative.as_posix()
        _collect(summary, result, strict)
        if _failed(result, strict):
            cache_.forget(key)
        else:
            cache_.record(key, source_hashes[key], options.key(), result.inputs,
                          result.outputs, out_dir)
        if progress:
            progress(path, result)

    workers = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    try:
        if workers == 1:
            for path, relative in todo:
                finish(path, relative, _render_one(path, relative, out_dir, options))
        else:
            with ProcessPoolExecutor(max_workers=workers, initializer=_warm_up) as pool:
                futures = {pool.submit(_render_one, path, relative, out_dir, options):
                           (path, relative) for path, relative in todo}
                for future in as_completed(futures):
                    path, relative = futures[future]
                    finish(path, relative, future.result())
    finally:
        # What was built so far is remembered even when the build is interrupted.
        cache_.save()
    summary.seconds = time.perf_counter() - started
    return summary
