"""The corpus in tests/bad_inputs/: every case gets its stated answer, never a traceback."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time

import pytest
from click.testing import CliRunner
from conftest import DATA
from doc_text import docx_body_text, pdf_pages_text, tokens

from pmg_docs.cli import main

CORPUS = DATA / "bad_inputs"

# case -> (line, field path or None, part of the message)
ERRORS = {
    "malformed-tab-indent": (20, None, "malformed YAML: found a tab character that violates indentation"),
    "malformed-unclosed-quote": (8, None, "malformed YAML"),
    "malformed-unclosed-bracket": (25, None, "malformed YAML: did not find expected ',' or ']'"),
    "top-level-list": (1, None, "se esperaba un mapeo con la clave `kind:` al comienzo"),
    "empty-file": (1, None, "se esperaba un mapeo con la clave `kind:` al comienzo"),
    "kind-missing": (1, None, "falta `kind:`, que dice qué es el archivo; se espera uno de: catalog"),
    "kind-unknown": (2, "kind", "«memorandum» no es un tipo de documento; se espera uno de: catalog"),
    "missing-service": (1, "service", "required field is missing"),
    "unknown-top-level-key": (4, "annex", "unknown field"),
    "list-where-text": (7, "service.name", "got a list; expected text"),
    "bool-where-number": (22, "objectives[1].systems[0].weight", "got True; expected a number"),
    "string-where-number": (16, "objectives[0].indicators[0].target.numerator", "got 'tres'; expected a number"),
    "null-weight": (35, "objectives[2].weight", "got nothing; expected a number"),
    "date-where-text": (6, "service.partida", "got a date (2011-09-15); expected text"),
    "duplicate-nested-key": (16, None, "duplicate key 'numerator'"),
    "python-tag": (7, "service.name", "YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed"),
    "custom-tag": (7, "service.name", "YAML tag '!include' is not allowed"),
    "yaml-bomb": (7, "f", "the file expands to more than 200000 values"),
    "deep-nesting": (2, None, "nested more than 40 levels deep"),
    "not-utf8": (1, None, "not UTF-8 text"),
    "huge-float": (32, "objectives[1].indicators[0].target.numerator", "got inf; expected a finite number"),
    "huge-int": (32, "objectives[1].indicators[0].target.numerator", "expected a number"),
    "negative-weight": (46, "objectives[2].indicators[0].weight", "got -10; expected a value at least 0"),
    "negative-denominator": (32, "objectives[1].indicators[0].target.denominator", "expected a value at least 0"),
    "zero-denominator": (32, "objectives[1].indicators[0].target.denominator", "denominator is 0"),
    "nan-percent": (32, "objectives[1].indicators[0].target.value", "got nan; expected a finite number"),
    "infinite-weight": (12, "objectives[0].weight", "got inf; expected a finite number"),
    "path-like-catalog": (3, "catalog", "got '../../etc/passwd'; expected an id"),
    "absolute-path-catalog": (3, "catalog", "got '/etc/passwd'; expected an id"),
    "path-like-system": (21, "objectives[1].systems[0].system", "got '../estado-verde'; expected an id"),
    "nbsp-in-id": (21, "objectives[1].systems[0].system", "expected an id"),
    "uppercase-id": (21, "objectives[1].systems[0].system", "got 'Estado-Verde'; expected an id"),
    "html-in-id": (51, "gender_measures[0].kind", "expected an id"),
    "control-character": (7, "service.name", "contains the control character U+0007"),
    "empty-description": (52, "gender_measures[0].description", "empty text"),
}

# case -> text that must appear, as text, in both documents
INERT = {
    "raw-html-script": "Medida con <script>alert('x')</script> y <b>negrita falsa</b>.",
    "html-img-http": 'Ver <img src="http://127.0.0.1:9/pixel.png"> en el informe.',
    "markdown-image-http": "Ver ![grafico](http://127.0.0.1:9/pixel.png) en el informe.",
    "markdown-link-file": "Ver [clave](file:///etc/passwd) en el informe.",
    "html-stylesheet-link": '<link rel="stylesheet" href="http://127.0.0.1:9/evil.css">Estilo ajeno.',
    "css-import": "<style>@import url(http://127.0.0.1:9/evil.css); body{display:none}</style>Texto visible.",
    # Markdown reads __x__ as strong emphasis; the rest stays as typed and is never evaluated.
    "template-syntax": "{% include '/etc/passwd' %} y {# nada #}.",
    "odd-unicode": "Espacio\u00a0duro, acento combinado: Mari\u0301a, marca \u200fderecha\u200f, emoji 🚀 y comillas “curvas”.",
    "markdown-heading-and-code": "# No es un título",
    "path-like-service-name": "../../../etc/passwd",
    "long-description": "La institución implementará acciones de capacitación y difusión",
}


def test_every_corpus_file_has_an_answer():
    files = {p.stem for p in CORPUS.glob("*.yaml")}
    assert files == set(ERRORS) | set(INERT)
    assert len(files) >= 40


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_error_cases_get_a_located_error(tmp_path, name):
    line, path, message = ERRORS[name]
    started = time.perf_counter()
    result = CliRunner().invoke(main, ["render", str(CORPUS / f"{name}.yaml"), "-o", str(tmp_path)])
    elapsed = time.perf_counter() - started
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    where = f"{name}.yaml:{line}: " + (f"{path}: " if path else "")
    assert any(where in text and message in text for text in result.stderr.splitlines()), result.stderr
    assert list(tmp_path.iterdir()) == [], "an invalid source must write nothing"
    if name == "yaml-bomb":
        assert elapsed < 1.0, f"the YAML bomb took {elapsed:.2f} s to refuse"


@pytest.fixture(scope="module")
def inert_renders(tmp_path_factory):
    out = tmp_path_factory.mktemp("inert")
    files = [str(CORPUS / f"{name}.yaml") for name in sorted(INERT)]
    result = CliRunner().invoke(main, ["render", *files, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _visible(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFC", text) if unicodedata.category(c) != "Cf")


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(INERT))
def test_inert_cases_render_their_text_as_text(inert_renders, name):
    docx_text = docx_body_text(inert_renders / f"{name}.docx")
    pdf_text = pdf_pages_text(inert_renders / f"{name}.pdf")
    expected = INERT[name]
    assert expected in docx_text  # the DOCX keeps the text exactly as typed
    # A PDF's text layer holds what is drawn: composed accents, no invisible direction marks.
    assert tokens(_visible(expected)) <= tokens(_visible(pdf_text))
    for text in (docx_text, pdf_text):
        assert "root:x:0:0" not in text  # nothing of /etc/passwd was read into the document


@pytest.mark.slow
def test_long_description_flows_across_pages(inert_renders):
    import re

    pdf_text = pdf_pages_text(inert_renders / "long-description.pdf")
    pages = int(re.findall(r"Página \d+ de (\d+)", pdf_text)[0])
    assert pages >= 15
    words = docx_body_text(inert_renders / "long-description.docx").split()
    assert len(words) > 10_000
    # The measures table repeats its header on every page the long row crosses.
    assert pdf_text.count("Descripción Medidas de Género") >= pages - 3


def test_oversized_file_is_refused(tmp_path):
    source = tmp_path / "huge.yaml"
    source.write_text("kind: formulation\n# " + "x" * (3 * 1024 * 1024) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(source)])
    assert result.exit_code == 1
    size = source.stat().st_size
    assert f"huge.yaml: file is {size} bytes; the limit is 2097152 bytes" in result.stderr


class _Listener:
    """A local TCP listener that records every connection made to it."""

    def __init__(self):
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(8)
        self.server.settimeout(0.2)
        self.port = self.server.getsockname()[1]
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while self.running:
            try:
                connection, _ = self.server.accept()
            except OSError:
                continue
            self.connections += 1
            connection.close()

    def close(self):
        self.running = False
        self.thread.join()
        self.server.close()


@pytest.mark.slow
def test_rendering_hostile_input_reaches_no_network_and_reads_no_outside_file(tmp_path, root):
    listener = _Listener()
    url = f"http://127.0.0.1:{listener.port}"
    try:
        # Sanity: the listener does see a real connection.
        socket.create_connection(("127.0.0.1", listener.port), timeout=1).close()
        time.sleep(0.3)
        assert listener.connections == 1
        listener.connections = 0

        base = (root / "examples" / "2024" / "aduanas.yaml").read_text(encoding="utf-8")
        hostile = (f'Ver <img src="{url}/a.png"> ![b]({url}/b.png) [c]({url}/c) '
                   f'<link rel="stylesheet" href="{url}/d.css"> '
                   f"<style>@import url({url}/e.css);</style> "
                   '<img src="file:///etc/passwd"> [f](file:///etc/passwd)')
        source = tmp_path / "hostile.yaml"
        source.write_text(base.replace("Capacitación avanzada en primera acogida",
                                       hostile + " Capacitación avanzada en primera acogida", 1),
                          encoding="utf-8")
        # A user template that itself asks for network and outside files: refused, and said.
        templates = tmp_path / "templates"
        templates.mkdir()
        (templates / "formulacion-2024.html.j2").write_text(
            '{#- pmg: formulation/objetivos -#}\n{% extends "base.html.j2" %}{% block content %}'
            f'<h1>{{{{ spec.title }}}}</h1><p>x</p>'
            f'<div class="running-header"><link rel="stylesheet" href="{url}/f.css"></div>'
            '{% endblock %}', encoding="utf-8")
        (templates / "base.html.j2").write_text(
            '<!DOCTYPE html><html><head><link rel="stylesheet" href="file:///etc/passwd">'
            f'<link rel="stylesheet" href="{url}/g.css"></head>'
            '<body>{% block content %}{% endblock %}</body></html>', encoding="utf-8")

        opened: list[str] = []
        recording = True

        def audit(event, args):
            if recording and event == "open" and args and isinstance(args[0], str):
                opened.append(args[0])

        sys.addaudithook(audit)
        out = tmp_path / "out"
        plain = CliRunner().invoke(main, ["render", str(source), "-o", str(out / "plain")])
        custom = CliRunner().invoke(main, ["render", str(source), "-o", str(out / "custom"),
                                           "--templates", str(templates), "--format", "pdf"])
        strict = CliRunner().invoke(main, ["render", str(source), "-o", str(out / "strict"),
                                           "--templates", str(templates), "--format", "pdf",
                                           "--strict"])
        recording = False
        time.sleep(0.5)
        assert plain.exit_code == 0, plain.output
        assert custom.exit_code == 0, custom.output
        assert f"resource refused: {url}/g.css (asked for by the template)" in custom.stderr
        assert "resource refused: file:///etc/passwd" in custom.stderr
        assert strict.exit_code == 1
        assert not (out / "strict").exists() or list((out / "strict").iterdir()) == []
        assert listener.connections == 0
        assert not [path for path in opened if path.startswith("/etc/passwd")]
    finally:
        listener.close()


@pytest.mark.slow
def test_no_traceback_from_the_installed_command(tmp_path):
    completed = subprocess.run(
        [sys.executable, "-c", "from pmg_docs.cli import run; run()", "render",
         str(CORPUS / "yaml-bomb.yaml"), str(CORPUS / "python-tag.yaml"), "-o", str(tmp_path)],
        capture_output=True, text=True, check=False)
    assert completed.returncode == 1
    assert "Traceback" not in completed.stderr
