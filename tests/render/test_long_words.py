"""A word longer than any real one is refused at its line before anything is laid out (a
1 900 000-letter word, within the file size limit, kept the PDF writer busy past 300 s); a long
but possible word renders; a service name without spaces stays inside the running header."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTTextContainer

from tests.support.paths import ROOT

CIRCULAR = ROOT / "examples" / "circulars" / "circular-39-2011.md"


def _circular_with(tmp_path: Path, word: str) -> tuple[Path, int]:
    """Circular N° 39 with `word` as a paragraph of its own at the start of its text, and the
    line it is on."""
    text = CIRCULAR.read_text(encoding="utf-8")
    body = text.index("\n---\n") + len("\n---\n")
    source = tmp_path / "circular.md"
    source.write_text(f"{text[:body]}\n{word}\n\n{text[body:]}", encoding="utf-8")
    return source, text[:body].count("\n") + 2


def _pmg(*args: str | Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    # In a process of its own with a guard: a word that is not refused fails the test instead
    # of hanging it.
    return subprocess.run([sys.executable, "-c", "from pmg_docs.cli import run; run()",
                           *map(str, args)], capture_output=True, text=True, timeout=timeout,
                          check=False, env={**os.environ, "PMG_LANG": "es"}, cwd=ROOT)


@pytest.mark.slow
def test_a_word_of_almost_two_million_letters_is_refused_at_its_line_in_seconds(tmp_path):
    source, line = _circular_with(tmp_path, "a" * 1_900_000)
    started = time.perf_counter()
    completed = _pmg("render", source, "-o", tmp_path / "out", "--format", "pdf")
    seconds = time.perf_counter() - started
    assert completed.returncode == 1, completed.stderr
    assert f"circular.md:{line}: texto: una palabra de 1.900.000 caracteres sin espacios " \
           "(«aaaaaaaaaaaaaaaaaaaa…»); ninguna palabra real pasa de 1.000: sepárela con " \
           "espacios o acórtela" in completed.stderr
    assert "Traceback" not in completed.stderr
    assert not (tmp_path / "out").exists()
    assert seconds < 30


@pytest.mark.slow
def test_a_long_word_in_a_field_is_refused_at_its_field(tmp_path):
    text = (ROOT / "examples/2024/aduanas.yaml").read_text(encoding="utf-8")
    source = tmp_path / "aduanas.yaml"
    source.write_text(text.replace("name: SERVICIO NACIONAL DE ADUANAS",
                                   "name: " + "X" * 1001, 1), encoding="utf-8")
    completed = _pmg("validate", source)
    assert completed.returncode == 1
    assert "aduanas.yaml:8: Servicio › nombre: una palabra de 1.001 caracteres sin espacios" \
        in completed.stdout + completed.stderr


@pytest.mark.slow
def test_a_word_at_the_limit_renders_whole(tmp_path):
    word = "b" * 1000
    source, _line = _circular_with(tmp_path, word)
    completed = _pmg("render", source, "-o", tmp_path / "out", "--format", "pdf")
    assert completed.returncode == 0, completed.stderr
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(tmp_path / "out/circular.pdf"),
                           "-"], capture_output=True, text=True, check=True).stdout
    assert "".join(text.split()).count(word) == 1


@pytest.mark.slow
def test_a_service_name_without_spaces_stays_inside_the_running_header(tmp_path):
    text = (ROOT / "examples/2024/aduanas.yaml").read_text(encoding="utf-8")
    source = tmp_path / "aduanas.yaml"
    source.write_text(text.replace("name: SERVICIO NACIONAL DE ADUANAS", "name: " + "A" * 900,
                                   1), encoding="utf-8")
    completed = _pmg("render", source, "-o", tmp_path / "out", "--format", "pdf")
    assert completed.returncode == 0, completed.stderr
    pages = list(extract_pages(tmp_path / "out/aduanas.pdf"))
    for page in pages[1:]:
        header = [char for box in page if isinstance(box, LTTextContainer)
                  for line in box for char in line if isinstance(char, LTChar)
                  and char.get_text() == "A" and char.y0 > page.height - 72]
        assert header, "the running header shows the name"
        # Within the page's side margins (16 mm), not past its edge.
        assert max(char.x1 for char in header) <= page.width - 16 / 25.4 * 72 + 1
