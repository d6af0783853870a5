"""Catalogs with broken technical requirements: each gets its located message and exit 1."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from pmg_docs.cli import main
from tests.support.located import assert_located, validate
from tests.support.paths import DATA

BROKEN = DATA / "broken" / "catalogs"

# file -> (line, field path, part of the message).
CASES = {
    "requirement-code-malformed": (
        19, "systems[0].stages[0].objectives[0].requirements[1].code",
        "el código «E1-1-RT2» no está bien formado; se espera E<etapa>-<objetivo en dos dígitos>-RT<número>"),
    # The pattern is the catalog's (`requirement_code:`): a code of another marco's form breaks
    # it, and a pattern that cannot be read is reported where it is written.
    "requirement-code-not-the-pattern": (
        20, "systems[0].stages[0].objectives[0].requirements[1].code",
        "el código «E1-02-RT2» no está bien formado; se espera R<etapa>.<objetivo>.<número>, "
        "como R1.1.1 (el patrón «R{stage}.{objective}.{number}» de `requirement_code`"),
    "requirement-code-pattern-unreadable": (
        8, "requirement_code",
        "el patrón «E{etapa}-{objective:2}-RT{number}» tiene el lugar {etapa}, que no existe; "
        "se espera {stage}, {objective} y {number}"),
    "requirement-code-duplicate": (
        24, "systems[0].stages[0].objectives[1].requirements[1].code",
        "«E1-02-RT4» aparece dos veces (también en la línea 22); se espera una sola vez"),
    "requirement-code-misplaced": (
        19, "systems[0].stages[0].objectives[0].requirements[1].code",
        "el código E1-02-RT2 nombra la etapa 1, objetivo 2, pero está bajo la etapa 1, objetivo 1; "
        "se espera un código que empiece con E1-01-, o `published_exception: <por qué>`"),
    "requirement-exception-not-needed": (
        19, "systems[0].stages[0].objectives[0].requirements[0].published_exception",
        "el código E1-01-RT1 corresponde a donde está (etapa 1, objetivo 1), así que no es una excepción"),
    "requirement-merged-unknown": (
        19, "systems[0].stages[0].objectives[0].requirements[0].merged_with[0]",
        "no hay un requisito E1-01-RT3 en este objetivo; se espera uno de: E1-01-RT2"),
    "requirement-merged-one-way": (
        19, "systems[0].stages[0].objectives[0].requirements[0].merged_with[0]",
        "E1-01-RT2 no nombra a E1-01-RT1 en su merged_with"),
    "requirement-merged-note-differs": (
        24, "systems[0].stages[0].objectives[0].requirements[1].note",
        "la nota difiere de la de E1-01-RT1, con el que se fusionó"),
}


def test_every_fixture_has_a_case():
    assert {p.stem for p in BROKEN.glob("requirement-*.yaml")} == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_validate_reports_located_error(name):
    result = validate(BROKEN / f"{name}.yaml")
    assert_located(result, f"{name}.yaml", *CASES[name])
    errors = [text for text in result.stdout.splitlines() if ".yaml:" in text]
    assert len(errors) == 1, errors


def test_published_exception_is_accepted(tmp_path):
    text = (BROKEN / "requirement-code-misplaced.yaml").read_text(encoding="utf-8")
    marked = text.replace("name: Definición Política de Calidad de Servicio",
                          "name: Definición Política de Calidad de Servicio\n"
                          "                published_exception: Publicado así por DIPRES.")
    source = tmp_path / "marked.yaml"
    source.write_text(marked, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(source)])
    assert result.exit_code == 0, result.output


def test_codes_of_the_2024_catalog_are_as_published(root):
    """Seed 003's codes, merged and renumbered ones included, each under its stage objective."""
    from pmg_docs.load.catalogs import CatalogRegistry

    system = CatalogRegistry().get("pmg-2024").model.system(
        "calidad-de-servicio-y-experiencia-usuaria")
    codes = {(stage.number, objective.number): [r.code for r in objective.requirements]
             for stage in system.stages for objective in stage.objectives}
    assert codes == {
        (1, 1): ["E1-01-RT1", "E1-01-RT2", "E1-01-RT3"],
        (1, 2): ["E1-02-RT4", "E1-02-RT5", "E1-02-RT6", "E1-02-RT7", "E1-02-RT8", "E1-02-RT9"],
        (1, 3): ["E1-03-RT1", "E1-03-RT3"],
        (2, 1): [f"E2-01-RT{n}" for n in range(1, 7)],
        (3, 1): [],
        (4, 1): [], (4, 2): [],
    }
    merged = {r.code: r.merged_with for stage in system.stages for o in stage.objectives
              for r in o.requirements if r.merged_with}
    assert merged == {"E1-02-RT4": ["E1-02-RT5"], "E1-02-RT5": ["E1-02-RT4"],
                      "E1-02-RT6": ["E1-02-RT7"], "E1-02-RT7": ["E1-02-RT6"]}


def test_codes_of_a_declared_pattern_are_placed_by_it(tmp_path):
    """Under `R{stage}.{objective}.{number}`, R1.2.1 sits under stage 1, objective 2, and a code
    naming another objective is told what its codes start with."""
    text = (BROKEN / "requirement-code-not-the-pattern.yaml").read_text(encoding="utf-8")
    source = tmp_path / "own.yaml"
    source.write_text(text.replace("code: E1-02-RT2", "code: R1.2.2"), encoding="utf-8")
    assert CliRunner().invoke(main, ["validate", str(source)]).exit_code == 0
    source.write_text(text.replace("code: E1-02-RT2", "code: R1.3.2"), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(source)])
    assert result.exit_code == 1
    assert ("el código R1.3.2 nombra la etapa 1, objetivo 3, pero está bajo la etapa 1, "
            "objetivo 2; se espera un código que empiece con R1.2.") in result.output
