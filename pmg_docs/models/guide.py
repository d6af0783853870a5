"""What a requirements guide is drawn from: one system of the catalog (`pmg guide SISTEMA`), or
every system of it, the whole marco (`pmg guide --all`)."""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import System


@dataclass(frozen=True)
class EverySystem:
    """The whole marco's guide: every system of the catalog, in the catalog's order."""

    # The catalog's id, which names the guide's files (requisitos-pmg-2024).
    id: str
    systems: tuple[System, ...]
