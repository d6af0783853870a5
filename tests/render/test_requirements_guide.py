"""The "Requisitos técnicos" guide of Calidad de Servicio y Experiencia Usuaria, in PDF and DOCX,
carries every code and every technical note of seed 003, in order; and the catalog commands."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from pmg_docs.cli import main
from pmg_docs.load.catalogs import CatalogRegistry
from tests.support.doc_text import (
    docx_body_text,
    docx_header_footer,
    find_in_order,
    normalize,
    pdf_body_text,
    tokens,
)
from tests.support.paths import DATA, SEEDS

SYSTEM = "calidad-de-servicio-y-experiencia-usuaria"
SEED = SEEDS / "003_1e50963ed3c95136.txt"
CODE = re.compile(r"\bE\d-\d{2}-RT\d+\b")
BROKEN_CATALOGS = DATA / "broken" / "catalogs"
# Words of the table header that the PDF repeats on every page a table crosses.
REPEATED_HEADER = tokens("Código Requisito técnico Nota técnica")


def catalog_requirements():
    system = CatalogRegistry().get("pmg-2024").model.system(SYSTEM)
    return [r for stage in system.stages for o in stage.objectives for r in o.requirements]


def seed_requirements_part() -> list[str]:
    """The paragraphs of the seed's slides on technical requirements, whitespace normalised."""
    text = SEED.read_text(encoding="utf-8").split("Requisitos Técnicos Etapas 1 y 2", 1)[1]
    text = text[text.index("ETAPA 1\n"):text.index("GOBIERNO DE SANTIAGO")]
    return [normalize(p) for p in re.split(r"\n\s*\n", text) if p.strip()]


def seed_codes() -> list[str]:
    return list(dict.fromkeys(CODE.findall(SEED.read_text(encoding="utf-8"))))


def seed_notes() -> list[str]:
    """Every technical note of the seed, in order, once each: the paragraphs of the slides that
    are neither a heading, an objective, a stage number nor a requirement's name or code."""
    names = {normalize(r.name) for r in catalog_requirements()}
    notes = []
    for paragraph in seed_requirements_part():
        if (paragraph.startswith(("ETAPA ", "OBJETIVO:")) or paragraph.isdigit()
                or paragraph in ("INDICADORES", "NOTA TECNICA") or CODE.search(paragraph)
                or paragraph in names):
            continue
        notes.append(paragraph)
    return list(dict.fromkeys(notes))


@pytest.fixture(scope="module")
def guide(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("guide")
    result = CliRunner().invoke(main, ["guide", SYSTEM, "--catalog", "pmg-2024", "-o", str(out)])
    assert result.exit_code == 0, result.output
    docx = out / f"requisitos-{SYSTEM}.docx"
    pdf = out / f"requisitos-{SYSTEM}.pdf"
    header, _ = docx_header_footer(docx)
    return {"out": out, "header": header, "docx": docx_body_text(docx),
            "pdf": pdf_body_text(pdf, header)}


def test_seed_has_the_codes_and_notes_the_catalog_holds():
    codes = seed_codes()
    assert codes == [
        "E1-01-RT1", "E1-01-RT2", "E1-01-RT3",
        "E1-02-RT4", "E1-02-RT5", "E1-02-RT6", "E1-02-RT7", "E1-02-RT8", "E1-02-RT9",
        "E1-03-RT1", "E1-03-RT3", *[f"E2-01-RT{n}" for n in range(1, 7)]]
    requirements = catalog_requirements()
    assert [r.code for r in requirements] == codes
    # 17 requirements; two pairs were merged and share a note: 15 notes.
    assert list(dict.fromkeys(r.note for r in requirements)) == seed_notes()
    assert len(seed_notes()) == 15
    seed = normalize(SEED.read_text(encoding="utf-8"))
    for requirement in requirements:
        assert normalize(requirement.name) in seed, requirement.code


@pytest.mark.slow
def test_guide_has_every_code_name_and_note_in_order_in_the_docx(guide):
    values = []
    shown = set()
    for requirement in catalog_requirements():
        values += [requirement.code, requirement.name]
        if requirement.note not in shown:  # a merged group's note is printed once
            values.append(requirement.note)
            shown.add(requirement.note)
    find_in_order(guide["docx"], values)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_guide_has_every_seed_code_and_note(guide, fmt):
    if fmt == "docx":
        find_in_order(guide[fmt], seed_codes())
        find_in_order(guide[fmt], seed_notes())
        for note in seed_notes():
            assert normalize(guide[fmt]).count(normalize(note)) == 1, note[:60]
        return
    # pdftotext reads a table row line by line across its columns, so in the PDF each code
    # and each note is found by its words; the DOCX above checks their order.
    words = tokens(guide[fmt])
    for value in seed_codes() + seed_notes():
        assert tokens(value) <= words, value[:60]


@pytest.mark.slow
def test_guide_overview_of_all_four_stages(guide):
    system = CatalogRegistry().get("pmg-2024").model.system(SYSTEM)
    values = ["REQUISITOS TÉCNICOS", "Sistema Calidad de Servicio y Experiencia Usuaría",
              "Etapas y objetivos"]
    for stage in system.stages:
        values.append(f"Etapa {stage.number}")
        if stage.name:
            values.append(stage.name)
        for objective in stage.objectives:
            values += [f"Objetivo {objective.number}: {objective.text}",
                       str(len(objective.requirements))]
    values += ["Total", "17"]
    find_in_order(guide["docx"], values)
    assert [s.name for s in system.stages] == [
        "Diagnóstico de la calidad de servicio y experiencia usuaria",
        "Diseño de un plan de mejoramiento", None, None]


@pytest.mark.slow
def test_guide_pdf_text_equals_docx_text(guide):
    pdf_words, docx_words = tokens(guide["pdf"]), tokens(guide["docx"])
    assert docx_words - pdf_words == {}, "in the DOCX but not in the PDF"
    extra = pdf_words - docx_words
    assert set(extra) <= set(REPEATED_HEADER), f"in the PDF but not in the DOCX: {extra}"


@pytest.mark.slow
def test_guide_of_a_system_without_requirements_warns(tmp_path):
    result = CliRunner().invoke(main, ["guide", "estado-verde", "--catalog", "pmg-2024",
                                       "--format", "docx", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "aviso: el sistema «estado-verde» no tiene requisitos técnicos en este catálogo" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["requisitos-estado-verde.docx"]
    strict = CliRunner().invoke(main, ["guide", "estado-verde", "--catalog", "pmg-2024",
                                       "--strict", "-o", str(tmp_path / "strict")])
    assert strict.exit_code == 1
    assert not (tmp_path / "strict").exists()


@pytest.mark.parametrize("args, message", [
    (["guide", "calidad", "--catalog", "pmg-2042"],
     "Valor no válido para '--catalog': «pmg-2042» no es un catálogo; ¿quiso decir «pmg-2024»? Se espera uno de: desempeno-2025, mei-2012, mei-2025, pmg-2011, pmg-2024"),
    (["guide", "calidad", "--catalog", "pmg-2024"],
     "Valor no válido para 'SISTEMA': «calidad» no es un sistema del catálogo pmg-2024; se espera "
     "uno de: estado-verde, calidad-de-servicio-y-experiencia-usuaria"),
    (["catalog", "show", "pmg-2042"],
     "Valor no válido para 'ID': «pmg-2042» no es un catálogo"),
])
def test_unknown_ids_are_usage_errors(tmp_path, args, message):
    result = CliRunner().invoke(main, [*args, *(["-o", str(tmp_path)] if args[0] == "guide" else [])])
    assert result.exit_code == 2
    assert message in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_guide_of_a_broken_catalog_reports_and_writes_nothing(tmp_path):
    result = CliRunner().invoke(main, [
        "guide", "calidad", "--catalog", "requirement-code-duplicate",
        "--catalogs", str(BROKEN_CATALOGS), "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert ("requirement-code-duplicate.yaml:24: systems[0].stages[0].objectives[1]."
            "requirements[1].code: «E1-02-RT4» aparece dos veces") in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_catalog_list():
    result = CliRunner().invoke(main, ["catalog", "list"])
    assert result.exit_code == 0, result.output
    # Not on a terminal: plain columns, two spaces apart.
    row = next(line for line in result.output.splitlines() if "pmg-2024" in line)
    assert re.split(r"\s{2,}", row) == [
        "pmg-2024", "2024", "PMG", "2024.1", "Programa Marco PMG 2024"]


def test_catalog_show_lists_every_id():
    result = CliRunner().invoke(main, ["catalog", "show", "pmg-2024"])
    assert result.exit_code == 0, result.output
    catalog = CatalogRegistry().get("pmg-2024").model
    ids = [*(o.id for o in catalog.objectives), *(i.id for i in catalog.indicators),
           *(s.id for s in catalog.systems), *(k.id for k in catalog.gender_measure_kinds)]
    find_in_order(result.output, ids)
    lines = result.output.splitlines()
    stages = lines[next(i for i, line in enumerate(lines) if f"Etapas de {SYSTEM}" in line):]
    # Piped, nothing is cut: whole names, one row per line.
    cells = [re.split(r"\s{2,}", line) for line in stages]
    assert ["1", "Diagnóstico de la calidad de servicio y experiencia usuaria", "3", "11"] in cells
    assert ["2", "Diseño de un plan de mejoramiento", "1", "6"] in cells


@pytest.mark.slow
def test_help_and_catalog_commands_load_no_writer():
    code = ("import sys\nfrom click.testing import CliRunner\nfrom pmg_docs.cli import main\n"
            "for args in (['--help'], ['guide', '--help'], ['catalog', 'list'],"
            " ['catalog', 'show', 'pmg-2024']):\n"
            "    assert CliRunner().invoke(main, args).exit_code == 0, args\n"
            "print(sorted(m for m in ('weasyprint', 'docx') if m in sys.modules))")
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                               check=True)
    assert completed.stdout.strip() == "[]"
