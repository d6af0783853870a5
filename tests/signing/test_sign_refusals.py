"""`pmg sign` refuses what could never verify or should never be signed, with a Spanish message
that names the file, exit 1 and nothing written: a certificate out of its validity period, a
key that is not the certificate's, a PDF that runs code, acts by itself or carries files, and
an encrypted PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner
from cryptography.hazmat.primitives.asymmetric import ec

from pmg_docs.cli import main
from tests.support.certificates import certificate, write_pair

NOW = dt.datetime.now(dt.timezone.utc)
DAY = dt.timedelta(days=1)


def _pair(folder: Path, stem: str, start: dt.datetime, end: dt.datetime, key=None):
    own = ec.generate_private_key(ec.SECP256R1())  # quick to make, signs like any other
    cert = certificate("Funcionaria de Prueba", own, None, ca=False, start=start, end=end)
    return write_pair(folder, stem, key or own, cert)


@pytest.fixture
def good(tmp_path) -> tuple[Path, Path]:
    return _pair(tmp_path, "vigente", NOW - DAY, NOW + 30 * DAY)


def _pdf(path: Path, change=None) -> Path:
    with pikepdf.new() as pdf:
        pdf.add_blank_page()
        if change is not None:
            change(pdf)
        pdf.save(path)
    return path


def _sign(pdf: Path, key: Path, cert: Path):
    result = CliRunner().invoke(main, ["sign", str(pdf), "--key", str(key), "--cert", str(cert)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert not pdf.with_name(f"{pdf.stem}-firmado.pdf").exists()
    return result.output


def test_a_plain_pdf_is_signed(tmp_path, good):
    result = CliRunner().invoke(main, ["sign", str(_pdf(tmp_path / "a.pdf")),
                                       "--key", str(good[0]), "--cert", str(good[1])])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "a-firmado.pdf").exists()


def test_an_expired_certificate(tmp_path):
    key, cert = _pair(tmp_path, "vencido", NOW - 400 * DAY, NOW - 35 * DAY)
    output = _sign(_pdf(tmp_path / "a.pdf"), key, cert)
    assert f"{cert}: el certificado venció el " in output
    assert "no se firma con un certificado vencido" in output


def test_a_certificate_not_yet_valid(tmp_path):
    key, cert = _pair(tmp_path, "futuro", NOW + 10 * DAY, NOW + 400 * DAY)
    output = _sign(_pdf(tmp_path / "a.pdf"), key, cert)
    assert f"{cert}: el certificado aún no es válido" in output


def test_a_key_that_is_not_the_certificates(tmp_path):
    other = ec.generate_private_key(ec.SECP256R1())
    key, cert = _pair(tmp_path, "ajena", NOW - DAY, NOW + 30 * DAY, key=other)
    output = _sign(_pdf(tmp_path / "a.pdf"), key, cert)
    assert f"{key}: la clave no corresponde al certificado {cert}" in output


def _open_action(pdf):
    pdf.Root.OpenAction = pdf.make_indirect(pikepdf.Dictionary(
        S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert('hola')")))


def _page_action(pdf):
    pdf.pages[0].obj.AA = pikepdf.Dictionary(O=pikepdf.Dictionary(
        S=pikepdf.Name.URI, URI=pikepdf.String("https://example.org")))


def _link(pdf, action):
    pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(
        pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link,
                           Rect=[0, 0, 10, 10], A=action))]))


def _javascript_link(pdf):
    _link(pdf, pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)")))


def _launch_link(pdf):
    _link(pdf, pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("calc.exe")))


def _embedded_file(pdf):
    pdf.attachments["datos.txt"] = pikepdf.AttachedFileSpec(pdf, b"hola")


@pytest.mark.parametrize(("change", "said"), [
    (_open_action, "el PDF ejecuta una acción al abrirse (/OpenAction)"),
    (_javascript_link, "el PDF contiene JavaScript"),
    (_page_action, "el PDF tiene acciones automáticas (/AA)"),
    (_launch_link, "el PDF tiene una acción /Launch"),
    (_embedded_file, "el PDF lleva archivos incrustados"),
])
def test_active_content(tmp_path, good, change, said):
    pdf = _pdf(tmp_path / "activo.pdf", change)
    output = _sign(pdf, *good)
    assert f"{pdf}: {said} (objeto " in output
    assert "no se firma un PDF con código, acciones automáticas o archivos incrustados" in output


def test_an_open_action_that_only_opens_a_page_is_still_an_action(tmp_path, good):
    def go_to(pdf):
        pdf.Root.OpenAction = pikepdf.Array([pdf.pages[0].obj, pikepdf.Name.Fit])
    output = _sign(_pdf(tmp_path / "abre.pdf", go_to), *good)
    assert "el PDF ejecuta una acción al abrirse (/OpenAction)" in output


@pytest.mark.parametrize("user", ["secreta", ""])
def test_an_encrypted_pdf(tmp_path, good, user):
    pdf = tmp_path / "cifrado.pdf"
    with pikepdf.new() as new:
        new.add_blank_page()
        new.save(pdf, encryption=pikepdf.Encryption(user=user, owner="dueña"))
    output = _sign(pdf, *good)
    assert f"{pdf}: el PDF está " in output and "no se firma un PDF cifrado" in output


def test_verifying_an_encrypted_pdf_is_a_message(tmp_path):
    pdf = tmp_path / "cifrado.pdf"
    with pikepdf.new() as new:
        new.add_blank_page()
        new.save(pdf, encryption=pikepdf.Encryption(user="secreta", owner="dueña"))
    result = CliRunner().invoke(main, ["verify", str(pdf)])
    assert result.exit_code == 1, result.output
    assert "no es un PDF legible: el PDF está protegido con contraseña" in result.output
