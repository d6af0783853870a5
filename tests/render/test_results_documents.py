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
    # Two formulations, their results and work plans, Aduanas' monthly report, and the marco's
    # decree, documento técnico and requirements guide.
    assert (first.built, first.failed) == (10, 0), [str(d) for d in first.diagnostics]
    formulation = source / "aduanas.yaml"
    formulation.write_text(formulation.read_text(encoding="utf-8").replace(
        "Servicio, la que será evidenciada", "Servicio, lo que será evidenciado"),
        encoding="utf-8")
    second = build_tree(source, RenderOptions(formats=("pdf",), out_dir=out))
    # The formulation, its results, work plan and monthly report; IPS's three and the marco's
    # three are unchanged.
    assert (second.built, second.skipped) == (4, 6)


# Results of every format of formulation and the monthly report (issue 25), in reading order.
FORMULARIO_H = [
    "INFORME DE CUMPLIMIENTO DE INDICADORES DE DESEMPEÑO AÑO 2025", "Proceso finalizado",
    "31 de marzo de 2026", "Resumen del cumplimiento", "12,5 días", "12,6 días", "99,2 %",
    "Cumplido", "$ 723", "$ 796", "90,8 %", "No cumplido",
    "Porcentaje de indicadores cumplidos", "66,7 %", "Ponderación Formulario Incentivo",
    "15,00 %", "15,00 %", "5,00 %", "0,00 %", "30,00 %", "25,00 %",
    "Indicador N° 1: Tiempo promedio de concesión de la Pensión Garantizada Universal",
    "Eficacia/Producto", "12,5 días [2.486.400 / 198.912]",
    "H: 12,5 días (1.301.400/104.200), cumplimiento 100,0 %",
    "M: 12,7 días (1.261.840/98.980), cumplimiento 98,4 %",
    "M: 81,7 % (2.169.135/2.655.000), cumplimiento 96,1 %", "Primer trimestre: 81,4 % (968.200/1.190.000)",
    "Cuarto trimestre: 83,5 % (1.031.000/1.235.000)", "Acumulado: 82,4 % (4.012.345/4.870.000)",
]
OSORNO_2011 = [
    "INFORME DE CUMPLIMIENTO DEL PROGRAMA DE MEJORAMIENTO DE LA GESTIÓN AÑO 2011",
    "GOBERNACION PROVINCIAL DE OSORNO", "Área 1: Planificación / Control de Gestión",
    "Sistema de Monitoreo del Desempeño Institucional", "50.00 %", "Subtotal del área",
    "74.00 %", "Área 3: Calidad de Atención a Usuarios", "Sistema Seguridad de la Información",
    "20.00 %", "No", "0.00 %", "Porcentaje de cumplimiento global", "80.00 %",
    "Parcial (50 % del incremento: 3.8 % de las remuneraciones)", "Causas externas", "Pendiente",
]
MONTHLY = [
    "INFORME MENSUAL DE INDICADORES TRANSVERSALES AÑO 2024", "SERVICIO NACIONAL DE ADUANAS",
    "Medidas de Equidad de Género", "Enero", "Febrero", "Sin información", "Marzo",
    "Acumulado (último mes informado)", "37.5 %", "Cumplimiento del acumulado: 100.00 %",
    "Concentración del Gasto Subtítulos 22 + 29", "Diciembre", "4.806.954", "1.602.318",
    "300.00 %", "Acumulado (suma de los meses)", "12.433.245", "11.871.367", "104.73 %",
    "Cumplimiento del acumulado: 100.52 %", "Transformación Digital", "84.76 %",
]


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("document, values", [
    ("2025/resultados/ips-indicadores", FORMULARIO_H), ("2011/resultados/osorno", OSORNO_2011),
    ("2024/mensual/aduanas", MONTHLY)], ids=["formulario-h", "areas-2011", "mensual"])
def test_results_of_every_format_carry_their_figures(built_examples, document, values, fmt):
    find_in_order(EXTRACT[fmt](built_examples / f"{document}.{fmt}"), values)
