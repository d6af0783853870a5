"""The preview as a person uses it, in headless Chromium: open a source, save it in an editor
(here: write the file), and the page shows the change by itself."""

from __future__ import annotations

import io
import os
import subprocess
from pathlib import Path

import pytest
from docx import Document

from tests.support.live import Server, chromium_context, copy_examples, watch_errors

pytestmark = pytest.mark.slow

ADUANAS = "2024/aduanas.yaml"
# Where a person would look at the screenshots the tests take (PMG_SCREENSHOTS=folder).
SHOTS = os.environ.get("PMG_SCREENSHOTS")


@pytest.fixture(scope="module")
def browser():
    with chromium_context() as context:
        yield context


@pytest.fixture
def served(tmp_path):
    running = Server(copy_examples(tmp_path / "examples"))
    yield running
    running.stop()


@pytest.fixture
def page(browser, served):
    # Closed before the server stops, so that the end of the server's events is no error.
    opened = browser.new_page()
    errors = watch_errors(opened)
    yield opened
    opened.close()
    assert not errors, errors


def screenshot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"))


def wait_version(page, version: int, name: str = ADUANAS) -> None:
    """Until the page shows that preview of `name` (its pages loaded and in place)."""
    page.wait_for_selector(f'#view[data-source="{name}"][data-version="{version}"]',
                           state="attached", timeout=60_000)


def open_source(page, served: Server, name: str) -> None:
    page.goto(served.url)
    page.click(f'#sources a[data-name="{name}"]')
    wait_version(page, 1, name)


def page_names(page) -> list[str]:
    return [image.get_attribute("data-name") for image in page.query_selector_all("#pages img")]


def pdf_text(page, served: Server) -> str:
    response = page.request.get(served.url.rstrip("/") + page.get_attribute("#pdf-link", "href"))
    assert response.ok and response.headers["content-type"] == "application/pdf"
    return subprocess.run(["pdftotext", "-", "-"], input=response.body(), capture_output=True,
                          check=True).stdout.decode()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_save_updates_the_pages_where_the_reader_is(page, served):
    open_source(page, served, ADUANAS)
    assert len(page_names(page)) == 4
    assert page.inner_text("#source-state") == "válida"
    assert "SERVICIO NACIONAL DE ADUANAS" in pdf_text(page, served)
    screenshot(page, "1-fuente-abierta")
    before = page_names(page)

    page.mouse.move(800, 500)
    page.mouse.wheel(0, 2600)
    page.wait_for_timeout(300)
    scrolled = page.evaluate("window.scrollY")
    assert scrolled > 2000

    edit(served.folder / ADUANAS, "name: SERVICIO NACIONAL DE ADUANAS",
         "name: SERVICIO NACIONAL DE ADUANAS BORRADOR")
    wait_version(page, 2)
    after = page_names(page)
    assert len(after) == 4 and after[0] != before[0]
    assert page.evaluate("window.scrollY") == scrolled
    assert "SERVICIO NACIONAL DE ADUANAS BORRADOR" in pdf_text(page, served)
    screenshot(page, "2-tras-guardar")

    # The DOCX of the same save, made when asked for.
    with page.expect_download(timeout=60_000) as download:
        page.click("#docx-link")
    assert download.value.suggested_filename == "aduanas.docx"
    document = Document(io.BytesIO(Path(download.value.path()).read_bytes()))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "SERVICIO NACIONAL DE ADUANAS BORRADOR" in cells


def test_a_broken_save_shows_its_errors_beside_the_last_good_pages(page, served):
    open_source(page, served, ADUANAS)
    good = page_names(page)
    source = served.folder / ADUANAS
    edit(source, "        weight: 35\n", "        weight: 30\n")

    problem = page.locator("#diagnostics li", has_text="2024/aduanas.yaml:23")
    problem.wait_for(timeout=60_000)
    assert problem.locator(".where").inner_text() == "2024/aduanas.yaml:23"
    assert "Objetivo N°2 › Sistema «Estado Verde» › ponderación:" in problem.inner_text()
    assert "sus objetivos de etapa suman 35.00" in problem.inner_text()
    assert page.locator("#diagnostics li", has_text="2024/aduanas.yaml:20").count() == 1
    notice = page.inner_text("#notice")
    assert notice.startswith("El último guardado tiene errores: se muestra la última vista "
                             "previa válida")
    assert page_names(page) == good
    assert page.get_attribute("#view", "data-version") == "1"
    assert page.inner_text("#source-state") == "con errores"
    assert page.inner_text(f'#sources a[data-name="{ADUANAS}"] .badge') == "con errores"
    screenshot(page, "3-guardado-con-errores")

    edit(source, "        weight: 30\n", "        weight: 35\n")
    page.wait_for_selector("#notice", state="hidden", timeout=60_000)
    assert page.locator("#diagnostics li").count() == 0
    assert page.inner_text("#source-state") == "válida"
    assert page_names(page) == good


def test_a_burst_of_saves_renders_once(page, served):
    open_source(page, served, ADUANAS)
    served.wait(ADUANAS, lambda s: not s["busy"])
    source = served.folder / ADUANAS
    text = source.read_text(encoding="utf-8")
    for draft in range(10):
        source.write_text(text.replace("name: SERVICIO NACIONAL DE ADUANAS",
                                       f"name: SERVICIO NACIONAL DE ADUANAS {draft}"),
                          encoding="utf-8")
    wait_version(page, 2)
    page.wait_for_timeout(1500)
    served.wait(ADUANAS, lambda s: not s["busy"])
    assert served.source(ADUANAS)["version"] == 2
    assert "SERVICIO NACIONAL DE ADUANAS 9" in pdf_text(page, served)


def test_the_list_follows_the_folder(page, served):
    page.goto(served.url)
    page.wait_for_selector('#sources a[data-name="circulars/circular-39-2011.md"] .badge.ok')
    new = served.folder / "2024" / "aduanas-propuesta.yaml"
    new.write_text((served.folder / ADUANAS).read_text(encoding="utf-8"), encoding="utf-8")
    page.wait_for_selector('#sources a[data-name="2024/aduanas-propuesta.yaml"] .badge.ok',
                           timeout=60_000)
    screenshot(page, "4-lista")
    new.unlink()
    page.wait_for_selector('#sources a[data-name="2024/aduanas-propuesta.yaml"]',
                           state="detached", timeout=60_000)


def test_a_circular_and_a_landscape_formulation_preview_too(page, served):
    open_source(page, served, "circulars/circular-39-2011.md")
    assert "CIRC. N°" in pdf_text(page, served)
    page.click('#sources a[data-name="2011/osorno.yaml"]')
    wait_version(page, 1, "2011/osorno.yaml")
    assert page.inner_text("#source-name") == "2011/osorno.yaml"
    first = page.query_selector("#pages img")
    assert int(first.get_attribute("width")) > int(first.get_attribute("height"))
    assert page.get_attribute("#pdf-link", "href") == "/pdf?path=2011%2Fosorno.yaml"
    assert "GOBERNACION PROVINCIAL DE OSORNO" in pdf_text(page, served)
