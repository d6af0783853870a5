"""Every example document keeps its text: 2024 and 2011 formulations, the circular, the guides,
the marco's prose documents (the decree, the documento técnico, the whole marco's requirements
guide) and the requisitos annex.

`tests/data/golden/` holds the text of each PDF (page furniture included, so pagination counts) and of
each DOCX, as extracted from documents rendered before a change. A change to the shared machinery
(models, checks, views, templates, writers, stylesheet) that alters a document's text fails here.
When a change is intended, regenerate with `python -m tests.render.test_golden_text` (from the
repository's root) and review the diff.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.doc_text import docx_body_text, pdf_pages_text
from tests.support.documents import DOCUMENTS, ENGINES, build_all
from tests.support.paths import DATA

GOLDEN = DATA / "golden"
# A table of contents' leader (the dots from an entry to its page): Typst and WeasyPrint each fit
# their own number of dots to the line, so the same page's text differs between the engines by
# dots alone, and the dots are not the document's text. Every golden PDF text passes through
# `pdf_text`, so this is the one place they are made alike (« … »), for every document with an
# index (the circular, the guides, the documento técnico…). The DOCX's leaders are a tab stop's,
# no text at all.
LEADER = re.compile(r" ?\.{4,} ?")


def pdf_text(path: Path) -> str:
    return LEADER.sub(" … ", pdf_pages_text(path))


EXTRACTORS = {"pdf": pdf_text, "docx": docx_body_text}


@pytest.fixture(scope="module", params=ENGINES)
def built(tmp_path_factory, request) -> Path:
    """Both PDF engines keep the same golden text: the same lines on the same pages."""
    return build_all(tmp_path_factory.mktemp("golden"), request.param)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", sorted(EXTRACTORS))
@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_text_unchanged(built, name, fmt):
    expected = (GOLDEN / f"{name}.{fmt}.txt").read_text(encoding="utf-8")
    assert EXTRACTORS[fmt](built / f"{name}.{fmt}") == expected


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        built_tree = build_all(Path(folder))
        for document in DOCUMENTS:
            for fmt, extract in EXTRACTORS.items():
                target = GOLDEN / f"{document}.{fmt}.txt"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(extract(built_tree / f"{document}.{fmt}"), encoding="utf-8")
