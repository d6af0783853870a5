"""Checks: the marco's rules and every consistency check, behind one entry point.

`check_document` runs what holds for a loaded document: a catalog's own consistency, or, for any
other source, the checks of the format its catalog declares for it (found through the kind
registry, `pmg_docs.kinds`). Each format's checks are a function `(document) -> Diagnostic…`
(`kinds.Checks`) that reads its parameters from the document's catalog, so a marco that differs
changes its catalog, not this code. All checks run, and all their findings are gathered.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .. import kinds
from ..diagnostics import Diagnostic, Diagnostics, InputError
from ..load import CatalogRegistry, Document, iter_source_files, load_document


def check_document(document: Document[Any], templates: Path | None = None) -> list[Diagnostic]:
    """Every finding about a loaded document (its shape was checked while loading it)."""
    from .glyphs import check_glyphs
    from .words import check_word_lengths

    if kinds.is_catalog(document.kind):
        return [*kinds.CATALOG.checks.load()(document, templates), *check_glyphs(document),
                *check_word_lengths(document)]
    from .markdown import check_markdown
    from .placeholders import check_placeholders

    # A format's checks take the document alone: what they need of the templates folder (the
    # insertions a prose text may name) they read from it. (A catalog's checks are given the
    # folder; a catalog's document is shared by every source that names it: it is left untouched.)
    document.templates = templates
    fmt = document.format
    # Every source but a catalog is read through the format its catalog declares for it
    # (load/sources.py), and so is every drawn document.
    assert fmt is not None, f"{document.name}: a {document.kind} without its format"
    found = [*fmt.checks.load()(document), *check_word_lengths(document)]
    if kinds.KINDS[document.kind].written:
        # A drawn document (a guide) is read from its catalog's own source, whose texts the
        # catalog's check already looks at: checked again here, each warning would show twice.
        found += [*check_placeholders(document), *check_markdown(document),
                  *check_glyphs(document)]
    return found


def check_path(path: Path, registry: CatalogRegistry,
               templates: Path | None = None) -> tuple[Document[Any] | None, list[Diagnostic]]:
    """Load and check one file: the document (None when it could not be loaded) and every
    finding."""
    try:
        document = load_document(path, registry)
    except InputError as exc:
        if exc.partial is None:
            return None, exc.diagnostics
        return None, [*exc.diagnostics, *_findings_on_partial(exc.partial, templates)]
    return document, check_document(document, templates)


def _findings_on_partial(document: Document[Any], templates: Path | None) -> list[Diagnostic]:
    """The rules' findings on what validated of a source whose shape is wrong (load/partial.py),
    less those that a left-out list item would make wrong."""
    try:
        found = check_document(document, templates)
    except (AttributeError, TypeError):
        # A rule needed a field that was set aside (left empty): the shape errors are all that
        # can be said about this file.
        return []
    pruned = document.pruned
    return [d for d in found if pruned is None or not pruned.misleads(d.path)]


def validate_paths(paths: Iterable[str | Path], registry: CatalogRegistry,
                   templates: Path | None = None) -> tuple[Diagnostics, int]:
    """Validate every source under `paths`; return all diagnostics and the number of files."""
    from ..style import load_style
    from ..style.template_css import template_css_warnings

    files, problems = iter_source_files(paths, [templates])
    found = Diagnostics(list(problems))
    # The user's style file and templates, said once for every source they lay out.
    try:
        load_style(templates)
    except InputError as exc:
        found.extend(exc.diagnostics)
    found.extend(template_css_warnings(templates))
    # A catalog of the folder is checked as a file and again as the catalog of each source that
    # names it: the same problem is said (and counted) once.
    seen = set(found)
    for path in files:
        for diagnostic in check_path(path, registry, templates)[1]:
            if diagnostic not in seen:
                seen.add(diagnostic)
                found.add(diagnostic)
    return found, len(files)
