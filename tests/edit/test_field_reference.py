"""docs/campos.md is what the models and views say today: regenerated, it is the same file; and
the «campo desconocido» message points to it."""

from __future__ import annotations

from click.testing import CliRunner

from pmg_docs.cli import main
from pmg_docs.edit.field_reference import REFERENCE, field_rows, reference_text, template_rows
from pmg_docs.edit.template_keys import KEYS, SHARED
from pmg_docs.models.catalog import Catalog
from tests.support.paths import ROOT


def test_the_reference_is_current():
    written = (ROOT / REFERENCE).read_text(encoding="utf-8")
    assert written == reference_text(ROOT), (
        f"{REFERENCE} is stale: run .venv/bin/python scripts/field_reference.py")


def test_every_catalog_field_is_listed_with_its_spanish_title():
    rows = {path: (title, kind, required, default)
            for path, title, _description, kind, required, default in field_rows(Catalog)}
    assert rows["systems[].goal"][0] == "meta"
    assert rows["systems[].background"][0] == "antecedentes"
    assert rows["requirement_code"][3] == "`E{stage}-{objective:2}-RT{number}`"
    assert rows["systems[].stages[].objectives[].requirements[].code"][:3] == (
        "código", "texto", "sí")
    assert rows["year"][1] == "número entero (desde 1990, hasta 2100)"


def test_the_reference_explains_each_field_in_its_own_column():
    rows = {path: description for path, _title, description, *_rest in field_rows(Catalog)}
    assert rows["rules.compliance.met_at"].startswith(
        "Un indicador se da por cumplido cuando su resultado alcanza este por ciento")
    text = (ROOT / REFERENCE).read_text(encoding="utf-8")
    assert "| campo | en los mensajes | qué es y qué escribir | tipo | obligatorio | " \
        "por omisión |" in text
    # The row of a catalog's year: its title, what it is, its type and bounds, required.
    assert "| `year` | año | Año de gestión del Programa Marco: `2024`. | número entero " \
        "(desde 1990, hasta 2100) | sí |  |" in text


def test_every_key_a_template_receives_is_explained_and_no_explanation_is_stale():
    rows = list(template_rows(ROOT))
    unexplained = [(document, path) for document, path, _type, words in rows if not words]
    assert unexplained == [], "explain them in pmg_docs/edit/template_keys.py"
    given = {(document, path) for document, path, _type, _words in rows}
    stale = [(document, path) for document, paths in KEYS.items() for path in paths
             if (document, path) not in given]
    stale += [path for path in SHARED if path not in {path for _document, path in given}]
    assert stale == [], "no view gives these keys any more: drop them from template_keys.py"
    text = (ROOT / REFERENCE).read_text(encoding="utf-8")
    assert "| `view.rows[].marks` | lista | por cada columna de etapa, `true` en la etapa " \
        "comprometida |" in text


def test_the_unknown_field_message_names_the_reference(tmp_path):
    text = (ROOT / "examples" / "2024" / "aduanas.yaml").read_text(encoding="utf-8")
    source = tmp_path / "aduanas.yaml"
    source.write_text(text.replace("service:\n", "service:\n  region: Valparaíso\n", 1),
                      encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(source)])
    assert result.exit_code == 1
    assert f"`region`: campo desconocido; vea los campos que admite cada lugar en {REFERENCE}" \
        in result.output
    assert "| `service.name` |" in (ROOT / REFERENCE).read_text(encoding="utf-8")
