"""Page furniture (the running header and the page number, CSS @page margin boxes) is an
artifact; every other piece of marked content is reached from the structure tree."""

from __future__ import annotations

import subprocess

import pikepdf
from click.testing import CliRunner

from pmg_docs.cli import main
from tests.support.marked_content import orphaned
from tests.support.paths import ROOT


def test_running_header_and_page_numbers_are_artifacts(tmp_path):
    source = ROOT / "examples" / "2024" / "ips.yaml"
    result = CliRunner().invoke(main, ["render", str(source), "--format", "pdf",
                                       "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "ips.pdf"
    marked, lost = orphaned(pdf)
    assert marked > 100 and lost == []
    with pikepdf.open(pdf) as document:
        pages = len(document.pages)
        # The detached elements WeasyPrint made for the margin boxes are emptied, and the
        # parent tree no longer leads to them.
        assert not [o for o in document.objects if isinstance(o, pikepdf.Dictionary)
                    and o.get("/S") is not None and o.get("/P") is None
                    and o.get("/Type") == "/StructElem"]
    # Still printed on every page, for a person reading it.
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    for number in range(1, pages + 1):
        assert f"Página {number} de {pages}" in text
