"""No word of our documents is cut in two: a column too narrow for its longest word makes the PDF
break it ("Cumplimient / o"), as Word does. Every word on the PDF's pages must be a word of the
HTML it was laid out from, for every example, the guide, the annex and the year's report."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html

from pmg_docs.load import CatalogRegistry, load_document
from pmg_docs.render.pipeline import RenderOptions, guide_document, lay_out, produce
from pmg_docs.render.report import report_document
from pmg_docs.views.year import consolidate
from tests.support.paths import ROOT

pytestmark = pytest.mark.slow

WORD = re.compile(r"[^\W\d_]+")
# Page furniture the stylesheet writes ("Página 2 de 4").
FURNITURE = {"Página", "de"}
REGISTRY = CatalogRegistry()


def _html_words(html: str) -> set[str]:
    tree = lxml_html.fromstring(html)
    for style in tree.xpath("//style"):
        style.drop_tree()
    # A chart's words travel in its data (the SVG is drawn from them).
    charts = " ".join(json.dumps(json.loads(value), ensure_ascii=False)
                      for value in tree.xpath("//@data-chart"))
    return set(WORD.findall(" ".join(tree.itertext()) + " " + charts))


def _foreign_words(html: str, tmp_path: Path, engine: str = "typst") -> list[str]:
    data, _notes = produce(html, "pdf", False, "test", pdf_engine=engine)
    pdf = tmp_path / "document.pdf"
    pdf.write_bytes(data)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")
    known = _html_words(html) | FURNITURE
    return sorted({word for word in WORD.findall(text) if word not in known})


SOURCES = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "examples").rglob("*")
                 if path.suffix in (".yaml", ".md") and path.name != "README.md")


@pytest.mark.parametrize("name", SOURCES)
def test_examples_keep_their_words_whole(name, tmp_path):
    document = load_document(ROOT / name, REGISTRY)
    html = lay_out(document, RenderOptions(annexes=("requisitos",)
                                           if name == "examples/2024/aduanas.yaml" else ()))[0]
    assert _foreign_words(html, tmp_path) == []


def test_the_guide_keeps_its_words_whole(tmp_path):
    html = lay_out(guide_document("estado-verde", "pmg-2024", REGISTRY), RenderOptions())[0]
    assert _foreign_words(html, tmp_path) == []


def test_the_years_report_keeps_its_words_whole(tmp_path):
    year = consolidate(ROOT / "examples" / "2024", REGISTRY)
    html = lay_out(report_document(year), RenderOptions())[0]
    assert _foreign_words(html, tmp_path) == []


def test_a_column_too_narrow_for_its_word_is_caught(tmp_path):
    # As our stylesheet lays out tables: fixed columns, a word too long for its cell broken.
    # (Inline CSS: WeasyPrint's; Typst lets a word shorter than markup.LONG_WORD overflow.)
    html = ('<html lang="es"><body><table style="table-layout: fixed; width: 40mm">'
            '<colgroup><col style="width: 12mm"><col></colgroup><tr>'
            '<th style="overflow-wrap: break-word">Cumplimiento</th><td>x</td></tr>'
            "</table></body></html>")
    assert _foreign_words(html, tmp_path, "weasyprint") != []
