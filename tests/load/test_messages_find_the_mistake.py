"""Issue 27, item 4: messages that find the real mistake. Each case edits the Aduanas example
the way a person would get it wrong and holds the exact report `pmg validate` gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pmg_docs.cli import main
from tests.support.sources import EXAMPLES

ADUANAS = (EXAMPLES / "2024" / "aduanas.yaml").read_text(encoding="utf-8")


def report(tmp_path: Path, old: str, new: str) -> list[str]:
    """The lines `pmg validate` prints for the example with `old` replaced by `new`."""
    assert old in ADUANAS
    source = tmp_path / "f.yaml"
    source.write_text(ADUANAS.replace(old, new, 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(source)])
    assert result.exit_code == 1, result.output
    return [line.replace(str(source), "f.yaml") for line in result.stdout.splitlines()]


def test_a_misspelt_field_is_named_as_the_field_meant(tmp_path):
    # And `weight` is not reported missing too: it is the same mistake.
    assert report(tmp_path, "        weight: 20\n        target", "        wieght: 20\n        target") == [
        "f.yaml:16: Objetivo N°1 › Indicador «Medidas de Equidad de Género» › `wieght`: campo "
        "desconocido; ¿quiso decir `weight`?",
        "1 archivo revisado: 1 error, 0 avisos"]


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("objective: gestion-eficaz", "objective: gestion-eficas",
     "f.yaml:12: Objetivo N°1: «gestion-eficas» no es un objetivo de gestión del catálogo "
     "pmg-2024; ¿quiso decir «gestion-eficaz»? Se espera uno de: gestion-eficaz, "
     "eficiencia-institucional, calidad-de-servicio"),
    ("indicator: concentracion-del-gasto", "indicator: concentracion-de-gasto",
     "f.yaml:31: Objetivo N°2 › Indicador «concentracion-de-gasto»: «concentracion-de-gasto» no "
     "es un indicador del catálogo pmg-2024; ¿quiso decir «concentracion-del-gasto»? Se espera "
     "uno de: equidad-de-genero, concentracion-del-gasto, transformacion-digital"),
    ("system: estado-verde", "system: estado-verdes",
     "f.yaml:22: Objetivo N°2 › Sistema «estado-verdes»: «estado-verdes» no es un sistema del "
     "catálogo pmg-2024; ¿quiso decir «estado-verde»? Se espera uno de: estado-verde, "
     "calidad-de-servicio-y-experiencia-usuaria"),
])
def test_a_misspelt_id_is_named_as_the_id_meant(tmp_path, old, new, expected):
    assert report(tmp_path, old, new)[0] == expected


def test_a_far_id_gets_no_guess(tmp_path):
    lines = report(tmp_path, "objective: gestion-eficaz", "objective: presupuesto")
    assert lines[0] == (
        "f.yaml:12: Objetivo N°1: «presupuesto» no es un objetivo de gestión del catálogo "
        "pmg-2024; se espera uno de: gestion-eficaz, eficiencia-institucional, "
        "calidad-de-servicio")


def test_a_real_but_wrong_catalog_is_named_at_its_line_first(tmp_path):
    # Not «falta `sistemas`» and the sections of the 2024 format one by one.
    assert report(tmp_path, "catalog: pmg-2024", "catalog: pmg-2011") == [
        "f.yaml:4: catálogo: este archivo está escrito en el formato objetivos; el catálogo "
        "pmg-2011 usa el formato areas: ¿es el catálogo del año? (el formato objetivos lo usan "
        "los catálogos mei-2025, pmg-2024)",
        "1 archivo revisado: 1 error, 0 avisos"]


def test_an_unclosed_quote_is_reported_where_it_opens(tmp_path):
    # The reader notices it two lines later, where the swallowed text runs out.
    assert report(tmp_path, 'partida: "08"', 'partida: "08') == [
        'f.yaml:7: YAML mal formado: el texto entre comillas que empieza en esta línea no se '
        'cierra; se espera la comilla " de cierre al final del texto',
        "1 archivo revisado: 1 error, 0 avisos"]


def test_an_unclosed_single_quote_at_the_end_of_the_file(tmp_path):
    source = tmp_path / "f.yaml"
    source.write_text("kind: formulation\nservice:\n  name: 'ADUANAS\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(source)])
    assert result.stdout.splitlines()[0] == (
        f"{source}:3: YAML mal formado: el texto entre comillas que empieza en esta línea no se "
        "cierra; se espera la comilla ' de cierre al final del texto")


def test_the_scaffold_hint_line_uncommented_is_explained(tmp_path):
    scaffold = tmp_path / "nueva.yaml"
    runner = CliRunner()
    made = runner.invoke(main, ["new", "formulation", "--catalog", "pmg-2024", "--service", "X",
                                "-o", str(scaffold)])
    assert made.exit_code == 0, made.output
    lines = scaffold.read_text(encoding="utf-8").splitlines()
    hint = next(i for i, line in enumerate(lines) if "# target: {" in line)
    lines[hint] = lines[hint].replace("# target:", "target:")
    scaffold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(main, ["validate", str(scaffold)])
    assert result.stdout.splitlines()[0] == (
        f"{scaffold}:{hint + 1}: YAML mal formado: esta es la línea de ayuda de la plantilla, "
        "con dos opciones en una línea; deje solo una: `target:` con los números de la meta en "
        "lugar de «…», o `measure_only: true` si el indicador solo se mide")


def test_text_after_a_closed_row_is_named(tmp_path):
    assert report(tmp_path, "value: 37.5}", "value: 37.5} 40")[0] == (
        "f.yaml:17: YAML mal formado: después del «}» que cierra la línea sigue «40»; quite ese "
        "texto o póngalo tras un # como comentario")


HOW_TO_SAVE = (
    "; guárdelo como UTF-8: en el Bloc de notas, Archivo › Guardar como › Codificación: UTF-8; "
    "en Word, Guardar como › Texto sin formato › Codificación: Unicode (UTF-8); en VS Code, la "
    "codificación en la barra de abajo › Guardar con codificación › UTF-8")


@pytest.mark.parametrize(("data", "line", "lead"), [
    ("kind: formulation\n# año\n".encode("cp1252"), 2,
     "no es texto UTF-8: el byte 0xF1 es «ñ» guardado con la codificación de Windows"),
    ("kind: formulation\n".encode("utf-16"), 1,
     "no es texto UTF-8: está guardado como UTF-16 («Unicode» en el Bloc de notas)"),
    (b"kind: x\n\x81\n", 2, "no es texto UTF-8 (byte 8)"),
])
def test_an_encoding_error_says_how_to_save_as_utf8(tmp_path, data, line, lead):
    source = tmp_path / "f.yaml"
    source.write_bytes(data)
    result = CliRunner().invoke(main, ["validate", str(source)])
    assert result.stdout.splitlines()[0] == f"{source}:{line}: {lead}{HOW_TO_SAVE}"


def test_a_decimal_comma_inside_a_row_is_placed_as_the_document_names_it(tmp_path):
    assert report(tmp_path, "value: 37.5}", "value: 37,5}") == [
        "f.yaml:17: Objetivo N°1 › Indicador «Medidas de Equidad de Género» › meta › valor: "
        "«37,5» dentro de {…}: en una fila entre llaves la coma separa campos, así que YAML leyó "
        "37 y una clave «5»; se espera el número con punto decimal: escriba 37.5",
        "1 archivo revisado: 1 error, 0 avisos"]


def test_a_decimal_comma_read_outside_a_document_is_still_refused():
    # `pmg fmt` and the circulars' options read YAML text with no document to name places.
    from pmg_docs.diagnostics import InputError
    from pmg_docs.load.located_yaml import parse_yaml_text

    with pytest.raises(InputError) as raised:
        parse_yaml_text("target: {value: 37,5}\n", "t.yaml")
    [diagnostic] = raised.value.diagnostics
    assert (diagnostic.line, diagnostic.path) == (1, ("target", "value"))


@pytest.mark.parametrize(("old", "new", "expected"), [
    # `type` is a field elsewhere («tipo», an exemption's): the key is named as written, and
    # the field it stands for, missing here, is not reported apart.
    ("  - kind: capacitacion", "  - type: capacitacion",
     "f.yaml:52: Medida de género N°1 › `type`: campo desconocido; ¿quiso decir `kind` (tipo)?"),
    # The field in the documents' words («tipo»), as a Spanish key.
    ("  - kind: capacitacion", "  - tipo: capacitacion",
     "f.yaml:52: Medida de género N°1 › `tipo`: campo desconocido; ¿quiso decir `kind` (tipo)?"),
    # Any place: the one unknown field where the one missing field belongs.
    ('  chapter: "04"', '  capitulo: "04"',
     "f.yaml:9: Servicio › `capitulo`: campo desconocido; ¿quiso decir `chapter` (capítulo)?"),
    ('  chapter: "04"', '  region: "04"',
     "f.yaml:9: Servicio › `region`: campo desconocido; ¿quiso decir `chapter` (capítulo)?"),
])
def test_an_unknown_field_where_a_required_one_is_missing_is_one_message(
        tmp_path, old, new, expected):
    assert report(tmp_path, old, new) == [expected, "1 archivo revisado: 1 error, 0 avisos"]


def test_an_unknown_field_where_none_is_missing_is_named_as_written(tmp_path):
    assert report(tmp_path, "    description: |\n      Capacitación avanzada en primera",
                  "    type: capacitacion\n    description: |\n      Capacitación avanzada en "
                  "primera")[0] == (
        "f.yaml:53: Medida de género N°1 › `type`: campo desconocido; vea los campos que "
        "admite cada lugar en docs/campos.md")


def test_an_unknown_field_meaning_a_missing_one_in_english(tmp_path, monkeypatch):
    monkeypatch.setenv("PMG_LANG", "en")
    assert report(tmp_path, "  - kind: capacitacion", "  - type: capacitacion")[0] == (
        "f.yaml:52: Gender measure N°1 › `type`: unknown field; did you mean `kind` (type)?")


@pytest.mark.parametrize(("old", "new", "expected"), [
    # The id written as a word is: accents, capitals and spaces aside, it is the id meant.
    ("  - kind: capacitacion", "  - kind: capacitación",
     "f.yaml:52: Medida de género N°1 › tipo: se encontró «capacitación»; se espera un id: "
     "minúsculas, dígitos y guiones; ¿quiso decir `capacitacion`?"),
    ("system: estado-verde", "system: Estado Verde",
     "f.yaml:22: Objetivo N°2 › Sistema «Estado Verde»: se encontró «Estado Verde»; se espera "
     "un id: minúsculas, dígitos y guiones; ¿quiso decir `estado-verde`?"),
    # None is meant: the ids this field accepts, not a system's.
    ("  - kind: capacitacion", "  - kind: Capacitación Avanzada",
     "f.yaml:52: Medida de género N°1 › tipo: se encontró «Capacitación Avanzada»; se espera un "
     "id: minúsculas, dígitos y guiones, uno de: capacitacion, comunicaciones, "
     "provision-de-bienes-y-servicios, estudios-y-estadisticas"),
    ("catalog: pmg-2024", "catalog: PMG 2024",
     "f.yaml:4: catálogo: se encontró «PMG 2024»; se espera un id: minúsculas, dígitos y "
     "guiones; ¿quiso decir `pmg-2024`?"),
])
def test_a_value_that_is_no_id_is_answered_with_the_ids_of_its_field(tmp_path, old, new,
                                                                    expected):
    assert report(tmp_path, old, new)[0] == expected


def test_a_value_that_is_no_id_in_english(tmp_path, monkeypatch):
    monkeypatch.setenv("PMG_LANG", "en")
    assert report(tmp_path, "  - kind: capacitacion", "  - kind: capacitación")[0] == (
        "f.yaml:52: Gender measure N°1 › type: got «capacitación»; expected an id: lowercase "
        "letters, digits and hyphens; did you mean `capacitacion`?")


def test_a_decimal_comma_inside_a_row_is_reported_with_the_other_errors_of_the_file(tmp_path):
    # «todo en una pasada»: the comma read past does not hide the rest of the file's mistakes.
    text = ADUANAS
    for old, new in (("value: 37.5}", "value: 37,5}"), ("weight: 35", 'weight: "35"'),
                     ("numerator: 12608049", "numerator: 12.608.049"),
                     ("        weight: 5\n", "        wieght: 5\n"),
                     ("  - kind: capacitacion", "  - kind: capacitación")):
        assert old in text
        text = text.replace(old, new, 1)
    source = tmp_path / "f.yaml"
    source.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(source)])
    assert result.exit_code == 1
    assert [line.replace(str(source), "f.yaml") for line in result.stdout.splitlines()] == [
        "f.yaml:17: Objetivo N°1 › Indicador «Medidas de Equidad de Género» › meta › valor: "
        "«37,5» dentro de {…}: en una fila entre llaves la coma separa campos, así que YAML leyó "
        "37 y una clave «5»; se espera el número con punto decimal: escriba 37.5",
        "f.yaml:23: Objetivo N°2 › Sistema «Estado Verde» › ponderación: se encontró el texto "
        "«35» (entre comillas); se espera un número: escríbalo sin comillas, 35",
        "f.yaml:33: Objetivo N°2 › Indicador «Concentración del Gasto Subtítulos 22 + 29» › "
        "meta › numerador: se encontró el texto «12.608.049»; en YAML un número se escribe con "
        "punto decimal y sin separador de miles: escriba 12608049",
        "f.yaml:32: Objetivo N°2 › Indicador «Concentración del Gasto Subtítulos 22 + 29» › "
        "`wieght`: campo desconocido; ¿quiso decir `weight`?",
        "f.yaml:52: Medida de género N°1 › tipo: se encontró «capacitación»; se espera un id: "
        "minúsculas, dígitos y guiones; ¿quiso decir `capacitacion`?",
        "1 archivo revisado: 5 errores, 0 avisos"]


def test_a_decimal_comma_in_a_text_field_is_said_and_the_rules_still_run(tmp_path):
    # The model takes «12,5» as a text: the comma is said all the same, and the rules run on
    # the rest (the target's value below).
    service = ('service:\n  ministry: MINISTERIO DE HACIENDA\n  partida: "08"\n'
               '  name: SERVICIO NACIONAL DE ADUANAS\n  chapter: "04"\n')
    text = ADUANAS.replace(service, 'service: {ministry: MINISTERIO DE HACIENDA, partida: "08", '
                           'name: 12,5, chapter: "04"}\n').replace("value: 105.28}",
                                                                   "value: 105.29}")
    source = tmp_path / "f.yaml"
    source.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(source)])
    assert [line.replace(str(source), "f.yaml") for line in result.stdout.splitlines()] == [
        "f.yaml:5: Servicio › nombre: «12,5» dentro de {…}: en una fila entre llaves la coma "
        "separa campos, así que YAML leyó 12 y una clave «5»; se espera el número con punto "
        "decimal: escriba 12.5",
        "f.yaml:29: Objetivo N°2 › Indicador «Concentración del Gasto Subtítulos 22 + 29» › "
        "meta › valor: el valor es 105.29, pero 12608049 / 11975373 × 100 = 105.28; se espera "
        "que coincidan con 2 decimales",
        "1 archivo revisado: 2 errores, 0 avisos"]
