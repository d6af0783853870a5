"""What the writer reads of the HTML: classes, collapsed text, the error for HTML outside the
subset (shared with the Typst writer: writers/html_tree.py)."""

from __future__ import annotations

from ..html_tree import UnsupportedHtml, classes, collapse

__all__ = ["UnsupportedHtml", "classes", "collapse"]
