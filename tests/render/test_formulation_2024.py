"""The 2024 examples rendered to PDF and DOCX carry every value of the original formulations."""

from __future__ import annotations

import re

import pytest

from tests.support.doc_text import (
    contains_in_order,
    docx_body_text,
    docx_header_footer,
    find_in_order,
    pdf_body_text,
    pdf_pages_text,
    tokens,
)
from tests.support.paths import SEEDS

# Every test here reads documents rendered by the real writers.
pytestmark = pytest.mark.slow

TITLE = "FORMULACIÓN DEL PROGRAMA DE MEJORAMIENTO DE LA GESTIÓN AÑO 2024"

FORMULA_GENDER = ("(Número de medidas para la igualdad de género implementadas en el año t/Número "
                  "total de medidas para la igualdad de género establecidas en el programa marco "
                  "del año t)*100")
FORMULA_SPENDING = (
    "((Gastos ejecutados de subtítulos 22 y 29 en el segundo semestre del año t + gastos "
    "ejecutados de subtítulos 22 y 29 en el cuarto trimestre del año t + gasto ejecutado de "
    "subtítulos 22 y 29 en el mes de diciembre del año t) / Total de gastos ejecutados de "
    "subtítulos 22 y 29 en el año t ) * 100")
FORMULA_DIGITAL = (
    "(N° de procedimientos administrativos electrónicos (PAE) al año t / N° total de "
    "procedimientos administrativos vigentes en el año t, registrados en el Catálogo de "
    "Procedimientos Administrativos y Trámites (CPAT)) * 100")

# Values of the originals, in the order a reader meets them (seeds 000 and 001).
EXPECTED = {
    "aduanas": {
        "seed": "000_1c1da51579a5ffb5.txt",
        "in_order": [
            TITLE,
            "MINISTERIO", "MINISTERIO DE HACIENDA", "PARTIDA", "08",
            "SERVICIO", "SERVICIO NACIONAL DE ADUANAS", "CAPÍTULO", "04",
            "Objetivo N°1: Gestión Eficaz", "20.00", "1",
            "Objetivo N°2: Eficiencia Institucional", "40.00", "2",
            "Objetivo N°3: Calidad de Servicio", "40.00", "2",
            "Total", "100.00", "5",
            "Objetivo 1. Gestión Eficaz (Ponderación: 20.00%)",
            "Medidas de Equidad de Género", FORMULA_GENDER, "37.5 %", "[(3 / 8) * 100]", "20.00",
            "Objetivo 2. Eficiencia Institucional (Ponderación: 40.00%)",
            "Estado Verde", "35.00", "35%",
            "Concentración del Gasto Subtítulos 22 + 29", FORMULA_SPENDING, "105.28 %",
            "[(12.608.049 / 11.975.373) * 100]", "5.00",
            "Objetivo 3. Calidad de Servicio (Ponderación: 40.00%)",
            "Calidad de Servicio y Experiencia Usuaría", "30.00", "30%",
            "Transformación Digital", FORMULA_DIGITAL, "X", "10.00",
            "Medidas de Equidad de Género", "3",
        ],
        "measures": [
            ("Capacitación avanzada en materia de género aplicado al quehacer del Servicio a "
             "funcionarias/os y equipos directivos del Servicio y, capacitación básica en materia "
             "de género sólo para Servicios nuevos y funcionarios/as que no han sido "
             "capacitados/as.",
             ["Capacitación avanzada en primera acogida en violencia de género a funcionarios de "
              "OIRS, Integrantes de la Mesa de Género y Coordinadores/as de Género en Regiones",
              "con el fin último de avanzar en la erradicación de la violencia de género."]),
            ("Procesos de Provisión de bienes o servicios con perspectiva de género.",
             ["Diseño de una Política de Experiencia Usuaría Incorporando Perspectiva de Género.",
              "Principios orientadores para el Diseño de la Política de Experiencia Usuaría:",
              "Considerar enfoques transversales de gobierno, como enfoque de género.",
              "Considerar los elementos que contemple la nueva planificación estratégica, misión, "
              "visión y objetivos estratégicos.",
              "Considerar un enfoque participativo en la formulación de la Política.",
              "La difusión de la política será en intranet de Aduanas, a las personas funcionarias "
              "del Servicio, la que será evidenciada por capturas de pantallas."]),
            ("Estudios, datos y estadísticas con información desagregada por sexo/género y "
             "análisis de género.",
             ["Elaboración de un informe estadístico comparativo 2022 y 2023 por sexo, enfocado en "
              "las exportaciones realizadas por personas naturales.",
              "principales países de destino de las exportaciones y tipo de mercancías."]),
        ],
    },
    "ips": {
        "seed": "001_c4e424ef76dc8417.txt",
        "in_order": [
            TITLE,
            "MINISTERIO DEL TRABAJO Y PREVISION SOCIAL", "PARTIDA", "15",
            "INSTITUTO DE PREVISION SOCIAL", "CAPÍTULO", "09",
            "Objetivo N°1: Gestión Eficaz", "25.00", "1",
            "Objetivo N°2: Eficiencia Institucional", "40.00", "2",
            "Objetivo N°3: Calidad de Servicio", "35.00", "2",
            "Total", "100.00", "5",
            "Objetivo 1. Gestión Eficaz (Ponderación: 25.00%)",
            "Medidas de Equidad de Género", FORMULA_GENDER, "50.0 %", "[(4 / 8) * 100]", "25.00",
            "Objetivo 2. Eficiencia Institucional (Ponderación: 40.00%)",
            "Estado Verde", "20.00", "20%",
            "Concentración del Gasto Subtítulos 22 + 29", FORMULA_SPENDING, "117.58 %",
            "[(131.373.642 / 111.726.656) * 100]", "20.00",
            "Objetivo 3. Calidad de Servicio (Ponderación: 35.00%)",
            "Calidad de Servicio y Experiencia Usuaría", "20.00", "20%",
            "Transformación Digital", FORMULA_DIGITAL, "X", "15.00",
            "Medidas de Equidad de Género", "4",
        ],
        "measures": [
            ("Capacitación avanzada en materia de género aplicado al quehacer del Servicio",
             ["Capacitación nivel avanzado en \"Metodologías y técnicas para la incorporación de la "
              "perspectiva de género y desarrollo de análisis de género\". Número de participantes: "
              "60 personas. Perfil participantes: Encargadas/os de dimensiones de la NCH 3262-2021, "
              "coordinaciones regionales de género y Equipo Técnicos Institucionales."]),
            ("Acciones de Comunicaciones y difusión interna y externa con perspectiva de género.",
             ["Desarrollo de campaña comunicacional orientada a superación de estereotipos de "
              "género, espacios laborales libres de acoso y violencia, conciliación y "
              "corresponsabilidad, Convenio 190 de la OIT. Población Objetivo: Funcionario, "
              "Población Usuaria."]),
            ("Procesos de Provisión de bienes o servicios con perspectiva de género.",
             ["Desarrollo de un diagnóstico vinculado al proceso de Recaudación, distribución, "
              "compensación y registro de las cotizaciones previsionales y cobranza de deudas "
              "orientado a determinar las barreras para incorporar la perspectiva de género."]),
            ("Estudios, datos y estadísticas con información desagregada por sexo/género y "
             "análisis de género.",
             ["Estudio de cultura organizacional con perspectiva de género. Objetivos: 1. "
              "Visibilizar creencias, valores y prácticas compartidas en la Institución desde la "
              "perspectiva de género. 2. Identificar narrativas y prácticas que actúan como "
              "barreras para la inclusión, igualdad de oportunidades, espacios libres de violencias "
              "y superación de estereotipos y sesgos que afectan a mujeres, hombres y diversidades "
              "sexogenéricas al interior de la Institución. 3. Determinar prácticas culturales en "
              "la organización que dificultan la atención y entrega de beneficios/servicios a la "
              "población diversa sexogenérica usuarias de la Institución."]),
        ],
    },
}


def seed_stage_objectives(seed_name: str) -> list[tuple[str, str]]:
    """Every (stage objective, weight) row of the original, read from the seed itself."""
    rows = []
    for line in (SEEDS / seed_name).read_text(encoding="utf-8").splitlines():
        match = re.search(r"(Objetivo \d+: .+?)\t(\d+%)\s*$", line)
        if match:
            rows.append((match.group(1).strip(), match.group(2)))
    return rows


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_docx_has_every_value_in_order(built_examples, name):
    text = docx_body_text(built_examples / "2024" / f"{name}.docx")
    find_in_order(text, EXPECTED[name]["in_order"])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_stage_objective_with_its_weight(built_examples, name):
    rows = seed_stage_objectives(EXPECTED[name]["seed"])
    assert len(rows) == 15  # Estado Verde 8 + Calidad de Servicio 7
    text = docx_body_text(built_examples / "2024" / f"{name}.docx")
    find_in_order(text, [value for row in rows for value in row])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_gender_measure_with_its_description(built_examples, name):
    text = docx_body_text(built_examples / "2024" / f"{name}.docx")
    values = []
    for number, (kind, description) in enumerate(EXPECTED[name]["measures"], start=1):
        values.append(str(number))
        assert contains_in_order(text, kind)
        values.extend(description)
    find_in_order(text.split("Descripción Medidas de Género", 1)[1], values)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_pdf_text_equals_docx_text(built_examples, name):
    docx_path = built_examples / "2024" / f"{name}.docx"
    pdf_path = built_examples / "2024" / f"{name}.pdf"
    header, _ = docx_header_footer(docx_path)
    pdf_words = tokens(pdf_body_text(pdf_path, header))
    docx_words = tokens(docx_body_text(docx_path))
    assert docx_words - pdf_words == {}, "in the DOCX but not in the PDF"
    # The PDF repeats a table's header row on each page it crosses; nothing else may differ.
    header_words = tokens(" ".join([
        "N° Nombre del indicador Fórmula Meta Mide Ponderador",
        "Etapas de Desarrollo Objetivos de Gestión Ponderación Objetivo de Gestión",
        "N° Medidas de Género Descripción Medidas de Género", "N° Nombre del Sistema Ponderador"]))
    extra = pdf_words - docx_words
    assert set(extra) <= set(header_words), f"in the PDF but not in the DOCX: {extra}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_pdf_has_values_and_page_numbers(built_examples, name):
    pdf_text = pdf_pages_text(built_examples / "2024" / f"{name}.pdf")
    pages = re.findall(r"Página (\d+) de (\d+)", pdf_text)
    total = pages[0][1]
    assert [p for p, _ in pages] == [str(n) for n in range(1, int(total) + 1)]
    assert all(t == total for _, t in pages)
    for value in EXPECTED[name]["in_order"]:
        assert tokens(value) <= tokens(pdf_text), value


def test_docx_header_and_page_fields(built_examples):
    header, footer = docx_header_footer(built_examples / "2024" / "aduanas.docx")
    assert header == "Formulación PMG 2024 — SERVICIO NACIONAL DE ADUANAS"
    assert footer.startswith("Página ")


def test_pdf_is_a4_with_embedded_package_font(built_examples):
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdftypes import resolve1

    fonts = set()
    with open(built_examples / "2024" / "aduanas.pdf", "rb") as stream:
        pages = list(PDFPage.get_pages(stream))
        for page in pages:
            for font in resolve1(page.resources.get("Font", {})).values():
                fonts.add(resolve1(font)["BaseFont"].name)
    boxes = [page.mediabox for page in pages]
    assert all(round(b[2] * 25.4 / 72) == 210 and round(b[3] * 25.4 / 72) == 297 for b in boxes)
    # Subset names look like ABCDEF+Arimo-Bold: the package's font (as wide as Arial, the
    # DOCX's), not the system's.
    assert fonts and all(name.split("+")[-1].startswith("Arimo") for name in fonts), fonts
