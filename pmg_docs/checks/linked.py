"""What every source written about a formulation (results, work plan) checks first: that the
formulation it names is itself clean, so that what is compared with it can be trusted."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from ..diagnostics import Diagnostic, FieldPath, Severity, display_name
from ..i18n import _, ngettext
from ..load.document import Document
from ..models.catalog import Catalog
from ..models.objetivos import Formulation
from .checked import Rule

About = TypeVar("About")


def formulation_is_clean(document: Document[About],
                         catalog: Catalog) -> Iterator[Diagnostic]:
    from . import check_document

    formulation = document.formulation
    errors = [d for d in check_document(formulation) if d.severity is Severity.ERROR]
    if errors:
        yield document.diagnostic((_link_field(document),), ngettext(
            "la formulación tiene {count} error; corríjalo primero (`pmg validate {path}` lo "
            "muestra)",
            "la formulación tiene {count} errores; corríjalos primero (`pmg validate {path}` "
            "los muestra)", len(errors)).format(
            count=len(errors), path=display_name(formulation.source.path)))


def _link_field(document: Document[About]) -> str:
    """The field that names the formulation: only a format that declares its link (kinds.py)
    loads a source with a formulation."""
    link = document.format.link if document.format is not None else None
    assert link is not None, f"{document.kind} names no formulation"
    return link.field


def formulation_line(formulation: Document[Formulation], path: FieldPath) -> str:
    """`aduanas.yaml:22`: where an item of the formulation (a loaded document) is."""
    return f"{formulation.source.name}:{formulation.source.line_of(path)}"


def missing(what: str, where: str) -> str:
    return _("falta {what}, que la formulación compromete ({where})").format(what=what,
                                                                             where=where)


def not_committed(what: str) -> str:
    return _("{what} no está comprometido en la formulación; se espera uno de los que "
             "compromete").format(what=what)


def checked_against_formulation(document: Document[About], catalog: Catalog,
                                rules: Iterable[Rule[About]]) -> Iterator[Diagnostic]:
    """`rules` of a source about a formulation, run once the formulation is known to be clean
    (against a broken one they would only repeat its errors)."""
    clean = list(formulation_is_clean(document, catalog))
    yield from clean
    if clean:
        return
    for rule in rules:
        yield from rule(document, catalog)
