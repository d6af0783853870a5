"""Pages without flaws, in both formats, over every document the examples make: no text runs out
of its table cell, a letter's closing is never alone at the top of a page, a title's number stays
on the line of its word. The checks (tests/support/page_flaws.py) read only what a PDF draws, so
they take any PDF: pmg's own, whatever its engine, and LibreOffice's of the DOCX, laid out as a
Word user's machine would."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from pmg_docs.cli import main
from tests.support.page_flaws import cut_letters, lone_closing, numbers_left_alone
from tests.support.paths import ROOT

pytestmark = pytest.mark.slow

SOURCES = sorted(p.relative_to(ROOT / "examples").with_suffix("").as_posix()
                 for p in (ROOT / "examples").rglob("*")
                 if p.suffix in (".yaml", ".md") and p.name != "README.md")
FORMATS = ("pdf", "docx")


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Path:
    """Every example in both formats, and a PDF of each DOCX by LibreOffice (docx/…)."""
    out = tmp_path_factory.mktemp("examples")
    result = CliRunner().invoke(main, ["build", str(ROOT / "examples"), "-o", str(out),
                                       "--format", "all", "-j", "2"])
    assert result.exit_code == 0, result.output
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    for docx in sorted(out.rglob("*.docx")):
        folder = out / "docx" / docx.parent.relative_to(out)
        subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(folder),
                        str(docx)], check=True, capture_output=True, timeout=300)
    return out


def pdf_of(made: Path, source: str, fmt: str) -> Path:
    return made / f"{source}.pdf" if fmt == "pdf" else made / "docx" / f"{source}.pdf"


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("source", SOURCES)
def test_no_text_runs_out_of_its_cell(made, source, fmt):
    assert cut_letters(pdf_of(made, source, fmt)) == []


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("source", SOURCES)
def test_no_title_number_is_left_alone_on_its_line(made, source, fmt):
    assert numbers_left_alone(pdf_of(made, source, fmt)) == []


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("source", [s for s in SOURCES if s.startswith("circulars/")])
def test_a_letter_closing_stays_with_its_last_paragraph(made, source, fmt):
    import yaml

    text = (ROOT / "examples" / f"{source}.md").read_text(encoding="utf-8")
    closing = yaml.safe_load(text.split("\n---\n")[0].removeprefix("---\n"))["closing"]
    assert lone_closing(pdf_of(made, source, fmt), closing) is None
