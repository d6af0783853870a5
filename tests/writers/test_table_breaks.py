"""The same table breaks at the same row in the PDF (Typst or WeasyPrint) as in the DOCX laid out
by LibreOffice (as a Word user's machine would): over the examples' work plans and over work
plans of 6, 12 and 20 activities a table, short and long texts (tests/support/work_plans.py).
Where a row wraps into another number of lines in one layout, the README's tolerance («How
tables break across pages») applies; `compare` (tests/support/table_breaks.py) checks it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from pmg_docs.cli import main
from tests.support.documents import ENGINES
from tests.support.libreoffice import arial_substitute, soffice, to_pdf
from tests.support.paths import ROOT
from tests.support.table_breaks import Row, compare, rows
from tests.support.work_plans import PLANS, write_plans

EXAMPLES = sorted((ROOT / "examples" / "2024" / "programas").glob("*.yaml"))
NAMES = [p.stem for p in EXAMPLES] + list(PLANS)


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> list[Path]:
    return EXAMPLES + write_plans(tmp_path_factory.mktemp("plans"))


@pytest.fixture(scope="module")
def pdfs(sources, tmp_path_factory) -> dict[str, Path]:
    """Each work plan's PDF by each engine (`engine/name`), and its DOCX's PDF by LibreOffice
    (`libreoffice/name`)."""
    out = tmp_path_factory.mktemp("breaks")
    for engine in ENGINES:
        formats = "all" if engine == "typst" else "pdf"
        result = CliRunner().invoke(main, ["render", *map(str, sources), "-o", str(out / engine),
                                           "--format", formats, "--pdf-engine", engine])
        assert result.exit_code == 0, result.output
    made = {f"{engine}/{p.stem}": out / engine / f"{p.stem}.pdf"
            for engine in ENGINES for p in sources}
    if soffice() is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
    assert arial_substitute(), "LibreOffice would set Arial with a font of other widths " \
        "(apt-get install fonts-liberation2)"
    docx = [out / "typst" / f"{p.stem}.docx" for p in sources]
    made |= {f"libreoffice/{path.stem}": pdf
             for path, pdf in to_pdf(docx, out / "libreoffice").items()}
    return made


@pytest.mark.slow
@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", NAMES)
def test_a_table_breaks_at_the_same_row_in_pdf_and_docx(pdfs, engine, name):
    pdf, word = rows(pdfs[f"{engine}/{name}"]), rows(pdfs[f"libreoffice/{name}"])
    # Every table of the plan was found, and its pages do break inside tables.
    assert len(pdf) >= 12 and len({row.page for row in pdf}) >= 3
    assert compare(pdf, word) == []


# The tolerance itself, on rows as `rows` reads them (table, number, page, lines).
def _rows(*pages: list[int], lines: dict[int, int] | None = None) -> list[Row]:
    return [Row(1, number, page, (lines or {}).get(number, 2))
            for page, numbers in enumerate(pages, 1) for number in numbers]


def test_the_same_breaks_agree():
    assert compare(_rows([1, 2], [3, 4]), _rows([1, 2], [3, 4])) == []


def test_a_row_moved_with_every_row_wrapped_alike_is_a_difference():
    assert compare(_rows([1, 2], [3, 4]), _rows([1], [2, 3, 4])) == [
        "page 1 of rows: ends at row (1, 2) / (1, 1), every row on it taking as many lines in "
        "both"]


def test_a_row_wrapped_otherwise_lets_the_pages_break_elsewhere_until_back_in_step():
    a = _rows([1, 2], [3, 4, 5], [6, 7], lines={2: 3})
    b = _rows([1], [2, 3, 4], [5, 6, 7], lines={2: 2})
    assert compare(a, b) == []
    # Back in step (both start page 3 at row 6), the rule holds again.
    c = _rows([1, 2], [3, 4, 5], [6, 7], [8, 9], lines={2: 3})
    d = _rows([1], [2, 3, 4, 5], [6], [7, 8, 9], lines={2: 2})
    assert compare(c, d) == ["page 3 of rows: ends at row (1, 7) / (1, 6), every row on it "
                             "taking as many lines in both"]


def test_other_rows_or_pages_are_differences():
    assert compare(_rows([1, 2]), _rows([1, 2, 3])) != []
    assert compare(_rows([1], [2]), _rows([1, 2])) == ["the rows take 2 / 1 pages"]


def test_docx_spaces_a_heading_after_a_table_as_css_does_and_keeps_a_header_with_its_row():
    """Word adds the room under a table (one point high) to the larger of its space and the
    heading's: the heading takes that point off its own, so it stands where CSS puts it; the
    header row keeps with the first row under it."""
    from docx import Document
    from docx.oxml.ns import qn

    from pmg_docs.writers.docx import write_docx

    html = ("<html><head><title>t</title></head><body><table><thead><tr><th>N°</th></tr></thead>"
            "<tbody><tr><td>1</td></tr><tr><td>2</td></tr></tbody></table>"
            "<h3>Siguiente</h3><table><tbody><tr><td>x</td></tr></tbody></table>"
            "<p>Texto</p></body></html>")
    document = Document(io.BytesIO(write_docx(html)))
    header, first, _second = document.tables[0].rows
    assert all(p.paragraph_format.keep_with_next for c in header.cells for p in c.paragraphs)
    assert not any(p.paragraph_format.keep_with_next for c in first.cells for p in c.paragraphs)
    heading = next(p for p in document.paragraphs if p.text == "Siguiente")
    room = heading._p.getprevious()
    room_style = document.styles.element.get_by_id(
        room.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val")))
    line = int(room_style.find(f"{qn('w:pPr')}/{qn('w:spacing')}").get(qn("w:line")))
    style_before = heading.style.paragraph_format.space_before
    assert line == 20 and heading.paragraph_format.space_before == style_before - 20 * 635
    # A paragraph whose space before does not cover the room keeps its style's.
    text = next(p for p in document.paragraphs if p.text == "Texto")
    assert text.paragraph_format.space_before is None
