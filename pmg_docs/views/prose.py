"""The view of a prose document: its text, parsed, for the template to lay out
(`view.text.layout(numbering)`: the HTML with its headings numbered as the template says, and
the headings for a table of contents). The text's insertions are rendered by the pipeline before
the template runs (render/insertions.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..models.prose import ProseDocument
from ..richtext.prose import ProseText, parse_prose

if TYPE_CHECKING:
    from ..load.document import Document


def view(document: Document[ProseDocument]) -> dict[str, Any]:
    return {"text": ProseText(parse_prose(document.model.body))}
