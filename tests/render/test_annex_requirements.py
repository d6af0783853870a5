"""`pmg render --annex requisitos`: the formulation ends with the technical requirements of
exactly the stage objectives it commits with a weight above zero, in PDF and in DOCX."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from pmg_docs.cli import main
from tests.support.doc_text import (
    docx_body_text,
    docx_header_footer,
    normalize,
    pdf_body_text,
    tokens,
)

CODE = re.compile(r"\bE\d-\d{2}-RT\d+\b")
ANNEX_TITLE = "Anexo: Requisitos técnicos de los objetivos comprometidos"
STAGE_1 = [f"E1-01-RT{n}" for n in (1, 2, 3)] + [f"E1-02-RT{n}" for n in range(4, 10)] + [
    "E1-03-RT1", "E1-03-RT3"]
STAGE_2 = [f"E2-01-RT{n}" for n in range(1, 7)]
OBJECTIVE_1_2 = [code for code in STAGE_1 if code.startswith("E1-02-")]


def _render(source, out, *options) -> dict:
    result = CliRunner().invoke(main, ["render", str(source), "-o", str(out), *options])
    assert result.exit_code == 0, result.output
    docx, pdf = out / f"{source.stem}.docx", out / f"{source.stem}.pdf"
    header, _ = docx_header_footer(docx)
    return {"docx": docx_body_text(docx), "pdf": pdf_body_text(pdf, header)}


@pytest.fixture(scope="module")
def aduanas(root, tmp_path_factory) -> dict:
    return _render(root / "examples" / "2024" / "aduanas.yaml", tmp_path_factory.mktemp("annex"),
                   "--annex", "requisitos")


@pytest.fixture(scope="module")
def aduanas_without_objective_1_2(root, tmp_path_factory) -> dict:
    """Aduanas with stage 1 objective 2 of Calidad de Servicio at 0 % (its 5 % moved to
    objective 3), so that its requirements must leave the annex."""
    out = tmp_path_factory.mktemp("variant")
    text = (root / "examples" / "2024" / "aduanas.yaml").read_text(encoding="utf-8")
    changed = text.replace("{stage: 1, weights: [15, 5, 5]}", "{stage: 1, weights: [15, 0, 10]}")
    assert changed != text
    source = out / "aduanas-variant.yaml"
    source.write_text(changed, encoding="utf-8")
    return _render(source, out / "docs", "--annex", "requisitos")


def annex_part(text: str) -> str:
    before, title, annex = text.partition(ANNEX_TITLE)
    assert title, "no annex"
    assert not CODE.search(before), "requirement codes before the annex"
    return annex


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_annex_lists_exactly_the_committed_requirements(aduanas, fmt):
    # Aduanas commits Calidad de Servicio stage 1 objectives 1-3 and stage 2 objective 1 (all
    # with requirements) and Estado Verde objectives (none in the catalog).
    codes = CODE.findall(annex_part(aduanas[fmt]))
    assert sorted(codes) == sorted(STAGE_1 + STAGE_2)
    assert len(codes) == len(set(codes))


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_an_objective_at_zero_leaves_the_annex(aduanas_without_objective_1_2, fmt):
    codes = CODE.findall(annex_part(aduanas_without_objective_1_2[fmt]))
    assert sorted(codes) == sorted(set(STAGE_1 + STAGE_2) - set(OBJECTIVE_1_2))
    assert not set(codes) & set(OBJECTIVE_1_2)


@pytest.mark.slow
def test_annex_reads_in_order(aduanas):
    annex = normalize(annex_part(aduanas["docx"]))
    values = [
        "Sistema Estado Verde",
        "El catálogo no contiene requisitos técnicos de los objetivos comprometidos de este sistema.",
        "Sistema Calidad de Servicio y Experiencia Usuaría",
        "Etapa 1: Diagnóstico de la calidad de servicio y experiencia usuaria — Objetivo 1 "
        "(ponderación 15%)", "E1-01-RT1", "Actualización Comité en relación a las etapas 1 y 2.",
        "Objetivo 2 (ponderación 5%)", "E1-02-RT4", "Se combinan los requisitos técnicos",
        "E1-02-RT5", "E1-02-RT6", "Se fusionan los requisitos técnicos", "E1-02-RT7",
        "Objetivo 3 (ponderación 5%)", "E1-03-RT1", "E1-03-RT3",
        "Etapa 2: Diseño de un plan de mejoramiento — Objetivo 1 (ponderación 5%)",
        "E2-01-RT1", "E2-01-RT6"]
    position = 0
    for value in values:
        found = annex.find(value, position)
        assert found >= 0, value
        position = found + len(value)
    # A merged group's note once.
    assert annex.count("Se fusionan los requisitos técnicos") == 1


@pytest.mark.slow
def test_annex_pdf_text_equals_docx_text(aduanas):
    pdf_words, docx_words = tokens(aduanas["pdf"]), tokens(aduanas["docx"])
    assert docx_words - pdf_words == {}
    repeated = tokens(" ".join([
        "Código Requisito técnico Nota técnica",
        "N° Nombre del indicador Fórmula Meta Mide Ponderador",
        "Etapas de Desarrollo Objetivos de Gestión Ponderación Objetivo de Gestión",
        "N° Medidas de Género Descripción Medidas de Género", "N° Nombre del Sistema Ponderador"]))
    assert set(pdf_words - docx_words) <= set(repeated), pdf_words - docx_words


@pytest.mark.slow
def test_without_the_option_there_is_no_annex(built_examples):
    text = docx_body_text(built_examples / "2024" / "aduanas.docx")
    assert ANNEX_TITLE not in text
    assert not CODE.search(text)


@pytest.mark.slow
def test_build_takes_the_option_too(root, tmp_path):
    result = CliRunner().invoke(main, ["build", str(root / "examples"), "-o", str(tmp_path),
                                       "--format", "docx", "--annex", "requisitos"])
    assert result.exit_code == 0, result.output
    for name in ("aduanas", "ips"):
        annex = annex_part(docx_body_text(tmp_path / "2024" / f"{name}.docx"))
        assert sorted(CODE.findall(annex)) == sorted(STAGE_1 + STAGE_2)
    # The 2011 format weighs no stage objectives: it gets no annex (not an empty page), and a
    # circular takes none.
    assert ANNEX_TITLE not in docx_body_text(tmp_path / "2011" / "osorno.docx")
    assert ANNEX_TITLE not in docx_body_text(tmp_path / "circulars" / "circular-39-2011.docx")


def test_unknown_annex_is_a_usage_error(root, tmp_path):
    result = CliRunner().invoke(main, ["render", str(root / "examples" / "2024" / "aduanas.yaml"),
                                       "-o", str(tmp_path), "--annex", "anexos"])
    assert result.exit_code == 2
    assert "Valor no válido para '--annex': 'anexos' no es 'requisitos'" in result.stderr
    assert list(tmp_path.iterdir()) == []
