"""The reviewer's attacks on signatures, built for real in tmp_path, and what `pmg verify`,
poppler's `pdfsig` and pyHanko's own CLI say of each.

An institution's root signs the good signer; the attacks are a page painted over after signing
(the «shadow attack»), a self-signed «Ministro Falso», a certificate that expired before the
signature, and a key that is not the certificate's. `pmg sign` refuses the last two, so those
files are signed with pyHanko directly, as an attacker would."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from cryptography.hazmat.primitives.asymmetric import rsa

from pmg_docs.cli import main
from tests.support.certificates import certificate, write_pair
from tests.support.paths import ROOT

pytestmark = pytest.mark.slow

CIRCULAR = ROOT / "examples" / "circulars" / "circular-39-2011.md"
FORMULATION = ROOT / "examples" / "2024" / "aduanas.yaml"
NOW = dt.datetime.now(dt.timezone.utc)


@pytest.fixture(scope="module")
def pki(tmp_path_factory) -> dict[str, tuple[Path, Path]]:
    """The institution's root, a signer it certifies, an expired one it certified, and a
    self-signed impostor; each as (key, certificate) files."""
    folder = tmp_path_factory.mktemp("pki")
    keys = {n: rsa.generate_private_key(public_exponent=65537, key_size=2048)
            for n in ("raiz", "firmante", "vencido", "falso")}
    root = certificate("Raíz Institucional", keys["raiz"], None, ca=True,
                        start=NOW - dt.timedelta(days=3650), end=NOW + dt.timedelta(days=3650))
    issuer = ("Raíz Institucional", keys["raiz"])
    made = {
        "raiz": root,
        "firmante": certificate("Funcionaria de Prueba", keys["firmante"], issuer, ca=False,
                                 start=NOW - dt.timedelta(days=1),
                                 end=NOW + dt.timedelta(days=365)),
        "vencido": certificate("Funcionario Vencido", keys["vencido"], issuer, ca=False,
                                start=NOW - dt.timedelta(days=400),
                                end=NOW - dt.timedelta(days=35)),
        "falso": certificate("Ministro Falso", keys["falso"], None, ca=False,
                              start=NOW - dt.timedelta(days=1), end=NOW + dt.timedelta(days=365)),
    }
    return {n: write_pair(folder, n, keys[n], made[n]) for n in keys}


def _pmg(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def circular(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("rendered")
    result = _pmg("render", CIRCULAR, FORMULATION, "--format", "pdf", "-o", out)
    assert result.exit_code == 0, result.output
    return out / "circular-39-2011.pdf"


def _pyhanko_sign(source: Path, target: Path, key: Path, cert: Path) -> Path:
    """Sign as an attacker would: pyHanko itself, none of pmg's refusals."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    signer = signers.SimpleSigner.load(str(key), str(cert))
    output = io.BytesIO()
    signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(source.read_bytes())),
                     signers.PdfSignatureMetadata(field_name="Firma"), signer=signer,
                     output=output)
    target.write_bytes(output.getvalue())
    return target


def _shadow(signed: Path, target: Path) -> Path:
    """An incremental update appended after the signature that paints a red box over page 1:
    every signed byte stays as it was, and (a careful attacker) so does the metadata, so that
    the file still passes every archival check."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    class MetadataKeepingWriter(IncrementalPdfFileWriter):
        def _update_meta(self) -> None:
            return None

    writer = MetadataKeepingWriter(io.BytesIO(signed.read_bytes()))
    box = generic.StreamObject(stream_data=b"q 1 0 0 rg 50 500 400 200 re f Q")
    writer.add_stream_to_page(0, writer.add_object(box))
    output = io.BytesIO()
    writer.write(output)
    target.write_bytes(output.getvalue())
    return target


@pytest.fixture(scope="module")
def files(circular, pki, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("firmados")
    good = folder / "bueno.pdf"
    key, cert = pki["firmante"]
    result = _pmg("sign", circular, "--key", key, "--cert", cert, "--field", "firma",
                  "-o", good)
    assert result.exit_code == 0, result.output
    return {
        "bueno": good,
        "sombra": _shadow(good, folder / "sombra.pdf"),
        "falso": _pyhanko_sign(circular, folder / "falso.pdf", *pki["falso"]),
        "vencido": _pyhanko_sign(circular, folder / "vencido.pdf", *pki["vencido"]),
        "otra-clave": _pyhanko_sign(circular, folder / "otra-clave.pdf", pki["falso"][0],
                                    pki["firmante"][1]),
    }


def test_the_good_signature_is_valid_with_the_institution_root(files, pki):
    result = _pmg("verify", files["bueno"], "--trust", pki["raiz"][1])
    assert result.exit_code == 0, result.output
    assert "Funcionaria de Prueba" in result.output
    assert "Common Name: Raíz Institucional" in result.output
    assert "añadido después: nada" in result.output
    assert "veredicto: válida" in result.output


def test_the_institution_roots_named_in_pmg_toml(files, pki, tmp_path, monkeypatch):
    """`trust` in pmg.toml: the roots `pmg verify` trusts when given no --trust."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "raices").mkdir()
    shutil.copy(pki["raiz"][1], tmp_path / "raices" / "institucion.pem")
    (tmp_path / "pmg.toml").write_text('trust = ["raices/institucion.pem"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = _pmg("verify", files["bueno"])
    assert result.exit_code == 0, result.output
    assert "veredicto: válida" in result.output
    # --trust replaces them: the self-signed «Ministro Falso» is not the institution's root.
    result = _pmg("verify", files["bueno"], "--trust", pki["falso"][1])
    assert result.exit_code == 1 and "NO confiable" in result.output
    assert _pmg("verify", files["falso"]).exit_code == 1


def test_without_a_root_the_good_signature_is_not_trusted(files):
    result = _pmg("verify", files["bueno"])
    assert result.exit_code == 1
    assert "integridad: intacta" in result.output
    assert "NO confiable: el certificado no llega a ninguna raíz de confianza" in result.output


def test_the_shadow_attack_fails(files, pki):
    result = _pmg("verify", files["sombra"], "--trust", pki["raiz"][1])
    assert result.exit_code == 1, result.output
    # The signed bytes are untouched: what fails is what was added after them.
    assert "integridad: intacta" in result.output
    assert "cambios NO permitidos (OTHER): el documento cambió después de firmarse" \
        in result.output
    assert "veredicto: NO válida" in result.output


def test_a_self_signed_minister_fails(files, pki):
    result = _pmg("verify", files["falso"], "--trust", pki["raiz"][1])
    assert result.exit_code == 1, result.output
    assert "Ministro Falso" in result.output
    assert "NO confiable: el certificado no llega a ninguna raíz de confianza" in result.output


def test_an_expired_certificate_fails(files, pki):
    result = _pmg("verify", files["vencido"], "--trust", pki["raiz"][1])
    assert result.exit_code == 1, result.output
    assert "NO confiable: el certificado no está vigente" in result.output
    assert "el certificado no estaba vigente en esa fecha" in result.output


def test_a_key_that_is_not_the_certificates_fails(files, pki):
    result = _pmg("verify", files["otra-clave"], "--trust", pki["raiz"][1])
    assert result.exit_code == 1, result.output
    assert "NO intacta" in result.output


def test_the_json_report(files, pki):
    result = _pmg("verify", files["sombra"], "--trust", pki["raiz"][1], "--json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["ok"] is False and report["archive"]["ok"] is True
    (signature,) = report["signatures"]
    assert signature["intact"] and signature["trusted"]
    assert signature["added_after"] == "OTHER" and not signature["addition_allowed"]
    assert signature["covered_bytes"] < signature["file_bytes"]


# --- outside tools --------------------------------------------------------------------------

def _pdfsig_valid(path: Path) -> bool:
    """pdfsig's verdict on what it can judge without an NSS database of trusted roots: the
    signature valid, the whole file signed, the certificate not expired."""
    out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    return ("Signature is Valid" in out and "- Total document signed" in out
            and "Certificate has Expired" not in out)


def _pyhanko_valid(path: Path, root: Path) -> bool:
    result = subprocess.run([sys.executable, "-m", "pyhanko", "sign", "validate",
                             "--no-revocation-check", "--trust", str(root), "--trust-replace",
                             str(path)], capture_output=True, text=True)
    return result.returncode == 0


# Without a trust database pdfsig calls every issuer unknown, so the self-signed impostor is
# left to pmg and pyHanko; on the rest its verdict must be ours.
@pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler's pdfsig is not installed")
@pytest.mark.parametrize("name", ["bueno", "sombra", "vencido", "otra-clave"])
def test_pdfsig_agrees(files, pki, name):
    ours = _pmg("verify", files[name], "--trust", pki["raiz"][1]).exit_code == 0
    assert _pdfsig_valid(files[name]) == ours


@pytest.mark.skipif(importlib.util.find_spec("pyhanko.cli") is None,
                    reason="pyHanko's CLI (pyhanko-cli) is not installed")
@pytest.mark.parametrize("name", ["bueno", "sombra", "falso", "vencido", "otra-clave"])
def test_pyhankos_cli_agrees(files, pki, name):
    ours = _pmg("verify", files[name], "--trust", pki["raiz"][1]).exit_code == 0
    assert _pyhanko_valid(files[name], pki["raiz"][1]) == ours
