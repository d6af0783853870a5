"""An outside validator: Apache PDFBox Preflight calls every example's PDF/A-1b variant valid,
and a signed one (visible and invisible signature) too; every page's marked content is reached
from the structure tree, the signature's widget included. See tests/support/preflight.py."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner
from cryptography.hazmat.primitives.asymmetric import ec
from lxml import etree

from pmg_docs.cli import main
from tests.support import preflight
from tests.support.certificates import certificate, write_pair
from tests.support.marked_content import orphaned
from tests.support.paths import ROOT

pytestmark = pytest.mark.slow

EXAMPLES = ROOT / "examples"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def _pmg(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    """Every example in the pdf/a-1b variant, plus the circular signed visibly where it
    reserves its signature and a formulation signed invisibly."""
    out = tmp_path_factory.mktemp("pdfa1b")
    _pmg("build", EXAMPLES, "-o", out, "--format", "pdf", "--pdf-variant", "pdf/a-1b",
         "--force", "-j", "1")
    found = {str(p.relative_to(out)): p for p in sorted(out.rglob("*.pdf"))}
    sources = [p for p in EXAMPLES.rglob("*") if p.suffix in (".yaml", ".md")]
    assert len(found) == len(sources) >= 10
    now = dt.datetime.now(dt.timezone.utc)
    key = ec.generate_private_key(ec.SECP256R1())
    cert = certificate("Funcionaria de Prueba", key, None, ca=False,
                       start=now - dt.timedelta(days=1), end=now + dt.timedelta(days=30))
    key_path, cert_path = write_pair(out, "firmante", key, cert)
    for name, extra in (("circulars/circular-39-2011.pdf", ["--field", "firma"]),
                        ("2024/ips.pdf", [])):
        signed = out / name.replace(".pdf", "-firmado.pdf")
        _pmg("sign", out / name, "--key", key_path, "--cert", cert_path, "-o", signed, *extra)
        found[str(signed.relative_to(out))] = signed
    return found


def test_preflight_calls_every_example_and_the_signed_ones_valid(pdfs):
    preflight.require()
    errors = preflight.preflight(list(pdfs.values()))
    assert {name: errors[path] for name, path in pdfs.items() if errors[path]} == {}


def test_preflight_catches_what_it_should(pdfs, tmp_path):
    """The validator is not blind: a packet that names pmg's properties before declaring them
    (the layout the XMP had before) is refused."""
    preflight.require()
    broken = tmp_path / "xmp-desordenado.pdf"
    with pikepdf.open(pdfs["2024/ips.pdf"]) as pdf:
        packet = pdf.Root.Metadata.read_bytes()
        start, end = packet.index(b"<x:xmpmeta"), packet.rindex(b"</x:xmpmeta>") + 12
        root = etree.fromstring(packet[start:end])
        first, second = root.iter(f"{{{RDF}}}Description")
        schemas = first[0]  # pdfaExtension:schemas, moved after pmg's properties
        second.append(schemas)
        first.getparent().remove(first)
        pdf.Root.Metadata.write(packet[:start] + etree.tostring(root) + packet[end:])
        pdf.save(broken)
    errors = preflight.preflight([broken])[broken]
    assert any("urn:pmg-docs:xmp:1.0#" in e for e in errors), errors


def test_qpdf_finds_no_syntax_error(pdfs):
    # qpdf's own check (`qpdf --check`), through the qpdf library pikepdf binds.
    for name, path in pdfs.items():
        with pikepdf.open(path) as pdf:
            assert pdf.check_pdf_syntax() == [], name


def test_no_marked_content_outside_the_structure_tree(pdfs):
    for name, path in pdfs.items():
        marked, lost = orphaned(path)
        assert marked > 50 and lost == [], name


@pytest.mark.parametrize("name", ["circulars/circular-39-2011-firmado.pdf",
                                  "2024/ips-firmado.pdf"])
def test_the_signature_widget_is_in_the_structure_tree(pdfs, name):
    with pikepdf.open(pdfs[name]) as pdf:
        (field,) = pdf.Root.AcroForm.Fields
        assert field.Subtype == "/Widget" and "/AP" in field
        key = int(field.StructParent)
        nums = pdf.Root.StructTreeRoot.ParentTree.Nums
        element = dict(zip(list(nums)[0::2], list(nums)[1::2], strict=True))[key]
        assert element.S == "/Form" and element.K.Type == "/OBJR"
        assert element.K.Obj.objgen == field.objgen
        (document,) = pdf.Root.StructTreeRoot.K  # WeasyPrint's one Document element
        assert any(kid.objgen == element.objgen for kid in document.K)
        page = next(p for p in pdf.pages if p.objgen == field.P.objgen)
        assert page.Tabs == "/S"
