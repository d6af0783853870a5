"""Sources read from text rather than from a path: git blobs, and the text `pmg fmt` rewrites.

`pmg diff` compares versions of a file that exist only in git, and `pmg fmt` rewrites the front
matter of a Markdown file without touching its body; both need the same text -> located data ->
model steps as `sources.load_document`, starting from text, and `fmt` needs the YAML part alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..diagnostics import Diagnostic, InputError
from .front_matter import FENCE, FRONT_MATTER_SUFFIXES, front_matter_source, split_front_matter
from .located_yaml import YamlSource, parse_yaml_text
from .sources import Document, parse_document
from .text import MAX_FILE_BYTES, too_large

if TYPE_CHECKING:
    from .catalogs import CatalogRegistry

__all__ = ["FRONT_MATTER_SUFFIXES", "Parts", "document_from_text", "source_from_text"]


@dataclass(frozen=True)
class Parts:
    """A source split into its YAML and what surrounds it: all of a YAML file is YAML; of a
    Markdown file, the front matter between the two `---` lines, and `body` is the rest."""

    yaml: str
    body: str | None = None

    def join(self, yaml_text: str, newline: str = "\n") -> str:
        if self.body is None:
            return yaml_text
        return f"{FENCE}{newline}{yaml_text}{FENCE}{newline}{self.body}"


def is_front_matter_name(name: str) -> bool:
    return name.endswith(FRONT_MATTER_SUFFIXES)


def source_from_text(text: str, path: Path, name: str) -> tuple[YamlSource, Parts]:
    """Parse `text` (shown as `name` in messages) into a located source and its parts."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise InputError([Diagnostic(name, None, (), too_large(
            len(text.encode("utf-8", "surrogatepass"))))])
    if is_front_matter_name(name):
        yaml_text, body, _ = split_front_matter(text, name)
        return front_matter_source(text, path, name), Parts(yaml_text, body)
    data, lines = parse_yaml_text(text, name)
    return YamlSource(path=path, data=data, lines=lines, text=text), Parts(text)


def document_from_text(text: str, path: Path, name: str,
                       registry: CatalogRegistry | None) -> Document[Any]:
    """A typed document from text; raises InputError with located diagnostics."""
    source, _ = source_from_text(text, path, name)
    return parse_document(source, registry)
