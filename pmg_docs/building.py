"""Rendering many sources: `pmg render FILE…` and `pmg build DIR`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostic, InputError, Severity, display_name
from .rendering import render_source
from .sources import CatalogRegistry, iter_source_files, load_source


@dataclass
class Summary:
    written: list[Path] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    failed: int = 0


def _is_blocking(diagnostic: Diagnostic, strict: bool) -> bool:
    return diagnostic.severity is Severity.ERROR or strict


def _render_all(jobs, out_dir: Path, formats, catalog_dirs, strict: bool,
                templates: Path | None, annexes: tuple[str, ...] = ()) -> Summary:
    registry = CatalogRegistry(tuple(catalog_dirs))
    summary = Summary()
    for path, relative in jobs:
        result = render_source(path, out_dir, formats, registry, relative, strict, templates,
                               annexes=tuple(annexes))
        summary.diagnostics.extend(result.diagnostics)
        summary.written.extend(result.outputs)
        if any(_is_blocking(d, strict) for d in result.diagnostics) or not result.outputs:
            summary.failed += 1
    return summary


def _clashes(jobs) -> list[Diagnostic]:
    """Two sources that would write the same document (a.yaml and a.yml) are an error."""
    seen: dict[Path, Path] = {}
    problems = []
    for path, relative in jobs:
        key = relative.with_suffix("")
        if key in seen:
            problems.append(Diagnostic(display_name(path), None, (),
                                       f"would write the same documents as {display_name(seen[key])}; "
                                       "expected distinct file names"))
        seen.setdefault(key, path)
    return problems


def render_files(files, out_dir: Path, formats, catalog_dirs=(), strict=False,
                 templates: Path | None = None, annexes=()) -> Summary:
    paths, missing = iter_source_files(files)
    jobs = [(path, Path(path.name)) for path in paths]
    clashes = _clashes(jobs)
    if missing or clashes:
        return Summary(diagnostics=[*missing, *clashes], failed=len(missing) + len(clashes))
    return _render_all(jobs, out_dir, formats, catalog_dirs, strict, templates, annexes)


def _renderable(path: Path) -> bool:
    """Sources under a build folder that produce documents (catalogs there are data)."""
    try:
        data = load_source(path).data
    except InputError:
        return True  # rendering reports the error, located
    return not (isinstance(data, dict) and data.get("kind") == "catalog")


def build_tree(directory: Path, out_dir: Path, formats, catalog_dirs=(), strict=False,
               templates: Path | None = None, annexes=()) -> Summary:
    paths, _ = iter_source_files([directory])
    jobs = [(path, path.relative_to(directory)) for path in paths if _renderable(path)]
    clashes = _clashes(jobs)
    if clashes:
        return Summary(diagnostics=clashes, failed=len(clashes))
    return _render_all(jobs, out_dir, formats, catalog_dirs, strict, templates, annexes)
