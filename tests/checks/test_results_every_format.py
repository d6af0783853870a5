"""Results of every format of formulation (issue 25): a Formulario H's indicators with their
figures by sex, a second weight and a quarterly series; a 2011 formulation's systems committed
whole; a monthly report of the transversal indicators. Compliance checked against figures
computed by hand; every wrong figure a located Spanish error naming the sex or the period and
the arithmetic."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from pmg_docs.checks import check_path
from pmg_docs.domain.compliance import judge
from pmg_docs.domain.targets import accumulated, indicator_of
from pmg_docs.load import CatalogRegistry
from tests.support.located import assert_located, validate
from tests.support.paths import ROOT
from tests.support.sources import view_of

EXAMPLES = ROOT / "examples"
# (results file, its formulation), below examples/.
SOURCES = {"indicadores": ("2025/resultados/ips-indicadores.yaml", "2025/ips-indicadores.yaml"),
           "areas": ("2011/resultados/osorno.yaml", "2011/osorno.yaml"),
           "mensual": ("2024/mensual/aduanas.yaml", "2024/aduanas.yaml")}


def _checked(name: str):
    document, diagnostics = check_path(EXAMPLES / SOURCES[name][0], CatalogRegistry())
    assert [str(d) for d in diagnostics] == []
    return document


def test_a_formulario_h_is_judged_by_its_own_definitions():
    document = _checked("indicadores")
    judgement = judge(document.model, document.formulation.model, document.catalog)
    got = [(j.commitment.id, str(j.percent), j.met, {k: str(v) for k, v in j.by_sex.items()})
           for j in judgement.items]
    assert got == [
        # Descending (lower is better), on the values stated: 12.5 / 12.6 × 100; H 12.5 /
        # 12.5; M 12.5 / 12.7.
        ("tiempo-concesion-pgu", "99.2", True, {"men": "100.0", "women": "98.4"}),
        # 82.4 / 85; H 83.2 / 85; M 81.7 / 85.
        ("atenciones-oportunas", "96.9", True, {"men": "97.9", "women": "96.1"}),
        # Descending: 723 / 796 = 90.8 < 95.
        ("costo-por-atencion", "90.8", False, {}),
    ]
    # No weights in this marco: 2 of 3 indicators met.
    assert (judgement.percent, judgement.band.name) == (Decimal("66.7"), "Cumplimiento bajo")


def test_a_results_row_carries_its_indicators_id_definition_and_report_shapes():
    view = view_of(_checked("indicadores"))
    rows = [row for section in view["sections"] for row in section["rows"]]
    first = rows[0]
    assert first["id"] == first["indicator"]["id"] == "tiempo-concesion-pgu"
    assert (first["indicator"]["unit"], first["indicator"]["type"], first["indicator"]["scale"]) \
        == ("días", "Eficacia/Producto", "days")
    assert first["indicator"]["formula"].startswith("Sumatoria de días hábiles")
    assert "No se incluyen las solicitudes rechazadas" in first["indicator"]["notes"]
    assert [(s["label"], s["figures"]["value"], s["figures"]["numerator"], s["percent"])
            for s in first["by_sex"]] == [("H", "12,5", "1.301.400", "100,0"),
                                          ("M", "12,7", "1.261.840", "98,4")]
    assert [(w["name"], w["weight"], w["obtained"]) for w in rows[2]["other_weights"]] == [
        ("Ponderación Formulario Incentivo", "5,00", "0,00")]
    assert [(w["name"], w["weight"], w["obtained"]) for w in view["other_weights"]] == [
        ("Ponderación Formulario Incentivo", "30,00", "25,00")]
    series = rows[1]["series"]
    assert [p["name"] for p in series["periods"]] == [
        "Primer trimestre", "Segundo trimestre", "Tercer trimestre", "Cuarto trimestre"]
    assert series["accumulated"]["value"] == "82,4"
    assert (view["state"], view["date"]) == ("Proceso finalizado", "31 de marzo de 2026")


def test_a_2011_formulation_earns_the_weight_of_each_validated_stage():
    document = _checked("areas")
    judgement = judge(document.model, document.formulation.model, document.catalog)
    assert [(j.commitment.id, j.met, j.earned) for j in judgement.items] == [
        ("siac", True, 6), ("seguridad-de-la-informacion", False, 0),
        ("monitoreo-del-desempeno", True, 50), ("descentralizacion", True, 12),
        ("equidad-de-genero", True, 12)]
    assert (judgement.percent, judgement.band.name) == (Decimal("80.00"), "Parcial")
    view = view_of(document)
    # Grouped by the catalog's áreas, in their order.
    assert [(s["name"], s["weight"], s["earned"]) for s in view["sections"]] == [
        ("Planificación / Control de Gestión", "74.00", "74.00"),
        ("Calidad de Atención a Usuarios", "26.00", "6.00")]


def test_a_monthly_series_accumulates_as_its_indicator_says():
    document = _checked("mensual")
    by_id = {r.indicator: r for r in document.model.indicators}
    catalog = document.catalog

    def total(ident):
        return accumulated(by_id[ident].periods, catalog.indicator(ident))

    # A flow: 12.433.245 / 11.871.367 × 100 (the months' sums).
    spending = total("concentracion-del-gasto")
    assert (spending.numerator, spending.denominator, round(spending.value, 2)) == (
        12433245, 11871367, 104.73)
    # Reported to date: the last month given (diciembre), gaps in febrero and agosto.
    assert total("equidad-de-genero").value == 37.5
    view = view_of(document)
    gender = view["rows"][0]["series"]["periods"]
    assert [p["name"] for p in gender if p["figures"] is None] == ["Febrero", "Agosto"]
    assert [r["percent"] for r in view["rows"]] == ["100.00", "100.52", None]


def test_results_link_to_a_formulation_of_every_format():
    for name in SOURCES:
        document = _checked(name)
        assert indicator_of is not None and document.formulation.source.path.name \
            == Path(SOURCES[name][1]).name


def _copy(tmp_path: Path, name: str) -> Path:
    """The example and its formulation in a repository of their own; the results file."""
    results, formulation = SOURCES[name]
    (tmp_path / ".git").mkdir()
    for relative in (results, formulation):
        target = tmp_path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(EXAMPLES / relative, target)
    return tmp_path / results


def _edit(path: Path, old: str, new: str) -> Path:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


PGU = "Indicador «tiempo-concesion-pgu»"
# (example, text replaced, replacement, line, the place as the document names it, message)
BREAKAGES = [
    # The issue's own example.
    ("mensual", "marzo: {numerator: 0, denominator: 8, value: 0.0}",
     "marzo: {numerator: 73, denominator: 90, value: 81.2}", 18,
     "Indicador «Medidas de Equidad de Género» › serie › Marzo › valor",
     "el valor es 81.2, pero 73 / 90 × 100 = 81.1; se espera que coincidan con 1 decimal"),
    ("mensual", "marzo: {numerator: 104, denominator: 164, value: 63.41}",
     "marzo: {numerator: 104, denominator: 164, value: 63.5}", 47,
     "Indicador «Transformación Digital» › serie › Marzo › valor",
     "el valor es 63.5, pero 104 / 164 × 100 = 63.41; se espera que coincidan con 2 decimales"),
    ("mensual", "      julio: {numerator: 2, denominator: 8, value: 25.0}\n", "", 14,
     "Indicador «Medidas de Equidad de Género»", None),
    ("mensual", "  - indicator: transformacion-digital\n    periods:",
     "  - indicator: transformacion-digital\n    effective: {value: 84.76}\n    x:", 45,
     "Indicador «Transformación Digital» › `x`", "campo desconocido"),
    ("indicadores", "men: {numerator: 1301400, denominator: 104200, value: 12.5}",
     "men: {numerator: 1301400, denominator: 104200, value: 12.9}", 18,
     f"{PGU} › por sexo › H › valor", "el valor es 12.9, pero 1301400 / 104200 = 12.5"),
    ("indicadores", "women: {numerator: 1261840, denominator: 98980, value: 12.7}",
     "women: {numerator: 1261000, denominator: 98980, value: 12.7}", 17,
     f"{PGU} › por sexo", "numerador: H 1301400 + M 1261000 = 2562400, pero el resultado "
     "efectivo dice 2563240"),
    ("indicadores", "{id: formulario-incentivo, weight: 5, obtained: 0}",
     "{id: formulario-incentivo, weight: 5, obtained: 5}", 47,
     "Indicador «costo-por-atencion» › «Ponderación Formulario Incentivo» › ponderación "
     "obtenida", "5, pero el indicador no se cumplió (cumplimiento del 90.8 %; se cumple desde "
     "el 95 %); se espera 0"),
    ("indicadores", "{id: formulario-incentivo, weight: 15, obtained: 15}",
     "{id: formulario-incentivos, weight: 15, obtained: 15}", 21,
     f"{PGU} › «formulario-incentivos»", "¿quiso decir «formulario-incentivo»?"),
    ("indicadores", "t4: {numerator: 1031000, denominator: 1235000, value: 83.5}",
     "t4: {numerator: 1032000, denominator: 1235000, value: 83.6}", 26,
     "Indicador «atenciones-oportunas» › resultado efectivo › numerador",
     "4012345, pero el acumulado de la serie (la suma de sus períodos) da "
     "4013345; se espera el acumulado"),
    ("indicadores", "      t1: {numerator: 968200",
     "      enero: {numerator: 1, denominator: 1, value: 100}\n      t1: {numerator: 968200", 33,
     "Indicador «atenciones-oportunas» › serie", "una serie es mensual"),
    ("areas", "  - system: siac\n    validated: true",
     "  - system: siac\n    stages: [{stage: 4, achieved: [1]}]", 13,
     "Sistema «Sistema Integral de Información y Atención Ciudadana» › etapas",
     "la formulación compromete la etapa 4 entera"),
    ("areas", "  - system: monitoreo-del-desempeno\n    validated: true",
     "  - system: monitoreo-del-desempeno", 20,
     "Sistema «Sistema de Monitoreo del Desempeño Institucional»",
     "falta si la etapa 1 comprometida fue validada"),
]


@pytest.mark.parametrize("name, old, new, line, place, message", BREAKAGES,
                         ids=[f"{b[0]}-{b[4][-20:]}" for b in BREAKAGES])
def test_a_wrong_figure_gets_a_located_error(tmp_path, name, old, new, line, place, message):
    results = _edit(_copy(tmp_path, name), old, new)
    if message is None:
        # A gap is no error: a month left out is shown as such.
        assert check_path(results, CatalogRegistry())[1] == []
        return
    assert_located(validate(results), results.name, line, place, message)


def test_a_monthly_report_needs_each_indicators_series(tmp_path):
    results = _copy(tmp_path, "mensual")
    text = results.read_text(encoding="utf-8")
    start = text.index("  - indicator: transformacion-digital")
    results.write_text(text[:start] + "  - indicator: transformacion-digital\n"
                       "    effective: {numerator: 139, denominator: 164, value: 84.76}\n",
                       encoding="utf-8")
    assert_located(validate(results), "aduanas.yaml", 43, "Indicador «Transformación Digital»",
                   "falta la serie del año; se espera `periods:`")
