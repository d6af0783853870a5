"""The Typst writer's part of prose documents, read back from real PDFs: section headings h1 to
h4 tagged H1 to H4, a table of contents that prints the page each heading starts on, footnote
numbers and notes, a table's title; `anchor_pages` gives the DOCX's table of contents the same
pages without WeasyPrint; an id is never Typst code."""

from __future__ import annotations

import html as html_text
import io
import subprocess

import docx
import pikepdf

from pmg_docs.render.pipeline import produce
from pmg_docs.writers.typst import anchor_pages, write_pdf

# An id holding what Typst would read as code or as the end of a label, were it written raw.
ODD_ID = 'x"> #eval("1") <y'
FILLER = "<p>Texto de relleno que ocupa una línea entera del cuerpo del documento.</p>" * 50


def _html(ids=("titulo-1", "titulo-2")) -> str:
    first, second = (html_text.escape(i, quote=True) for i in ids)
    return f"""<!DOCTYPE html><html><head><title>Prueba</title></head><body>
<h1>ÍNDICE</h1>
<nav class="toc"><ul>
<li class="toc-1"><a href="#{first}">I. ANTECEDENTES</a></li>
<li class="toc-2"><a href="#{second}">1.1 Origen</a></li>
<li class="toc-1"><a href="#no-existe">II. SIN DESTINO</a></li>
</ul></nav>
<div class="page-break"></div>
<div class="prose">
<h1 id="{first}">I. ANTECEDENTES</h1>
<p>Texto con nota<sup><a href="#nota-1">1</a></sup>.</p>
{FILLER}
<h2 id="{second}">1.1 Origen</h2>
<h3>1.1.1 Tercer nivel</h3>
<h4>Cuarto nivel</h4>
<p class="caption"><strong>Cuadro 1: Un cuadro</strong></p>
<table><thead><tr><th>A</th><th class="number">B</th></tr></thead>
<tbody><tr><td class="center">x</td><td class="number">12,5</td></tr></tbody></table>
<div class="footnotes"><ol><li id="nota-1"><p>La nota.</p></li></ol></div>
</div>
</body></html>"""


def _pages(pdf: bytes, tmp_path) -> list[str]:
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")


def _roles(pdf: bytes) -> list[str]:
    found = []

    def walk(element):
        kids = element.get("/K")
        kids = [kids] if isinstance(kids, pikepdf.Dictionary) else (kids or [])
        for kid in kids:
            if isinstance(kid, pikepdf.Dictionary):
                found.append(str(kid.get("/S")))
                walk(kid)

    with pikepdf.open(io.BytesIO(pdf)) as document:
        walk(document.Root.StructTreeRoot)
    return found


def test_headings_toc_and_notes(tmp_path):
    pdf, refused = write_pdf(_html())
    assert refused == []
    pages = _pages(pdf, tmp_path)
    toc = [" ".join(line.split()) for line in pages[0].splitlines() if "...." in line]
    # The headings start on pages 2 and 3 (50 lines of filler between them); the entry whose
    # target does not exist has no page.
    assert [line.replace(".", "").strip()[-1] for line in toc] == ["2", "3"]
    assert "II SIN DESTINO" in pages[0].replace(".", "")
    assert "1.1 Origen" in pages[2] and "Cuarto nivel" in pages[2] and "La nota." in pages[2]
    roles = _roles(pdf)
    assert [r for r in roles if r in ("/H1", "/H2", "/H3", "/H4")] == [
        "/H1", "/H1", "/H2", "/H3", "/H4"]
    assert "/Link" in roles


def test_anchor_pages_are_the_pdf_pages():
    assert anchor_pages(_html()) == {"titulo-1": 2, "titulo-2": 3, "nota-1": 3}


def test_an_id_is_never_code(tmp_path):
    """Quotes, `#`, `<` and `>` in an id: the document compiles, the entry points to the page."""
    html = _html((ODD_ID, "otro"))
    pdf, _ = write_pdf(html)
    assert anchor_pages(html)[ODD_ID] == 2
    assert "#eval" not in "".join(_pages(pdf, tmp_path))


def test_the_docx_table_of_contents_takes_the_typst_pages():
    data, notes = produce(_html(), "docx", False, "prueba.md", pdf_engine="typst")
    assert notes == []
    entries = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs
               if p.style.name.startswith("toc ")]
    assert entries == ["I. ANTECEDENTES\t2", "1.1 Origen\t3", "II. SIN DESTINO\t"]


def _sizes(pdf: bytes) -> set[float]:
    with pikepdf.open(io.BytesIO(pdf)) as document:
        return {round(float(operands[1]), 1) for page in document.pages
                for operands, operator in pikepdf.parse_content_stream(page)
                if str(operator) == "Tf"}


def test_a_users_style_file_changes_the_prose_look(tmp_path):
    """The notes' size and a section heading's size come from the style file in force."""
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "estilo.yaml").write_text(
        "notas: {tamano: 12.5, interlineado: 15}\n"
        "titulos: {nivel1: {tamano: 14.5, interlineado: 17, antes: 6, despues: 2}}\n",
        encoding="utf-8")
    own, package = _sizes(write_pdf(_html(), [tmp_path])[0]), _sizes(write_pdf(_html())[0])
    assert {12.5, 14.5} <= own
    assert not {12.5, 14.5} & package
