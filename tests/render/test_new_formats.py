"""The performance-indicator format and an MEI formulation, rendered by the real writers: every
value of the examples in both formats, targets on their own scales."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from pmg_docs.cli import main
from tests.support.doc_text import docx_body_text, find_in_order, pdf_pages_text
from tests.support.paths import ROOT

EXAMPLES = ROOT / "examples" / "2025"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    out = tmp_path_factory.mktemp("new-formats")
    result = CliRunner().invoke(main, ["render", str(EXAMPLES / "ips-indicadores.yaml"),
                                       str(EXAMPLES / "superintendencia-de-salud-mei.yaml"),
                                       "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _both(out, name):
    return [pdf_pages_text(out / f"{name}.pdf"), docx_body_text(out / f"{name}.docx")]


@pytest.mark.slow
def test_mei_formulation_says_mei_and_prints_days_and_hours(rendered):
    for text in _both(rendered, "superintendencia-de-salud-mei"):
        assert "PROGRAMA DE MEJORAMIENTO" not in text
        find_in_order(text, [
            "FORMULACIÓN DE METAS DE EFICIENCIA INSTITUCIONAL AÑO 2025",
            "SUPERINTENDENCIA DE SALUD", "Objetivo N°1: Gestión Eficaz", "30.00",
            "Medidas de Equidad de Género", "25.0 %", "[(2 / 8) * 100]",
            "Tiempo promedio de resolución de reclamos de personas beneficiarias",
            "35.0 días", "[1.312.500 / 37.500]", "105.59 %", "90.0 %",
            "Transformación Digital", "X", "60 horas", "25.00"])


@pytest.mark.slow
def test_performance_indicators_print_every_field_on_their_scale(rendered):
    for text in _both(rendered, "ips-indicadores"):
        find_in_order(text, [
            "FORMULARIO H — INDICADORES DE DESEMPEÑO AÑO 2025", "INSTITUTO DE PREVISION SOCIAL",
            # summary: decimal commas, the marco's style
            "Tiempo promedio de concesión de la Pensión Garantizada Universal", "días",
            "12,5 días", "85,0 %", "$ 723",
            # first fact sheet
            "Producto estratégico", "Beneficios previsionales y sociales",
            "Tipo de indicador", "Eficacia/Producto", "Fórmula de cálculo", "Unidad de medida",
            "Meta 2025", "12,5 días [2.486.400 / 198.912]", "Numerador",
            "Sumatoria de días hábiles de tramitación de las PGU concedidas en el año t: "
            "2.486.400", "Denominador", "N° de PGU concedidas en el año t: 198.912",
            "Medios de verificación", "Base de datos de resoluciones de concesión de beneficios",
            "Aplica desagregación por sexo", "Sí", "Aplica gestión territorial", "Sí",
            "Nota técnica", "No se incluyen las solicitudes rechazadas ni las desistidas.",
            # the third, an amount of money
            "Costo promedio por atención en los canales no presenciales", "Economía/Proceso",
            "$ 723 [3.847.000.000 / 5.320.000]", "Aplica desagregación por sexo", "No"])
