"""What the sources written about a formulation (results, work plan) share."""

from __future__ import annotations

from pydantic import PrivateAttr

from .base import Model


class AboutFormulation(Model):
    """A source that names its formulation (`formulation:`, a path relative to it)."""

    # The formulation's document, attached when the file is loaded from disk
    # (load/references.py); checks and views read it from here.
    _formulation = PrivateAttr(default=None)

    @property
    def formulation_document(self):
        return self._formulation
