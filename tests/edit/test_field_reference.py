"""docs/campos.md is what the models and views say today: regenerated, it is the same file; and
the «campo desconocido» message points to it."""

from __future__ import annotations

from pathlib import Path

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


def test_the_reference_travels_in_the_wheel_where_pmg_reads_it():
    # pyproject puts docs/campos.md inside the package's data, where resources looks first.
    import tomllib

    from pmg_docs import resources

    wheel = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    packaged = Path(wheel[REFERENCE])
    assert packaged.parts[0] == "pmg_docs"
    assert ROOT / packaged == Path(resources.__file__).parent / "_data" / resources.FIELD_REFERENCE
    # In a checkout (no wheel): the checkout's own file.
    assert resources.field_reference_file() == ROOT / REFERENCE


def _unknown_field(folder: Path) -> str:
    text = (ROOT / "examples" / "2024" / "aduanas.yaml").read_text(encoding="utf-8")
    source = folder / "aduanas.yaml"
    source.write_text(text.replace("service:\n", "service:\n  region: Valparaíso\n", 1),
                      encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "aduanas.yaml"])
    assert result.exit_code == 1
    return result.stdout.splitlines()[0]


def test_in_a_working_folder_the_message_names_its_copy(tmp_path, monkeypatch):
    made = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert made.exit_code == 0, made.output
    assert (tmp_path / "campos.md").read_text(encoding="utf-8") == \
        (ROOT / REFERENCE).read_text(encoding="utf-8")
    assert made.output.splitlines()[-1] == (
        f"Carpeta de trabajo lista; los pasos siguientes están en {tmp_path / 'LEEME.md'}, y "
        f"los campos que admite cada lugar de cada fuente, en {tmp_path / 'campos.md'}")
    assert "`campos.md` (los campos que admite cada lugar de cada fuente" in \
        (tmp_path / "LEEME.md").read_text(encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert _unknown_field(tmp_path) == (
        "aduanas.yaml:6: Servicio › `region`: campo desconocido; vea los campos que admite "
        "cada lugar en campos.md")
    # From a folder inside it, once it is a git repository (the Guía's `git init`), as pmg.toml
    # is found.
    (tmp_path / ".git").mkdir()
    (tmp_path / "2024").mkdir()
    monkeypatch.chdir(tmp_path / "2024")
    assert _unknown_field(tmp_path / "2024").endswith(" en ../campos.md")


def test_outside_a_working_folder_the_message_names_the_package_copy(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert _unknown_field(tmp_path).endswith(f" en {ROOT / REFERENCE}")


def test_the_unknown_field_message_in_english(tmp_path, monkeypatch):
    init = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert init.exit_code == 0
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PMG_LANG", "en")
    assert _unknown_field(tmp_path) == (
        "aduanas.yaml:6: Service › `region`: unknown field; see the fields each place accepts "
        "in campos.md")
