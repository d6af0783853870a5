"""A build's worker imports the writers of the formats the build asks for, and no other: a
DOCX-only build never loads WeasyPrint (and so needs no Pango), a PDF-only one never loads
python-docx (issue 23, item 6)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

PROBE = """
import json, sys
from pmg_docs.build.worker import start_worker
start_worker(tuple(sys.argv[1].split(",")))
print(json.dumps({name: name in sys.modules for name in ("weasyprint", "docx", "pptx")}))
"""


def _loaded(formats: str) -> dict[str, bool]:
    done = subprocess.run([sys.executable, "-c", PROBE, formats], capture_output=True,
                          text=True, timeout=300, check=True)
    return json.loads(done.stdout)


@pytest.mark.slow
def test_a_docx_build_worker_never_imports_weasyprint():
    assert _loaded("docx") == {"weasyprint": False, "docx": True, "pptx": False}


@pytest.mark.slow
def test_a_pdf_build_worker_never_imports_python_docx():
    assert _loaded("pdf") == {"weasyprint": True, "docx": False, "pptx": False}
