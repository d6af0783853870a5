"""From a validated source to its documents: view model, HTML, then each writer.

Gather first, then write: every requested format is produced in memory before any file is
written, and an invalid source produces no file at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..checks.validation import Checked, check_path
from ..diagnostics import Diagnostic, InputError, Severity
from ..load.catalogs import CatalogRegistry
from ..models.catalog import Catalog
from ..output import atomic_write

FORMATS = ("pdf", "docx")


@dataclass
class Rendered:
    source: Path
    outputs: list[Path] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Every file the documents were made from besides the source (its catalog, templates,
    # stylesheet, Word styles): what an incremental build must watch.
    inputs: list[Path] = field(default_factory=list)


def template_for(checked: Checked) -> str:
    """The template of a document: named by its catalog for its kind."""
    catalog: Catalog = checked.catalog
    kind = checked.document.kind
    name = getattr(catalog.templates, kind, None)
    if name is None:
        raise InputError([checked.document.source.diagnostic(
            ("catalog",), f"catalog {catalog.id} names no template for a {kind}; expected "
            f"`templates: {{{kind}: ...}}` in the catalog")])
    return name


def view_for(checked: Checked, template: str, annexes: tuple[str, ...] = ()) -> dict:
    from ..views import ANNEX_BUILDERS, VIEW_BUILDERS

    model = checked.document.model
    if isinstance(model, Catalog):
        raise InputError([checked.document.source.diagnostic(
            ("kind",), "a catalog is data, not a document to render; render a formulation")])
    builder = VIEW_BUILDERS.get(template)
    if builder is None:
        raise InputError([checked.document.source.diagnostic(
            ("catalog",), f"template {template!r} of catalog {checked.catalog.id} is not one "
            f"pmg-docs knows; expected one of: {', '.join(sorted(VIEW_BUILDERS))}")])
    view = builder(model, checked.catalog)
    if model.kind != "formulation":
        # Annexes complete a service's formulation; a build over a whole tree also meets
        # circulars, which take none.
        annexes = ()
    try:
        built = (ANNEX_BUILDERS[name](model, checked.catalog) for name in annexes)
        view["annexes"] = [annex for annex in built if annex is not None]
    except ValueError as exc:
        raise InputError([checked.document.source.diagnostic(("kind",), str(exc))]) from None
    return view


def render_html_for(checked: Checked, templates: Path | None = None,
                    annexes: tuple[str, ...] = ()) -> str:
    return render_html_and_templates(checked, templates, annexes)[0]


def render_html_and_templates(checked: Checked, templates: Path | None = None,
                              annexes: tuple[str, ...] = ()) -> tuple[str, list[str]]:
    """The HTML of a document, and the names of the templates it was laid out with."""
    from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError
    from jinja2.exceptions import SecurityError

    from .jinja import render_html

    template = template_for(checked)
    view = view_for(checked, template, annexes)
    names = [template, *(annex["template"] for annex in view.get("annexes", ()))]
    try:
        return render_html(template, view, templates), names
    except TemplateSyntaxError as exc:
        raise InputError([Diagnostic(exc.filename or exc.name or template, exc.lineno, (),
                                     f"template error: {exc.message}")]) from None
    except TemplateNotFound as exc:
        raise InputError([checked.document.source.diagnostic(
            ("catalog",), f"template {exc.name!r} not found in the templates folders")]) from None
    except SecurityError as exc:
        raise InputError([Diagnostic(template, None, (), f"template refused by the sandbox: {exc}")]) from None
    except TemplateError as exc:
        raise InputError([Diagnostic(template, None, (), f"template error: {exc}")]) from None


def produce(html: str, fmt: str, strict: bool, source_name: str,
            templates: Path | None = None) -> tuple[bytes, list[Diagnostic]]:
    """One format's bytes from the HTML, with any warning the writer raised."""
    if fmt == "pdf":
        from ..writers.pdf import write_pdf

        data, refused = write_pdf(html, [templates] if templates else [])
        severity = Severity.ERROR if strict else Severity.WARNING
        notes = [Diagnostic(source_name, None, (), f"resource refused: {url} (asked for by the "
                            "template); only the package's own files and data: URLs are used",
                            severity) for url in refused]
        return data, notes
    from ..writers.docx import UnsupportedHtml, write_docx

    try:
        return write_docx(html), []
    except UnsupportedHtml as exc:
        # A template (ours or the user's) emitted HTML the DOCX writer cannot express.
        return b"", [Diagnostic(source_name, None, (), f"cannot write the DOCX: {exc}; the "
                                "template must keep to the HTML subset in the README")]


def output_path(out_dir: Path, relative: Path, fmt: str) -> Path:
    target = (out_dir / relative).with_suffix(f".{fmt}")
    resolved_out = out_dir.resolve()
    if not target.resolve().is_relative_to(resolved_out):
        raise ValueError(f"{relative} would be written outside {out_dir}")
    return target


def _inputs(checked: Checked, registry: CatalogRegistry, template_names: list[str],
            templates: Path | None, formats: tuple[str, ...]) -> list[Path]:
    from ..resources import templates_dir
    from .jinja import template_files

    inputs: list[Path] = []
    if checked.catalog is not None:
        inputs.append(registry.paths()[checked.catalog.id])
    for name in template_names:
        inputs.extend(p for p in template_files(name, templates) if p not in inputs)
    if "docx" in formats:
        inputs.append(templates_dir() / "reference.docx")
    return inputs


def render_source(path: Path, out_dir: Path, formats: tuple[str, ...], registry: CatalogRegistry,
                  relative: Path | None = None, strict: bool = False,
                  templates: Path | None = None, annexes: tuple[str, ...] = ()) -> Rendered:
    """Validate `path`; if it is clean, write its documents under `out_dir`."""
    result = Rendered(source=path)
    checked, diagnostics = check_path(path, registry)
    result.diagnostics.extend(diagnostics)
    blocking = [d for d in diagnostics
                if d.severity is Severity.ERROR or (strict and d.severity is Severity.WARNING)]
    if checked is None or blocking:
        return result
    try:
        html, template_names = render_html_and_templates(checked, templates, annexes)
    except InputError as exc:
        result.diagnostics.extend(exc.diagnostics)
        return result
    result.inputs = _inputs(checked, registry, template_names, templates, formats)
    produced = {}
    for fmt in formats:
        data, notes = produce(html, fmt, strict, checked.document.source.name, templates)
        result.diagnostics.extend(notes)
        if any(n.severity is Severity.ERROR for n in notes):
            return result
        produced[fmt] = data
    relative = relative if relative is not None else Path(path.name)
    for fmt, data in produced.items():
        target = output_path(out_dir, relative, fmt)
        atomic_write(target, data)
        result.outputs.append(target)
    return result
