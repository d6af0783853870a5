"""`pmg new circular`: a commented circular that validates as it is (against mei-2012, the marco
whose Cuadros it prints); `--catalog` does not apply, the circular's `catalog:` says it."""

from __future__ import annotations

from ...resources import templates_dir
from .common import Request, Scaffold


def scaffold(request: Request) -> Scaffold:
    return Scaffold((templates_dir() / "scaffolds" / "circular.md").read_text(encoding="utf-8"))
