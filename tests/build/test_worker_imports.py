"""A build's worker imports the writers of the formats the build asks for, and no other: a
DOCX-only build never loads WeasyPrint (and so needs no Pango), a PDF-only one never loads
python-docx (issue 23, item 6), and a PDF build loads the writer of its engine only: Typst by
default (no WeasyPrint, so no Pango), WeasyPrint when `--pdf-engine weasyprint` asks for it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

PROBE = """
import json, sys
from pmg_docs.build.worker import start_worker
start_worker(tuple(sys.argv[1].split(",")), sys.argv[2] or None)
print(json.dumps({name: name in sys.modules
                  for name in ("weasyprint", "pmg_docs.writers.typst", "docx", "pptx")}))
"""


def _loaded(formats: str, engine: str = "") -> dict[str, bool]:
    done = subprocess.run([sys.executable, "-c", PROBE, formats, engine], capture_output=True,
                          text=True, timeout=300, check=True)
    loaded = json.loads(done.stdout)
    return {name.rsplit(".", 1)[-1]: seen for name, seen in loaded.items()}


@pytest.mark.slow
def test_a_docx_build_worker_never_imports_weasyprint():
    assert _loaded("docx") == {"weasyprint": False, "typst": False, "docx": True, "pptx": False}


@pytest.mark.slow
def test_a_pdf_build_worker_never_imports_python_docx():
    # Typst is the default engine: its writer, and neither python-docx nor WeasyPrint.
    assert _loaded("pdf") == {"weasyprint": False, "typst": True, "docx": False, "pptx": False}


@pytest.mark.slow
def test_a_weasyprint_pdf_build_worker_imports_weasyprint_and_not_python_docx():
    assert _loaded("pdf", "weasyprint") == {"weasyprint": True, "typst": False, "docx": False,
                                            "pptx": False}
