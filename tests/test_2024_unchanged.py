"""The 2024 examples render to the same text as when the 2011 format was added.

`tests/golden/2024/` holds the text of each PDF (page furniture included, so pagination counts)
and of each DOCX, as extracted from the documents rendered before any later format was added.
A change to the shared machinery (models, rules, writers, stylesheet) that alters a 2024
document fails here. When a change to the 2024 documents is intended, regenerate the files with
the snippet in this module's `regenerate` function and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from doc_text import docx_body_text, pdf_pages_text

GOLDEN = Path(__file__).resolve().parent / "golden" / "2024"


def regenerate(built: Path) -> None:
    """Write the golden texts from documents built with `pmg build examples -o BUILT`."""
    for name in ("aduanas", "ips"):
        (GOLDEN / f"{name}.pdf.txt").write_text(pdf_pages_text(built / "2024" / f"{name}.pdf"),
                                                encoding="utf-8")
        (GOLDEN / f"{name}.docx.txt").write_text(docx_body_text(built / "2024" / f"{name}.docx"),
                                                 encoding="utf-8")


@pytest.mark.parametrize("name", ["aduanas", "ips"])
def test_pdf_text_unchanged(built_examples, name):
    expected = (GOLDEN / f"{name}.pdf.txt").read_text(encoding="utf-8")
    assert pdf_pages_text(built_examples / "2024" / f"{name}.pdf") == expected


@pytest.mark.parametrize("name", ["aduanas", "ips"])
def test_docx_text_unchanged(built_examples, name):
    expected = (GOLDEN / f"{name}.docx.txt").read_text(encoding="utf-8")
    assert docx_body_text(built_examples / "2024" / f"{name}.docx") == expected
