"""The DOCX is a Word document an analyst can keep editing: styles of the reference DOCX instead of
direct formatting, real Word lists, Spanish (es-CL), one typeface family with the PDF, no blank
thumbnail. Read in the XML of every example."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from pmg_docs.writers.docx import reference_path, styles, write_docx
from tests.support.doc_text import ListLabels
from tests.support.paths import ROOT

pytestmark = pytest.mark.slow  # every test here reads the examples rendered end to end, or rebuilds the fonts

EXAMPLES = ["2024/aduanas", "2024/ips", "2011/osorno", "circulars/circular-39-2011"]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# What the writer may set outside styles (see pmg_docs/writers/docx/__init__.py and tables.py).
RUN_PROPERTIES = {"rStyle"}
PARAGRAPH_PROPERTIES = {"pStyle", "numPr", "keepNext", "keepLines", "ind", "spacing"}
CELL_PROPERTIES = {"tcW", "gridSpan", "vMerge", "vAlign"}
TABLE_PROPERTIES = {"tblStyle", "tblW", "tblLayout", "tblLook"}


def _part(path: Path, name: str):
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read(name))


@pytest.fixture(scope="module", params=EXAMPLES)
def example(request, built_examples) -> Path:
    return built_examples / f"{request.param}.docx"


def _closing_or_before_it(paragraph) -> bool:
    """A letter's closing (style Despedida), or the paragraph just before it."""
    def style(p) -> str | None:
        found = p.find(f"{W}pPr/{W}pStyle") if p is not None else None
        return found.get(f"{W}val") if found is not None else None

    return "Despedida" in (style(paragraph), style(paragraph.getnext()))


def _check_paragraph_properties(properties, part: str) -> None:
    found = {c.tag.removeprefix(W) for c in properties}
    assert found <= PARAGRAPH_PROPERTIES, (part, found)
    # A list item's further paragraph is indented like its text; rows of a group keep with the
    # next, and so do a letter's last paragraph and its closing: nothing else.
    if "ind" in found:
        assert "numPr" not in found
        assert set(properties.find(f"{W}ind").attrib) == {f"{W}left"}
    if "keepNext" in found:
        assert properties.getparent().getparent().tag == f"{W}tc" \
            or _closing_or_before_it(properties.getparent()), part
    # A letter's last paragraph moves whole with its closing.
    if "keepLines" in found:
        assert _closing_or_before_it(properties.getparent()), part
    # The paragraph after a table's room takes that room's point off its space before
    # (tables.fold_table_gaps): nothing else is spaced outside styles.
    if "spacing" in found:
        assert set(properties.find(f"{W}spacing").attrib) == {f"{W}before"}
        room = properties.getparent().getprevious()
        assert room.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Espaciotrastabla"
        assert room.getprevious().tag == f"{W}tbl"


def test_no_direct_formatting_outside_styles(example):
    for part in ("word/document.xml", "word/header1.xml", "word/footer1.xml"):
        try:
            root = _part(example, part)
        except KeyError:
            continue
        for run_properties in root.iter(f"{W}rPr"):
            if run_properties.getparent().tag == f"{W}r":
                assert {c.tag.removeprefix(W) for c in run_properties} <= RUN_PROPERTIES, part
        for properties in root.iter(f"{W}pPr"):
            _check_paragraph_properties(properties, part)
        for properties in root.iter(f"{W}tcPr"):
            assert {c.tag.removeprefix(W) for c in properties} <= CELL_PROPERTIES, part
        for properties in root.iter(f"{W}tblPr"):
            assert {c.tag.removeprefix(W) for c in properties} <= TABLE_PROPERTIES, part


def test_styles_are_the_reference_docx_styles(example):
    used = {(tag, value) for tag in ("pStyle", "rStyle", "tblStyle")
            for element in _part(example, "word/document.xml").iter(f"{W}{tag}")
            for value in [element.get(f"{W}val")]}
    reference = _part(reference_path(), "word/styles.xml")
    defined = {style.get(f"{W}styleId") for style in reference.iter(f"{W}style")}
    assert {value for _tag, value in used} <= defined
    # The document carries the reference's styles unchanged, less the prose ones (headings 3
    # and 4, the table of contents, footnotes: reference.py, prose_paragraph_styles).
    prose = {"Heading3", "Heading4", "FootnoteText", *(f"TOC{n}" for n in range(1, 5))}
    for style in reference.findall(f"{W}style"):
        if style.get(f"{W}styleId") in prose:
            reference.remove(style)
    assert etree.tostring(_part(example, "word/styles.xml"), method="c14n") == \
        etree.tostring(reference, method="c14n")
    assert (_part(example, "word/numbering.xml").findall(f"{W}abstractNum")
            and [etree.tostring(a, method="c14n") for a in
                 _part(example, "word/numbering.xml").findall(f"{W}abstractNum")]
            == [etree.tostring(a, method="c14n") for a in
                _part(reference_path(), "word/numbering.xml").findall(f"{W}abstractNum")])


def test_every_style_the_writer_names_is_in_the_reference():
    document = Document(str(reference_path()))
    names = {style.name for style in document.styles}
    missing = [name for name in styles.all_styles()
               if name not in names and name.lower() not in names]
    assert missing == []


def test_spanish_language_everywhere(example):
    reference_styles = _part(example, "word/styles.xml")
    language = reference_styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert language.get(f"{W}val") == "es-CL"
    settings = _part(example, "word/settings.xml")
    assert settings.find(f"{W}themeFontLang").get(f"{W}val") == "es-CL"
    assert Document(str(example)).core_properties.language == "es-CL"
    # No run, paragraph or style says another language.
    for part in ("word/document.xml", "word/styles.xml"):
        for lang in _part(example, part).iter(f"{W}lang"):
            assert lang.get(f"{W}val") == "es-CL"


def test_pdf_says_spanish_too(built_examples):
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser

    with open(built_examples / "2024" / "aduanas.pdf", "rb") as stream:
        catalog = PDFDocument(PDFParser(stream)).catalog
        assert catalog["Lang"] == b"es-CL"


def test_one_typeface_in_styles_and_theme():
    styles_xml = _part(reference_path(), "word/styles.xml")
    fonts = styles_xml.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert {fonts.get(f"{W}{a}") for a in ("ascii", "hAnsi", "cs", "eastAsia")} == {"Arial"}
    # No style names another font or the theme's.
    for other in styles_xml.iter(f"{W}rFonts"):
        assert other is fonts or not any("Theme" in key for key in other.attrib), other.attrib
    theme = _part(reference_path(), "word/theme/theme1.xml")
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    assert [latin.get("typeface") for latin in theme.iter(f"{a}latin")][:2] == ["Arial", "Arial"]


def test_no_thumbnail(example):
    with zipfile.ZipFile(example) as package:
        assert not [n for n in package.namelist() if "thumbnail" in n]
        assert b"thumbnail" not in package.read("_rels/.rels")


def test_circular_points_are_a_word_list_restarting_where_the_text_does(built_examples):
    document = Document(str(built_examples / "circulars" / "circular-39-2011.docx"))
    labels = ListLabels(document)
    numbered = [p for p in document.paragraphs if p._p.pPr is not None
                and p._p.pPr.numPr is not None and p._p.pPr.numPr.ilvl.val == 0]
    points = [labels.label(p).strip() for p in numbered
              if labels.label(p).strip().endswith(")")]
    assert points == [f"{n})" for n in range(1, 12)]
    assert not any(p.text.lstrip()[:3].rstrip(") ").isdigit() for p in numbered)
    # Each <ol> is its own list instance; after a Cuadro, the count goes on at 5, 7 and 8.
    instances = [p._p.pPr.numPr.numId.val for p in numbered if labels.label(p).strip()
                 in ("1)", "5)", "7)", "8)")]
    assert len(set(instances)) == 4
    # The distribution: bullets with the heads of service one level in.
    levels = {p._p.pPr.numPr.ilvl.val for p in document.paragraphs
              if p.style.name == styles.DISTRIBUTION and p._p.pPr.numPr is not None}
    assert levels == {0, 1}


def test_bullets_in_a_cell_are_a_word_list(built_examples):
    document = Document(str(built_examples / "2024" / "aduanas.docx"))
    labels = ListLabels(document)
    measures = document.tables[-1]
    bullets = [p for row in measures.rows for cell in row.cells for p in cell.paragraphs
               if labels.label(p) == "•\t"]
    assert len(bullets) == 3  # the three principles of measure 2
    assert all(not p.text.startswith("•") for p in bullets)


def test_stage_rows_stay_together(built_examples):
    """The rows of a stage keep with the next row (the last one excepted), and never split."""
    document = Document(str(built_examples / "2024" / "aduanas.docx"))
    stages = [t for t in document.tables if t.rows[0].cells[0].text == "Etapas de Desarrollo"]
    assert len(stages) == 2
    for table in stages:
        rows = table.rows[1:]
        for row, following in zip(rows, rows[1:]):
            label, next_label = row.cells[0], following.cells[0]
            same_stage = label._tc is next_label._tc
            keeps = all(p.paragraph_format.keep_with_next for p in row.cells[1].paragraphs)
            assert keeps == same_stage, row.cells[1].text
        for row in rows:
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None


def test_loose_header_cells_are_shaded_on_their_own(tmp_path):
    """A <th> no table style option covers (here, a middle column) is shaded and bold directly:
    the documented exception."""
    html = ("<html><head><title>t</title></head><body><table><tbody>"
            "<tr><td>a</td><th>b</th><td>c</td></tr></tbody></table></body></html>")
    path = tmp_path / "loose-header.docx"
    path.write_bytes(write_docx(html))
    cell = Document(str(path)).tables[0].rows[0].cells[1]
    assert cell._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) == "EEF2F9"
    assert cell.paragraphs[0].runs[0].style.name == styles.STRONG


def test_lettered_points(tmp_path):
    html = ('<html><head><title>t</title></head><body><ol type="a" class="paren-markers">'
            "<li>uno</li><li>dos</li></ol></body></html>")
    path = tmp_path / "lettered.docx"
    path.write_bytes(write_docx(html))
    document = Document(str(path))
    labels = ListLabels(document)
    assert [labels.label(p) + p.text for p in document.paragraphs] == ["a)\tuno", "b)\tdos"]


def test_reference_docx_is_what_its_script_writes(tmp_path):
    """templates/reference.docx is generated (scripts/make_reference_docx.py): reviewable and
    reproducible. After restyling in code, run the script; after restyling in Word, port the
    change to the script."""
    import runpy

    script = runpy.run_path(str(ROOT / "scripts" / "make_reference_docx.py"), run_name="reference")
    assert script["build"]() == reference_path().read_bytes()


def test_fonts_are_what_their_script_writes():
    """pmg_docs/fonts holds static instances of the pinned Arimo package (scripts/make_fonts.py),
    byte for byte, with their licence."""
    import runpy

    from pmg_docs.resources import fonts_dir

    script = runpy.run_path(str(ROOT / "scripts" / "make_fonts.py"), run_name="fonts")
    built = script["build"]()
    assert {name: (fonts_dir() / name).read_bytes() for name in built} == built
    assert b"SIL OPEN FONT LICENSE" in built["OFL.txt"]


@pytest.mark.parametrize("face, reference", [
    ("Arimo-Regular.ttf", "LiberationSans-Regular.ttf"),
    ("Arimo-Bold.ttf", "LiberationSans-Bold.ttf"),
    ("Arimo-Italic.ttf", "LiberationSans-Italic.ttf"),
    ("Arimo-BoldItalic.ttf", "LiberationSans-BoldItalic.ttf")])
def test_pdf_font_is_as_wide_as_arial(face, reference):
    """Every Latin-1 character (and the bullet, dashes, quotes) is as wide in the PDF's Arimo as
    in Liberation Sans, which is Arial's width for width: Word's lines break where the PDF's do."""
    from fontTools.ttLib import TTFont

    from pmg_docs.resources import fonts_dir

    # Debian's fonts-liberation2 (Liberation 2, drawn from Arimo) before the older fonts-liberation.
    found = sorted(Path("/usr/share/fonts").rglob(reference), reverse=True)
    if not found:
        pytest.skip(f"{reference} is not installed (apt-get install fonts-liberation2)")
    ours, arial = TTFont(fonts_dir() / face), TTFont(found[0])
    characters = [*range(32, 127), *range(160, 256), 0x2022, 0x2013, 0x2014, 0x201C, 0x201D,
                  0x2018, 0x2019, 0x2026]
    widths = [(chr(c), ours["hmtx"][ours.getBestCmap()[c]][0],
               arial["hmtx"][arial.getBestCmap()[c]][0]) for c in characters if c != 0xB5]
    assert [w for w in widths if w[1] != w[2]] == []
