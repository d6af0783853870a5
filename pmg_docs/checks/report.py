"""The consolidated year is drawn from sources already checked one by one (views/year.py
gathers their findings); the document itself adds no rule."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..diagnostics import Diagnostic
    from ..domain.year import Year
    from ..load.document import Document


def check(document: Document[Year]) -> Iterable[Diagnostic]:
    return ()
