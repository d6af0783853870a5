"""The one pipeline every document goes through: `pmg render`, `pmg build`, `pmg guide` (and the
live preview) all call it.

    checked document -> its catalog's template for its kind, checked to lay out that kind
                     -> the format's view (and the views of the annexes asked for)
                     -> Jinja: HTML of the subset both writers read
                     -> each format's bytes (PDF: Typst or WeasyPrint, DOCX: our writer)
                     -> written atomically under the output folder

Nothing is written for a source with errors (or warnings, with --strict), and nothing is
half-written: every file goes to a temporary name first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import kinds
from ..checks import check_path
from ..checks.documents import check_template
from ..diagnostics import Diagnostic, InputError, PdfLibraryMissing, Severity, blocking
from ..i18n import _
from ..load import CatalogRegistry, Document
from ..models.base import NOT_TEXT
from ..output import document_name, write_document
from ..richtext.prose import ProseText
from ..writers.pdf_library import DEFAULT_ENGINE, TYPST
from ..writers.pdf_metadata import DEFAULT_VARIANT, document_metadata
from .insertions import render_insertions
from .long_words import break_long_words
from .sandbox import TemplateLimits

if TYPE_CHECKING:
    from ..models.catalog import Catalog, System
    from ..models.guide import EverySystem
    from ..writers.pdf_metadata import PdfMetadata

FORMATS = ("pdf", "docx")
# What a table of contents opens with (writers/subset.py).
TOC_MARK = '<nav class="toc">'


@dataclass(frozen=True)
class RenderOptions:
    """What a render depends on besides its inputs, and where its documents go: built once by
    the command line (cli/common.py, `render_options`) and passed whole to every stage."""

    formats: tuple[str, ...] = FORMATS
    strict: bool = False
    # The user's templates folder, searched before the package's.
    templates: Path | None = None
    annexes: tuple[str, ...] = ()
    # What a template may use; reaching a limit fails the document (they change no bytes).
    limits: TemplateLimits = TemplateLimits()
    # The standard the PDF claims (`--pdf-variant`), or "none".
    pdf_variant: str = DEFAULT_VARIANT
    # What lays out the PDF (`--pdf-engine`, pmg.toml's `pdf_engine`): typst or weasyprint.
    pdf_engine: str = DEFAULT_ENGINE
    # Where the documents are written.
    out_dir: Path = Path("out")
    # Catalog folders searched besides the package's (pmg.toml's, then the command line's).
    catalogs: tuple[Path, ...] = ()
    # A build's documents rendered at once (None: one per CPU), and whether it ignores its cache.
    jobs: int | None = None
    force: bool = False

    def key(self) -> str:
        """What of these options changes the bytes of a document (for the build cache; which
        files the catalog and template folders hold is added by the build)."""
        return repr((self.formats, self.strict, str(self.templates or ""), self.annexes,
                     self.pdf_variant, self.pdf_engine))


@dataclass
class Rendered:
    """One source's documents: their bytes by format, what was found, what they were made of."""

    name: str
    data: dict[str, bytes] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Every file the documents were made from besides the source (its catalog, templates,
    # stylesheet, Word styles): what an incremental build must watch.
    inputs: list[Path] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    # The PDF was asked of the WeasyPrint engine, which cannot run here: the other formats are
    # made all the same, and the command says once what to install (PdfLibraryMissing).
    pdf_missing: bool = False


def _annexes(document: Document[Any],
             options: RenderOptions) -> tuple[list[dict[str, Any]], list[Diagnostic]]:
    """The views of the annexes asked for that the document's format offers, each with its
    template; a note for each it does not offer."""
    fmt, spec = document.laid_out()
    annexes: list[dict[str, Any]] = []
    notes: list[Diagnostic] = []
    for name in options.annexes:
        annex = fmt.annexes.get(name)
        if annex is None:
            notes.append(document.diagnostic((), _(
                "el formato {format} de {kind} no ofrece el anexo «{annex}»; se omite").format(
                format=fmt.name, kind=document.kind, annex=name),
                severity=Severity.WARNING))
            continue
        template = spec.annexes.get(name, annex.template)
        notes.extend(check_template(document.catalog_source, document.spec_path,
                                    template, kinds.ANNEX, name, options.templates))
        built = annex.view.load()(document)
        if built is not None:
            annexes.append({"template": template, "view": built})
    return annexes, notes


def lay_out(document: Document[Any], options: RenderOptions) -> tuple[str, list[Path],
                                                                  list[Diagnostic]]:
    """The HTML of a checked document, the template and asset files it was made of, and what
    was found on the way. Raises InputError for a template that cannot lay it out."""
    from jinja2 import TemplateSyntaxError

    from .jinja import render_html, template_files
    from .sandbox import TemplateFailure, template_error

    fmt, spec = document.laid_out()
    declared = kinds.KINDS[document.kind].declared_format(fmt)
    problems = list(check_template(document.catalog_source,
                                   (*document.spec_path, "template"), spec.template,
                                   document.kind, declared, options.templates))
    annexes, notes = _annexes(document, options)
    problems += [n for n in notes if n.severity is Severity.ERROR]
    if problems:
        raise InputError(problems)
    view = fmt.view.load()(document)
    # A prose text's insertions are templates too: rendered here, each in the sandbox on its
    # own, before the document's template lays the text out.
    inserted: list[Path] = []
    for value in view.values():
        if isinstance(value, ProseText):
            inserted += render_insertions(document, value, options.templates, options.limits)
    context = {"catalog": document.catalog, "document": document.model, "view": view,
               "spec": spec, "annexes": annexes, "fields": document.fields}
    try:
        html, assets = render_html(spec.template, context, options.templates, options.limits)
        files = [*template_files(spec.template, options.templates)]
        for annex in annexes:
            files += [f for f in template_files(annex["template"], options.templates)
                      if f not in files]
    except TemplateFailure as exc:
        raise InputError([Diagnostic(exc.file, exc.line, (), exc.message)]) from None
    except TemplateSyntaxError as exc:
        # A template named in a branch that was not taken, and that does not parse.
        raise InputError([Diagnostic(exc.filename or exc.name or spec.template, exc.lineno, (),
                                     template_error(exc.message or str(exc)))]) from None
    odd = NOT_TEXT.search(html)
    if odd is not None:
        # Sources are checked for these; only a template's own text can bring one.
        from ..diagnostics import display_name

        raise InputError([Diagnostic(display_name(files[0]), None, (), _(
            "la plantilla produce, en la línea {line} de su HTML, el carácter U+{code:04X}, que "
            "un documento no admite; se espera texto imprimible").format(
            line=html.count("\n", 0, odd.start()) + 1, code=ord(odd.group())))])
    return html, files + inserted + assets, [n for n in notes if n.severity is not Severity.ERROR]


def produce(html: str, fmt: str, strict: bool, source_name: str,
            templates: Path | None = None, metadata: PdfMetadata | None = None,
            pdf_variant: str = DEFAULT_VARIANT,
            pdf_engine: str = DEFAULT_ENGINE) -> tuple[bytes, list[Diagnostic]]:
    """One format's bytes from the HTML, with any warning the writer raised. Raises
    PdfLibraryMissing for a PDF of the WeasyPrint engine on a machine that cannot run it."""
    if fmt == "pdf":
        from ..writers.pdf_library import pdf_writer

        writer = pdf_writer(pdf_engine)
        try:
            data, refused = writer.write_pdf(break_long_words(html),
                                             [templates] if templates else [], metadata,
                                             pdf_variant)
        except ValueError as exc:
            # The Typst writer met HTML outside the subset (a user's template), or Typst
            # refused what it made of it (TypstFailed, a ValueError): never the user's text.
            if pdf_engine != TYPST:
                raise
            return b"", [Diagnostic(source_name, None, (), _(
                "no se puede escribir el PDF: {problem}; la plantilla debe limitarse al "
                "subconjunto de HTML del README").format(problem=exc))]
        severity = Severity.ERROR if strict else Severity.WARNING
        notes = [Diagnostic(source_name, None, (), _(
            "recurso rechazado: {url} (lo pide la plantilla); solo se usan los archivos del "
            "paquete y las URL data:").format(url=url), severity) for url in refused]
        return data, notes
    from ..writers.docx import UnsupportedHtml, write_docx

    pages: dict[str, int] = {}
    if TOC_MARK in html:
        # A table of contents prints the pages of the PDF layout (writers/docx/toc.py), by
        # the engine in force: the default needs nothing but the package.
        from ..writers.pdf_library import pdf_writer

        try:
            pages = pdf_writer(pdf_engine).anchor_pages(break_long_words(html),
                                                        [templates] if templates else [])
        except PdfLibraryMissing:
            pages = {}  # the entries print without pages; Word numbers them on update
    try:
        from ..style import load_style

        return write_docx(html, [templates] if templates else [], load_style(templates),
                          metadata, pages), []
    except UnsupportedHtml as exc:
        # A template (ours or the user's) emitted HTML the DOCX writer cannot express.
        return b"", [Diagnostic(source_name, None, (), _(
            "no se puede escribir el DOCX: {problem}; la plantilla debe limitarse al "
            "subconjunto de HTML del README").format(problem=exc))]


def made_from(document: Document[Any]) -> list[Path]:
    """The files a document's content is read from, as its metadata identifies them: those a
    drawn document consolidates (the year's report: every formulation and results file), else
    its source and the sources it names (a results file's formulation). The catalog is named
    by its id and version instead."""
    consolidated = getattr(document.model, "sources", None)
    if consolidated:
        return list(consolidated)
    return [document.source.path, *(link.source.path for link in document.links)]


def render_document(document: Document[Any], options: RenderOptions) -> Rendered:
    """The bytes of a checked document in each format asked for; nothing is written."""
    result = Rendered(name=document.source.name)
    try:
        html, files, notes = lay_out(document, options)
    except InputError as exc:
        result.diagnostics.extend(exc.diagnostics)
        return result
    result.diagnostics.extend(notes)
    # The sources it names (a results file's formulation) are inputs like its catalog.
    result.inputs = [document.catalog_source.path, *(link.source.path for link in document.links),
                     *files]
    metadata = document_metadata(
        document.kind, document.catalog, document.model,
        [path.read_bytes() for path in made_from(document)], document.laid_out()[0].name,
        linked=[link.model for link in document.links])
    for fmt in options.formats:
        try:
            data, notes = produce(html, fmt, options.strict, document.source.name,
                                  options.templates, metadata, options.pdf_variant,
                                  options.pdf_engine)
        except PdfLibraryMissing:
            result.pdf_missing = True
            continue
        result.diagnostics.extend(notes)
        if blocking(notes, options.strict):
            result.data.clear()
            return result
        result.data[fmt] = data
    return result


def render_source(path: Path, registry: CatalogRegistry, options: RenderOptions) -> Rendered:
    """Load and check `path`; when it is clean (and, with --strict, without warnings), its
    documents' bytes."""
    document, diagnostics = check_path(path, registry, options.templates)
    if document is None or blocking(diagnostics, options.strict):
        from ..diagnostics import display_name

        return Rendered(name=display_name(Path(path)), diagnostics=diagnostics)
    if kinds.is_catalog(document.kind):
        return Rendered(name=document.source.name, diagnostics=[*diagnostics,
                        document.diagnostic(("kind",), _(
                            "un catálogo es datos, no un documento que diagramar; se espera una "
                            "formulación o una circular (o `pmg guide` para la guía de un "
                            "sistema del catálogo)"))])
    rendered = render_document(document, options)
    rendered.diagnostics[:0] = diagnostics
    return rendered


def write_rendered(rendered: Rendered, out_dir: Path, base: Path) -> None:
    """Write each format's bytes under `out_dir`, named by `base` and the format (the one
    naming rule, output.document_name). Raises OutputError."""
    for fmt, data in rendered.data.items():
        rendered.outputs.append(write_document(out_dir, document_name(base, fmt), data))


def guide_document(system_id: str | None, catalog_id: str,
                   registry: CatalogRegistry) -> Document[System | EverySystem]:
    """The requirements guide of a system (every system, the whole marco, when `system_id` is
    None), as a document drawn from its catalog. Raises UnknownId for an id that is not there,
    InputError for a catalog that offers no guide."""
    from ..load.sources import drawn_document

    return drawn_document(kinds.GUIDE, *kinds.subject(kinds.GUIDE, system_id, catalog_id,
                                                      registry))


def guide_subject(system_id: str | None, catalog_id: str,
                  registry: CatalogRegistry) -> tuple[Document[Catalog], System | EverySystem]:
    """What a guide is drawn from (the guide kind's subject factory): the catalog's document
    and its system `system_id`, or every system of it when `system_id` is None. Raises UnknownId
    for an id that is not there."""
    from ..diagnostics import UnknownId, unknown
    from ..models.guide import EverySystem

    found = registry.get(catalog_id)
    if found is None:
        raise UnknownId(unknown(_("un catálogo"), catalog_id, registry.ids()), param="catalog")
    if system_id is None:
        return found, EverySystem(found.model.id, tuple(found.model.systems))
    system = found.model.system(system_id)
    if system is None:
        raise UnknownId(unknown(_("un sistema"), system_id, (s.id for s in found.model.systems),
                                _("del catálogo {catalog}").format(catalog=catalog_id)),
                        param="system")
    return found, system


def render_guide(system_id: str | None, catalog_id: str, registry: CatalogRegistry,
                 options: RenderOptions) -> Rendered:
    """The guide's bytes (of every system when `system_id` is None), when the catalog is clean.
    Raises UnknownId for an unknown id."""
    from ..checks import check_document

    try:
        found = kinds.subject(kinds.GUIDE, system_id, catalog_id, registry)[0]
    except InputError as exc:
        return Rendered(name=catalog_id, diagnostics=exc.diagnostics)
    diagnostics = check_document(found, options.templates)
    try:
        document = guide_document(system_id, catalog_id, registry)
    except InputError as exc:
        return Rendered(name=found.source.name, diagnostics=[*diagnostics, *exc.diagnostics])
    diagnostics += check_document(document, options.templates)
    if blocking(diagnostics, options.strict):
        return Rendered(name=document.source.name, diagnostics=diagnostics)
    rendered = render_document(document, options)
    rendered.diagnostics[:0] = diagnostics
    return rendered
