"""`pmg sign` and `pmg verify` with a throwaway certificate: sign, verify, tamper, see it fail;
the visible box where the circular reserves it; an institution's service signing the digest."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import json
import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from pmg_docs.cli import main
from pmg_docs.signing.pdf_checks import check_pdf
from pmg_docs.signing.sign import finish_external, prepare_external
from pmg_docs.signing.verify import verify_signatures
from tests.support.paths import ROOT

pytestmark = pytest.mark.slow

CIRCULAR = ROOT / "examples" / "circulars" / "circular-39-2011.md"
FORMULATION = ROOT / "examples" / "2024" / "aduanas.yaml"


@pytest.fixture(scope="module")
def keys(tmp_path_factory) -> tuple[Path, Path]:
    """A self-signed certificate and its key, made for this run only."""
    folder = tmp_path_factory.mktemp("keys")
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Funcionaria de Prueba"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Ministerio de Hacienda")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(  # a signer's: non-repudiation, as validation asks
                digital_signature=True, content_commitment=True, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=True,
                crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .sign(key, hashes.SHA256()))
    key_path, cert_path = folder / "clave.pem", folder / "certificado.pem"
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key_path, cert_path


@pytest.fixture(scope="module", params=["typst", "weasyprint"])
def rendered(tmp_path_factory, request) -> Path:
    """The documents signed, made by each PDF engine: signing and verifying work on both."""
    out = tmp_path_factory.mktemp("rendered")
    result = CliRunner().invoke(main, ["render", str(CIRCULAR), str(FORMULATION),
                                       "--format", "pdf", "-o", str(out),
                                       "--pdf-engine", request.param])
    assert result.exit_code == 0, result.output
    return out


def _pmg(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def _sign(source: Path, keys, *extra):
    key, cert = keys
    return _pmg("sign", source, "--key", key, "--cert", cert, *extra)


@pytest.fixture(scope="module")
def signed_circular(rendered, keys) -> Path:
    result = _sign(rendered / "circular-39-2011.pdf", keys, "--field", "firma",
                   "--reason", "Aprobación", "--location", "Santiago")
    assert result.exit_code == 0, result.output
    return rendered / "circular-39-2011-firmado.pdf"


def test_sign_then_verify(signed_circular):
    # Intact, but no root says who the signer is: not a valid signature yet.
    result = _pmg("verify", signed_circular)
    assert result.exit_code == 1, result.output
    assert "Common Name: Funcionaria de Prueba" in result.output
    assert "integridad: intacta" in result.output
    assert "NO confiable: el certificado no llega a ninguna raíz de confianza" in result.output


def test_signing_is_an_incremental_update_that_keeps_the_pdfa(rendered, signed_circular):
    original = (rendered / "circular-39-2011.pdf").read_bytes()
    signed = signed_circular.read_bytes()
    assert signed.startswith(original) and len(signed) > len(original)
    report = check_pdf(signed_circular)
    assert report.variant == "pdf/a-2a"
    assert report.ok, "\n".join(str(f) for f in report.failures())


def test_one_flipped_byte_fails_verification(signed_circular, tmp_path):
    data = bytearray(signed_circular.read_bytes())
    data[data.index(b"Circular N") + 3] ^= 0x01  # a letter of the title, inside the signed range
    tampered = tmp_path / "alterado.pdf"
    tampered.write_bytes(bytes(data))
    result = _pmg("verify", tampered)
    assert result.exit_code == 1
    assert "NO intacta" in result.output
    assert not verify_signatures(bytes(data)).intact


def test_trusted_with_the_institution_root(signed_circular, keys):
    result = _pmg("verify", signed_circular, "--trust", keys[1])
    assert result.exit_code == 0, result.output
    assert "certificado validado con las raíces dadas" in result.output


def _words(pdf: Path, page: int) -> list[tuple[str, float, float]]:
    """(word, top, bottom) of each word on a page, from the top of the page, in points."""
    xml = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, check=True, text=True).stdout
    return [(w, float(y1), float(y2)) for y1, y2, w in
            re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)<', xml)]


def test_the_visible_signature_sits_in_the_space_above_the_signatory(signed_circular):
    import pikepdf

    with pikepdf.open(signed_circular) as pdf:
        widgets = [(number, annot) for number, page in enumerate(pdf.pages, start=1)
                   for annot in page.get("/Annots", []) if annot.get("/FT") == "/Sig"]
        assert len(widgets) == 1
        number, widget = widgets[0]
        height = float(pdf.pages[number - 1].mediabox[3])
        left, bottom, right, top = (float(v) for v in widget.Rect)
        assert int(widget.F) & 4  # printed (PDF/A)
        assert "/AP" in widget
    words = _words(signed_circular, number)
    closing = next(w for w in words if w[0] == "Saluda")
    name = next(w for w in words if w[0] == "FELIPE")
    # The box lies between the closing line and the signatory's name, on the same page.
    assert closing[2] <= height - top and height - bottom <= name[1]
    assert right - left > 150
    text = subprocess.run(["pdftotext", "-f", str(number), "-l", str(number),
                           str(signed_circular), "-"], capture_output=True, text=True).stdout
    assert "Firmado electrónicamente por" in text and "Funcionaria de Prueba" in text


def test_a_document_without_the_place_is_an_error(rendered, keys, tmp_path):
    target = tmp_path / "firmado.pdf"
    result = _sign(rendered / "aduanas.pdf", keys, "--field", "firma", "-o", target)
    assert result.exit_code == 1
    assert "no reserva un lugar «firma»" in result.output
    assert not target.exists()


def test_an_invisible_signature_anywhere(rendered, keys, tmp_path):
    target = tmp_path / "aduanas-firmada.pdf"
    assert _sign(rendered / "aduanas.pdf", keys, "-o", target).exit_code == 0
    assert _pmg("verify", target, "--trust", keys[1]).exit_code == 0


def test_a_wrong_key_is_a_message_and_no_file(rendered, keys, tmp_path):
    target = tmp_path / "firmado.pdf"
    result = _pmg("sign", rendered / "aduanas.pdf", "--key", keys[1], "--cert", keys[1],
                  "-o", target)
    assert result.exit_code == 1
    assert "no se pudo leer la clave" in result.output
    assert "Traceback" not in result.output and not target.exists()


def test_signing_a_filled_field_again_is_a_message_and_no_file(signed_circular, keys, tmp_path):
    target = tmp_path / "dos-veces.pdf"
    result = _sign(signed_circular, keys, "--field", "firma", "-o", target)
    assert result.exit_code == 1, result.output
    assert "el documento ya tiene un campo de firma «firma»" in result.output
    assert "Traceback" not in result.output and not target.exists()


def test_an_unsigned_pdf_does_not_verify(rendered):
    result = _pmg("verify", rendered / "aduanas.pdf")
    assert result.exit_code == 1
    assert "sin firmas" in result.output


def test_an_institution_service_signs_the_digest(rendered, keys, tmp_path):
    """The README's flow: prepare, send the digest, put the returned CMS where it was
    reserved. The service is played by a signer that sees only the digest."""
    from pyhanko.sign import signers

    prepared = tmp_path / "por-firmar.pdf"
    state = prepare_external(rendered / "circular-39-2011.pdf", prepared, place="firma",
                             signer_name="Funcionaria de Prueba")
    state = json.loads(json.dumps(state))  # kept as JSON while the service works
    assert len(bytes.fromhex(state["digest"])) == 32

    service = signers.SimpleSigner.load(str(keys[0]), str(keys[1]))
    cms = asyncio.run(service.async_sign(bytes.fromhex(state["digest"]), "sha256",
                                         use_pades=True))
    signed = tmp_path / "firmado.pdf"
    finish_external(prepared, state, cms.dump(), signed)

    result = _pmg("verify", signed, "--trust", keys[1])
    assert result.exit_code == 0, result.output
    assert "Funcionaria de Prueba" in result.output and "veredicto: válida" in result.output


def test_a_file_that_is_not_a_pdf_is_a_message(keys, tmp_path):
    broken = tmp_path / "roto.pdf"
    broken.write_bytes(b"no es un PDF\n")
    for result in (_sign(broken, keys), _pmg("verify", broken)):
        assert result.exit_code == 1
        assert "no es un PDF legible" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "roto-firmado.pdf").exists()


def test_the_stamp_font_widths_are_the_font_programs_in_thousandths(signed_circular):
    """PDF reads `/W` in thousandths of an em; pyHanko wrote Arimo's 2048-unit widths as they
    were (space 569 for 278), and the stamp's text came out letter-spaced and cut at the box."""
    import pikepdf
    from fontTools.ttLib import TTFont

    with pikepdf.open(signed_circular) as pdf:
        widget = next(a for page in pdf.pages for a in page.get("/Annots", [])
                      if a.get("/FT") == "/Sig")
        fonts = widget.AP.N.Resources.get("/Font") or next(
            x.Resources.Font for x in widget.AP.N.Resources.XObject.values())
        (type0,) = fonts.values()
        cidfont = type0.DescendantFonts[0]
        program = TTFont(io.BytesIO(cidfont.FontDescriptor.FontFile2.read_bytes()))
        scale = 1000 / program["head"].unitsPerEm
        order = program.getGlyphOrder()
        widths = cidfont.W
        checked = 0
        for first, run in zip(widths[::2], widths[1::2]):
            for cid, width in enumerate(run, start=int(first)):
                assert int(width) == round(program["hmtx"][order[cid]][0] * scale)
                checked += 1
        assert checked >= 10
        assert int(cidfont.FontDescriptor.Ascent) == round(program["hhea"].ascent * scale)
