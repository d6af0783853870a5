"""What a rule is: `(document, catalog) -> Diagnostic…` (checks/__init__.py).

A rule reads the document's model, and locates what it finds through the document
(`document.diagnostic`); `Rule[M]` names a rule of a format whose model is an M, so that mypy
holds each rule to the model it checks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from ..diagnostics import Diagnostic
from ..load.document import Document
from ..models.catalog import Catalog

M = TypeVar("M")

# One rule of a format whose model is M.
Rule = Callable[[Document[M], Catalog], Iterable[Diagnostic]]
