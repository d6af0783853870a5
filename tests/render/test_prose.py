"""Prose documents (issue 24): the 2024 decree, documento técnico and whole marco's requirements
guide from examples/2024/marco and catalogs/pmg-2024; fields declared by the catalog; insertions
as templates; headings, tables, footnotes and a table of contents with page numbers in both
formats; every mistake located (by `pmg validate` as by `pmg render`)."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner

from pmg_docs.cli import main
from pmg_docs.load import load_document
from pmg_docs.load.catalogs import CatalogRegistry
from pmg_docs.render.pipeline import RenderOptions, lay_out
from pmg_docs.writers.subset import TAGS as ALLOWED
from tests.support.doc_text import pdf_pages_text
from tests.support.located import assert_located, validate
from tests.support.paths import ROOT

MARCO = ROOT / "examples" / "2024" / "marco"
DECREE = MARCO / "decreto-programa-marco.md"
TECHNICAL = MARCO / "documento-tecnico.md"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _html(path: Path, templates: Path | None = None) -> str:
    document = load_document(path, CatalogRegistry())
    return lay_out(document, RenderOptions(templates=templates))[0]


def _variant(tmp_path: Path, source: Path, old: str, new: str) -> Path:
    text = source.read_text(encoding="utf-8")
    assert old in text
    target = tmp_path / source.name
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def _line(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if needle in line)


# --- what the documents hold -------------------------------------------------------------------

def test_the_decree_prints_its_fields_articles_and_the_catalogs_tables():
    html = _html(DECREE)
    root = lxml.html.document_fromstring(html)
    assert {e.tag for e in root.iter() if isinstance(e.tag, str)} <= ALLOWED
    text = re.sub(r"\s+", " ", root.text_content())
    for expected in ("DECRETO N° 285", "SANTIAGO, 29 de septiembre de 2023", "VISTOS:",
                     "CONSIDERANDO:", "DECRETO:", "Artículo 1°.- Apruébase el Programa Marco",
                     "Artículo 2°.- Indicadores transversales", "Artículo 4°.- Formulación",
                     "ANÓTESE, TÓMESE RAZÓN, COMUNÍQUESE Y PUBLÍQUESE", "MARIO MARCEL CULLELL",
                     "Oficina de Partes",
                     # From the catalog, through the insertions:
                     "Gestión Eficaz", "Concentración del Gasto Subtítulos 22 + 29",
                     "Calidad de Servicio y Experiencia Usuaría", "Etapa IV",
                     "Diseñar y formalizar un marco de gobernabilidad"):
        assert expected in text, expected
    # VISTOS, CONSIDERANDO and DECRETO are not numbered.
    assert "1. VISTOS" not in text and "I. VISTOS" not in text


def test_the_technical_document_numbers_its_sections_and_lists_them():
    root = lxml.html.document_fromstring(_html(TECHNICAL))
    headings = [re.sub(r"\s+", " ", h.text_content()).strip() for h in root.xpath(
        "//div[@class='prose']/*[self::h1 or self::h2]")]
    assert headings[:5] == ["I. ANTECEDENTES", "II. OBJETIVOS DE GESTIÓN",
                            "III. INDICADORES TRANSVERSALES", "3.1 Definición", "3.2 Metas"]
    toc = [re.sub(r"\s+", " ", a.text_content()).strip() for a in root.xpath("//nav//a")]
    assert toc == headings
    # A bold line right above a table (written or inserted) is its title, kept with it.
    assert [p.text_content() for p in root.xpath("//p[@class='caption']")][:2] == [
        "Cuadro 1: Objetivos de gestión del Programa Marco 2024",
        "Cuadro 2: Indicadores transversales y fórmulas de cálculo"]
    assert root.xpath("//p[@class='caption']")[1].getnext().tag == "table"
    # The footnote's number is linked to its note, at the end of the text.
    assert root.xpath("//sup/a[@href='#nota-1']/text()") == ["1"]
    # «N° 19.553» is never split at a line end: a no-break space (richtext/prose.py).
    assert "Ley N°\u00a019.553, que concede" in root.xpath("//div[@class='footnotes']//li[@id='nota-1']")[0].text_content()
    # The authored pipe table: a header row, its right-aligned columns as `number` cells.
    table = root.xpath("//table[thead/tr/th[text()='Numerador']]")[0]
    assert table.xpath("tbody/tr[2]/td[@class='number']/text()") == [
        "12.608.049", "11.975.373", "105,28"]
    # [[requisitos:SISTEMA]] prints a note merged requirements share once, across their rows,
    # as the guide does.
    shared = root.xpath("//td[starts-with(normalize-space(), 'Se combinan')]")
    assert [cell.get("rowspan") for cell in shared] == ["2"]


GUIDE = MARCO / "requisitos-tecnicos.md"


def _chapters(root) -> list[str]:
    return [re.sub(r"\s+", " ", h.text_content()).strip()
            for h in root.xpath("//div[@class='prose']/h1")]


def test_the_whole_marcos_guide_has_a_chapter_for_every_system_after_its_text():
    root = lxml.html.document_fromstring(_html(GUIDE))
    assert {e.tag for e in root.iter() if isinstance(e.tag, str)} <= ALLOWED
    assert _chapters(root) == ["1. PRESENTACIÓN", "2. ESTRUCTURA DE LA GUÍA",
                               "3. Sistema Estado Verde",
                               "4. Sistema Calidad de Servicio y Experiencia Usuaría"]
    # One index of the text's sections and the systems' chapters and stages, each entry
    # pointing to its heading.
    entries = root.xpath("//nav//a")
    assert [re.sub(r"\s+", " ", a.text_content()).strip() for a in entries][7:9] == [
        "3.3 Etapa 3", "3.4 Etapa 4"]
    for entry in entries:
        assert len(root.xpath(f"//*[@id='{entry.get('href')[1:]}']")) == 1
    # A note that merged requirements share is printed once, across their rows.
    shared = root.xpath("//td[@rowspan='2'][starts-with(normalize-space(), 'Se combinan')]")
    assert len(shared) == 1
    assert shared[0].getparent().xpath("td[1]/text()") == ["E1-02-RT4"]


def test_a_system_the_catalog_adds_is_a_chapter_of_the_guide(tmp_path):
    """No code knows the guide's systems: a catalog with one more system has one more
    chapter, in its place, with its entries in the index."""
    catalogs = tmp_path / "catalogos"
    catalogs.mkdir()
    text = (ROOT / "catalogs" / "pmg-2024.yaml").read_text(encoding="utf-8")
    assert text.count("\nid: pmg-2024\n") == 1 and text.count("\nsystems:\n") == 1
    (catalogs / "pmg-prueba.yaml").write_text(text.replace(
        "\nid: pmg-2024\n", "\nid: pmg-prueba\n").replace("\nsystems:\n", """
systems:
  - id: gobierno-digital
    name: Gobierno Digital
    objective: eficiencia-institucional
    stages:
      - number: 1
        objectives:
          - number: 1
            text: Diagnosticar los trámites del Servicio.
"""), encoding="utf-8")
    source = _variant(tmp_path, GUIDE, "catalog: pmg-2024", "catalog: pmg-prueba")
    document = load_document(source, CatalogRegistry([catalogs]))
    root = lxml.html.document_fromstring(lay_out(document, RenderOptions())[0])
    assert _chapters(root)[2:] == ["3. Sistema Gobierno Digital", "4. Sistema Estado Verde",
                                   "5. Sistema Calidad de Servicio y Experiencia Usuaría"]
    assert "3.1 Etapa 1" in [a.text_content().strip() for a in root.xpath("//nav//a")]
    chapter = root.xpath("//h1[@id='sistema-gobierno-digital']/following-sibling::*")
    assert "El catálogo no contiene requisitos técnicos de esta etapa." in [
        e.text_content() for e in chapter[:8]]


# --- declared fields ---------------------------------------------------------------------------

def test_a_missing_declared_field_is_located_and_says_what_to_write(tmp_path):
    source = _variant(tmp_path, DECREE, "numero: 285\n", "")
    assert_located(validate(source), source.name, 1, None,
                   "falta `numero:` (Número del decreto), que el catálogo pide en este "
                   "documento; se espera un número entero sin comillas, por ejemplo `numero: 12`")


def test_a_declared_field_of_the_wrong_type_is_located(tmp_path):
    source = _variant(tmp_path, DECREE, "fecha: 2023-09-29", "fecha: 29 de septiembre")
    assert_located(validate(source), source.name, _line(source, "fecha:"), None,
                   "Fecha del decreto: se encontró «29 de septiembre»; se espera una fecha "
                   "escrita AAAA-MM-DD")


def test_an_undeclared_field_stays_unknown_with_a_suggestion(tmp_path):
    source = _variant(tmp_path, DECREE, "lugar: SANTIAGO", "lugar: SANTIAGO\nmateriaa: x")
    result = validate(source)
    assert_located(result, source.name, _line(source, "materiaa:"), None, "campo desconocido")


def test_a_document_the_catalog_does_not_offer_is_located(tmp_path):
    source = _variant(tmp_path, DECREE, "document: decreto", "document: decretoo")
    assert_located(validate(source), source.name, _line(source, "document:"), None,
                   "«decretoo» no es un documento de tipo prose del catálogo pmg-2024; ¿quiso "
                   "decir «decreto»?")


def test_every_kind_takes_the_fields_its_catalog_declares(tmp_path):
    # One mechanism: a formulation's cover line, declared by (a copy of) its catalog.
    catalogs = tmp_path / "catalogos"
    catalogs.mkdir()
    catalog = (ROOT / "catalogs" / "pmg-2024.yaml").read_text(encoding="utf-8")
    catalog = catalog.replace("id: pmg-2024", "id: pmg-2024-portada", 1).replace(
        "    running_title: Formulación PMG 2024\n",
        "    running_title: Formulación PMG 2024\n    fields:\n"
        "      - {name: division, type: text, required: true, label: División}\n", 1)
    (catalogs / "pmg-2024-portada.yaml").write_text(catalog, encoding="utf-8")
    formulation = (ROOT / "examples" / "2024" / "aduanas.yaml").read_text(encoding="utf-8")
    formulation = formulation.replace("catalog: pmg-2024", "catalog: pmg-2024-portada", 1)
    source = tmp_path / "aduanas.yaml"
    source.write_text(formulation, encoding="utf-8")
    missing = validate(source, "--catalogs", str(catalogs))
    assert_located(missing, "aduanas.yaml", 1, None, "falta `division:` (División)")
    source.write_text(formulation.replace("catalog: pmg-2024-portada",
                                          "catalog: pmg-2024-portada\ndivision: 42", 1),
                      encoding="utf-8")
    assert_located(validate(source, "--catalogs", str(catalogs)), "aduanas.yaml",
                   _line(source, "division:"), None,
                   "División: se encontró «42»; se espera un texto en una línea")
    source.write_text(formulation.replace(
        "catalog: pmg-2024-portada", "catalog: pmg-2024-portada\ndivision: División de Control",
        1), encoding="utf-8")
    document = load_document(source, CatalogRegistry([catalogs]))
    assert document.fields == {"division": "División de Control"}


# --- insertions --------------------------------------------------------------------------------

def _render(source: Path, out: Path, *options: str):
    return CliRunner().invoke(main, ["render", str(source), "-o", str(out), "--format", "docx",
                                     *options])


def test_an_unknown_insertion_is_located_and_lists_the_known_ones(tmp_path):
    source = _variant(tmp_path, DECREE, "[[indicadores]]", "[[indicadore]]")
    result = _render(source, tmp_path / "out")
    assert result.exit_code == 1, result.output
    line = _line(source, "[[indicadore]]")
    assert (f"{source.name}:{line}: texto: [[indicadore]]: «indicadore» no es una inserción; "
            "¿quiso decir «indicadores»? Se espera uno de: indicadores, instituciones, "
            "objetivos, objetivos-etapa, requisitos, sistemas") in result.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


@pytest.mark.parametrize(("written", "message"), [
    ("[[objetivos-etapa:estado-verdes]]", "«estado-verdes» no es un id de `systems` del catálogo "
     "pmg-2024; ¿quiso decir «estado-verde»?"),
    ("[[objetivos-etapa]]", "la inserción «objetivos-etapa» necesita un argumento; se espera "
     "[[objetivos-etapa:ID]], con ID uno de: estado-verde"),
    ("[[objetivos:x]]", "la inserción «objetivos» no recibe argumento; se espera [[objetivos]]"),
])
def test_a_wrong_argument_is_located(tmp_path, written, message):
    source = _variant(tmp_path, DECREE, "[[objetivos-etapa:estado-verde]]", written)
    result = _render(source, tmp_path / "out")
    assert result.exit_code == 1
    assert f"{source.name}:{_line(source, written)}: texto: " in result.stderr
    assert message in result.stderr, result.stderr


def test_a_malformed_insertion_is_located_by_validate(tmp_path):
    source = _variant(tmp_path, DECREE, "[[indicadores]]", "[[Indicadores Transversales]]")
    assert_located(validate(source), source.name, _line(source, "[[Indicadores"), "texto",
                   "se encontró [[Indicadores Transversales]]; se espera una inserción escrita "
                   "[[NOMBRE]] o [[NOMBRE:argumento]]")


def test_a_users_insertion_is_data_and_its_argument_never_code(tmp_path):
    templates = tmp_path / "plantillas"
    (templates / "insertions").mkdir(parents=True)
    (templates / "insertions" / "mision.html.j2").write_text(
        "{#- pmg: insertion/objectives -#}\n"
        "Misión para {{ argument }}: "
        "{{ (catalog.objectives | selectattr('id', 'equalto', argument) | first).name }}\n",
        encoding="utf-8")
    source = _variant(tmp_path, DECREE, "[[indicadores]]", "[[mision:gestion-eficaz]] y "
                      "{{ catalog.id }} [[mision:{{x}}]]")
    result = _render(source, tmp_path / "out", "--templates", str(templates))
    assert result.exit_code == 1
    assert "[[mision:{{x}}]]: «{{x}}» no es un id de `objectives`" in result.stderr
    source = _variant(tmp_path, DECREE, "[[indicadores]]", "[[mision:gestion-eficaz]] y "
                      "{{ catalog.id }}")
    html = _html(source, templates)
    # Inside a sentence an insertion is text; the sentence's own braces print as typed.
    assert "<p>Misión para gestion-eficaz: Gestión Eficaz y {{ catalog.id }}</p>" in html


# `pmg validate` checks each insertion as render does, with the templates folder it is given.
KNOWN_INSERTIONS = ("indicadores, instituciones, objetivos, objetivos-etapa, requisitos, "
                    "sistemas")


def test_validate_says_of_an_unknown_insertion_what_render_says(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    source = _variant(tmp_path, DECREE, "[[indicadores]]", "[[indicadore]]")
    expected = (f"{source.name}:{_line(source, '[[indicadore]]')}: texto: [[indicadore]]: "
                "«indicadore» no es una inserción; ¿quiso decir «indicadores»? Se espera uno "
                f"de: {KNOWN_INSERTIONS} (plantillas de la carpeta `insertions/`)")
    checked = validate(source)
    assert checked.exit_code == 1
    assert checked.stdout.splitlines()[0] == expected
    rendered = _render(source, tmp_path / "out")
    assert rendered.exit_code == 1
    assert rendered.stderr.splitlines()[0] == expected


def test_validate_checks_the_insertions_of_every_source_of_a_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "marco"
    folder.mkdir()
    decree = folder / DECREE.name
    decree.write_text(DECREE.read_text(encoding="utf-8").replace(
        "[[objetivos-etapa:estado-verde]]", "[[objetivos-etapa:estado-verdes]]"),
        encoding="utf-8")
    technical = folder / TECHNICAL.name
    technical.write_text(TECHNICAL.read_text(encoding="utf-8").replace(
        "[[indicadores]]", "[[indicadores:estado-verde]]").replace(
        "[[sistemas]]", "[[sistema]]"), encoding="utf-8")
    result = validate(folder)
    assert result.exit_code == 1
    assert [line for line in result.stdout.splitlines() if "[[" in line] == [
        f"marco/{DECREE.name}:{_line(decree, 'estado-verdes')}: texto: "
        "[[objetivos-etapa:estado-verdes]]: «estado-verdes» no es un id de `systems` del "
        "catálogo pmg-2024; ¿quiso decir «estado-verde»? Se espera uno de: estado-verde, "
        "calidad-de-servicio-y-experiencia-usuaria",
        f"marco/{TECHNICAL.name}:{_line(technical, '[[indicadores:')}: texto: "
        "[[indicadores:estado-verde]]: la inserción «indicadores» no recibe argumento; se "
        "espera [[indicadores]]",
        f"marco/{TECHNICAL.name}:{_line(technical, '[[sistema]]')}: texto: [[sistema]]: "
        "«sistema» no es una inserción; ¿quiso decir «sistemas»? Se espera uno de: "
        f"{KNOWN_INSERTIONS} (plantillas de la carpeta `insertions/`)"]


def test_validate_bounds_the_insertions_it_checks(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    source = _variant(tmp_path, DECREE, "[[indicadores]]",
                      " ".join(f"[[otra-{n}]]" for n in range(501)))
    result = validate(source)
    assert result.exit_code == 1
    # The decree's own three and 501 others; none of them is checked.
    assert [line for line in result.stdout.splitlines() if "inserci" in line] == [
        f"{source.name}:{_line(source, '# VISTOS:')}: texto: el texto nombra 504 inserciones "
        "distintas; se espera a lo sumo 500"]


def test_validate_knows_the_insertions_of_the_users_templates_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    templates = tmp_path / "plantillas"
    (templates / "insertions").mkdir(parents=True)
    (templates / "insertions" / "mision.html.j2").write_text(
        "{#- pmg: insertion/objectives -#}\n{{ argument }}\n", encoding="utf-8")
    source = _variant(tmp_path, DECREE, "[[indicadores]]", "[[mision:gestion-eficaz]]")
    line = _line(source, "[[mision:")
    # Without the folder, the insertion is not there; with it, it is.
    alone = validate(source)
    assert alone.exit_code == 1
    assert alone.stdout.splitlines()[0] == (
        f"{source.name}:{line}: texto: [[mision:gestion-eficaz]]: «mision» no es una "
        f"inserción; se espera uno de: {KNOWN_INSERTIONS} (plantillas de la carpeta "
        "`insertions/`)")
    assert validate(source, "--templates", str(templates)).exit_code == 0
    # Its argument is an id of the list its first line declares.
    source = _variant(tmp_path, DECREE, "[[indicadores]]", "[[mision:gestion-eficas]]")
    wrong = validate(source, "--templates", str(templates))
    assert wrong.exit_code == 1
    assert wrong.stdout.splitlines()[0] == (
        f"{source.name}:{line}: texto: [[mision:gestion-eficas]]: «gestion-eficas» no es un id "
        "de `objectives` del catálogo pmg-2024; ¿quiso decir «gestion-eficaz»? Se espera uno "
        "de: gestion-eficaz, eficiencia-institucional, calidad-de-servicio")
    # pmg.toml's `templates` is the folder of every command run in its project.
    (tmp_path / "pmg.toml").write_text('templates = "plantillas"\n', encoding="utf-8")
    source = _variant(tmp_path, DECREE, "[[indicadores]]", "[[mision:gestion-eficaz]]")
    assert validate(source).exit_code == 0


# --- both formats ------------------------------------------------------------------------------

@pytest.mark.slow
def test_the_index_has_the_pdf_pages_in_both_formats(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["render", str(TECHNICAL), "-o", str(out)])
    assert result.exit_code == 0, result.output
    pdf = pdf_pages_text(out / "documento-tecnico.pdf")
    pages = dict(re.findall(r"^\s*(I\. ANTECEDENTES|V\. EVALUACIÓN)[ .]+(\d+)\s*$", pdf, re.M))
    assert pages["I. ANTECEDENTES"] == "3"
    # The page the PDF's index gives for the last section is the page it is on.
    last = int(pages["V. EVALUACIÓN"])
    on_page = pdf.split("\f")[last - 1]
    assert "V. EVALUACIÓN" in on_page and "Página " in on_page
    with zipfile.ZipFile(out / "documento-tecnico.docx") as docx:
        body = docx.read("word/document.xml").decode()
    # A Word TOC field, whose result holds every entry with its page from the PDF.
    assert 'TOC \\o "1-2"' in body and 'w:fldCharType="separate"' in body
    assert "I. ANTECEDENTES</w:t>" in body and f"<w:t>{last}</w:t>" in body
    # The sections are Word headings (the field finds them when updated), the note's number
    # is superscript.
    assert '<w:pStyle w:val="Heading1"/>' in body and "<w:vertAlign w:val=\"superscript\"/>" \
        in body


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_shows_the_index_with_its_pages(tmp_path):
    from tests.support.libreoffice import page_count, to_pdf

    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["render", str(TECHNICAL), "-o", str(out)]).exit_code == 0
    laid = to_pdf([out / "documento-tecnico.docx"], tmp_path / "lo")[out /
                                                                     "documento-tecnico.docx"]
    assert page_count(laid) == page_count(out / "documento-tecnico.pdf")
    def index_page(pdf: Path) -> str:
        text = subprocess.run(["pdftotext", "-layout", "-f", "2", "-l", "2", str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        return re.sub(r"[ .]+", " ", text)

    word, pdf = index_page(laid), index_page(out / "documento-tecnico.pdf")
    # (The dots are gone: "I. ANTECEDENTES ....... 3" reads "I ANTECEDENTES 3".)
    entries = re.findall(r"^\s*((?:[IV]+|\d \d) .+? \d+)\s*$", pdf, re.M)
    assert len(entries) == 10
    for entry in entries:
        assert entry in word, entry


def test_pmg_new_writes_a_prose_document_that_validates_and_renders(tmp_path):
    source = tmp_path / "nuevo.md"
    result = CliRunner().invoke(main, ["new", "prose", "--catalog", "pmg-2024", "-o",
                                       str(source)])
    assert result.exit_code == 0, result.output
    text = source.read_text(encoding="utf-8")
    assert text.startswith("---\n") and "document: decreto" in text
    assert "#   - numero (Número del decreto): lo pide el catálogo" in text
    # What only the person can write is POR DEFINIR, an error while it is still there
    # (checks/placeholders.py): the rest validates.
    checked = validate(source)
    assert checked.exit_code == 1
    assert [line.split(": ", 1)[1] for line in checked.stdout.splitlines()[:-1]] == [
        f"{field}: dice «POR DEFINIR», lo que `pmg new` deja por completar; se espera el texto "
        "que el documento lleva en este lugar"
        for field in ("`lugar`", "`materia`", "`cierre`", "`firma` › N°1", "`distribucion` › N°1")]
    source.write_text(text.replace('"POR DEFINIR"', '"Santiago"'), encoding="utf-8")
    assert validate(source).exit_code == 0
    html = _html(source)
    assert "Gestión Eficaz" in html and '<li id="nota-1">' in html


def test_pmg_new_prose_needs_a_catalog_that_offers_one(tmp_path):
    result = CliRunner().invoke(main, ["new", "prose", "--catalog", "mei-2012", "-o",
                                       str(tmp_path / "x.md")])
    assert result.exit_code == 1
    assert "--catalog: el catálogo mei-2012 no ofrece documentos de tipo prose" in result.stderr
    assert not (tmp_path / "x.md").exists()


@pytest.mark.parametrize(("old", "new", "needle", "message"), [
    ("  decreto:\n    kind: prose", "  decreto:\n    kind: prosa", "kind: prosa",
     "«prosa» no es un tipo de documento; ¿quiso decir «prose»?"),
    ("  decreto:\n    kind: prose", "  decreto:\n    kind: guide", "kind: guide",
     "un catálogo ofrece un solo documento de tipo guide, con ese nombre; se espera la entrada "
     "`guide:` sin `kind:`"),
    ("{name: lugar, type: text", "{name: body, type: text", "name: body",
     "«body» ya es un campo de documento; se espera otro nombre para el campo declarado"),
    ("{name: lugar, type: text", "{name: numero, type: text", "name: numero, type: text",
     "el campo declarado «numero» aparece dos veces en `fields:`"),
    ("{name: lugar, type: text", "{name: lugar, type: texto", "type: texto",
     "se encontró «texto»; se espera «text» o «paragraphs» o «date»"),
])
def test_a_catalogs_prose_entries_and_declared_fields_are_checked(tmp_path, old, new, needle,
                                                                   message):
    catalog = _variant(tmp_path, ROOT / "catalogs" / "pmg-2024.yaml", old, new)
    result = validate(catalog)
    assert result.exit_code == 1, result.output
    line = _line(catalog, needle)
    assert any(f"pmg-2024.yaml:{line}: " in text and message in text
               for text in result.stdout.splitlines()), result.stdout


@pytest.mark.parametrize("written", ["# Título [[objetivos]]", "Texto con [[sistemas]] dentro.",
                                     "| a |\n|---|\n| [[indicadores]] |"])
def test_a_table_insertion_inside_a_sentence_heading_or_cell_is_located(tmp_path, written):
    source = _variant(tmp_path, DECREE, "[[objetivos]]", written)
    result = _render(source, tmp_path / "out")
    assert result.exit_code == 1
    line = _line(source, "[[" + written.split("[[")[1].split("]]")[0])
    assert f"{source.name}:{line}: texto: [[" in result.stderr
    assert "se espera la inserción sola en su párrafo" in result.stderr, result.stderr


def test_pmg_new_prose_without_a_catalog_says_to_name_one(tmp_path):
    result = CliRunner().invoke(main, ["new", "prose", "-o", str(tmp_path / "x.md")])
    assert result.exit_code == 1
    assert "--catalog: `pmg new prose` necesita --catalog ID" in result.stderr


def test_a_results_report_takes_its_declared_state_and_date(tmp_path):
    import datetime as dt

    from pmg_docs.diagnostics import InputError
    from pmg_docs.load.from_text import document_from_text

    catalogs = tmp_path / "catalogos"
    catalogs.mkdir()
    catalog = (ROOT / "catalogs" / "pmg-2024.yaml").read_text(encoding="utf-8")
    catalog = catalog.replace("id: pmg-2024", "id: pmg-2024-estado", 1).replace(
        "    running_title: Informe de Cumplimiento PMG 2024\n",
        "    running_title: Informe de Cumplimiento PMG 2024\n    fields:\n"
        "      - {name: estado, type: text, required: true, label: Estado del informe}\n"
        "      - {name: fecha_estado, type: date, label: Fecha del estado}\n", 1)
    (catalogs / "pmg-2024-estado.yaml").write_text(catalog, encoding="utf-8")
    results = (ROOT / "examples" / "2024" / "resultados" / "aduanas.yaml").read_text(
        encoding="utf-8").replace("catalog: pmg-2024", "catalog: pmg-2024-estado\n"
                                  "estado: Proceso finalizado\nfecha_estado: 2025-03-31", 1)
    registry = CatalogRegistry([catalogs])
    document = document_from_text(results, tmp_path / "r.yaml", "r.yaml", registry)
    assert document.fields == {"estado": "Proceso finalizado",
                               "fecha_estado": dt.date(2025, 3, 31)}
    with pytest.raises(InputError) as caught:
        document_from_text(results.replace("fecha_estado: 2025-03-31", "fecha_estado: marzo"),
                           tmp_path / "r.yaml", "r.yaml", registry)
    [problem] = caught.value.diagnostics
    assert problem.path == ("fecha_estado",) and problem.line == results.splitlines().index(
        "fecha_estado: 2025-03-31") + 1
    assert "Fecha del estado: se encontró «marzo»; se espera una fecha" in problem.message
