"""The Informe de Cumplimiento and the Programa de Trabajo of the 2024 examples, rendered by
`pmg build` like every other source, carry their figures in both formats; a build redoes them
when the formulation they name changes."""

from __future__ import annotations

import shutil

import pytest

from pmg_docs.build import build_tree
from pmg_docs.render.pipeline import RenderOptions
from tests.support.doc_text import docx_body_text, find_in_order, pdf_pages_text
from tests.support.paths import ROOT

EXTRACT = {"pdf": pdf_pages_text, "docx": docx_body_text}

# In reading order (pdftotext reads a table row's long names before its figures, so the
# names and figures of one row are not interleaved here).
RESULTS = [
    "INFORME DE CUMPLIMIENTO DEL PROGRAMA DE MEJORAMIENTO DE LA GESTIÓN AÑO 2024",
    "SERVICIO NACIONAL DE ADUANAS",
    "Objetivo N°2: Eficiencia Institucional", "40.00", "35.00",
    "Porcentaje de cumplimiento global", "90.00 %",
    "Tramo de incentivo", "Total (100 % del incremento: 7.6 % de las remuneraciones)",
    "Medidas de Equidad de Género (20.00)", "37.5 %", "[(3 / 8) * 100]", "100.00 %", "Cumplido",
    "Estado Verde (35.00)", "85.71 %", "No cumplido", "105.28 %",
    "[(12.608.049 / 11.975.373) * 100]", "110.50 %", "[(13.232.783 / 11.975.373) * 100]",
    "95.28 %", "Cumplido",
    "Transformación Digital (10.00)", "78.85 %",
    "Causas externas", "Estado Verde", "Pendiente",
]
WORK_PLAN = [
    "PROGRAMA DE TRABAJO PMG AÑO 2024", "SERVICIO NACIONAL DE ADUANAS",
    "Medidas de Equidad de Género", "Medida 1: Capacitación",
    "Diseño del curso de primera acogida", "01-03-2024", "30-04-2024",
    "Subdirección de Recursos Humanos", "Programa del curso aprobado por la Mesa de Género",
    "Sistemas de Gestión", "Estado Verde", "Constitución del Comité Estado Verde",
    "Etapa 1, objetivo 1:", "01-03-2024", "15-04-2024",
]


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("document, values", [("resultados/aduanas", RESULTS),
                                              ("programas/aduanas", WORK_PLAN)])
def test_documents_carry_their_figures(built_examples, document, values, fmt):
    find_in_order(EXTRACT[fmt](built_examples / "2024" / f"{document}.{fmt}"), values)


@pytest.mark.slow
def test_a_changed_formulation_rebuilds_the_documents_that_name_it(tmp_path):
    source = tmp_path / "src"
    shutil.copytree(ROOT / "examples" / "2024", source)
    (source / ".git").mkdir()
    out = tmp_path / "out"
    first = build_tree(source, RenderOptions(formats=("pdf",), out_dir=out))
    # Six formulations, results and work plans, and the marco's decree and documento técnico.
    assert (first.built, first.failed) == (8, 0), [str(d) for d in first.diagnostics]
    formulation = source / "aduanas.yaml"
    formulation.write_text(formulation.read_text(encoding="utf-8").replace(
        "Servicio, la que será evidenciada", "Servicio, lo que será evidenciado"),
        encoding="utf-8")
    second = build_tree(source, RenderOptions(formats=("pdf",), out_dir=out))
    # The formulation, its results and its work plan; IPS's three and the marco's two are
    # unchanged.
    assert (second.built, second.skipped) == (3, 5)
