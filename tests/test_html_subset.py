"""Templates emit only the HTML subset the DOCX writer understands (see pmg_docs/writers/docx.py)."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from pmg_docs.rendering import render_html_for
from pmg_docs.sources import CatalogRegistry
from pmg_docs.validation import check_path

ALLOWED = {"html", "head", "meta", "title", "link", "body", "div", "h1", "h2", "h3", "p", "strong",
           "b", "em", "i", "br", "ul", "ol", "li", "table", "colgroup", "col", "thead", "tbody",
           "tr", "th", "td"}
EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").rglob("*.yaml"))



@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_rendered_html_stays_in_subset(path):
    checked, diagnostics = check_path(path, CatalogRegistry())
    if checked is None or checked.catalog is None:
        pytest.skip("not a renderable source")
    html = render_html_for(checked)
    tags = {element.tag for element in lxml.html.document_fromstring(html).iter()
            if isinstance(element.tag, str)}
    assert tags <= ALLOWED, tags - ALLOWED
