"""Every document template emits only the HTML subset both writers understand
(pmg_docs/writers/subset.py): every example source, the guide, and the requisitos annex."""

from __future__ import annotations

import lxml.html
import pytest

from pmg_docs.checks import check_path
from pmg_docs.load import CatalogRegistry, iter_source_files
from pmg_docs.render.pipeline import RenderOptions, guide_document, lay_out
from pmg_docs.writers.subset import TAGS
from tests.support.paths import ROOT

EXAMPLES = iter_source_files([ROOT / "examples"])[0]


def _tags(html: str) -> set[str]:
    return {element.tag for element in lxml.html.document_fromstring(html).iter()
            if isinstance(element.tag, str)}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_rendered_html_stays_in_subset(path):
    document, diagnostics = check_path(path, CatalogRegistry())
    assert document is not None, diagnostics
    html = lay_out(document, RenderOptions(annexes=("requisitos",)))[0]
    assert _tags(html) <= TAGS, _tags(html) - TAGS


def test_guide_html_stays_in_subset():
    document = guide_document("calidad-de-servicio-y-experiencia-usuaria", "pmg-2024",
                              CatalogRegistry())
    html = lay_out(document, RenderOptions())[0]
    assert _tags(html) <= TAGS, _tags(html) - TAGS


def test_whole_marco_guide_html_stays_in_subset():
    """`pmg guide --all`: its index is a `nav.toc` whose links point to the ids of headings."""
    document = guide_document(None, "pmg-2024", CatalogRegistry())
    html = lay_out(document, RenderOptions())[0]
    assert _tags(html) <= TAGS, _tags(html) - TAGS
    root = lxml.html.document_fromstring(html)
    targets = [a.get("href")[1:] for a in root.iterfind(".//nav[@class='toc']//a")]
    assert len(targets) == 10
    assert all(root.get_element_by_id(target).tag in ("h2", "h3") for target in targets)
