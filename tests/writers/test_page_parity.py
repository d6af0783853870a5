"""Both formats lay out the same pages: every example document's DOCX, laid out by LibreOffice (as
a Word user's machine would), has as many pages as its PDF; restyling the reference DOCX restyles
the documents; and no cell spanning rows is left open at the foot of a PDF page.

`scripts/compare_pages.py` writes the pages of both as PNG images to look at side by side."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.support.documents import DOCUMENTS, ENGINES, build_all, every_document
from tests.support.libreoffice import arial_substitute, page_count, soffice, to_pdf
from tests.support.paths import ROOT

needs_libreoffice = pytest.mark.skipif(
    soffice() is None, reason="LibreOffice is not installed (apt-get install "
    "libreoffice-writer-nogui): .ci/run installs it")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module", params=ENGINES)
def built(tmp_path_factory, request) -> Path:
    """Every document, its PDF by each engine: Typst, WeasyPrint and the DOCX through
    LibreOffice all have the same pages."""
    return build_all(tmp_path_factory.mktemp("parity"), request.param)


@pytest.fixture(scope="module")
def laid_out(built, tmp_path_factory) -> dict[str, Path]:
    """Each document's DOCX as LibreOffice lays it out (one call per folder: names repeat)."""
    assert arial_substitute(), "LibreOffice would set Arial with a font of other widths " \
        "(apt-get install fonts-liberation2)"
    out = tmp_path_factory.mktemp("libreoffice")
    result = {}
    for name in every_document(built):
        docx = built / f"{name}.docx"
        result[name] = to_pdf([docx], out / name.replace("/", "-"))[docx]
    return result


@pytest.mark.slow
@needs_libreoffice
def test_docx_has_as_many_pages_as_the_pdf(built, laid_out):
    counts = {name: (page_count(built / f"{name}.pdf"), page_count(pdf))
              for name, pdf in laid_out.items()}
    assert len(counts) >= len(DOCUMENTS)
    assert {name: c for name, c in counts.items() if c[0] != c[1]} == {}


@pytest.mark.slow
@needs_libreoffice
@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_same_header_and_page_numbers(built, laid_out, name):
    """Every page of both carries the same running header and "Página N de M"."""
    def furniture(pdf: Path) -> list[tuple[str, str]]:
        pages = []
        for number in range(1, page_count(pdf) + 1):
            text = subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), str(pdf),
                                   "-"], capture_output=True, text=True, check=True).stdout
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            footer = next(line for line in lines if line.startswith("Página "))
            header = lines[0] if "—" in lines[0] else ""
            pages.append((header, footer))
        return pages

    assert furniture(laid_out[name]) == furniture(built / f"{name}.pdf")


def _example_sources() -> list[str]:
    from pmg_docs.load import iter_source_files
    return sorted(p.relative_to(ROOT / "examples").with_suffix("").as_posix()
                  for p in iter_source_files([ROOT / "examples"])[0])


def _html(name: str) -> str:
    from pmg_docs.checks import check_path
    from pmg_docs.load import CatalogRegistry
    from pmg_docs.render.pipeline import RenderOptions, guide_document, lay_out
    if name.startswith("guides/"):
        system = name.removeprefix("guides/requisitos-")
        document = guide_document(None if system == "pmg-2024" else system, "pmg-2024",
                                  CatalogRegistry())
        return lay_out(document, RenderOptions())[0]
    source = "2024/aduanas" if name.startswith("annex/") else name
    path = next((ROOT / "examples").glob(f"{source}.*"))
    document = check_path(path, CatalogRegistry())[0]
    annexes = ("requisitos",) if name.startswith("annex/") else ()
    return lay_out(document, RenderOptions(annexes=annexes))[0]


def open_spans(page) -> list[str]:
    """Cells spanning rows that the page's part of their table does not close."""
    from weasyprint.formatting_structure import boxes

    found = []

    def walk(box):
        if isinstance(box, boxes.TableRowGroupBox):
            rows = box.children
            for index, row in enumerate(rows):
                for cell in row.children:
                    if index + cell.rowspan > len(rows):
                        found.append(" ".join(
                            t.text for t in cell.descendants() if isinstance(t, boxes.TextBox)))
            return
        for child in getattr(box, "children", []):
            walk(child)

    walk(page._page_box)
    return found


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted({*_example_sources(), *DOCUMENTS}))
def test_no_cell_spanning_rows_is_left_open_at_a_page_foot(name):
    """A stage's label (and a Cuadro's área) stays on the page of all its rows."""
    from weasyprint import CSS, HTML

    from pmg_docs.resources import templates_dir
    from pmg_docs.writers.pdf import _font_css

    document = HTML(string=_html(name), base_url=str(templates_dir()) + os.sep).render(
        stylesheets=[CSS(string=_font_css())])
    assert [span for page in document.pages for span in open_spans(page)] == []
