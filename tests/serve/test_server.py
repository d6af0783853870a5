"""The server keeps answering while the worker is busy or runs away, and `pmg serve` fails as a
command should."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from docx import Document

from pmg_docs.serve import bind
from tests.support.live import Server, copy_examples
from tests.support.paths import ROOT


def long_formulation(folder: Path) -> str:
    """A valid formulation of some five hundred pages: its check takes no time, its render
    several seconds whatever the PDF engine (Typst: 2.5 s, and 6.5 s to draw its pages as
    images; WeasyPrint much more). It is about as long as a formulation can be: the most gender
    measures a year's frame allows (8), each text within the 200 000 characters and 2 000 lines
    a text may have, the file within the 2 MB of a document."""
    source = folder / "2024/aduanas.yaml"
    sentence = "Párrafo de una medida muy extensa, repetido para alargar el documento. "
    paragraph = "      " + sentence * 3 + "\n\n"
    text = source.read_text(encoding="utf-8").replace(
        "    description: |\n", "    description: |\n" + paragraph * 900)
    head, measures = text.split("\ngender_measures:\n", 1)
    found = re.split(r"(?m)^(?=  - kind:)", measures)[1:]
    head = head.replace("target: {numerator: 3, denominator: 8, value: 37.5}",
                        "target: {numerator: 8, denominator: 8, value: 100}")
    assert "numerator: 8" in head
    text = head + "\ngender_measures:\n" + "".join(found[n % len(found)] for n in range(8))
    (folder / "2024/larga.yaml").write_text(text, encoding="utf-8")
    return "2024/larga.yaml"


@pytest.mark.slow
def test_a_render_past_the_time_limit_is_stopped_and_the_server_goes_on(tmp_path):
    folder = copy_examples(tmp_path / "examples")
    name = long_formulation(folder)
    # A limit a third of the time it takes with the quicker engine; the rest takes well under.
    served = Server(folder, "--timeout", "3")
    try:
        served.wait(name, lambda s: s["state"] == "ok", listed=True)
        served.wait("2024/aduanas.yaml", lambda s: s["version"] == 1 and not s["busy"])
        served.source(name)   # opened: rendered from now on
        served.wait(name, lambda s: s["busy"])
        # While the worker renders the long document, the server answers: the listing it
        # gives still shows the render under way (a server waiting on its worker would answer
        # only after the render had ended).
        listing = served.json("/api/sources")["sources"]
        assert [s["busy"] for s in listing if s["name"] == name] == [True]
        state = served.wait(name, lambda s: not s["busy"])
        assert state["state"] == "errors" and state["pages"] == []
        assert [d["message"] for d in state["diagnostics"]] == [
            "la vista previa tardó más de 3 s y se detuvo; se reintentará con el próximo "
            "guardado"]
        # The fresh worker never rendered aduanas: asked for its DOCX, it renders it again.
        with urllib.request.urlopen(f"{served.url}docx?path=2024/aduanas.yaml") as response:
            document = Document(io.BytesIO(response.read()))
        cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
        assert "SERVICIO NACIONAL DE ADUANAS" in cells
        assert served.source("2024/aduanas.yaml")["version"] == 2
        # And it checks what changes.
        circular = folder / "circulars/circular-39-2011.md"
        circular.write_text(circular.read_text(encoding="utf-8").replace(
            "date: 2011-09-15", "date: 2011-02-30"), encoding="utf-8")
        state = served.wait("circulars/circular-39-2011.md", lambda s: s["state"] == "errors",
                            listed=True)
        assert state["diagnostics"][0]["place"] == "fecha", state["diagnostics"]
    finally:
        errors = served.stop()
    assert "Traceback" not in errors


@pytest.mark.slow
def test_a_change_of_its_catalog_renders_an_open_source_again(tmp_path):
    catalogs = tmp_path / "catalogos"
    catalogs.mkdir()
    catalog = catalogs / "pmg-2024.yaml"
    shutil.copy(ROOT / "catalogs/pmg-2024.yaml", catalog)
    served = Server(copy_examples(tmp_path / "examples"), "--catalogs", str(catalogs))
    try:
        served.wait("2024/aduanas.yaml", lambda s: s["version"] == 1 and not s["busy"])
        catalog.write_text(catalog.read_text(encoding="utf-8").replace(
            "name: Medidas de Equidad de Género", "name: Medidas de Equidad de Género Revisadas"),
            encoding="utf-8")
        served.wait("2024/aduanas.yaml", lambda s: s["version"] == 2)
        with urllib.request.urlopen(f"{served.url}pdf?path=2024/aduanas.yaml") as response:
            text = subprocess.run(["pdftotext", "-", "-"], input=response.read(),
                                  capture_output=True, check=True).stdout.decode()
        assert "Medidas de Equidad de Género Revisadas" in " ".join(text.split())
    finally:
        served.stop()


@pytest.mark.slow
def test_a_change_of_the_formulation_renders_its_open_results_again(tmp_path):
    folder = copy_examples(tmp_path / "examples")
    served = Server(folder)
    results = "2024/resultados/aduanas.yaml"
    try:
        served.wait(results, lambda s: s["version"] == 1 and not s["busy"])
        formulation = folder / "2024/aduanas.yaml"
        formulation.write_text(formulation.read_text(encoding="utf-8").replace(
            "name: SERVICIO NACIONAL DE ADUANAS", "name: SERVICIO NACIONAL DE ADUANAS DE CHILE"),
            encoding="utf-8")
        served.wait(results, lambda s: s["version"] == 2)
        with urllib.request.urlopen(f"{served.url}pdf?path={results}") as response:
            text = subprocess.run(["pdftotext", "-", "-"], input=response.read(),
                                  capture_output=True, check=True).stdout.decode()
        assert "SERVICIO NACIONAL DE ADUANAS DE CHILE" in text
    finally:
        served.stop()


def test_a_port_in_use_is_a_usage_error(tmp_path):
    taken = bind(0)
    try:
        completed = subprocess.run(
            [sys.executable, "-m", "pmg_docs.cli", "serve", str(tmp_path), "--port",
             str(taken.getsockname()[1])], capture_output=True, text=True, timeout=60)
    finally:
        taken.close()
    assert completed.returncode == 2
    assert "no se puede usar el puerto" in completed.stderr
    assert "Traceback" not in completed.stderr


def test_help_is_in_spanish():
    completed = subprocess.run([sys.executable, "-m", "pmg_docs.cli", "serve", "--help"],
                               capture_output=True, text=True, timeout=60)
    assert completed.returncode == 0
    assert "Vista previa en vivo de las fuentes de CARPETA" in completed.stdout
    assert "0 elige uno libre" in completed.stdout
