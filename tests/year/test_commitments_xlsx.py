"""`pmg export` and `pmg import xlsx`: a year's commitments out to a workbook and back, the same
model; an edited workbook's mistakes answered at their sheet, cell and column."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from pmg_docs.cli import main
from pmg_docs.load import CatalogRegistry, load_document
from tests.support.paths import ROOT

pytestmark = pytest.mark.slow  # every test writes and reads real workbooks

EXAMPLES = ROOT / "examples" / "2024"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture()
def book(tmp_path):
    path = tmp_path / "compromisos.xlsx"
    result = run("export", EXAMPLES, "-o", path)
    assert result.exit_code == 0, result.output
    return path


def test_round_trip_gives_the_same_models(book, tmp_path):
    out = tmp_path / "importadas"
    result = run("import", "xlsx", book, "-o", out)
    assert result.exit_code == 0, result.output
    registry = CatalogRegistry()
    for name in ("aduanas", "ips"):
        original = load_document(EXAMPLES / f"{name}.yaml", registry).model
        imported = load_document(out / f"{name}.yaml", registry).model
        assert imported == original
    # Written in the canonical layout, with the examples' short rows.
    text = (out / "aduanas.yaml").read_text(encoding="utf-8")
    assert "  - {stage: 1, weights: [15, 5]}" in text
    assert 'partida: "08"' in text


def test_the_workbook_holds_numbers_with_formats(book):
    workbook = openpyxl.load_workbook(book)
    assert workbook.sheetnames == ["Servicios", "Objetivos", "Sistemas", "Etapas", "Indicadores",
                                   "Medidas de género", "Informes", "Resultados indicadores",
                                   "Otras ponderaciones", "Resultados por período",
                                   "Resultados sistemas", "Resultados etapas",
                                   "Causas externas", "Informes mensuales",
                                   "Mensual indicadores", "Mensual otras ponderaciones",
                                   "Mensual por período", "Listas"]
    assert workbook["Listas"].sheet_state == "hidden"
    indicators = workbook["Indicadores"]
    headers = [c.value for c in indicators[1]]
    assert headers[:5] == ["Archivo", "Objetivo", "Objetivo (nombre)", "Indicador",
                           "Indicador (nombre)"]
    assert headers[-5:] == ["Ponderación", "Meta › numerador", "Meta › denominador",
                            "Meta › valor", "Solo mide"]
    spending = next(r for r in indicators.iter_rows(min_row=2)
                    if r[0].value == "aduanas.yaml" and r[3].value == "concentracion-del-gasto")
    assert [c.value for c in spending[20:23]] == [5, 12608049, 11975373]
    assert spending[21].number_format == "#,##0.00"
    assert indicators.freeze_panes == "A2" and indicators.auto_filter.ref.startswith("A1:Y")
    services = workbook["Servicios"]
    assert services["D2"].value == "08" and services["D2"].number_format == "@"


def test_the_meta_is_a_formula_and_names_stand_beside_ids(book):
    workbook = openpyxl.load_workbook(book)
    indicators = workbook["Indicadores"]
    # Equidad de Género: 3 / 8 × 100 at the marco's one decimal.
    assert indicators["X2"].value == "=ROUND(V2/W2*100,1)"
    assert indicators["E2"].value.startswith("=IFERROR(VLOOKUP(D2,")
    validations = {str(v.sqref): v.formula1 for v in indicators.data_validations.dataValidation}
    assert any(ref.startswith("D2") and formula.startswith("'Listas'!$")
               for ref, formula in validations.items()), validations
    assert validations["Y2:Y7"] == '"Sí,No"'
    listing = workbook["Listas"]
    ids = [listing.cell(r, 1).value for r in range(2, 5)]
    assert ids == ["gestion-eficaz", "eficiencia-institucional", "calidad-de-servicio"]


def test_a_system_weight_is_one_cell(book):
    workbook = openpyxl.load_workbook(book)
    systems = [[c.value for c in r] for r in workbook["Sistemas"].iter_rows(min_row=2)]
    assert [(r[0], r[3], r[5]) for r in systems if r[0] == "aduanas.yaml"] == [
        ("aduanas.yaml", "estado-verde", 35),
        ("aduanas.yaml", "calidad-de-servicio-y-experiencia-usuaria", 30)]
    stages = [[c.value for c in r] for r in workbook["Etapas"].iter_rows(min_row=2)]
    assert [r[3:4] + r[5:] for r in stages[:2]] == [["estado-verde", 1, 1, 15],
                                                     ["estado-verde", 1, 2, 5]]


def _edit(book, sheet, cell, value, number_format=None):
    workbook = openpyxl.load_workbook(book)
    workbook[sheet][cell] = value
    if number_format:
        workbook[sheet][cell].number_format = number_format
    workbook.save(book)


@pytest.mark.parametrize("sheet, cell, value, message", [
    ("Indicadores", "X3", "ciento cinco", "compromisos.xlsx:Indicadores!X3 (Meta › valor): "
                                          "«ciento cinco» no es un número"),
    ("Etapas", "H2", 99, "compromisos.xlsx:Sistemas!F2 (Ponderación): aduanas.yaml: Objetivo "
                         "N°2 › Sistema «Estado Verde» › ponderación: la ponderación es 35.00, pero sus objetivos de etapa suman 119.00"),
    ("Indicadores", "D3", "gasto-total", "compromisos.xlsx:Indicadores!D3 (Indicador): "
                                         "aduanas.yaml: Objetivo N°2 › Indicador «gasto-total»: "
                                         "«gasto-total» no es un indicador"),
    ("Indicadores", "X3", 104, "compromisos.xlsx:Indicadores!X3 (Meta › valor): aduanas.yaml: "
                               "Objetivo N°2 › Indicador «Concentración del Gasto Subtítulos 22 "
                               "+ 29» › meta › valor: el valor es 104, pero 12608049 / 11975373 × 100 = 105.28"),
    # A number typed as Chilean text: the message YAML gets.
    ("Indicadores", "V3", "12.608.049", "compromisos.xlsx:Indicadores!V3 (Meta › numerador): "
                                        "se encontró el texto «12.608.049»; en YAML un número se "
                                        "escribe con punto decimal y sin separador de miles: "
                                        "escriba 12608049"),
    ("Objetivos", "D3", "40", "compromisos.xlsx:Objetivos!D3 (Ponderación): la celda guarda «40» "
                              "como texto; se espera un número: dé a la celda el formato Número"),
    # What the reader itself answers, row by row.
    ("Objetivos", "A2", "otro.yaml", "compromisos.xlsx:Objetivos!A2 (Archivo): «otro.yaml» no "
                                     "está en la hoja «Servicios»; se espera cada archivo allí"),
    ("Etapas", "G3", 5, "compromisos.xlsx:Etapas!G3 (N°): se espera el N° 2 (los números de "
                        "cada etapa van en orden, desde 1, uno por fila); tiene 5"),
    ("Indicadores", "B3", None, "compromisos.xlsx:Indicadores!B3 (Objetivo): celda vacía; se "
                                "espera el objetivo al que pertenece esta fila"),
    ("Resultados etapas", "E3", 7, "compromisos.xlsx:'Resultados etapas'!E3 (N°): se espera "
                                   "el N° 2"),
])
def test_a_mistake_in_the_workbook_is_answered_at_its_cell(book, tmp_path, sheet, cell, value,
                                                         message):
    _edit(book, sheet, cell, value)
    out = tmp_path / "importadas"
    result = run("import", "xlsx", book, "-o", out)
    assert result.exit_code == 1
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.output
    assert not out.exists() or not any(out.iterdir()), "nothing is written"


def _same_models(out):
    registry = CatalogRegistry()
    for name in ("aduanas", "ips"):
        original = load_document(EXAMPLES / f"{name}.yaml", registry).model
        assert load_document(out / f"{name}.yaml", registry).model == original, name


@pytest.mark.parametrize("sheet, cell, value, number_format", [
    # The name from the catalog typed instead of the id, in the id's cell.
    ("Indicadores", "D2", "Medidas de Equidad de Género", None),
    ("Objetivos", "B2", "gestión eficaz", None),
    # A percentage typed the Excel way: 20 % in a cell formatted as %, which holds 0.2.
    ("Objetivos", "D2", 0.2, "0%"),
    ("Indicadores", "X2", 0.375, "0.0%"),
    # The meta typed as a number instead of its formula.
    ("Indicadores", "X3", 105.28, None),
])
def test_what_an_excel_user_types_reads_as_the_same_model(book, tmp_path, sheet, cell, value,
                                                         number_format):
    _edit(book, sheet, cell, value, number_format)
    out = tmp_path / "importadas"
    result = run("import", "xlsx", book, "-o", out)
    assert result.exit_code == 0, result.output
    _same_models(out)


def test_a_name_that_is_no_item_is_one_precise_message(book, tmp_path):
    _edit(book, "Objetivos", "B2", "Gestion Eficas")
    result = run("import", "xlsx", book, "-o", tmp_path / "x")
    assert result.exit_code == 1
    lines = [line[line.index("compromisos.xlsx"):] for line in result.stderr.splitlines()
             if "compromisos.xlsx" in line]
    # The rows under that objective on other sheets are not reported again.
    assert lines == ["compromisos.xlsx:Objetivos!B2 (Objetivo): «Gestion Eficas» no es un id ni "
                     "el nombre de un elemento de «Objetivo» del catálogo pmg-2024; se espera el "
                     "id (la lista de la celda) o el nombre tal como lo escribe el catálogo; "
                     "¿quiso decir «gestion-eficaz» (Gestión Eficaz)?"], result.stderr


def test_a_missing_sheet_is_named(book, tmp_path):
    workbook = openpyxl.load_workbook(book)
    del workbook["Objetivos"]
    workbook.save(book)
    result = run("import", "xlsx", book, "-o", tmp_path / "x")
    assert result.exit_code == 1 and "falta la hoja «Objetivos»" in result.stderr


def test_import_never_overwrites_without_force(book, tmp_path):
    out = tmp_path / "importadas"
    out.mkdir()
    (out / "aduanas.yaml").write_text("mío\n", encoding="utf-8")
    result = run("import", "xlsx", book, "-o", out)
    assert result.exit_code == 1 and "ya existe" in result.stderr
    assert (out / "aduanas.yaml").read_text(encoding="utf-8") == "mío\n"
    result = run("import", "xlsx", book, "-o", out, "--force")
    assert result.exit_code == 0
    # Not a source it can update in place: written anew, and said so.
    assert "aduanas.yaml: aviso: se escribe de nuevo desde el libro, sin los comentarios que " \
           "tenía" in result.stderr


def test_export_leaves_out_a_file_with_errors_and_says_so(tmp_path):
    shutil.copy(EXAMPLES / "aduanas.yaml", tmp_path / "aduanas.yaml")
    shutil.copy(EXAMPLES / "ips.yaml", tmp_path / "ips.yaml")
    path = tmp_path / "aduanas.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("weight: 35", "weight: 36"),
                    encoding="utf-8")
    book = tmp_path / "libro.xlsx"
    result = run("export", tmp_path, "-o", book)
    # Written with the rest, and exit 1: the analyst sees what is missing.
    assert result.exit_code == 1
    assert "la ponderación es 36.00, pero sus objetivos de etapa suman 35.00" in result.stderr
    assert "aduanas.yaml: quedó fuera del libro por los errores de arriba" in result.stderr
    assert "escrito" in result.stdout and result.stdout.endswith(": 1 formulación\n")
    files = [r[0].value for r in openpyxl.load_workbook(book)["Servicios"].iter_rows(min_row=2)]
    assert files == ["ips.yaml"]


def test_importing_over_the_sources_keeps_their_comments(tmp_path):
    from pmg_docs.edit.fmt import comments_of

    folder = tmp_path / "2024"
    shutil.copytree(EXAMPLES, folder)
    (tmp_path / "pmg.toml").write_text("", encoding="utf-8")
    book = tmp_path / "libro.xlsx"
    assert run("export", folder, "-o", book).exit_code == 0
    _edit(book, "Medidas de género", "D2", "Capacitación en primera acogida")
    before = {p: p.read_text(encoding="utf-8") for p in folder.rglob("*.yaml")}
    result = run("import", "xlsx", book, "-o", folder, "--force")
    assert result.exit_code == 0, result.output
    assert "sin los comentarios" not in result.output
    for path, text in before.items():
        after = path.read_text(encoding="utf-8")
        assert comments_of(after) == comments_of(text), path
    aduanas = (folder / "aduanas.yaml").read_text(encoding="utf-8")
    assert "Capacitación en primera acogida" in aduanas
    assert aduanas.count("\n") <= before[folder / "aduanas.yaml"].count("\n")


def test_every_format_and_results_round_trip(tmp_path):
    """`pmg export examples` holds every formulation format and every results file;
    `pmg import xlsx` gives back the same model for each."""
    examples = ROOT / "examples"
    book = tmp_path / "todo.xlsx"
    result = run("export", examples, "-o", book)
    assert result.exit_code == 0, result.output
    assert "5 formulaciones, 4 informes de cumplimiento, 1 informe mensual" in result.output
    out = tmp_path / "importadas"
    out.mkdir()
    (out / "pmg.toml").write_text("", encoding="utf-8")
    result = run("import", "xlsx", book, "-o", out)
    assert result.exit_code == 0, result.output
    registry = CatalogRegistry()
    names = ["2011/osorno", "2024/aduanas", "2024/ips", "2025/ips-indicadores",
             "2025/superintendencia-de-salud-mei", "2024/resultados/aduanas",
             "2024/resultados/ips", "2025/resultados/ips-indicadores",
             "2011/resultados/osorno", "2024/mensual/aduanas"]
    formats = set()
    for name in names:
        original = load_document(examples / f"{name}.yaml", registry)
        imported = load_document(out / f"{name}.yaml", registry)
        assert imported.model == original.model, name
        formats.add((original.kind, original.format.name))
    assert formats == {("formulation", "areas"), ("formulation", "objetivos"),
                       ("formulation", "indicadores"), ("results", "cumplimiento"),
                       ("monthly-report", "mensual")}
    # Every results file and monthly report of the examples is in the workbook.
    assert {p.relative_to(examples).with_suffix("").as_posix()
            for p in examples.rglob("*.yaml")} - set(names) == {
        "2024/programas/aduanas", "2024/programas/ips"}
    # The shapes real reports have came through as data: figures by sex, another weight, a
    # series with its gaps, a date.
    imported = load_document(out / "2025/resultados/ips-indicadores.yaml", registry).model
    assert imported.date == datetime.date(2026, 3, 31)
    assert imported.indicators[0].by_sex.women.denominator == 98980
    assert imported.indicators[0].other_weights[0].weight == 15
    monthly = load_document(out / "2024/mensual/aduanas.yaml", registry).model
    assert monthly.indicators[0].periods.febrero is None  # a gap stays a gap
    assert monthly.indicators[0].periods.marzo.denominator == 8
    # Service-defined indicators (with `definition:`) are among them.
    assert "definition:" in (out / "2025/superintendencia-de-salud-mei.yaml").read_text(
        encoding="utf-8")


def test_libreoffice_opens_the_workbook_with_dropdowns_and_formulas(book, tmp_path):
    """A spreadsheet program computes the names and the metas, keeps the dropdowns, and what it
    saves imports as the same models."""
    import subprocess
    import tempfile

    from tests.support.libreoffice import soffice

    if soffice() is None:
        pytest.skip("LibreOffice is not installed")
    # Calc is a package of its own (libreoffice-calc-nogui, which .ci/run installs).
    if not list(Path(soffice()).resolve().parent.glob("*sclo.*")):  # libsclo.so, sclo.dll
        pytest.skip("LibreOffice Calc is not installed")
    out_dir = tmp_path / "lo"
    with tempfile.TemporaryDirectory(prefix="pmg-lo-profile-") as profile:
        subprocess.run([soffice(), f"-env:UserInstallation={Path(profile).as_uri()}",
                        "--headless", "--convert-to", "xlsx", "--outdir", str(out_dir),
                        str(book)], check=True, capture_output=True, timeout=300)
    saved = out_dir / book.name
    values = openpyxl.load_workbook(saved, data_only=True)
    assert values["Objetivos"]["C2"].value == "Gestión Eficaz"
    assert values["Indicadores"]["E2"].value == "Medidas de Equidad de Género"
    assert values["Indicadores"]["X2"].value == 37.5
    formulas = openpyxl.load_workbook(saved)
    assert formulas["Indicadores"]["X2"].value.upper().startswith("=ROUND(V2/W2*100")
    assert len(formulas["Indicadores"].data_validations.dataValidation) >= 2
    out = tmp_path / "importadas"
    result = run("import", "xlsx", saved, "-o", out)
    assert result.exit_code == 0, result.output
    _same_models(out)


def _changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """The lines `git diff` would show removed and added."""
    import difflib

    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0))
    removed = [line[1:] for line in diff if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in diff if line.startswith("+") and not line.startswith("+++")]
    return removed, added


def test_importing_over_a_source_changes_only_the_changed_lines(tmp_path):
    # What the user-tester of issue 27 saw: an unchanged long one-line description came back
    # as a `>-` block in three lines, and `25.00` changed to 30 came back as `30`.
    folder = tmp_path / "2024"
    folder.mkdir()
    (tmp_path / "pmg.toml").write_text("", encoding="utf-8")
    text = (EXAMPLES / "aduanas.yaml").read_text(encoding="utf-8")
    long_line = ("    description: Capacitación avanzada en primera acogida en violencia de género "
                 "a funcionarios de OIRS, Integrantes de la Mesa de Género y Coordinadores/as de "
                 "Género en Regiones.")
    start = text.index("    description: |\n      Capacitación avanzada")
    end = text.index("\n\n", start)
    text = text[:start] + long_line + text[end:]
    text = text.replace("    weight: 20\n    indicators:\n      - indicator: equidad-de-genero\n"
                        "        weight: 20\n",
                        "    weight: 20.00\n    indicators:\n      - indicator: equidad-de-genero\n"
                        "        weight: 20.00\n")
    source = folder / "aduanas.yaml"
    source.write_text(text, encoding="utf-8")
    assert run("validate", source).exit_code == 0
    book = tmp_path / "libro.xlsx"
    assert run("export", folder, "-o", book).exit_code == 0
    workbook = openpyxl.load_workbook(book)
    indicators = workbook["Indicadores"]
    weight = next(c.column_letter for c in indicators[1] if c.value == "Ponderación")
    # One objective's weight (and its indicator's) up by 5, another's down by 5: still 100.
    for sheet, cell, value in [("Objetivos", "D2", 25), ("Objetivos", "D4", 35),
                               ("Indicadores", f"{weight}2", 25), ("Indicadores", f"{weight}4", 5)]:
        workbook[sheet][cell] = value
    workbook.save(book)
    result = run("import", "xlsx", book, "-o", folder, "--force")
    assert result.exit_code == 0, result.output
    assert "sin los comentarios" not in result.output
    after = source.read_text(encoding="utf-8")
    assert _changed_lines(text, after) == (
        ["    weight: 20.00", "        weight: 20.00", "    weight: 40", "        weight: 10"],
        ["    weight: 25.00", "        weight: 25.00", "    weight: 35", "        weight: 5"])
    assert long_line in after.splitlines()
