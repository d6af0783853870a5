"""The corpus in tests/bad_inputs/: every case gets its stated answer, never a traceback."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time

import pytest
from click.testing import CliRunner

from pmg_docs.cli import main
from tests.support.doc_text import docx_body_text, pdf_pages_text, tokens
from tests.support.paths import DATA

CORPUS = DATA / "bad_inputs"

# case -> (line, the place (as the document names it, else the field path) or None, part of
# the message)
ERRORS = {
    "malformed-tab-indent": (20, None, "YAML mal formado: hay un tabulador en la sangría; se espera sangría con espacios"),
    "malformed-unclosed-quote": (6, None, "YAML mal formado: el texto entre comillas que empieza en esta línea no se cierra; se espera la comilla \" de cierre al final del texto"),
    "malformed-unclosed-bracket": (25, None, "YAML mal formado: una lista entre corchetes no se cierra; se espera «]» al final"),
    "top-level-list": (1, None, "se esperaba un mapeo con la clave `kind:` al comienzo"),
    "empty-file": (1, None, "se esperaba un mapeo con la clave `kind:` al comienzo"),
    "kind-missing": (1, None, "falta `kind:`, que dice qué es el archivo; se espera uno de: catalog"),
    "kind-unknown": (2, "tipo", "«memorandum» no es un tipo de documento; se espera uno de: catalog"),
    "missing-service": (1, "Servicio", "falta este campo obligatorio"),
    "unknown-top-level-key": (4, "`annex`", "campo desconocido"),
    "list-where-text": (7, "Servicio › nombre", "se encontró una lista; se espera texto"),
    "bool-where-number": (22, "Objetivo N°2 › Sistema «Estado Verde» › ponderación", "se encontró true; se espera un número"),
    "string-where-number": (16, "Objetivo N°1 › Indicador «Medidas de Equidad de Género» › meta › numerador", "se encontró «tres»; se espera un número"),
    "null-weight": (35, "Objetivo N°3 › ponderación", "el campo está vacío; se espera un número"),
    "date-where-text": (6, "Servicio › partida", "se encontró una fecha (2011-09-15); se espera texto"),
    "duplicate-nested-key": (16, None, "la clave «numerator» está repetida"),
    "python-tag": (7, "service.name", "la etiqueta YAML «tag:yaml.org,2002:python/object/apply:os.system» no está permitida"),
    "custom-tag": (7, "service.name", "la etiqueta YAML «!include» no está permitida"),
    "yaml-bomb": (7, "f", "el archivo se expande a más de 200000 valores"),
    "deep-nesting": (2, None, "anidado a más de 40 niveles"),
    "not-utf8": (1, None, "no es texto UTF-8"),
    "huge-float": (32, "Objetivo N°2 › Indicador «Concentración del Gasto Subtítulos 22 + 29» › meta › numerador", "se encontró inf; se espera un número finito"),
    "huge-int": (32, "Objetivo N°2 › Indicador «Concentración del Gasto Subtítulos 22 + 29» › meta › numerador", "...; se espera un número"),
    "negative-weight": (46, "Objetivo N°3 › Indicador «Transformación Digital» › ponderación", "se encontró -10; se espera un valor de 0 o más"),
    "negative-denominator": (32, "Objetivo N°2 › Indicador «Concentración del Gasto Subtítulos 22 + 29» › meta › denominador", "se espera un valor de 0 o más"),
    "zero-denominator": (32, "Objetivo N°2 › Indicador «Concentración del Gasto Subtítulos 22 + 29» › meta › denominador", "el denominador es 0"),
    "nan-percent": (32, "Objetivo N°2 › Indicador «Concentración del Gasto Subtítulos 22 + 29» › meta › valor", "se encontró nan; se espera un número finito"),
    "infinite-weight": (12, "Objetivo N°1 › ponderación", "se encontró inf; se espera un número finito"),
    "path-like-catalog": (3, "catálogo", "se encontró «../../etc/passwd»; se espera un id"),
    "absolute-path-catalog": (3, "catálogo", "se encontró «/etc/passwd»; se espera un id"),
    "path-like-system": (21, "Objetivo N°2 › Sistema «../estado-verde»", "se encontró «../estado-verde»; se espera un id"),
    "nbsp-in-id": (21, "Objetivo N°2 › Sistema «estado\u00a0verde»", "se espera un id"),
    "uppercase-id": (21, "Objetivo N°2 › Sistema «Estado-Verde»", "se encontró «Estado-Verde»; se espera un id"),
    "html-in-id": (51, "Medida de género N°1 › tipo", "se espera un id"),
    "control-character": (7, "Servicio › nombre", "contiene el carácter de control U+0007"),
    "empty-description": (52, "Medida de género N°1 › descripción", "el texto está vacío"),
    "amount-past-limit": (32, "Objetivo N°2 › Indicador «Concentración del Gasto Subtítulos 22 + 29» › meta › numerador", "se encontró 1.7e+308; se espera un valor de 1000000000000000 o menos"),
    "tiny-denominator": (32, "Objetivo N°2 › Indicador «Concentración del Gasto Subtítulos 22 + 29» › meta › denominador", "1e-320 es casi 0; se espera 0 o un número de al menos 0.000001"),
    "noncharacter": (7, "Servicio › nombre", "contiene U+FFFF en la posición 18, que no es un carácter de texto"),
    "escape-sequence": (7, "Servicio › nombre", "contiene el carácter de control U+001B"),
    "raw-control-byte": (7, None, "el archivo contiene el carácter de control U+0001, que YAML no admite"),
    "alias-inside-itself": (9, "annex", "«*loop» está dentro de lo que nombra «&loop»"),
    "text-alias-bomb": (50, "gender_measures", "el archivo se expande a más de 4194304 caracteres de texto"),
    "too-many-items": (42, "objectives", "una lista de más de 2000 elementos"),
    "too-many-lines": (52, "Medida de género N°1 › descripción", "un texto de 2001 líneas; el límite es 2000"),
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
    result = CliRunner().invoke(main, ["render", str(CORPUS / f"{name}.yaml"), "-o", str(tmp_path)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    where = f"{name}.yaml:{line}: " + (f"{path}: " if path else "")
    assert any(where in text and message in text for text in result.stderr.splitlines()), result.stderr
    assert list(tmp_path.iterdir()) == [], "an invalid source must write nothing"
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr, "nothing drives the terminal"


@pytest.fixture(scope="module", params=["typst", "weasyprint"])
def inert_renders(tmp_path_factory, request):
    out = tmp_path_factory.mktemp("inert")
    files = [str(CORPUS / f"{name}.yaml") for name in sorted(INERT)]
    result = CliRunner().invoke(main, ["render", *files, "-o", str(out),
                                       "--pdf-engine", request.param])
    assert result.exit_code == 0, result.output
    return out, request.param


def _visible(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFC", text) if unicodedata.category(c) != "Cf")


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(INERT))
def test_inert_cases_render_their_text_as_text(inert_renders, name):
    out, engine = inert_renders
    docx_text = docx_body_text(out / f"{name}.docx")
    pdf_text = pdf_pages_text(out / f"{name}.pdf")
    expected = INERT[name]
    assert expected in docx_text  # the DOCX keeps the text exactly as typed
    if engine == "typst":
        # Typst draws with the package's font only, which has no emoji: its code point shows.
        expected = expected.replace("🚀", "[U+1F680]")
    # A PDF's text layer holds what is drawn: composed accents, no invisible direction marks.
    assert tokens(_visible(expected)) <= tokens(_visible(pdf_text))
    for text in (docx_text, pdf_text):
        assert "root:x:0:0" not in text  # nothing of /etc/passwd was read into the document


@pytest.mark.slow
def test_long_description_flows_across_pages(inert_renders):
    import re

    inert_renders = inert_renders[0]
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
    assert f"huge.yaml: el archivo tiene {size} bytes; el límite de un documento pmg es 2097152 bytes" in result.stdout


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
        assert f"recurso rechazado: {url}/g.css (lo pide la plantilla)" in custom.stderr
        assert "recurso rechazado: file:///etc/passwd" in custom.stderr
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
