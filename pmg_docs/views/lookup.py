"""What a view looks up in the catalog is there: a view runs on a document whose checks passed,
and those report every id the catalog lacks. `known` says so to the reader and to mypy."""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")


def known(item: T | None, ident: str) -> T:
    """The catalog's item found for `ident` (`catalog.system(ident)`, …)."""
    if item is None:
        raise LookupError(f"{ident!r} is not in the catalog: a view ran on a document whose "
                          "checks did not pass")
    return item
