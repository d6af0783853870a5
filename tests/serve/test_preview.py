"""The preview's use of the pipeline, the page images and the warm worker, on real documents."""

from __future__ import annotations

import io
import subprocess

import pytest
from docx import Document
from PIL import Image

from pmg_docs.load import CatalogRegistry, iter_source_files
from pmg_docs.serve import raster
from pmg_docs.serve.preview import preview
from pmg_docs.serve.worker import Settings, Worker, WorkerFailed
from tests.support.paths import ROOT

pytestmark = pytest.mark.slow

ADUANAS = ROOT / "examples/2024/aduanas.yaml"


def pdf_text(data: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True,
                          check=True).stdout.decode()


def test_a_clean_source_gives_its_pdf_and_then_its_docx():
    found = preview(ADUANAS, CatalogRegistry())
    assert found.diagnostics == [] and found.kind == "formulation"
    assert "SERVICIO NACIONAL DE ADUANAS" in pdf_text(found.pdf)
    assert ROOT / "catalogs/pmg-2024.yaml" in found.inputs
    assert any(path.name == "formulacion-2024.html.j2" for path in found.inputs)
    data, notes = found.docx()
    assert notes == []
    cells = [c.text for t in Document(io.BytesIO(data)).tables for r in t.rows for c in r.cells]
    assert "SERVICIO NACIONAL DE ADUANAS" in cells


@pytest.mark.parametrize("path", iter_source_files([ROOT / "examples"])[0],
                         ids=lambda p: p.relative_to(ROOT / "examples").as_posix())
def test_every_example_previews(path):
    found = preview(path, CatalogRegistry())
    assert [d for d in found.diagnostics if d.severity.value == "error"] == []
    assert pdf_text(found.pdf).strip() and raster.pages(found.pdf)


def test_a_source_with_errors_gives_them_and_no_document(tmp_path):
    broken = tmp_path / "aduanas.yaml"
    broken.write_text(ADUANAS.read_text(encoding="utf-8").replace(
        "        weight: 35\n", "        weight: 30\n"), encoding="utf-8")
    found = preview(broken, CatalogRegistry())
    assert found.pdf is None and found.docx is None
    assert [d.line for d in found.diagnostics] == [20, 23]


def test_a_catalog_is_checked_not_laid_out():
    found = preview(ROOT / "catalogs/pmg-2024.yaml", CatalogRegistry())
    assert found.kind == "catalog" and found.pdf is None and found.diagnostics == []


def test_pages_are_named_by_their_pixels_and_encoded_once():
    pdf = preview(ADUANAS, CatalogRegistry()).pdf
    pages = raster.pages(pdf)
    assert len(pages) == 4 and len({p.name for p in pages}) == 4
    image = Image.open(io.BytesIO(pages[0].jpeg))
    assert image.format == "JPEG" and image.size == (pages[0].width, pages[0].height) == (893, 1263)
    again = raster.pages(pdf, known=frozenset({pages[0].name, pages[2].name}))
    assert [p.name for p in again] == [p.name for p in pages]
    assert [p.jpeg is None for p in again] == [True, False, True, False]


def test_the_worker_renders_in_its_own_process_and_is_replaced_when_it_runs_away():
    worker = Worker(Settings(), timeout=60)
    worker.start()
    try:
        first = worker._process.pid
        result = worker.ask(("render", str(ADUANAS), frozenset()), "result")
        assert "SERVICIO NACIONAL DE ADUANAS" in pdf_text(result.pdf)
        assert len(result.pages) == 4 and all(p.jpeg for p in result.pages)
        # The DOCX of that render, when asked for; none for a source it has not rendered.
        assert worker.ask(("docx", str(ADUANAS)), "docx").data.startswith(b"PK")
        assert worker.ask(("docx", str(ROOT / "examples/2024/ips.yaml")), "docx") is None

        worker.timeout = 0.01   # no render is that quick: this one "runs away"
        with pytest.raises(WorkerFailed, match="timeout"):
            worker.ask(("render", str(ADUANAS), frozenset()), "result")
        assert worker._process is None

        worker.timeout = 60
        assert worker.ask(("check", str(ADUANAS)), "result").diagnostics == []
        assert worker._process.pid != first
        # A new worker: the DOCX of the earlier render went with the old one.
        assert worker.ask(("docx", str(ADUANAS)), "docx") is None
    finally:
        worker.stop()
