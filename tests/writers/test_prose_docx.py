"""The DOCX writer's part of prose documents (writers/docx/toc.py, blocks.py): section headings
h1 to h4 as Word headings with their outline levels, a table of contents as a TOC field whose
result holds the entries and the pages given, a footnote's number in superscript."""

from __future__ import annotations

import io

import docx

from pmg_docs.writers.docx import write_docx

HTML = """<!DOCTYPE html><html><head><title>t</title></head><body>
<h1>Título del documento</h1>
<nav class="toc"><ul>
<li class="toc-1"><a href="#titulo-1">I. ANTECEDENTES</a></li>
<li class="toc-2"><a href="#titulo-2">1.1 Origen</a></li>
<li class="toc-1"><a href="#sin-pagina">II. OTRO</a></li>
</ul></nav>
<div class="prose">
<h1 id="titulo-1">I. ANTECEDENTES</h1>
<h2 id="titulo-2">1.1 Origen</h2>
<h3>1.1.1 Tercer nivel</h3>
<h4>Cuarto nivel</h4>
<p>Texto<sup><a href="#nota-1">1</a></sup>.</p>
<div class="footnotes"><ol><li id="nota-1"><p>La nota.</p></li></ol></div>
</div>
</body></html>"""


def _document():
    return docx.Document(io.BytesIO(write_docx(HTML, pages={"titulo-1": 3, "titulo-2": 4})))


def test_section_headings_are_word_headings_with_outline_levels():
    document = _document()
    styled = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith(
        ("Heading", "Title"))]
    assert styled == [("Title", "Título del documento"), ("Heading 1", "I. ANTECEDENTES"),
                      ("Heading 2", "1.1 Origen"), ("Heading 3", "1.1.1 Tercer nivel"),
                      ("Heading 4", "Cuarto nivel")]
    for level in (3, 4):
        ppr = document.styles[f"Heading {level}"].element.pPr
        outline = ppr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
                           "outlineLvl")
        assert outline is not None and outline.get(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val") == str(level - 1)


def test_the_table_of_contents_is_a_field_with_its_entries_and_pages():
    document = _document()
    entries = [p for p in document.paragraphs if p.style.name.startswith("toc ")]
    assert [(p.style.name, p.text) for p in entries] == [
        ("toc 1", "I. ANTECEDENTES\t3"), ("toc 2", "1.1 Origen\t4"), ("toc 1", "II. OTRO\t")]
    xml = "".join(p._p.xml for p in entries)
    assert xml.count('w:fldCharType="begin"') == 1 and xml.count('w:fldCharType="end"') == 1
    assert 'TOC \\o "1-2" \\h \\z \\u' in xml


def test_a_footnotes_number_is_superscript():
    paragraph = next(p for p in _document().paragraphs if p.text == "Texto1.")
    assert [(r.text, bool(r.font.superscript)) for r in paragraph.runs] == [
        ("Texto", False), ("1", True), (".", False)]


def test_the_notes_and_the_index_take_the_style_files_word_styles():
    """The notes are Footnote Text (8 pt, 6 mm above them: `notas`), the index's levels TOC 1
    and 2 indented as `indice` says: the same values as the PDF's stylesheet."""
    document = _document()
    note = next(p for p in document.paragraphs if p.text == "La nota.")
    assert note.style.name == "footnote text"
    assert (note.style.font.size.pt, round(note.style.paragraph_format.space_before.mm)) == \
        (8, 6)
    indents = {level: document.styles[f"toc {level}"].paragraph_format.left_indent
               for level in (1, 2)}
    assert (indents[1] or 0, round(indents[2].mm)) == (0, 5)


def test_a_document_without_prose_carries_no_prose_styles():
    plain = docx.Document(io.BytesIO(write_docx(
        "<html><head><title>t</title></head><body><h1>Título</h1><p>x</p></body></html>")))
    names = {style.name for style in plain.styles}
    assert "Heading 2" in names
    assert not names & {"Heading 3", "Heading 4", "toc 1", "footnote text"}
