"""What a rule reads of the document it checks.

A rule is `(document, catalog) -> Diagnostic…` (checks/__init__.py): it reads the document's
model, and its source to locate what it finds. `Checked[M]` names that for a document whose
model is an M, so that each rule says which model it checks and mypy holds it to it. The
loader's `Document` is one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from ..diagnostics import Diagnostic
    from ..load.located_yaml import YamlSource
    from ..models.catalog import Catalog

M_co = TypeVar("M_co", covariant=True)
M = TypeVar("M")


class Checked(Protocol[M_co]):
    @property
    def source(self) -> YamlSource: ...

    @property
    def model(self) -> M_co: ...

    @property
    def complete(self) -> bool:
        """False when parts of the source were left out (load/partial.py)."""
        ...


# One rule of a format whose model is M.
Rule = Callable[[Checked[M], "Catalog"], Iterable["Diagnostic"]]
