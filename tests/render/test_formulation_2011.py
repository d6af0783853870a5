"""The 2011 example (Gobernación Provincial de Osorno, seed 004) in PDF and DOCX: every value of
the original, read from the seed itself, in the original's order; PDF text equals DOCX text."""

from __future__ import annotations

import re

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT

from tests.support.doc_text import (
    ListLabels,
    docx_body_text,
    docx_header_footer,
    find_in_order,
    normalize,
    pdf_body_text,
    pdf_pages_text,
    tokens,
)
from tests.support.paths import SEEDS

# Every test here reads documents rendered by the real writers.
pytestmark = pytest.mark.slow

SEED = SEEDS / "004_d3e25ea32864f030.txt"


def _section(lines: list[str], start: str, end: str | None) -> list[str]:
    first = next(i for i, line in enumerate(lines) if line.startswith(start))
    last = next((i for i, line in enumerate(lines) if end and line.startswith(end)), len(lines))
    return lines[first:last]


def _rows(lines: list[str]) -> list[list[str]]:
    """Table rows of the seed; a line starting with a tab continues the row above (the original
    splits a row across a page), its cells joined to the row's cell by cell."""
    rows: list[list[str]] = []
    for line in lines:
        if line.startswith("Marco "):
            rows.append([cell.strip() for cell in line.split("\t")])
        elif line.startswith("\t") and line.strip() and rows:
            for k, cell in enumerate(line.split("\t")):
                if cell.strip():
                    rows[-1][k] = f"{rows[-1][k]} {cell.strip()}".strip()
    return rows


def seed_document() -> dict:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    identification = [line.split("\t") for line in lines
                      if line.startswith(("MINISTERIO\t", "SERVICIO\t"))]
    formulation = _section(lines, "II. FORMULACIÓN PMG", "III.")
    exemptions = _section(lines, "III. SISTEMAS", None)
    return {
        "title": next(line for line in lines if line.startswith("FORMULACIÓN")),
        "identification": identification,
        "formulation_heading": formulation[0],
        "formulation_header": [cell for line in formulation[2:5] for cell in line.split("\t")
                               if cell.strip()],
        "formulation_rows": _rows(formulation),
        "exemptions_heading": exemptions[0],
        "exemptions_header": exemptions[2].split("\t"),
        "exemption_rows": _rows(exemptions),
    }


def expected_in_order() -> list[str]:
    seed = seed_document()
    values = [seed["title"], "I. IDENTIFICACIÓN"]
    values += [cell for row in seed["identification"] for cell in row]
    values += [seed["formulation_heading"], *seed["formulation_header"]]
    values += [cell for row in seed["formulation_rows"] for cell in row if cell]
    values += [seed["exemptions_heading"], *seed["exemptions_header"]]
    values += [cell for row in seed["exemption_rows"] for cell in row if cell]
    return values


def test_seed_reading():
    """The seed gives what the original shows: 5 committed systems, 5 exempted or modified."""
    seed = seed_document()
    assert [row[2] for row in seed["formulation_rows"]][0] == (
        "Sistema Integral de Información y Atención Ciudadana")
    assert [row[-1] for row in seed["formulation_rows"]] == [
        "6.00 %", "20.00 %", "50.00 %", "12.00 %", "12.00 %"]
    assert [row[3:5] for row in seed["exemption_rows"]] == [
        ["Modificar", "1"], ["Modificar", "1"], ["Eximir", "--"], ["Modificar", "4"],
        ["Modificar", "1"]]
    assert seed["exemption_rows"][3][1] == "Calidad de Atención a Usuarios"
    assert seed["exemption_rows"][3][5].endswith("etapa 4 de evaluación del Sistema.")


@pytest.fixture(scope="module")
def docx_path(built_examples):
    return built_examples / "2011" / "osorno.docx"


@pytest.fixture(scope="module")
def pdf_path(built_examples):
    return built_examples / "2011" / "osorno.pdf"


def test_docx_has_every_value_of_the_seed_in_order(docx_path):
    find_in_order(docx_body_text(docx_path), expected_in_order())


def test_docx_tables_hold_the_seed_rows_cell_by_cell(docx_path):
    """Each row of sections II and III, every cell in its column: the "O" under its stage."""
    seed = seed_document()
    document = Document(str(docx_path))
    labels = ListLabels(document)
    identification, formulation, exemptions = document.tables

    def cells(table, header_rows):
        return [[normalize(labels.cell_text(cell)) for cell in row.cells]
                for row in table.rows[header_rows:]]

    assert cells(identification, 0) == [[normalize(c) for c in row]
                                        for row in seed["identification"]]
    assert cells(formulation, 3) == seed["formulation_rows"]
    assert cells(exemptions, 1) == [[normalize(c) for c in row] for row in seed["exemption_rows"]]


def test_numbered_points_are_laid_out_as_a_list(docx_path):
    """The SIAC justification: points 1) to 4) are a Word list, each point a numbered paragraph;
    (a) and (b) are paragraphs of point 2, at its text's indent, without a number."""
    document = Document(str(docx_path))
    labels = ListLabels(document)
    siac = document.tables[2].rows[4].cells[5]
    starts = [(labels.label(p) or re.split(r"\s+", p.text.strip(), maxsplit=1)[0]).strip()
              for p in siac.paragraphs]
    assert starts == ["1)", "2)", "(a)", "(b)", "3)", "4)"]
    numbered = [p for p in siac.paragraphs if p._p.pPr.numPr is not None]
    assert len(numbered) == 4 and all(not p.text.startswith("1)") for p in numbered)
    assert all(p.paragraph_format.left_indent is not None for p in siac.paragraphs[2:4])


def test_pdf_has_every_value_and_page_numbers(pdf_path):
    text = pdf_pages_text(pdf_path)
    pages = re.findall(r"Página (\d+) de (\d+)", text)
    total = pages[0][1]
    assert [p for p, _ in pages] == [str(n) for n in range(1, int(total) + 1)]
    for value in expected_in_order():
        assert tokens(value) <= tokens(text), value


def test_pdf_keeps_each_paragraph_of_a_justification_whole(pdf_path):
    """Rows are kept whole in the PDF: each paragraph of a justification reads without a break."""
    text = normalize(pdf_pages_text(pdf_path))
    for row in seed_document()["exemption_rows"]:
        for part in re.split(r"(?:^|\s)(?:\d\)|\([a-z]\))\s", row[5]):
            assert normalize(part) in text, part


def test_pdf_text_equals_docx_text(pdf_path, docx_path):
    header, _ = docx_header_footer(docx_path)
    pdf_words = tokens(pdf_body_text(pdf_path, header))
    docx_words = tokens(docx_body_text(docx_path))
    assert docx_words - pdf_words == {}, "in the DOCX but not in the PDF"
    # The PDF repeats a table's header row on each page it crosses; nothing else may differ.
    extra = pdf_words - docx_words
    assert set(extra) <= set(tokens("Marco Área Sistemas Tipo Etapa Justificación")), extra


def test_landscape_a4_in_both_formats(pdf_path, docx_path):
    from pdfminer.pdfpage import PDFPage

    with open(pdf_path, "rb") as stream:
        boxes = [page.mediabox for page in PDFPage.get_pages(stream)]
    assert all(round(b[2] * 25.4 / 72) == 297 and round(b[3] * 25.4 / 72) == 210 for b in boxes)
    section = Document(str(docx_path)).sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)


def test_docx_header(docx_path):
    header, footer = docx_header_footer(docx_path)
    assert header == "Formulación PMG 2011 — GOBERNACION PROVINCIAL DE OSORNO"
    assert footer.startswith("Página ")
