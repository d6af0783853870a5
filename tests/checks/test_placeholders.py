"""What `pmg new` leaves to fill in is an error while it is still there: no document is issued
saying «POR DEFINIR» or a budget code no service has (checks/placeholders.py)."""

from __future__ import annotations

from click.testing import CliRunner

from pmg_docs.cli import main


def _new(tmp_path, *service):
    source = tmp_path / "x.yaml"
    made = CliRunner().invoke(main, ["new", "formulation", "--catalog", "pmg-2024", "--service",
                                     "SERVICIO X", *service, "-o", str(source)])
    assert made.exit_code == 0, made.output
    checked = CliRunner().invoke(main, ["validate", str(source)])
    assert checked.exit_code == 1
    return made.stdout, [line.replace(str(source), "x.yaml")
                         for line in checked.stdout.splitlines()]


def test_the_placeholders_of_the_service_are_errors_saying_what_to_write(tmp_path):
    made, report = _new(tmp_path)
    # Spanish, and the places as the document names them.
    assert '  - Servicio: complete ministerio, partida y capítulo (dicen POR DEFINIR o "000")' \
        in made.splitlines()
    assert [line for line in report if "pmg new" in line] == [
        "x.yaml:13: Servicio › ministerio: dice «POR DEFINIR», lo que `pmg new` deja por "
        "completar; se espera el texto que el documento lleva en este lugar",
        'x.yaml:14: Servicio › partida: dice "000", lo que `pmg new` deja por completar; se '
        'espera el código presupuestario, de dos o tres dígitos entre comillas, como "08"',
        'x.yaml:16: Servicio › capítulo: dice "000", lo que `pmg new` deja por completar; se '
        'espera el código presupuestario, de dos o tres dígitos entre comillas, como "08"']


def test_one_placeholder_left_is_named_alone(tmp_path):
    made, report = _new(tmp_path, "--ministry", "MINISTERIO DE HACIENDA", "--partida", "08")
    assert '  - Servicio: complete capítulo (dicen POR DEFINIR o "000")' in made.splitlines()
    assert [line for line in report if "pmg new" in line] == [
        'x.yaml:16: Servicio › capítulo: dice "000", lo que `pmg new` deja por completar; se '
        'espera el código presupuestario, de dos o tres dígitos entre comillas, como "08"']


def test_a_service_given_whole_leaves_no_placeholder(tmp_path):
    made, report = _new(tmp_path, "--ministry", "MINISTERIO DE HACIENDA", "--partida", "08",
                        "--chapter", "00")
    assert "Servicio: complete" not in made
    assert not [line for line in report if "pmg new" in line]


def test_in_english_too(tmp_path, monkeypatch):
    monkeypatch.setenv("PMG_LANG", "en")
    made, report = _new(tmp_path, "--ministry", "MINISTERIO DE HACIENDA", "--partida", "08")
    assert '  - Service: fill in capítulo (they say POR DEFINIR or "000")' in made.splitlines()
    assert [line for line in report if "pmg new" in line] == [
        'x.yaml:16: Service › capítulo: says "000", which `pmg new` leaves to be filled in; '
        'expected the budget code, two or three digits in quotes, like "08"']
