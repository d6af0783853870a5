"""`pmg sign --tsa URL`: an RFC 3161 timestamp from a timestamp authority the test starts on
this machine (pyHanko's own time stamper behind a small HTTP server, with a throwaway TSA
certificate under the test's root; no outside network), and `pmg verify` reporting it."""

from __future__ import annotations

import datetime as dt
import json
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from pmg_docs.cli import main
from tests.support.certificates import certificate, write_pair
from tests.support.paths import ROOT

pytestmark = pytest.mark.slow

FORMULATION = ROOT / "examples" / "2024" / "ips.yaml"
_MAX_REQUEST = 65536


def _pmg(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def pki(tmp_path_factory) -> dict[str, tuple[Path, Path]]:
    folder = tmp_path_factory.mktemp("pki-tsa")
    now = dt.datetime.now(dt.timezone.utc)
    start, end = now - dt.timedelta(days=1), now + dt.timedelta(days=30)
    keys = {name: ec.generate_private_key(ec.SECP256R1()) for name in ("raiz", "firmante")}
    # pyHanko's time stamper signs with RSA only.
    keys["tsa"] = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    root = certificate("Raíz Institucional", keys["raiz"], None, ca=True, start=start, end=end)
    issuer = ("Raíz Institucional", keys["raiz"])
    signer = certificate("Funcionaria de Prueba", keys["firmante"], issuer, ca=False,
                         start=start, end=end)
    tsa = certificate("Sellos de Tiempo de Prueba", keys["tsa"], issuer, ca=False,
                      start=start, end=end, timestamping=True)
    return {"raiz": write_pair(folder, "raiz", keys["raiz"], root),
            "firmante": write_pair(folder, "firmante", keys["firmante"], signer),
            "tsa": write_pair(folder, "tsa", keys["tsa"], tsa)}


@pytest.fixture(scope="module")
def tsa_url(pki):
    """A timestamp authority on 127.0.0.1: pyHanko's DummyTimeStamper answering over HTTP."""
    from asn1crypto import tsp
    from pyhanko.keys import load_cert_from_pemder, load_private_key_from_pemder
    from pyhanko.sign.timestamps import DummyTimeStamper

    key, cert = pki["tsa"]
    stamper = DummyTimeStamper(tsa_cert=load_cert_from_pemder(str(cert)),
                               tsa_key=load_private_key_from_pemder(str(key), None),
                               certs_to_embed=[load_cert_from_pemder(str(pki["raiz"][1]))])

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            length = min(int(self.headers.get("Content-Length", 0)), _MAX_REQUEST)
            request = tsp.TimeStampReq.load(self.rfile.read(length))
            body = stamper.request_tsa_response(request).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/tsa"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("rendered-tsa")
    result = _pmg("render", FORMULATION, "--format", "pdf", "-o", out)
    assert result.exit_code == 0, result.output
    return out / "ips.pdf"


@pytest.fixture(scope="module")
def stamped(rendered, pki, tsa_url, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("sellado") / "ips-sellado.pdf"
    key, cert = pki["firmante"]
    result = _pmg("sign", rendered, "--key", key, "--cert", cert, "--tsa", tsa_url,
                  "-o", target)
    assert result.exit_code == 0, result.output
    return target


def test_verify_reports_the_timestamp(stamped, pki):
    result = _pmg("verify", stamped, "--trust", pki["raiz"][1])
    assert result.exit_code == 0, result.output
    assert "sello de tiempo:" in result.output
    assert "Common Name: Sellos de Tiempo de Prueba" in result.output
    assert "válido y de confianza" in result.output
    report = json.loads(_pmg("verify", stamped, "--trust", pki["raiz"][1], "--json").output)
    (signature,) = report["signatures"]
    assert signature["timestamp_ok"] is True
    stamped_at = dt.datetime.fromisoformat(signature["timestamp"])
    assert abs(stamped_at - dt.datetime.now(dt.timezone.utc)) < dt.timedelta(minutes=10)


def test_pyhankos_cli_sees_the_timestamp(stamped, pki):
    result = subprocess.run(
        [sys.executable, "-m", "pyhanko", "sign", "validate", "--pretty-print",
         "--trust", str(pki["raiz"][1]), str(stamped)],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "timestamp token" in result.stdout.lower()
    assert "judged VALID" in result.stdout


def test_pdfsig_sees_a_valid_signature(stamped):
    # poppler judges the signature itself (it has no trust database for our root here).
    result = subprocess.run(["pdfsig", str(stamped)], capture_output=True, text=True,
                            timeout=60)
    assert "Signature Validation: Signature is Valid." in result.stdout, result.stdout
    assert "Total document signed" in result.stdout


def test_a_signature_without_tsa_has_no_timestamp_line(rendered, pki, tmp_path):
    key, cert = pki["firmante"]
    target = tmp_path / "sin-sello.pdf"
    assert _pmg("sign", rendered, "--key", key, "--cert", cert, "-o", target).exit_code == 0
    result = _pmg("verify", target, "--trust", pki["raiz"][1])
    assert result.exit_code == 0 and "sello de tiempo" not in result.output


def test_an_authority_that_does_not_answer_is_a_message_and_no_file(rendered, pki, tmp_path):
    with socket.socket() as closed:  # a port nothing listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    key, cert = pki["firmante"]
    target = tmp_path / "no.pdf"
    result = _pmg("sign", rendered, "--key", key, "--cert", cert,
                  "--tsa", f"http://127.0.0.1:{port}/tsa", "-o", target)
    assert result.exit_code == 1, result.output
    assert "no dio un sello" in result.output and "no se escribió nada" in result.output
    assert "Traceback" not in result.output and not target.exists()


def test_a_url_that_is_not_http_is_refused(rendered, pki, tmp_path):
    key, cert = pki["firmante"]
    target = tmp_path / "no.pdf"
    result = _pmg("sign", rendered, "--key", key, "--cert", cert, "--tsa", "file:///etc/passwd",
                  "-o", target)
    assert result.exit_code == 1, result.output
    assert "se espera la dirección http:// o https://" in result.output
    assert not target.exists()
