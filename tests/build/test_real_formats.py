"""Held-out real documents, re-created as data only (tests/data/formatos-reales/: one user's
working folder each, with its pmg.toml, catalogs, templates and source; see the README there).
Each folder is built by `pmg build` as a user would, with each PDF engine, and must come out
whole: every source written as PDF and DOCX, the same pages in both PDFs and in the DOCX as
LibreOffice lays it out, and the text its `esperado.txt` lists (headings, table cells, figures,
index lines with their pages) in the PDFs' and the DOCX's text, in that order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pmg_docs.cli import main
from tests.support.doc_text import docx_body_text, find_in_order, normalize, pdf_pages_text
from tests.support.documents import ENGINES
from tests.support.libreoffice import page_count, soffice, to_pdf
from tests.support.paths import DATA

pytestmark = pytest.mark.slow

FOLDERS = sorted(p.parent for p in (DATA / "formatos-reales").glob("*/pmg.toml"))
INDEX = "índice:"


def _expected(folder: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """The texts in order, and the index lines (title, page), of a folder's esperado.txt."""
    texts, index = [], []
    for line in (folder / "esperado.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith(INDEX):
            title, page = line[len(INDEX):].rsplit("|", 1)
            index.append((title.strip(), page.strip()))
        else:
            texts.append(line.strip())
    return texts, index


def _sources(folder: Path) -> list[str]:
    return sorted(p.stem for p in folder.glob("*.md"))


@pytest.fixture(scope="module", params=FOLDERS, ids=lambda folder: folder.name)
def built(request, tmp_path_factory):
    """The folder built with each engine, from inside it (its pmg.toml in force)."""
    folder = request.param
    out = tmp_path_factory.mktemp(folder.name)
    outputs = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        for engine in ENGINES:
            result = CliRunner().invoke(main, ["build", "--pdf-engine", engine,
                                               "-o", str(out / engine), "--force"])
            assert result.exit_code == 0, result.output
            outputs[engine] = out / engine
    return folder, outputs


def test_every_source_comes_out_as_pdf_and_docx_with_each_engine(built):
    folder, outputs = built
    assert _sources(folder), folder
    for engine, out in outputs.items():
        for name in _sources(folder):
            assert (out / f"{name}.pdf").stat().st_size > 0, (engine, name)
            assert (out / f"{name}.docx").stat().st_size > 0, (engine, name)
        # Nothing else was taken for a source: not the catalogs, not the style file.
        assert sorted(p.stem for p in out.glob("*.pdf")) == _sources(folder)


def test_both_pdfs_and_the_docx_have_the_same_pages(built, tmp_path):
    folder, outputs = built
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    docx = [outputs["typst"] / f"{name}.docx" for name in _sources(folder)]
    laid_out = to_pdf(docx, tmp_path)
    for name, docx_file in zip(_sources(folder), docx, strict=True):
        pages = {engine: page_count(out / f"{name}.pdf") for engine, out in outputs.items()}
        pages["docx"] = page_count(laid_out[docx_file])
        assert len(set(pages.values())) == 1, (name, pages)


def test_the_key_texts_are_in_every_format_in_order(built, tmp_path):
    folder, outputs = built
    texts, index = _expected(folder)
    name, = _sources(folder)  # one document per folder: its esperado.txt
    for engine, out in outputs.items():
        pdf_text = pdf_pages_text(out / f"{name}.pdf")
        find_in_order(pdf_text, texts)
        flat = normalize(pdf_text)
        for title, page in index:
            # «I. ANTECEDENTES ........ 3»: the entry, its leader dots, its page.
            assert re.search(re.escape(title) + r" ?\.{3,} ?" + page + r"\b", flat), (
                engine, title, page)
    find_in_order(docx_body_text(outputs["typst"] / f"{name}.docx"), texts)


def test_the_docx_index_shows_the_pdfs_pages_when_laid_out(built, tmp_path):
    folder, outputs = built
    _texts, index = _expected(folder)
    if not index:
        pytest.skip("this document has no index")
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    name, = _sources(folder)
    flat = normalize(pdf_pages_text(
        to_pdf([outputs["typst"] / f"{name}.docx"], tmp_path)[outputs["typst"] / f"{name}.docx"]))
    for title, page in index:
        assert re.search(re.escape(title) + r" ?\.{3,} ?" + page + r"\b", flat), (title, page)
