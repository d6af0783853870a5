"""`pmg serve` answers only this machine's browser, on its own pages, and only about the sources
under its folder."""

from __future__ import annotations

import http.client
import socket
import urllib.request

import pytest

from tests.support.live import Server, copy_examples
from tests.support.paths import ROOT


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = copy_examples(tmp_path_factory.mktemp("guard") / "examples")
    outside = folder.parent / "secreto.yaml"
    outside.write_text((ROOT / "examples/2024/aduanas.yaml").read_text(encoding="utf-8"),
                       encoding="utf-8")
    (folder / "enlace.yaml").symlink_to(outside)
    running = Server(folder)
    yield running
    running.stop()


def get(server: Server, path: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    """A request exactly as written: the path is sent as is, dots and all."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
    for name, value in {"Host": f"127.0.0.1:{server.port}", **(headers or {})}.items():
        connection.putheader(name, value)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def test_lists_the_sources_under_the_folder_and_nothing_outside(served):
    from pmg_docs.load import iter_source_files

    names = [s["name"] for s in served.json("/api/sources")["sources"]]
    expected = [p.relative_to(ROOT / "examples").as_posix()
                for p in iter_source_files([ROOT / "examples"])[0]]
    assert names == expected and "2024/aduanas.yaml" in names
    assert "enlace.yaml" not in names and "secreto.yaml" not in " ".join(names)


@pytest.mark.parametrize("path", [
    "/api/source?path=../secreto.yaml",
    "/api/source?path=enlace.yaml",
    "/api/source?path=/etc/passwd",
    "/api/source?path=2024/../2024/aduanas.yaml",
    "/api/source?path=2024%2F..%2F..%2Fsecreto.yaml",
    "/pdf?path=../secreto.yaml",
    "/docx?path=%2e%2e/secreto.yaml",
    "/static/../../pyproject.toml",
    "/static/..%2F..%2F..%2Fpyproject.toml",
    "/static/page.html.j2",
    "/page/..%2F..%2Fsecreto.jpg",
    "/../../etc/passwd",
])
def test_refuses_paths_that_are_not_its_sources(served, path):
    status, _headers, body = get(served, path)
    assert status == 404, (path, status)
    assert b"SERVICIO NACIONAL" not in body and b"root:" not in body


def test_names_what_it_refuses_in_spanish(served):
    status, _headers, body = get(served, "/api/source?path=../secreto.yaml")
    assert status == 404
    assert "«../secreto.yaml» no es una fuente de la carpeta" in body.decode()


def test_answers_what_is_not_there_in_spanish(served):
    assert get(served, "/nada")[0::2] == (404, "no existe".encode())
    connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=10)
    connection.request("POST", "/api/sources")
    response = connection.getresponse()
    assert (response.status, response.read()) == (405, "método no permitido".encode())


@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1.evil.example:80", "", "[::1]"])
def test_refuses_another_host_name(served, host):
    # A page of evil.example whose name was rebound to 127.0.0.1 sends its own name as Host.
    status, _headers, body = get(served, "/api/sources", {"Host": host})
    assert status == 403
    assert "solo atiende a 127.0.0.1 y localhost" in body.decode()


def test_answers_localhost_by_name(served):
    status, _headers, _body = get(served, "/api/sources", {"Host": f"localhost:{served.port}"})
    assert status == 200


@pytest.mark.parametrize("headers", [
    {"Origin": "http://evil.example"},
    {"Origin": "null"},
    {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors"},
    {"Sec-Fetch-Site": "same-site", "Sec-Fetch-Mode": "cors"},
    # A navigation elsewhere than the page itself: a link that would start a render.
    {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate"},
])
def test_refuses_requests_another_site_makes(served, headers):
    status, response_headers, body = get(served, "/api/source?path=2024/aduanas.yaml", headers)
    assert status == 403
    assert "viene de otro sitio" in body.decode()
    assert "access-control-allow-origin" not in response_headers


def test_lets_a_link_from_elsewhere_open_the_page(served):
    status, _headers, body = get(served, "/", {"Sec-Fetch-Site": "cross-site",
                                               "Sec-Fetch-Mode": "navigate",
                                               "Origin": "http://evil.example"})
    assert status == 200
    assert b"<!doctype html>" in body


def test_allows_its_own_page_and_no_other_origin(served):
    own = {"Origin": f"http://127.0.0.1:{served.port}", "Sec-Fetch-Site": "same-origin"}
    status, headers, _body = get(served, "/api/sources", own)
    assert status == 200
    assert "access-control-allow-origin" not in headers
    # No preflight is answered either: a cross-origin script cannot be let in.
    connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=10)
    connection.request("OPTIONS", "/api/sources", headers={
        "Origin": "http://evil.example", "Access-Control-Request-Method": "GET"})
    response = connection.getresponse()
    assert response.status in (403, 405)
    assert response.getheader("access-control-allow-origin") is None


def test_loads_nothing_from_anywhere_else(served):
    status, headers, page = get(served, "/")
    assert status == 200
    policy = headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy
    assert "img-src 'self'" in policy and "connect-src 'self'" in policy
    for path in ("/static/app.js", "/static/app.css"):
        status, headers, body = get(served, path)
        assert status == 200 and headers["x-content-type-options"] == "nosniff"
        page += body
    text = page.decode()
    assert "http://" not in text and "https://" not in text and "//cdn" not in text


def test_listens_on_127_0_0_1_only(served):
    # Another address of the loopback range reaches a server bound to every address.
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.2", served.port), timeout=5).close()
    with urllib.request.urlopen(served.url, timeout=10) as response:
        assert response.status == 200
