"""Markdown that the documents do not lay out: a located warning for each construct.

Descriptions, justifications, notes and a circular's text take paragraphs, lists, *italics* and
**bold**. A heading, a table, a link, an image, code, a quote, a rule or HTML typed into them
prints as the characters typed (see richtext/); this says so where it happens, naming the
construct, instead of leaving the surprise for the printed page.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from ..diagnostics import Diagnostic, FieldPath, Severity
from ..i18n import _
from ..load.document import Document
from ..load.front_matter import FrontMatterSource
from ..load.located_yaml import YamlSource
from ..models.base import MARKDOWN
from ..richtext import unsupported


def _constructs() -> dict[str, str]:
    return {
        "heading": _("un título de Markdown"), "table": _("una tabla de Markdown"),
        "link": _("un enlace de Markdown"), "image": _("una imagen de Markdown"),
        "code": _("código de Markdown"), "quote": _("una cita de Markdown («>»)"),
        "rule": _("una línea horizontal de Markdown"), "html": _("HTML"),
    }


def check_markdown(document: Document[BaseModel]) -> Iterable[Diagnostic]:
    """A warning per unsupported construct in each Markdown field of the document."""
    source = document.source
    for path, text in markdown_fields(document.model):
        first: int | None = None
        for index, (line, construct, typed) in enumerate(unsupported(text)):
            if index == 0:  # where the text starts, found only for a text with something to say
                first = _first_line(source, path)
            excerpt = typed if len(typed) <= 60 else typed[:57] + "…"
            diagnostic = document.diagnostic(path, _(
                "{construct} en «{excerpt}» no se diagrama: se imprime tal cual. Los textos "
                "admiten párrafos, listas (- o 1.), *cursiva* y **negrita**").format(
                construct=_constructs()[construct], excerpt=excerpt), severity=Severity.WARNING)
            yield dataclasses.replace(diagnostic, line=first + line - 1 if first else None)


def markdown_fields(model: BaseModel,
                    path: FieldPath = ()) -> Iterable[tuple[FieldPath, str]]:
    """(field path, text) of every Markdown field set in `model`, nested models included."""
    for name, is_markdown in _fields(type(model)):
        value = getattr(model, name, None)
        if isinstance(value, str):
            if is_markdown:
                yield path + (name,), value
        elif isinstance(value, BaseModel):
            yield from markdown_fields(value, path + (name,))
        elif isinstance(value, (list, tuple)):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from markdown_fields(item, path + (name, index))


# Bounded: a source whose shape is wrong is checked with a relaxed copy of its model, made for
# it (load/partial.py), and a preview runs for days.
@lru_cache(maxsize=512)
def _fields(model: type[BaseModel]) -> tuple[tuple[str, bool], ...]:
    """A model's fields, in order, each with whether it is declared Markdown: asked of every
    model of a document each time it is checked, and a class's fields do not change."""
    return tuple((name, _is_markdown(info.annotation, info.metadata))
                 for name, info in model.model_fields.items())


def _is_markdown(annotation: Any, metadata: Iterable[object] = ()) -> bool:
    if MARKDOWN in metadata:
        return True
    if typing.get_origin(annotation) is typing.Annotated:
        return MARKDOWN in typing.get_args(annotation)[1:]
    return any(_is_markdown(arg) for arg in typing.get_args(annotation))


def _first_line(source: YamlSource, path: FieldPath) -> int | None:
    """The line of the file on which the text's first line is: the line after `key: |` (or
    `>`) for a block, the body's first line for a circular, else the key's own line (a text on
    one line)."""
    line = source.line_of(path)
    if line is None:
        return None
    if path == ("body",) and isinstance(source, FrontMatterSource):
        return line
    written = source.text.splitlines()[line - 1] if line <= len(source.text.splitlines()) else ""
    value = written.split(":", 1)[1].strip() if ":" in written else ""
    return line + 1 if value[:1] in ("|", ">") else line
