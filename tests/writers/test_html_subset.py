"""Templates emit only the HTML subset the DOCX writer understands (see pmg_docs/writers/docx.py)."""

from __future__ import annotations

import lxml.html
import pytest
from conftest import ROOT

from pmg_docs.checks.validation import check_path
from pmg_docs.load.catalogs import CatalogRegistry
from pmg_docs.render.pipeline import render_html_for
from pmg_docs.writers.subset import TAGS as ALLOWED

EXAMPLES = sorted((ROOT / "examples").rglob("*.yaml"))



@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_rendered_html_stays_in_subset(path):
    checked, diagnostics = check_path(path, CatalogRegistry())
    if checked is None or checked.catalog is None:
        pytest.skip("not a renderable source")
    html = render_html_for(checked)
    tags = {element.tag for element in lxml.html.document_fromstring(html).iter()
            if isinstance(element.tag, str)}
    assert tags <= ALLOWED, tags - ALLOWED
