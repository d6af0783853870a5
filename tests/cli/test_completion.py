"""Shell completion of ids through click's completion: catalogs (`--catalog`, `pmg catalog
show`), a catalog's systems (`pmg guide`), and files for `pmg validate`."""

from __future__ import annotations

from click.shell_completion import ShellComplete

from pmg_docs.cli import main
from tests.support.paths import DATA


def complete(args: list[str], incomplete: str) -> list[tuple[str, str]]:
    found = ShellComplete(main, {}, "pmg", "_PMG_COMPLETE").get_completions(args, incomplete)
    return [(item.value, item.type) for item in found]


def test_catalog_ids():
    assert complete(["guide", "x", "--catalog"], "pmg-") == [("pmg-2011", "plain"),
                                                             ("pmg-2024", "plain")]
    assert ("mei-2025", "plain") in complete(["catalog", "show"], "")
    assert complete(["new", "formulation", "--catalog"], "desem") == [("desempeno-2025", "plain")]


def test_catalog_ids_of_a_folder_given_on_the_command_line():
    catalogs = str(DATA / "catalogs")
    assert complete(["catalog", "show", "--catalogs", catalogs], "marco") == [
        ("marco-prueba", "plain")]


def test_system_ids_of_the_catalog_given():
    assert complete(["guide", "--catalog", "pmg-2024"], "") == [
        ("calidad-de-servicio-y-experiencia-usuaria", "plain"), ("estado-verde", "plain")]
    # Without --catalog yet: the systems of every catalog.
    everywhere = [value for value, _ in complete(["guide"], "segu")]
    assert "seguridad-de-la-informacion" in everywhere


def test_paths_complete_as_files():
    assert complete(["validate"], "exa") == [("exa", "file")]


def test_the_completion_script_is_generated(monkeypatch):
    from click.testing import CliRunner

    result = CliRunner().invoke(main, [], env={"_PMG_COMPLETE": "bash_source"}, prog_name="pmg")
    assert "_pmg_completion" in result.output


def test_a_broken_pmg_toml_only_means_fewer_suggestions(tmp_path, monkeypatch):
    (tmp_path / "pmg.toml").write_text("catalogs = [\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert ("pmg-2024", "plain") in complete(["catalog", "show", "--catalogs", str(DATA / "catalogs")], "pmg")
