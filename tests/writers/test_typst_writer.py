"""The Typst writer on small HTML of the subset, read back from real PDFs: images from the
templates folders (with their text for readers) and nothing else, landscape pages, lists that
restart where the HTML restarts them, row header cells tagged TH, a Typst error never caused by
text."""

from __future__ import annotations

import io
import subprocess

import pikepdf

from pmg_docs.writers.typst import write_pdf
from tests.support.marked_content import structure_elements
from tests.support.paths import DATA

IMAGES = DATA / "images"


def _html(body: str, body_class: str = "") -> str:
    return (f"<!DOCTYPE html><html><head><title>Prueba</title></head>"
            f"<body class=\"{body_class}\">{body}</body></html>")


def _text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_an_image_beside_the_templates_is_a_figure_with_its_text():
    src = (IMAGES / "escudo.png").as_uri()
    pdf, refused = write_pdf(_html(f'<p><img src="{src}" alt="Escudo" style="width: 30mm"></p>'),
                             [IMAGES])
    assert refused == []
    with pikepdf.open(io.BytesIO(pdf)) as document:
        figures = [e for e in structure_elements(document.Root.StructTreeRoot) if e.get("/S") == "/Figure"]
        assert [str(f.get("/Alt")) for f in figures] == ["Escudo"]
        assert len(list(document.pages[0].get_images())) == 1


def test_an_image_outside_the_templates_is_refused_and_left_out(tmp_path):
    outside = tmp_path / "secreto.png"
    outside.write_bytes((IMAGES / "escudo.png").read_bytes())
    pdf, refused = write_pdf(_html(f'<p>Antes <img src="{outside.as_uri()}" alt="x" '
                                   'style="width: 30mm"> después</p>'))
    assert refused == [outside.as_uri()]
    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert len(list(document.pages[0].get_images())) == 0


def test_landscape_pages_and_lists_that_restart(tmp_path):
    body = ('<ol class="paren-markers"><li>uno</li><li>dos</li></ol><p>corte</p>'
            '<ol start="3" class="paren-markers"><li>tres</li></ol>'
            '<ol type="a" class="paren-markers"><li>letra</li></ol><ol><li>de nuevo</li></ol>')
    pdf, _ = write_pdf(_html(body, "landscape"))
    with pikepdf.open(io.BytesIO(pdf)) as document:
        width, height = (float(v) for v in document.pages[0].mediabox[2:])
        assert width > height
    lines = [line.strip() for line in _text(pdf, tmp_path).splitlines() if line.strip()]
    assert lines[:6] == ["1) uno", "2) dos", "corte", "3) tres", "a) letra", "1. de nuevo"]


def test_row_header_cells_are_tagged_th_with_their_scope():
    body = ("<table><thead><tr><th>Campo</th><th>Valor</th></tr></thead><tbody>"
            "<tr><th>MINISTERIO</th><td>HACIENDA</td></tr>"
            "<tr><th rowspan=\"2\">Etapa 1</th><td>a</td></tr><tr><td>b</td></tr></tbody></table>")
    pdf, _ = write_pdf(_html(body))
    with pikepdf.open(io.BytesIO(pdf)) as document:
        cells = [e for e in structure_elements(document.Root.StructTreeRoot)
                 if e.get("/S") in ("/TH", "/TD")]
        assert [str(c.S) for c in cells] == ["/TH", "/TH", "/TH", "/TD", "/TH", "/TD", "/TD"]
        row_headers = [c for c in cells[2:] if c.S == "/TH"]
        tables = []
        for cell in row_headers:
            attributes = cell.A if isinstance(cell.A, pikepdf.Array) else [cell.A]
            tables += [a for a in attributes if a.get("/O") == "/Table"]
        assert [a.get("/Scope") for a in tables] == ["/Row", "/Row"]
        # Etapa 1 still spans its two rows: retagging keeps what Typst said of the cell.
        assert [int(a.get("/RowSpan", 1)) for a in tables] == [1, 2]


def test_html_outside_the_subset_is_a_message_not_a_traceback():
    from pmg_docs.render.pipeline import produce

    data, notes = produce(_html("<blockquote>cita</blockquote>"), "pdf", False, "propia.yaml")
    assert data == b""
    assert [str(n.message) for n in notes] == [
        "no se puede escribir el PDF: <blockquote> is not in the HTML subset of pmg-docs "
        "templates; la plantilla debe limitarse al subconjunto de HTML del README"]


def test_what_is_kept_together_but_taller_than_a_page_still_breaks(tmp_path):
    """CSS's `avoid` gives way when a row or group cannot fit a page; Typst's unbreakable rows
    would be cut off at the page's foot: every word must still be printed."""
    row = "<tr><th>Campo</th><td>" + "palabra " * 3000 + "</td></tr>"
    rows = "".join(f"<tr><th>Campo {i}</th><td>{'texto largo ' * 40}</td></tr>"
                   for i in range(40))
    for body, word, count in ((f"<table><tbody>{row}</tbody></table>", "palabra", 3000),
                              (f"<table><tbody class=\"together\">{rows}</tbody></table>",
                               "Campo ", 40)):
        pdf, _ = write_pdf(_html(body))
        assert _text(pdf, tmp_path).count(word) == count
        with pikepdf.open(io.BytesIO(pdf)) as document:
            assert len(document.pages) > 3


def _with_header(service: str, rows: int) -> str:
    cells = "".join(f"<tr><td>fila {n}</td><td>{service}</td></tr>" for n in range(rows))
    return (f"<!DOCTYPE html><html><head><title>Formulación — {service}</title></head><body>"
            f'<div class="running-header">Formulación PMG 2024 — {service}</div>'
            f"<h1>Formulación</h1><table><tbody>{cells}</tbody></table></body></html>")


def test_a_documents_own_texts_come_after_its_blocks_and_its_header_is_on_every_page(tmp_path):
    """The styles (set rules) before the blocks are the same for every document of a style, so
    that Typst reuses between documents what it laid out (writers/typst/preamble.closing): the
    service's name, in the title and the running header, comes only after the last block. And
    the header still prints on every page, the title still reaches the PDF's metadata."""
    from pmg_docs.writers.typst import typst_source

    first_source, _root, _writer = typst_source(_with_header("SERVICIO UNO", 2))
    other_source, _root, _writer = typst_source(_with_header("OTRO SERVICIO", 2))
    assert first_source.definitions == other_source.definitions
    first, other = first_source.main, other_source.main
    head = first[:first.index("#heading(level: 1")]
    assert head == other[:other.index("#heading(level: 1")]
    assert "SERVICIO UNO" not in head
    assert first.rindex("SERVICIO UNO") > first.rindex("fila 1")

    pdf, _ = write_pdf(_with_header("SERVICIO UNO", 120))
    pages = _text(pdf, tmp_path).split("\f")[:-1]
    assert len(pages) > 1
    assert all("Formulación PMG 2024 — SERVICIO UNO" in page for page in pages)
    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert str(document.docinfo.get("/Title")) == "Formulación — SERVICIO UNO"


def test_a_table_without_cells_shows_nothing_and_the_rest_is_laid_out(tmp_path):
    """A template's loop that gives no rows leaves a table without a cell: the HTML shows
    nothing there, and so does the PDF (Typst has no table of no columns)."""
    for empty in ("<table></table>", "<table><tbody><tr></tr></tbody></table>"):
        pdf, refused = write_pdf(_html(f"<p>antes</p>{empty}<p>después</p>"))
        assert refused == []
        assert _text(pdf, tmp_path).split()[:3] == ["antes", "después", "Página"]
