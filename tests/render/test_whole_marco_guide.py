"""`pmg guide --all`: the requirements guide of every system of a catalog, with an index whose
page numbers are those where each system and stage starts, in the PDF (target-counter) and in
the DOCX (Word's TOC field, its result filled in); a system's Meta and Antecedentes print."""

from __future__ import annotations

import re
import subprocess
import zipfile

import pytest
from click.testing import CliRunner

from pmg_docs.cli import main
from pmg_docs.load.catalogs import CatalogRegistry
from pmg_docs.render.pipeline import guide_document
from pmg_docs.views.guide import view

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_the_whole_marco_view_has_every_system_with_the_ids_its_index_points_to():
    document = guide_document(None, "pmg-2024", CatalogRegistry())
    built = view(document)
    assert [s["system"].id for s in built["systems"]] == [
        "estado-verde", "calidad-de-servicio-y-experiencia-usuaria"]
    assert built["systems"][0]["anchor"] == "sistema-estado-verde"
    assert [s["anchor"] for s in built["systems"][1]["stages"]][:2] == [
        "sistema-calidad-de-servicio-y-experiencia-usuaria-etapa-1",
        "sistema-calidad-de-servicio-y-experiencia-usuaria-etapa-2"]
    assert built["requirement_count"] == 17


@pytest.mark.parametrize("args", [["--catalog", "pmg-2024"],
                                  ["estado-verde", "--all", "--catalog", "pmg-2024"]])
def test_a_system_or_all_of_them_not_both_nor_neither(args, tmp_path):
    result = CliRunner().invoke(main, ["guide", *args, "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert "se espera un SISTEMA o --all" in result.output
    assert list(tmp_path.iterdir()) == []


def _pdf_page_texts(pdf) -> list[str]:
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(
        ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout)[1])
    return [subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
            for n in range(1, pages + 1)]


@pytest.mark.slow
def test_the_index_gives_the_page_of_each_system_and_stage_in_both_formats(tmp_path):
    result = CliRunner().invoke(main, ["guide", "--all", "--catalog", "pmg-2024",
                                       "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    pdf, docx = tmp_path / "requisitos-pmg-2024.pdf", tmp_path / "requisitos-pmg-2024.docx"
    pages = _pdf_page_texts(pdf)

    # Each heading's page, read off the PDF's pages after `after` (the index is page 1): the
    # `nth` line that is the heading's text alone (a stage without a name is first a cell of
    # its system's table of stages, then its heading).
    def page_of(heading: str, after: int = 1, nth: int = 1) -> int:
        lines = [(n, line) for n, text in enumerate(pages, start=1) if n > after
                 for line in text.splitlines() if line.strip() == heading]
        return lines[nth - 1][0]

    verde = page_of("Sistema Estado Verde")
    calidad = page_of("Sistema Calidad de Servicio y Experiencia Usuaría")
    expected = [("Sistema Estado Verde", verde),
                *((f"Etapa {n}", page_of(f"Etapa {n}", verde - 1, 2)) for n in range(1, 5)),
                ("Sistema Calidad de Servicio y Experiencia Usuaría", calidad),
                ("Etapa 1: Diagnóstico de la calidad de servicio y experiencia usuaria",
                 page_of("Etapa 1: Diagnóstico de la calidad de servicio y experiencia usuaria")),
                ("Etapa 2: Diseño de un plan de mejoramiento",
                 page_of("Etapa 2: Diseño de un plan de mejoramiento")),
                *((f"Etapa {n}", page_of(f"Etapa {n}", calidad - 1, 2)) for n in (3, 4))]
    assert verde > 1 and calidad > verde

    index = re.findall(r"^(\S.*?)\s*\.{3,}\s*(\d+)$", pages[0], re.M)
    assert [(text, int(page)) for text, page in index] == expected

    with zipfile.ZipFile(docx) as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert re.search(r"<w:instrText[^>]*> TOC \\o &quot;1-2&quot;", body) or \
        re.search(r'<w:instrText[^>]*> TOC \\o "1-2"', body)
    from docx import Document

    entries = [p for p in Document(str(docx)).paragraphs if p.style.name.startswith("toc ")]
    assert [tuple(p.text.split("\t")) for p in entries] == [
        (text, str(page)) for text, page in expected]
    assert [p.style.name for p in entries][:2] == ["toc 1", "toc 2"]

    # Each system's goal and background, from the catalog.
    text = "".join(pages)
    assert "Meta\nContribuir a que las instituciones públicas incorporen criterios" in text
    assert "Antecedentes\nLa modernización, transformación e innovación en el Estado" in text
