"""Every problem in one run: shape errors and rule errors of one file, reported together.

The file is the Aduanas formulation with one mistake of each class: a key that does not exist,
a text where a number belongs, a missing field (shape); a total that does not add up, an
objective whose items do not add up to its weight, a target whose value is not its fraction,
an id the catalog lacks (rules). Each is reported, located and named as the document names it,
and nothing else is: the items left out for their shape mislead no sum (load/partial.py).
"""

from __future__ import annotations

from click.testing import CliRunner

from pmg_docs.cli import main
from tests.support.paths import ROOT

ADUANAS = ROOT / "examples" / "2024" / "aduanas.yaml"


def _seeded(tmp_path, *edits) -> str:
    text = ADUANAS.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / "aduanas.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1, result.output
    return result.stdout


def test_one_mistake_of_each_class_all_at_once(tmp_path):
    report = _seeded(
        tmp_path,
        # shape: an unknown key
        ('  chapter: "04"\n', '  chapter: "04"\n  region: Valparaíso\n'),
        # shape: text where a number belongs (the stage row is left out of the rules)
        ("{stage: 2, weights: [10, 5]}", '{stage: 2, weights: [10, "5"]}'),
        # shape: a missing field (the indicator is left out of the rules)
        ("      - indicator: transformacion-digital\n        weight: 10\n",
         "      - indicator: transformacion-digital\n"),
        # rules: a total, an objective's sum, a target, an id
        ("  - objective: gestion-eficaz\n    weight: 20", "  - objective: gestion-eficaz\n    weight: 25"),
        ("value: 105.28}", "value: 105.29}"),
        ("  - kind: estudios-y-estadisticas", "  - kind: estudios"),
    )
    assert report.splitlines() == [
        f"{tmp_path / 'aduanas.yaml'}:{line}: {message}" for line, message in (
            (10, "Servicio › `region`: campo desconocido; vea los campos que admite cada lugar "
                 "en docs/campos.md"),
            (28, "Objetivo N°2 › Sistema «Estado Verde» › Etapa 2 › Objetivo 2: se encontró el "
                 "texto «5» (entre comillas); se espera un número: escríbalo sin comillas, 5"),
            (47, "Objetivo N°3 › Indicador «Transformación Digital» › ponderación: falta este "
                 "campo obligatorio"),
            (12, "objetivos: las ponderaciones de los objetivos suman 105.00 (25.00 + 40.00 + "
                 "40.00); se espera 100.00"),
            (14, "Objetivo N°1 › ponderación: la ponderación es 25.00, pero sus indicadores y "
                 "sistemas suman 20.00 (20.00); se espera que sean iguales"),
            (34, "Objetivo N°2 › Indicador «Concentración del Gasto Subtítulos 22 + 29» › meta › "
                 "valor: el valor es 105.29, pero 12608049 / 11975373 × 100 = 105.28; se espera "
                 "que coincidan con 2 decimales"),
            (88, "Medida de género N°3 › tipo: «estudios» no es un tipo de medida de género del "
                 "catálogo pmg-2024; se espera uno de: capacitacion, comunicaciones, "
                 "provision-de-bienes-y-servicios, estudios-y-estadisticas"),
        )] + ["1 archivo revisado: 7 errores, 0 avisos"]


def test_a_shape_error_outside_every_list_still_lets_the_rules_run(tmp_path):
    report = _seeded(tmp_path,
                     ('  partida: "08"', "  partida: 8a"),
                     ("value: 105.28}", "value: 105.29}"))
    assert ("Servicio › partida: se encontró «8a»; se espera un código presupuestario de dos o "
            "tres dígitos, entre comillas: \"08\"") in report
    assert "el valor es 105.29, pero 12608049 / 11975373 × 100 = 105.28" in report


def test_counts_across_lists_say_nothing_when_an_item_was_left_out(tmp_path):
    """A gender measure left out for its shape would make the count of measures wrong."""
    report = _seeded(tmp_path, ("  - kind: capacitacion\n    description: |",
                                "  - kind: Capacitacion\n    description: |"))
    assert "Medida de género N°1 › tipo: se encontró «Capacitacion»; se espera un id" in report
    assert "numerador" not in report
    assert report.splitlines()[-1] == "1 archivo revisado: 1 error, 0 avisos"


def test_the_2011_format_too(tmp_path):
    osorno = ROOT / "examples" / "2011" / "osorno.yaml"
    text = osorno.read_text(encoding="utf-8")
    text = text.replace("priority: alta, weight: 20}", "priority: alta, weight: veinte}", 1)
    text = text.replace("- system: equidad-de-genero\n    type: modificar",
                        "- system: equidad-de-genero\n    type: modificar\n    reason: x", 1)
    text = text.replace("{system: siac, stage: 4, priority: menor, weight: 6}",
                        "{system: siac, stage: 4, priority: MENOR, weight: 6}", 1)
    path = tmp_path / "osorno.yaml"
    path.write_text(text, encoding="utf-8")
    report = CliRunner().invoke(main, ["validate", str(path)]).stdout
    assert "› ponderación: se encontró «veinte»; se espera un número" in report
    assert "Modificación «Equidad de Género» › `reason`: campo desconocido" in report
    assert "«MENOR» no es una prioridad del catálogo pmg-2011" in report
    # The system left out for its weight would make the total wrong: no total is reported.
    assert "suman" not in report
