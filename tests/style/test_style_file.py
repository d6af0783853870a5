"""The style file: loaded into a frozen model, overridden key by key from a templates folder,
every mistake located; the CSS, DOCX and Typst values derived from it."""

from __future__ import annotations

import io
import re
import shutil
import zipfile

import pytest
import tinycss2
from lxml import etree

from pmg_docs.diagnostics import InputError
from pmg_docs.resources import templates_dir
from pmg_docs.style import load_style
from pmg_docs.style.css import footer_content, properties, style_css
from pmg_docs.style.template_css import template_css_warnings
from pmg_docs.style.typst import typst_values
from pmg_docs.writers.docx.reference import reference_docx
from tests.support.located import assert_located, validate
from tests.support.paths import DATA, ROOT

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ADUANAS = ROOT / "examples" / "2024" / "aduanas.yaml"


def _templates(tmp_path, style: str):
    folder = tmp_path / "plantillas"
    (folder / "styles").mkdir(parents=True)
    (folder / "styles" / "estilo.yaml").write_text(style, encoding="utf-8")
    return folder


def _style_xml(data: bytes, style_id: str):
    with zipfile.ZipFile(io.BytesIO(data)) as docx:
        root = etree.fromstring(docx.read("word/styles.xml"))
    return root.find(f"{W}style[@{W}styleId='{style_id}']")


def test_the_package_style_gives_the_values_document_css_had():
    """The default style is the look pmg-docs had before the style file: the same figures in
    the PDF's stylesheet (and, test_docx_word, the same reference DOCX byte for byte)."""
    style = load_style()
    values = properties(style)
    assert values["texto-tamano"] == "9.5pt" and values["texto-interlineado"] == "12pt"
    assert values["celda-relleno"] == "1.2mm 1.456mm"
    assert values["celda-borde"] == "0.5pt solid #7F7F7F"
    css = style_css(style)
    assert '"Página " counter(page) " de " counter(pages)' in css
    assert "margin: 22mm 16mm 20mm 16mm;" in css
    # Every value document.css reads is defined, and nothing it does not read.
    rules = (templates_dir() / "styles" / "document.css").read_text(encoding="utf-8")
    used = set(re.findall(r"var\(--([a-z0-9-]+)\)", rules))
    assert used == set(values), used ^ set(values)


def test_a_user_file_overrides_only_its_keys(tmp_path):
    folder = _templates(tmp_path, 'pie:\n  texto: "{pagina} de {paginas}"\ntexto:\n  tamano: 11\n')
    default, own = load_style(), load_style(folder)
    assert own.pie.texto == "{pagina} de {paginas}" and own.texto.tamano == 11
    assert own.pie.tamano == default.pie.tamano
    assert own.texto.interlineado == default.texto.interlineado
    assert own.tablas == default.tablas
    assert footer_content(own.pie.texto) == 'counter(page) " de " counter(pages)'
    # The DOCX's Normal style takes the size (half points) and is otherwise the same.
    normal = _style_xml(reference_docx(own), "Normal")
    assert normal.find(f"{W}rPr/{W}sz").get(f"{W}val") == "22"
    assert _style_xml(reference_docx(default), "Normal").find(
        f"{W}rPr/{W}sz").get(f"{W}val") == "19"


def test_footer_text_reaches_css_as_a_string_whatever_it_holds(tmp_path):
    """Staff write the footer: quotes, backslashes and CSS syntax stay text (braces are the
    placeholders', and a lone one is an error: see below)."""
    text = 'Hoja {pagina} "de" \\ {paginas} ; /* @page'
    folder = _templates(tmp_path, f"pie:\n  texto: '{text}'\n")
    css = style_css(load_style(folder))
    rule = next(r for r in tinycss2.parse_stylesheet(css, skip_whitespace=True)
                if r.type == "at-rule" and r.lower_at_keyword == "page"
                and not tinycss2.serialize(r.prelude).strip())
    footer = next(t for t in tinycss2.parse_blocks_contents(rule.content)
                  if t.type == "at-rule" and t.lower_at_keyword == "bottom-right")
    content = next(d for d in tinycss2.parse_blocks_contents(footer.content)
                   if d.type == "declaration" and d.lower_name == "content")
    parts = [t.value if t.type == "string" else tinycss2.serialize([t])
             for t in content.value if t.type != "whitespace"]
    assert parts == ["Hoja ", "counter(page)", ' "de" \\ ', "counter(pages)", " ; /* @page"]


@pytest.mark.parametrize("style, line, place, message", [
    ('pie:\n  txeto: "x"\n', 2, "pie.txeto", "campo desconocido; ¿quiso decir `texto`?"),
    ("texto:\n  tamano: grande\n", 2, "texto.tamano", "se espera un número"),
    ("pagina:\n  margenes: {superior: 500}\n", 2, "pagina.margenes.superior",
     "se espera un valor de 100 o menos"),
    ('pie:\n  texto: "{pag} de {paginas}"\n', 2, "pie.texto",
     "«{pag}» no es un dato que se pueda poner aquí; se espera {pagina}, {paginas}"),
    ('pie:\n  texto: "{pagina} de {paginas} }"\n', 2, "pie.texto", "tiene una llave sin cerrar"),
    ("encabezado:\n  logo: {archivo: escudo.png}\n", 2, "encabezado.logo.ancho",
     "falta este campo obligatorio"),
    ("encabezado:\n  logo: {archivo: nada.png, ancho: 20}\n", 2, "encabezado.logo.archivo",
     "no existe la imagen «nada.png» en la carpeta de plantillas"),
    ('tablas:\n  borde: {color: "rojo"}\n', 2, "tablas.borde.color", "rojo"),
    ("titulos:\n  nivel4: {tamano: 100}\n", 2, "titulos.nivel4.tamano",
     "se espera un valor de 72 o menos"),
    ("indice:\n  sangria: {nivel5: 20}\n", 2, "indice.sangria.nivel5", "campo desconocido"),
    ("notas:\n  llamada: grande\n", 2, "notas.llamada", "se espera un número"),
    ("leyenda:\n  antes: -1\n", 2, "leyenda.antes", "se espera un valor de 0 o más"),
    # The caption's spacing moved from carta: to leyenda:, where it holds for prose too.
    ("carta:\n  titulo_cuadro: {antes: 5}\n", 2, "carta.titulo_cuadro", "campo desconocido"),
])
def test_a_mistake_in_a_user_style_file_is_located_there(tmp_path, style, line, place,
                                                         message):
    folder = _templates(tmp_path, style)
    with pytest.raises(InputError) as raised:
        load_style(folder)
    found = raised.value.diagnostics[0]
    assert (found.file.endswith("estilo.yaml"), found.line) == (True, line), found
    result = validate(ADUANAS, "--templates", str(folder))
    assert_located(result, "estilo.yaml", line, place, message)


PROSE_STYLE = """\
titulos:
  nivel4: {tamano: 9, interlineado: 11, antes: 4, despues: 1}
indice:
  sangria: {nivel2: 7}
notas: {tamano: 7.5, antes: 8}
leyenda: {tamano: 12}
"""


def test_prose_values_reach_css_docx_and_typst(tmp_path):
    """Section headings 3 and 4, the index's indents, the footnotes and a table's title are
    style values like any other: a user's file changes the PDF's custom properties, the Word
    styles of a prose document's DOCX (Heading 4, TOC 2, footnote text, Título de cuadro)
    and the Typst values alike; keys it does not name keep the package's values."""
    own = load_style(_templates(tmp_path, PROSE_STYLE))
    values = properties(own)
    assert (values["titulo4-tamano"], values["titulo4-interlineado"]) == ("9pt", "11pt")
    assert (values["titulo4-antes"], values["titulo4-despues"]) == ("4mm", "1mm")
    assert values["titulo3-tamano"] == "10pt"
    assert [values[f"indice-sangria{n}"] for n in (1, 2, 3, 4)] == ["0", "7mm", "10mm", "15mm"]
    assert (values["notas-tamano"], values["notas-interlineado"]) == ("7.5pt", "10pt")
    assert (values["notas-antes"], values["nota-llamada"]) == ("8mm", "7pt")
    assert (values["leyenda-tamano"], values["leyenda-interlineado"]) == ("12pt", "13.5pt")

    docx = reference_docx(own, prose=True)
    heading = _style_xml(docx, "Heading4")
    assert heading.find(f"{W}rPr/{W}sz").get(f"{W}val") == "18"
    spacing = heading.find(f"{W}pPr/{W}spacing")
    assert [spacing.get(f"{W}{key}") for key in ("before", "after", "line")] == \
        ["227", "57", "220"]
    assert heading.find(f"{W}pPr/{W}outlineLvl").get(f"{W}val") == "3"
    assert _style_xml(docx, "TOC2").find(f"{W}pPr/{W}ind").get(f"{W}left") == "397"
    assert _style_xml(docx, "TOC3").find(f"{W}pPr/{W}ind").get(f"{W}left") == "567"
    notes = _style_xml(docx, "FootnoteText")
    assert notes.find(f"{W}rPr/{W}sz").get(f"{W}val") == "15"
    assert notes.find(f"{W}pPr/{W}spacing").get(f"{W}before") == "454"
    assert _style_xml(docx, "Ttulodecuadro").find(f"{W}rPr/{W}sz").get(f"{W}val") == "24"
    # Only a prose document's DOCX carries the prose styles: every other keeps its own.
    assert _style_xml(reference_docx(own), "Heading4") is None
    assert _style_xml(reference_docx(own), "Ttulodecuadro") is not None

    typst = typst_values(own)
    assert typst["section_headings"][4] == {"size_pt": 9, "leading_pt": 11, "before_mm": 4,
                                            "after_mm": 1}
    assert typst["toc_indents_mm"] == (0, 7, 10, 15)
    assert (typst["footnote_size_pt"], typst["footnotes_before_mm"]) == (7.5, 8)
    assert (typst["footnote_call_size_pt"], typst["caption_size_pt"]) == (7, 12)


def test_typst_values_carry_the_style_in_named_units(tmp_path):
    shutil.copy(DATA / "images" / "escudo.png", tmp_path / "escudo.png")
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "estilo.yaml").write_text(
        'encabezado: {logo: {archivo: escudo.png, ancho: 12}}\npie: {texto: "{pagina}/{paginas}"}\n',
        encoding="utf-8")
    values = typst_values(load_style(tmp_path), tmp_path)
    assert (values["page_width_mm"], values["page_height_mm"]) == (210, 297)
    assert values["margin_top_mm"] == 22 and values["font"] == "Arimo"
    assert (values["body_size_pt"], values["body_leading_pt"]) == (9.5, 12)
    assert values["headings"][1]["size_pt"] == 13
    assert values["table_stroke_colour"] == "#7F7F7F" and values["header_fill"] == "#D9E2F3"
    assert values["footer_parts"] == ("{pagina}", "/", "{paginas}")
    assert values["header_parts"] == ("{titulo}",)
    assert values["logo_path"] == (tmp_path / "escudo.png").resolve()
    assert values["logo_width_mm"] == 12
    assert typst_values(load_style())["logo_path"] is None


def test_validate_warns_of_template_css_the_typst_engine_ignores(tmp_path):
    folder = tmp_path / "plantillas"
    folder.mkdir()
    (folder / "formulacion-2024.html.j2").write_text(
        (templates_dir() / "formulacion-2024.html.j2").read_text(encoding="utf-8").replace(
            "<h1>{{ spec.title }}</h1>", '<h1 style="color: red">{{ spec.title }}</h1>'),
        encoding="utf-8")
    (folder / "otra.html.j2").write_text(
        '{% extends "base.html.j2" %}\n{% block content %}\n<style>p { color: red }</style>\n'
        '<link rel="stylesheet" href="{{ asset(\'mio.css\') }}">{% endblock %}\n',
        encoding="utf-8")
    result = validate(ADUANAS, "--templates", str(folder))
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "motor Typst no lee" in line]
    assert len(lines) == 3, result.output
    assert any('formulacion-2024.html.j2:7: aviso: el atributo style="color: red"' in line
               for line in lines)
    assert any("otra.html.j2:3: aviso: un elemento <style>" in line for line in lines)
    assert any("otra.html.j2:4: aviso: la hoja de estilo" in line for line in lines)
    assert all("WeasyPrint" in line and "estilo.yaml" in line for line in lines)


def test_validate_warns_of_a_head_without_the_style_sheet(tmp_path):
    """A user's own base.html.j2 that writes the <head> without `{{ style_sheet }}` would give
    PDFs without any look value: said at the <head>'s line. The package's base links it, and a
    copy of it draws no warning."""
    folder = tmp_path / "plantillas"
    folder.mkdir()
    base = (templates_dir() / "base.html.j2").read_text(encoding="utf-8")
    (folder / "base.html.j2").write_text(base, encoding="utf-8")
    result = validate(ADUANAS, "--templates", str(folder))
    assert result.exit_code == 0 and "no enlaza los valores del estilo" not in result.output, \
        result.output
    (folder / "base.html.j2").write_text(
        base.replace('<link rel="stylesheet" href="{{ style_sheet }}">\n', ""), encoding="utf-8")
    result = validate(ADUANAS, "--templates", str(folder))
    assert result.exit_code == 0, result.output
    head = base.splitlines().index("<head>") + 1
    lines = [line for line in result.output.splitlines() if "no enlaza" in line]
    assert len(lines) == 1, result.output
    assert f"base.html.j2:{head}: aviso: esta plantilla escribe el <head> del documento y no " \
        "enlaza los valores del estilo" in lines[0]
    assert '<link rel="stylesheet" href="{{ style_sheet }}">' in lines[0]


def test_the_package_templates_carry_no_css_of_their_own():
    """Column and image widths are the HTML subset's; the two stylesheets are the derived
    ones: our own templates draw no warning (only document.css, which is ours, would)."""
    found = template_css_warnings(templates_dir())
    assert [d.file.replace("\\", "/").endswith("styles/document.css") for d in found] == [True]


def test_a_horizontal_style_turns_every_page(tmp_path):
    from docx import Document

    from pmg_docs.writers.docx import write_docx

    style = load_style(_templates(tmp_path, "pagina:\n  orientacion: horizontal\n"))
    assert "size: A4 landscape;" in style_css(style)
    html = "<html><head><title>t</title></head><body><p>texto</p></body></html>"
    section = Document(io.BytesIO(write_docx(html, (), style))).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    portrait = Document(io.BytesIO(write_docx(html))).sections[0]
    assert (round(portrait.page_width.mm), round(portrait.page_height.mm)) == (210, 297)
