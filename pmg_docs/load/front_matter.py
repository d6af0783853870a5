"""Markdown sources that open with YAML front matter (circulars).

The YAML between the first two `---` lines is loaded like any YAML source, with the line of every
field counted in the whole file; the Markdown after it becomes the field `body`, whose line is the
body's first line, so that messages about the text point into the file too.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostic, InputError, display_name
from ..i18n import _
from .located_yaml import YamlSource, parse_yaml_text
from .text import read_text

FENCE = "---"
FRONT_MATTER_SUFFIXES = (".md",)


@dataclass
class FrontMatterSource(YamlSource):
    # Line of the file on which the Markdown body starts.
    body_line: int = 1


def opens_with_front_matter(path: Path) -> bool:
    """Whether a Markdown file is a source (and not, say, a README beside the examples)."""
    try:
        with open(path, encoding="utf-8") as stream:
            return stream.readline().rstrip("\r\n").lstrip("\ufeff") == FENCE
    except (OSError, UnicodeDecodeError):
        return True  # loading it will say what is wrong, located


def split_front_matter(text: str, name: str) -> tuple[str, str, int]:
    """`(yaml_text, body, body_line)`; the YAML starts on line 2 of the file."""
    lines = text.lstrip("\ufeff").splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n") != FENCE:
        raise InputError([Diagnostic(name, 1, (), _(
            "se espera que el archivo empiece con el encabezado YAML: una línea `---`, los "
            "campos y otra línea `---`"))])
    for index in range(1, len(lines)):
        if lines[index].rstrip("\r\n") == FENCE:
            return "".join(lines[1:index]), "".join(lines[index + 1:]), index + 2
    raise InputError([Diagnostic(name, 1, (), _(
        "el encabezado YAML que empieza aquí no se cierra; se espera una línea `---` después de "
        "su último campo"))])


def load_front_matter(path: Path) -> FrontMatterSource:
    """Read a Markdown source: its front matter as located data, its body under `body`."""
    path = Path(path)
    name = display_name(path)
    return front_matter_source(read_text(path, name), path, name)


def front_matter_source(text: str, path: Path, name: str) -> FrontMatterSource:
    """A Markdown source from its text (a file's, or a git blob's), named `name` in messages."""
    yaml_text, body, body_line = split_front_matter(text, name)
    try:
        # Dates stay text here so that a date that is no date gets a located message.
        data, lines = parse_yaml_text(yaml_text, name, dates_as_text=True)
    except InputError as exc:
        raise InputError([_shifted(d, 1) for d in exc.diagnostics]) from None
    lines = {field: line + 1 for field, line in lines.items()}
    lines[()] = 1
    if isinstance(data, dict):
        if "body" in data:
            raise InputError([Diagnostic(name, lines[("body",)], ("body",), _(
                "`body` es el texto Markdown después del encabezado; se espera que el "
                "encabezado no tenga un campo `body:`"))])
        data["body"] = body
        lines[("body",)] = body_line
    return FrontMatterSource(path=path, data=data, lines=lines, text=text, body_line=body_line)


def _shifted(diagnostic: Diagnostic, offset: int) -> Diagnostic:
    if diagnostic.line is None:
        return diagnostic
    return dataclasses.replace(diagnostic, line=diagnostic.line + offset)
