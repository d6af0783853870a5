"""Every example document keeps its text: 2024 and 2011 formulations, the circular, the guide and
the requisitos annex.

`tests/golden/` holds the text of each PDF (page furniture included, so pagination counts) and of
each DOCX, as extracted from documents rendered before a change. A change to the shared machinery
(models, checks, views, templates, writers, stylesheet) that alters a document's text fails here.
When a change is intended, regenerate with `python tests/test_golden_text.py` and review the diff.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

if __name__ == "__main__":  # run as a script to regenerate: the helpers live in tests/
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from conftest import DATA, ROOT  # noqa: E402
from doc_text import docx_body_text, pdf_pages_text  # noqa: E402

GOLDEN = DATA / "golden"
# document (relative to the built tree, without suffix) -> how it is made
DOCUMENTS = {
    "2024/aduanas": "build", "2024/ips": "build", "2011/osorno": "build",
    "circulars/circular-39-2011": "build",
    "2025/ips-indicadores": "build", "2025/superintendencia-de-salud-mei": "build",
    "guides/requisitos-calidad-de-servicio-y-experiencia-usuaria": "guide",
    "annex/aduanas": "annex",
}
EXTRACTORS = {"pdf": pdf_pages_text, "docx": docx_body_text}


def build_all(out: Path) -> Path:
    """Every golden document, rendered by the real pipeline into `out`."""
    from click.testing import CliRunner

    from pmg_docs.cli import main

    runner = CliRunner()
    for args in (
            ["build", str(ROOT / "examples"), "-o", str(out)],
            ["guide", "calidad-de-servicio-y-experiencia-usuaria", "--catalog", "pmg-2024",
             "-o", str(out / "guides")],
            ["render", str(ROOT / "examples" / "2024" / "aduanas.yaml"), "--annex", "requisitos",
             "-o", str(out / "annex")]):
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return build_all(tmp_path_factory.mktemp("golden"))


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
    sys.exit(0)
