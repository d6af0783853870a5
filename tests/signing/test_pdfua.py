"""A PDF/UA-1 checker from PyPI (pdfua: the machine-checkable subset, on pikepdf) run on every
example PDF. It does not certify conformance; it catches untagged pages, missing language, title
or table headers, and the like."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdfua import validate

from tests.support.paths import ROOT

pytestmark = pytest.mark.slow

EXAMPLES = ROOT / "examples"
SOURCES = sorted(p for p in EXAMPLES.rglob("*") if p.suffix in (".yaml", ".md"))

# Known and reported: the circular's DE/A block is a table used for layout (templates/circular),
# so its cells have no headers; a layout table should not be tagged as a table at all.
KNOWN = {"circular-39-2011.md": [("UA-15-003", "ERROR")]}
ENGINES = ("typst", "weasyprint")


@pytest.fixture(scope="module", params=ENGINES)
def built_by_engine(request, tmp_path_factory) -> Path:
    """Every example's PDF, made by each PDF engine."""
    from pmg_docs.build import build_tree
    from pmg_docs.render.pipeline import RenderOptions

    out = tmp_path_factory.mktemp(request.param)
    summary = build_tree(EXAMPLES, RenderOptions(formats=("pdf",), out_dir=out,
                                                 pdf_engine=request.param))
    assert summary.failed == 0, [str(d) for d in summary.diagnostics]
    return out


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_no_pdfua_findings_beyond_the_known(built_by_engine, source):
    pdf = built_by_engine / source.relative_to(EXAMPLES).with_suffix(".pdf")
    report = validate(str(pdf))
    # (Typst's structure elements name no page, so findings are compared without it.)
    found = [(f.rule_id, f.severity.name) for f in report.findings]
    assert found == KNOWN.get(source.name, []), [f.message for f in report.findings]


@pytest.mark.parametrize("engine", ENGINES)
def test_no_pdfua_findings_on_the_guide(tmp_path, engine):
    from pmg_docs.load import CatalogRegistry
    from pmg_docs.render.pipeline import RenderOptions, render_guide, write_rendered

    result = render_guide("calidad-de-servicio-y-experiencia-usuaria", "pmg-2024",
                          CatalogRegistry(), RenderOptions(("pdf",), pdf_engine=engine))
    write_rendered(result, tmp_path, Path("guia"))
    report = validate(str(tmp_path / "guia.pdf"))
    assert report.findings == (), [f.message for f in report.findings]


def test_an_untagged_pdf_is_caught(tmp_path):
    from click.testing import CliRunner

    from pmg_docs.cli import main

    source = EXAMPLES / "2024" / "ips.yaml"
    result = CliRunner().invoke(main, ["render", str(source), "--format", "pdf",
                                       "--pdf-variant", "none", "-o", str(tmp_path)])
    assert result.exit_code == 0
    rules = {f.rule_id for f in validate(str(Path(tmp_path) / "ips.pdf")).findings}
    assert {"UA-01-005", "UA-01-002"} <= rules  # no structure tree, not marked as tagged
