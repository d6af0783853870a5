"""Every example PDF is the archival, tagged document it claims to be, read back with pikepdf; and
the checks fail when what they look for is taken out."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner

from pmg_docs.checks import check_path
from pmg_docs.cli import main
from pmg_docs.load import CatalogRegistry
from pmg_docs.render.pipeline import RenderOptions, lay_out, render_guide, write_rendered
from pmg_docs.signing.pdf_checks import check_pdf
from pmg_docs.writers.pdf_metadata import DEFAULT_VARIANT
from tests.support.paths import ROOT

pytestmark = pytest.mark.slow

EXAMPLES = ROOT / "examples"
SOURCES = sorted(p for p in EXAMPLES.rglob("*") if p.suffix in (".yaml", ".md"))
GUIDE = ("calidad-de-servicio-y-experiencia-usuaria", "pmg-2024")


@pytest.fixture(scope="module")
def guide_pdf(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("guide")
    result = render_guide(*GUIDE, CatalogRegistry(), RenderOptions(("pdf",)))
    write_rendered(result, out, Path("guia"))
    return out / "guia.pdf"


def _pdf_of(built: Path, source: Path) -> Path:
    return built / source.relative_to(EXAMPLES).with_suffix(".pdf")


def _html_counts(source: Path) -> Counter:
    document, _ = check_path(source, CatalogRegistry(), None)
    html, _files, _notes = lay_out(document, RenderOptions())
    return Counter(re.findall(r"<(h1|h2|h3|table|th|td|ul|ol)[\s>]", html))


def test_there_are_examples_of_every_kind():
    assert {"2011", "2024", "circulars"} <= {p.parent.name for p in SOURCES}


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_every_example_pdf_passes_every_check(built_examples, source):
    report = check_pdf(_pdf_of(built_examples, source), DEFAULT_VARIANT)
    assert report.ok, "\n".join(str(f) for f in report.failures())


def test_the_guide_passes_every_check(guide_pdf):
    report = check_pdf(guide_pdf, DEFAULT_VARIANT)
    assert report.ok, "\n".join(str(f) for f in report.failures())
    assert report.roles["H1"] >= 1 and report.roles["Table"] >= 1


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_structure_holds_the_headings_tables_and_lists_of_the_html(built_examples, source):
    roles = check_pdf(_pdf_of(built_examples, source)).roles
    html = _html_counts(source)
    # A heading is one element; a table split across pages is one Table per page.
    for level in ("h1", "h2", "h3"):
        assert roles[level.upper()] == html[level], level
    assert html["table"] and roles["Table"] >= html["table"]
    assert roles["TR"] and roles["TH"] >= html["th"] and roles["TD"] >= html["td"]
    assert roles["L"] >= html["ul"] + html["ol"]


def test_metadata_comes_from_the_document(built_examples):
    source = EXAMPLES / "2024" / "aduanas.yaml"
    report = check_pdf(_pdf_of(built_examples, source))
    assert report.variant == "pdf/a-2a"
    assert report.metadata == {
        "kind": "formulation", "format": "objetivos", "year": "2024", "mechanism": "PMG",
        "catalog": "pmg-2024", "catalogVersion": "2024.1",
        "issuer": "SERVICIO NACIONAL DE ADUANAS", "ministry": "MINISTERIO DE HACIENDA",
        "sourceSha256": hashlib.sha256(source.read_bytes()).hexdigest()}
    with pikepdf.open(_pdf_of(built_examples, source)) as pdf:
        assert str(pdf.docinfo["/Title"]) == ("FORMULACIÓN DEL PROGRAMA DE MEJORAMIENTO DE LA "
                                              "GESTIÓN AÑO 2024 — SERVICIO NACIONAL DE ADUANAS")
        assert str(pdf.docinfo["/Author"]) == "SERVICIO NACIONAL DE ADUANAS"


def test_a_circular_records_its_minister_and_date(built_examples):
    pdf_path = _pdf_of(built_examples, EXAMPLES / "circulars" / "circular-39-2011.md")
    assert check_pdf(pdf_path).metadata["issuer"] == ("FELIPE LARRAÍN BASCUÑÁN, MINISTRO DE "
                                                      "HACIENDA")
    with pikepdf.open(pdf_path) as pdf, pdf.open_metadata(set_pikepdf_as_editor=False) as xmp:
        assert xmp["dc:date"] == ["2011-09-15"]
        assert str(pdf.docinfo["/Title"]).startswith("Circular N° 39 — Programa Marco")


def _damaged(source: Path, target: Path, change) -> Path:
    with pikepdf.open(source) as pdf:
        change(pdf)
        pdf.save(target)
    return target


def _without_tags(pdf):
    del pdf.Root["/StructTreeRoot"]


def _without_metadata(pdf):
    del pdf.Root["/Metadata"]


def _without_language(pdf):
    del pdf.Root["/Lang"]


def _without_window_title(pdf):
    del pdf.Root["/ViewerPreferences"]


def _without_output_intent(pdf):
    del pdf.Root["/OutputIntents"]


@pytest.mark.parametrize("change, failing", [
    (_without_tags, "etiquetado"),
    (_without_metadata, "declara PDF/A-2a"),
    (_without_metadata, "metadatos del documento"),
    (_without_language, "idioma"),
    (_without_window_title, "título de la ventana"),
    (_without_output_intent, "OutputIntent"),
])
def test_checks_fail_when_what_they_look_for_is_removed(built_examples, tmp_path, change,
                                                         failing):
    good = _pdf_of(built_examples, EXAMPLES / "2024" / "ips.yaml")
    damaged = _damaged(good, tmp_path / "damaged.pdf", change)
    failures = [f.check for f in check_pdf(damaged, DEFAULT_VARIANT).failures()]
    assert any(failing in check for check in failures), failures


def test_an_embedded_font_taken_out_is_found(built_examples, tmp_path):
    def unembed(pdf):
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor":
                del obj["/FontFile2"]
                return

    damaged = _damaged(_pdf_of(built_examples, EXAMPLES / "2024" / "ips.yaml"),
                       tmp_path / "damaged.pdf", unembed)
    failures = [str(f) for f in check_pdf(damaged).failures()]
    assert len(failures) == 1 and "fuentes incrustadas" in failures[0]


@pytest.mark.parametrize("variant", ["pdf/a-3a", "pdf/a-1b", "pdf/a-2u", "pdf/ua-1"])
def test_other_variants_are_what_they_claim(tmp_path, variant):
    result = CliRunner().invoke(main, ["render", str(EXAMPLES / "2024" / "ips.yaml"),
                                       "--format", "pdf", "--pdf-variant", variant,
                                       "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    report = check_pdf(tmp_path / "ips.pdf")
    assert report.variant == variant
    assert report.ok, "\n".join(str(f) for f in report.failures())


def test_no_variant_is_a_plain_pdf_that_still_says_what_it_is(tmp_path):
    result = CliRunner().invoke(main, ["render", str(EXAMPLES / "2024" / "ips.yaml"),
                                       "--format", "pdf", "--pdf-variant", "none",
                                       "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    report = check_pdf(tmp_path / "ips.pdf")
    assert report.variant == "none"
    assert [f.check for f in report.failures()] == [
        "etiquetado (StructTreeRoot, MarkInfo /Marked)"]
    assert report.metadata["catalog"] == "pmg-2024"


def test_an_unknown_variant_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["render", str(EXAMPLES / "2024" / "ips.yaml"),
                                       "--pdf-variant", "pdf/a-9z", "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert not list(tmp_path.iterdir())


def test_the_year_report_passes_every_check(tmp_path):
    result = CliRunner().invoke(main, ["report", str(EXAMPLES / "2024"), "--format", "pdf",
                                       "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    report = check_pdf(tmp_path / "resultados-2024.pdf", DEFAULT_VARIANT)
    assert report.ok, "\n".join(str(f) for f in report.failures())
    assert report.metadata["kind"] == "report"
