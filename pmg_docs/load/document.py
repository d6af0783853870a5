"""A loaded document: the one argument every stage after loading takes.

Checks, views and annexes take a `Document[M]`, generic over its model: the model, the catalog
it is written against (with the catalog's source, where messages about the catalog's
declarations point), its declaration (kind, format, and the catalog's `DocumentSpec`), the other
sources it names (its links: a results file's formulation), the user's templates folder it is
checked with, and how it names a place for messages (`place`, the format's `describe` part).
Nothing of this travels any other way: the YAML source knows only lines, and the model only what
the file says.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ..diagnostics import Diagnostic
from .located_yaml import FieldPath, YamlSource

if TYPE_CHECKING:
    from ..kinds import Format
    from ..models.catalog import Catalog, DocumentSpec
    from .partial import Pruned

# The document's model: a pydantic model for a written source; what a drawn kind is drawn from
# otherwise (a guide's catalog System, the report's consolidated Year).
M = TypeVar("M")
N = TypeVar("N")


@dataclass
class Document(Generic[M]):
    """A source parsed into its model, with its YAML positions for located messages, the
    catalog it is written against and how that catalog lays it out.

    A catalog is a document written against itself: its `catalog` is its own model, and it has
    no format (nothing lays a catalog out)."""

    source: YamlSource
    model: M
    kind: str
    catalog: Catalog
    # The catalog's own source: where messages about its declarations point.
    catalog_source: YamlSource
    # The declaration the catalog makes for the kind (`documents:`): its format and template.
    format: Format | None = None
    spec: DocumentSpec | None = None
    # Other sources this one names and was read with (a results file's formulation).
    links: list[Document[Any]] = field(default_factory=list)
    # Set on a document read from what validated of a source whose shape is wrong: what was
    # left out (see load/partial.py).
    pruned: Pruned | None = None
    # The fields the catalog's entry declares (`fields:`), as the source wrote them, typed.
    fields: dict[str, Any] = field(default_factory=dict)
    # The key of the catalog's `documents:` entry that lays it out: the kind's name, or the
    # name the source gives (`document: decreto`) for a kind a catalog offers several of.
    entry: str | None = None
    # The user's templates folder the document is checked and laid out with, searched before
    # the package's: where its checks find the templates its text names (a prose text's
    # insertions). Set by checks.check_document, which is given it (not on a catalog, whose
    # checks are given it instead); None: the package's only.
    templates: Path | None = None

    @property
    def complete(self) -> bool:
        """False when parts of the source were left out; rules that compare one list with
        another (counts, commitments) say nothing then."""
        return self.pruned is None

    @property
    def spec_path(self) -> tuple[str, ...]:
        """Where the catalog declares how this document is laid out (`documents.decreto`)."""
        return ("documents", self.entry or self.kind)

    @property
    def name(self) -> str:
        return self.source.name

    def laid_out(self) -> tuple[Format, DocumentSpec]:
        """The format and the catalog's declaration of a document laid out from a template:
        every document but a catalog (nothing lays a catalog out, so it has neither)."""
        if self.format is None or self.spec is None:
            raise TypeError(f"{self.name} is a catalog: no template lays it out")
        return self.format, self.spec

    def place(self, path: FieldPath) -> str | None:
        """`path` (the file's) as the document names it ("Objetivo N°2 › ponderación"), asked
        of the format's `describe` part; None for a format without one or the top of the
        file. It reads the data as written, so it also names the place of a shape error."""
        written = self.pruned.written if self.pruned is not None else self.source.data
        return places(self.format, written, self.catalog)(path)

    def diagnostic(self, path: FieldPath, message: str, **kwargs: Any) -> Diagnostic:
        """A finding at `path`, located at its line and named as the document names it."""
        return self.source.diagnostic(path, message, place=self.place, **kwargs)

    def line_of(self, path: FieldPath) -> int | None:
        return self.source.line_of(path)

    def linked(self, model: type[N]) -> Document[N]:
        """The source of model `model` that this one names (see load/references.py)."""
        for link in self.links:
            if isinstance(link.model, model):
                return link
        raise LookupError(f"{self.name} names no {model.__name__}")

    @property
    def formulation(self) -> Document[Any]:
        """The formulation a results file or a work plan is written about, in any format
        (a work plan's is by objectives: its link admits no other)."""
        from ..models.service import FormulationHeader

        return self.linked(FormulationHeader)


def places(fmt: Format | None, written: Any, catalog: Catalog) -> Callable[[FieldPath], str | None]:
    """How the places of a source of format `fmt` are named: its `describe` part, on the
    source's data as written (`written`)."""
    def place(path: FieldPath) -> str | None:
        if fmt is None or fmt.describe is None or not path:
            return None
        return fmt.describe.load()(path, written, catalog)

    return place
