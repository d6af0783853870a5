"""Circular N° 39 (seed 002) rendered from examples/circulars and catalogs/mei-2012: every
paragraph, every Cuadro cell and every Distribución line of the original in both outputs; the
Cuadros follow the catalog; the text is never a template; problems are located."""

from __future__ import annotations

import re
import shutil

import lxml.html
import pytest
from click.testing import CliRunner

from pmg_docs.checks import check_path
from pmg_docs.cli import main
from pmg_docs.load.catalogs import CatalogRegistry
from pmg_docs.render.pipeline import RenderOptions, lay_out
from pmg_docs.writers.subset import TAGS as ALLOWED
from tests.support.doc_text import docx_body_text, normalize, pdf_body_text, tokens
from tests.support.located import assert_located, validate
from tests.support.paths import DATA, ROOT, SEEDS

SEED = SEEDS / "002_108cc5f88200d879.txt"
EXAMPLE = ROOT / "examples" / "circulars" / "circular-39-2011.md"
BROKEN = DATA / "broken" / "circulars"
# Extraction noise in the seed: the circular's number stamped beside the heading, a page stamp.
NOISE = {"39", "110881211"}
CUADRO_1_HEADER = "Áreas Prioritarias Sistema Objetivo General de Gestión"


def _flat(text: str) -> str:
    # A line may break after a slash in one format and not the other ("usuarios/ clientes").
    return re.sub(r"/\s+", "/", normalize(text))


def seed_prose() -> list[str]:
    """Every line of the original outside the Cuadros' rows, without list markers and
    Markdown emphasis: heading, paragraphs, institutions, titles, signature, Distribución."""
    lines = []
    for raw in SEED.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line in NOISE or "\t" in raw:
            continue
        line = re.sub(r"^(- )?(\d+\) )?", "", line)
        lines.append(line.replace("**", "").replace("*", ""))
    return lines


def seed_cuadro_rows() -> list[list[str]]:
    """The Cuadros' rows (tab-separated in the seed), each a list of its non-empty cells, without
    the header row that the original repeats where Cuadro 1 crosses a page."""
    rows = []
    for raw in SEED.read_text(encoding="utf-8").splitlines():
        if "\t" in raw:
            rows.append([cell.strip() for cell in raw.split("\t") if cell.strip()])
    # Cuadro 1's header row comes back once where the original turns the page, and then once
    # more as Cuadro 2's own header row, which stays.
    repeat = rows.index(rows[0], 1)
    return rows[:repeat] + rows[repeat + 1:]


def _cell(text: str) -> str:
    # The original ends some cells with "." and not others of the same kind ("Auditoría.
    # (4 etapas)." but "Compras y Contratación Pública. (4 etapas)"); we print them alike, so
    # a cell is looked for without its final period.
    return text.removesuffix(".")


@pytest.fixture(scope="module")
def outputs(built_examples):
    folder = built_examples / "circulars"
    return {"pdf": _flat(pdf_body_text(folder / "circular-39-2011.pdf", "")),
            "docx": _flat(docx_body_text(folder / "circular-39-2011.docx"))}


def test_seed_is_read_whole():
    assert len(seed_prose()) == 79
    rows = seed_cuadro_rows()
    assert len(rows) == 1 + 11 + 1 + 11  # each Cuadro: its header row and 11 systems
    assert sum(len(row) for row in rows) == 3 + 11 * 2 + 4 + 3 + 11 * 2 + 4


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_every_paragraph_and_distribution_line(outputs, fmt):
    missing = [line for line in seed_prose() if _flat(line) not in outputs[fmt]]
    assert missing == []


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_every_cuadro_cell(outputs, fmt):
    missing = [cell for row in seed_cuadro_rows() for cell in row
               if _flat(_cell(cell)) not in outputs[fmt]]
    assert missing == []


@pytest.mark.slow
def test_docx_reads_in_the_original_order(outputs):
    """The prose in the original's order, and the Cuadros' cells row by row."""
    text = outputs["docx"]
    cells = [_cell(cell) for row in seed_cuadro_rows() for cell in row]
    for sequence in (seed_prose(), cells):
        position = 0
        for value in sequence:
            found = text.find(_flat(value), position)
            assert found >= 0, f"{value!r} not found after ...{text[max(0, position - 80):position]}"
            position = found + len(_flat(value))


@pytest.mark.slow
def test_numbered_paragraphs_and_letter_heading(outputs):
    numbered = re.findall(r"^- (\d+\)) (.{40})", SEED.read_text(encoding="utf-8"), re.M)
    assert [marker for marker, _ in numbered] == [f"{n})" for n in range(1, 12)]
    for fmt, text in outputs.items():
        for marker, start in numbered:
            assert _flat(f"{marker} {start}") in text, (fmt, marker)
        assert "Reg. N° 037/LIL/RMA CIRC. N° 39 ANT.:" in text
        assert "año 2012. SANTIAGO, 15 SEP 2011 DE : FELIPE LARRAÍN BASCUÑÁN" in text


@pytest.mark.slow
def test_pdf_text_equals_docx_text(built_examples):
    folder = built_examples / "circulars"
    pdf_words = tokens(pdf_body_text(folder / "circular-39-2011.pdf", ""))
    docx_words = tokens(docx_body_text(folder / "circular-39-2011.docx"))
    assert docx_words - pdf_words == {}, "in the DOCX but not in the PDF"
    # The PDF repeats a Cuadro's header row on each page it crosses; nothing else may differ.
    extra = pdf_words - docx_words
    assert set(extra) <= set(tokens(CUADRO_1_HEADER)), f"in the PDF but not in the DOCX: {extra}"


def test_html_stays_in_subset():
    checked, diagnostics = check_path(EXAMPLE, CatalogRegistry())
    assert diagnostics == []
    html = lay_out(checked, RenderOptions())[0]
    tags = {e.tag for e in lxml.html.document_fromstring(html).iter() if isinstance(e.tag, str)}
    assert tags <= ALLOWED, tags - ALLOWED


# The catalog drives the Cuadros ---------------------------------------------------------------

NEW_SYSTEM = """\
  - id: teletrabajo
    name: Gestión del Teletrabajo
    area: recursos-humanos
    size_label: 2 etapas
    general_objective: Ordenar el trabajo a distancia de los funcionarios del servicio.
    experts:
      - Consejo Asesor de Teletrabajo
"""


@pytest.mark.slow
def test_cuadros_follow_the_catalog(tmp_path):
    catalogs = tmp_path / "catalogs"
    catalogs.mkdir()
    text = (ROOT / "catalogs" / "mei-2012.yaml").read_text(encoding="utf-8")
    text = text.replace("  - id: higiene-seguridad-y-ambientes-laborales\n",
                        NEW_SYSTEM + "  - id: higiene-seguridad-y-ambientes-laborales\n", 1)
    assert text.count("Dirección Nacional del Servicio Civil") == 1
    text = text.replace("Dirección Nacional del Servicio Civil", "Servicio Civil de Chile")
    (catalogs / "mei-2012.yaml").write_text(text, encoding="utf-8")
    source = tmp_path / "circular-39-2011.md"
    shutil.copy(EXAMPLE, source)
    before = source.read_bytes()

    result = CliRunner().invoke(main, ["render", str(source), "--catalogs", str(catalogs),
                                       "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert source.read_bytes() == before
    for text in (_flat(docx_body_text(tmp_path / "out" / "circular-39-2011.docx")),
                 _flat(pdf_body_text(tmp_path / "out" / "circular-39-2011.pdf", ""))):
        cuadro_1 = text[text.index("Cuadro 1"):text.index("Cuadro 2")]
        cuadro_2 = text[text.index("Cuadro 2"):]
        assert "Gestión del Teletrabajo. (2 etapas)" in cuadro_1
        assert "Ordenar el trabajo a distancia de los funcionarios del servicio." in cuadro_1
        assert "Gestión del Teletrabajo. Consejo Asesor de Teletrabajo." in cuadro_2
        assert "Capacitación. Servicio Civil de Chile." in cuadro_2
        assert "Dirección Nacional del Servicio Civil" not in text


# The text is never a template -------------------------------------------------------------------

TRICKS = ["{{ ''.__class__ }}", "{% include '/etc/passwd' %}", "{{ 7 * 7 }}",
          "{{ cycler.__init__.__globals__ }}", "<script>alert(1)</script>"]


@pytest.mark.slow
def test_template_tricks_print_as_plain_text(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    # One point per trick: a justified line stretched around a long unbreakable trick would
    # have gaps so wide that pdftotext reads its words as columns.
    paragraph = "".join(f"\n{number}) Texto de prueba: {trick}.\n"
                        for number, trick in enumerate(TRICKS, start=12))
    source = tmp_path / "tricks.md"
    source.write_text(text + "\n" + paragraph, encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(source), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    for text in (docx_body_text(tmp_path / "out" / "tricks.docx"),
                 pdf_body_text(tmp_path / "out" / "tricks.pdf", "")):
        flat = normalize(text)
        for trick in TRICKS:
            assert normalize(trick) in flat, trick
        assert "49" not in flat.split("Texto de prueba")[1]
        assert "root:" not in flat and "<class" not in flat


# Located problems -------------------------------------------------------------------------------

# file -> (line, field path, part of the message)
CASES = {
    "missing-registry": (1, "Reg. N°", "falta este campo obligatorio"),
    "not-a-date": (14, "fecha", "se encontró «2011-02-30», que no es una fecha del calendario"),
    "date-format": (14, "fecha", "se espera una fecha escrita AAAA-MM-DD"),
    "number-not-integer": (8, "CIRC. N°", "se encontró «uno»; se espera un número entero"),
    "unknown-catalog": (6, "catálogo", "«mei-2021» no es un catálogo"),
    "unknown-insertion": (55, "texto › `cuadro-tres`", "no existe la inserción «cuadro-tres»; se espera "
                          "una de: instituciones, cuadro-sistemas, cuadro-expertos"),
    "unclosed-insertion": (40, "texto › `instituciones`", "no se cierra; se espera una línea `:::`"),
    "unknown-option": (48, "texto › `cuadro-sistemas` › `titel`", "campo desconocido"),
    "unknown-ministry": (27, "Distribución › Ministerio «sanidad»", "«sanidad» no es un ministerio del catálogo mei-2012"),
    "institution-elsewhere": (30, "Distribución › Ministerio «Ministerio de Salud» › Jefatura «Superintendencia de Pensiones»",
                              "«superintendencia-de-pensiones» depende de trabajo, no de salud"),
    "unknown-system-reference": (43, "texto", "«auditoria-interna» no es un sistema del catálogo mei-2012"),
    "unknown-reference-kind": (43, "texto", "no existe la referencia [[servicio:auditoria]]"),
    "no-front-matter": (1, None, "se espera que el archivo empiece con el encabezado YAML"),
    "body-in-front-matter": (14, "body", "`body` es el texto Markdown después del encabezado"),
}


def test_every_fixture_has_a_case():
    assert {p.stem for p in BROKEN.glob("*.md")} == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_validate_reports_located_error(name):
    assert_located(validate(BROKEN / f"{name}.md"), f"{name}.md", *CASES[name])


@pytest.mark.parametrize("name", ["unknown-insertion", "not-a-date"])
def test_invalid_circular_writes_nothing(tmp_path, name):
    result = CliRunner().invoke(main, ["render", str(BROKEN / f"{name}.md"), "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert list(tmp_path.iterdir()) == []


# pmg new circular -------------------------------------------------------------------------------

@pytest.mark.slow
def test_new_circular_validates_and_renders(tmp_path):
    target = tmp_path / "nueva.md"
    result = CliRunner().invoke(main, ["new", "circular", "-o", str(target)])
    assert result.exit_code == 0, result.output
    validated = CliRunner().invoke(main, ["validate", str(target)])
    assert validated.exit_code == 0 and "sin errores, 0 avisos" in validated.output
    rendered = CliRunner().invoke(main, ["render", str(target), "-o", str(tmp_path / "out")])
    assert rendered.exit_code == 0, rendered.output
    text = normalize(docx_body_text(tmp_path / "out" / "nueva.docx"))
    assert "Cuadro 1" in text and "Cuadro 2" in text and "Superintendencia de Salud." in text


def test_new_circular_never_overwrites_without_force(tmp_path):
    target = tmp_path / "mia.md"
    target.write_text("my own text", encoding="utf-8")
    refused = CliRunner().invoke(main, ["new", "circular", "-o", str(target)])
    assert refused.exit_code == 1
    assert "ya existe" in refused.stderr
    assert target.read_text(encoding="utf-8") == "my own text"
    forced = CliRunner().invoke(main, ["new", "circular", "-o", str(target), "--force"])
    assert forced.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("---\n")


@pytest.mark.slow
def test_build_picks_up_circulars_and_skips_plain_markdown(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "c39.md")
    (folder / "README.md").write_text("# Notes\n\nNot a source.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(folder), "-o", str(tmp_path / "out"),
                                       "--format", "docx"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()
                  if not p.name.startswith(".")) == ["c39.docx"]
