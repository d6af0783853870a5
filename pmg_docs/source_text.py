"""Sources read from text rather than from a path: git blobs, and Markdown with YAML front matter.

`pmg diff` compares versions of a file that exist only in git, and `pmg fmt` rewrites the front
matter of a Markdown file without touching its body; both need the same YAML -> model step as
`sources.load_document`, starting from text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from .diagnostics import Diagnostic, InputError
from .sources import Document, parse_model
from .yaml_source import MAX_FILE_BYTES, YamlSource, parse_yaml_text

FRONT_MATTER_SUFFIXES = (".md", ".markdown")
_FENCE = "---"


@dataclass(frozen=True)
class Parts:
    """A source split into its YAML and what surrounds it.

    For a YAML file the whole text is YAML; for Markdown it is the front matter between the two
    `---` lines, `first_line` is the line of the file where the YAML starts, and `body` the rest.
    """

    yaml: str
    body: str | None = None
    first_line: int = 1

    def join(self, yaml_text: str) -> str:
        if self.body is None:
            return yaml_text
        return f"{_FENCE}\n{yaml_text}{_FENCE}\n{self.body}"


def split_source(text: str, name: str) -> Parts:
    """The YAML of a source: the whole of a YAML file, the front matter of a Markdown file."""
    if not name.endswith(FRONT_MATTER_SUFFIXES):
        return Parts(text)
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n") != _FENCE:
        raise InputError([Diagnostic(name, 1, (), "no front matter; expected the file to start "
                                     "with a `---` line, the YAML, and another `---` line")])
    for index in range(1, len(lines)):
        if lines[index].rstrip("\r\n") == _FENCE:
            return Parts("".join(lines[1:index]), "".join(lines[index + 1:]), first_line=2)
    raise InputError([Diagnostic(name, 1, (), "the front matter is not closed; expected a second "
                                 "`---` line after the YAML")])


def source_from_text(text: str, path: Path, name: str) -> tuple[YamlSource, Parts]:
    """Parse `text` (shown as `name` in messages) into a located YAML source."""
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise InputError([Diagnostic(name, None, (), f"the text is larger than {MAX_FILE_BYTES} "
                                     "bytes, the limit for a pmg document")])
    parts = split_source(text, name)
    shift = parts.first_line - 1
    try:
        data, lines = parse_yaml_text(parts.yaml, name)
    except InputError as exc:
        raise InputError([_shifted(d, shift) for d in exc.diagnostics]) from None
    lines = {key: line + shift for key, line in lines.items()}
    return YamlSource(path=path, data=data, lines=lines, text=text), parts


def _shifted(diagnostic: Diagnostic, shift: int) -> Diagnostic:
    if diagnostic.line is None or not shift:
        return diagnostic
    return replace(diagnostic, line=diagnostic.line + shift)


def document_from_text(text: str, path: Path, name: str) -> Document:
    """A typed document from text; raises InputError with located diagnostics."""
    source, _ = source_from_text(text, path, name)
    return Document(source=source, model=parse_model(source))
