"""`pmg guide`: the "Requisitos técnicos" guide of one system of a catalog, as PDF and DOCX.

The guide is drawn from the catalog alone. A catalog with errors gives no guide: its located
diagnostics are returned instead, and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic, InputError, Severity
from ..load.catalogs import CatalogRegistry
from ..output import atomic_write
from ..workflow.catalog_info import UnknownId, load_catalog


@dataclass
class GuideResult:
    written: list[Path] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def guide_file_name(system_id: str, fmt: str) -> str:
    return f"requisitos-{system_id}.{fmt}"


def render_guide(system_id: str, catalog_id: str, out_dir: Path, formats: tuple[str, ...],
                 catalog_dirs=(), strict: bool = False) -> GuideResult:
    """Write the guide of `system_id` in each format into `out_dir`. Raises UnknownId."""
    from ..checks.catalog import check_catalog
    from ..views import VIEW_BUILDERS
    from .jinja import render_html
    from .pipeline import produce

    result = GuideResult()
    try:
        document = load_catalog(catalog_id, CatalogRegistry(tuple(catalog_dirs)))
    except InputError as exc:
        result.diagnostics.extend(exc.diagnostics)
        return result
    catalog, source = document.model, document.source
    system = catalog.system(system_id)
    if system is None:
        raise UnknownId(f"no system {system_id!r} in catalog {catalog_id}; expected one of: "
                        f"{', '.join(s.id for s in catalog.systems) or 'none'}", param="system")
    result.diagnostics.extend(check_catalog(document))
    template = catalog.templates.guide
    if template is None or template not in VIEW_BUILDERS:
        result.diagnostics.append(source.diagnostic(("templates", "guide"), (
            f"catalog {catalog_id} names no guide template pmg-docs knows (got {template!r}); "
            "expected `templates: {guide: guia-requisitos}`")))
    if not any(o.requirements for stage in system.stages for o in stage.objectives):
        result.diagnostics.append(source.diagnostic(
            ("systems", catalog.systems.index(system)),
            f"system {system_id!r} has no technical requirements in this catalog; the guide "
            "lists its stages and objectives only", severity=Severity.WARNING))
    if _blocking(result.diagnostics, strict):
        return result

    html = render_html(template, VIEW_BUILDERS[template](system, catalog))
    produced = {}
    for fmt in formats:
        data, notes = produce(html, fmt, strict, source.name)
        result.diagnostics.extend(notes)
        produced[fmt] = data
    if _blocking(result.diagnostics, strict):
        return result
    for fmt, data in produced.items():
        target = Path(out_dir) / guide_file_name(system_id, fmt)
        atomic_write(target, data)
        result.written.append(target)
    return result


def _blocking(diagnostics: list[Diagnostic], strict: bool) -> bool:
    return any(d.severity is Severity.ERROR or strict for d in diagnostics)
