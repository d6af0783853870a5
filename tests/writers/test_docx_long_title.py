"""A title longer than Word allows in a core property (255 characters, which python-docx
enforces) is shortened there, with an ellipsis, while the document keeps it whole."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from docx import Document

from pmg_docs.cli import main
from pmg_docs.writers.docx.package import CORE_PROPERTY_LIMIT, core_title
from tests.support.doc_text import docx_body_text, normalize
from tests.support.paths import ROOT

LONG_NAME = "SERVICIO NACIONAL DE " + " ".join(["PRUEBAS DE NOMBRES MUY EXTENSOS"] * 9)


def test_a_title_that_fits_is_kept_whole():
    assert core_title("  Formulación PMG 2024 ") == "Formulación PMG 2024"


def test_a_long_title_is_cut_at_a_character_with_an_ellipsis():
    title = "é" * 300
    shortened = core_title(title)
    assert len(shortened) == CORE_PROPERTY_LIMIT and shortened.endswith("é…")


def test_an_accent_stays_with_its_letter():
    # "e" followed by a combining acute accent, placed so the limit falls between them.
    title = "a" * (CORE_PROPERTY_LIMIT - 2) + "e\u0301" + "b" * 10
    assert core_title(title) == "a" * (CORE_PROPERTY_LIMIT - 2) + "…"


@pytest.mark.slow
def test_a_long_service_name_renders_to_docx(tmp_path, monkeypatch):
    source = tmp_path / "largo.yaml"
    text = (ROOT / "examples" / "2024" / "ips.yaml").read_text(encoding="utf-8")
    source.write_text(text.replace("name: INSTITUTO DE PREVISION SOCIAL", f"name: {LONG_NAME}"),
                      encoding="utf-8")
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["render", "largo.yaml", "--format", "docx", "-o", "out"])
    assert result.exit_code == 0, result.output
    written = tmp_path / "out" / "largo.docx"
    title = Document(str(written)).core_properties.title
    assert len(title) <= CORE_PROPERTY_LIMIT and title.endswith("…")
    assert normalize(LONG_NAME) in normalize(docx_body_text(written))


@pytest.mark.slow
def test_a_long_circular_subject_renders_to_docx(tmp_path, monkeypatch):
    subject = "Programa Marco de " + "metas de eficiencia institucional y de gestión, " * 6
    text = (ROOT / "examples" / "circulars" / "circular-39-2011.md").read_text(encoding="utf-8")
    text = re.sub(r"subject: >-.*?\n(?=place:)", f"subject: {subject.strip()}\n", text,
                  flags=re.S)
    (tmp_path / "circular.md").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["render", "circular.md", "--format", "docx", "-o", "out"])
    assert result.exit_code == 0, result.output
    title = Document(str(tmp_path / "out" / "circular.docx")).core_properties.title
    assert len(title) <= CORE_PROPERTY_LIMIT and title.endswith("…")
