"""From a path to a typed, located document: catalogs, formulations and circulars.

A source's `kind:` key says what it is. Catalogs are looked up by id in the package's catalog
folder and in any extra folders the user names; a catalog's file is named after its id.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from ..diagnostics import Diagnostic, InputError, display_name
from ..models.catalog import Catalog
from ..models.circular import Circular
from ..models.formulation import Formulation
from .front_matter import FRONT_MATTER_SUFFIXES, load_front_matter, opens_with_front_matter
from .located_yaml import YamlSource, load_yaml
from .model_errors import located

# kind -> model. Formats of other years add their models here.
MODELS: dict[str, type[BaseModel]] = {
    "catalog": Catalog,
    "formulation": Formulation,
    "circular": Circular,
}

SOURCE_SUFFIXES = (".yaml", ".yml")


@dataclass
class Document:
    """A source file parsed into its model, with the YAML positions for located messages."""

    source: YamlSource
    model: BaseModel

    @property
    def kind(self) -> str:
        return self.model.kind


def parse_model(source: YamlSource) -> BaseModel:
    data = source.data
    if not isinstance(data, dict):
        raise InputError([source.diagnostic((), "expected a mapping with a `kind:` key at the top")])
    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in MODELS:
        known = ", ".join(sorted(MODELS))
        raise InputError([source.diagnostic(("kind",), f"got {kind!r}; expected one of: {known}")])
    try:
        return MODELS[kind].model_validate(data)
    except ValidationError as exc:
        raise InputError(located(exc, source)) from None


def load_source(path: Path) -> YamlSource:
    """A YAML file, or a Markdown file with YAML front matter (its text under `body`)."""
    path = Path(path)
    if path.suffix in FRONT_MATTER_SUFFIXES:
        return load_front_matter(path)
    return load_yaml(path)


def load_document(path: Path) -> Document:
    source = load_source(Path(path))
    return Document(source=source, model=parse_model(source))


def _is_source(candidate: Path, folder: Path) -> bool:
    if not candidate.is_file() or any(part.startswith(".")
                                      for part in candidate.relative_to(folder).parts):
        return False
    if candidate.suffix in FRONT_MATTER_SUFFIXES:
        return opens_with_front_matter(candidate)  # a plain README.md is no source
    return candidate.suffix in SOURCE_SUFFIXES


def iter_source_files(paths) -> tuple[list[Path], list[Diagnostic]]:
    """Expand files and folders into the sources under them, in a stable order: YAML files,
    and Markdown files that open with front matter."""
    files: list[Path] = []
    problems: list[Diagnostic] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(c for c in sorted(path.rglob("*")) if _is_source(c, path))
        elif path.exists():
            files.append(path)
        else:
            problems.append(Diagnostic(display_name(path), None, (), "file not found"))
    return files, problems
