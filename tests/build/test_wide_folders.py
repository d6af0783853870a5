"""A catalog or template folder that would make a build walk without end: `/`, a folder holding
the whole repository, or the home folder is refused before any walk, as pmg.toml's are; any
other folder is walked only up to a bound, past which the build stops with a located error."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from pmg_docs.build import cache
from pmg_docs.cli import main
from tests.support.paths import ROOT

SOURCE = ROOT / "examples" / "2024" / "aduanas.yaml"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.parametrize("command, option", [
    (("build", SOURCE.parent), "--catalogs"),
    (("render", SOURCE), "--catalogs"),
    (("render", SOURCE), "--templates"),
])
def test_the_root_folder_is_refused_before_any_walk(tmp_path, command, option):
    result = run(*command, "-o", tmp_path / "out", option, "/")
    assert result.exit_code == 2, result.output
    assert f"{option}: la carpeta «/» contiene el repositorio entero" in result.output
    assert not (tmp_path / "out").exists()


def test_a_folder_above_the_repository_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run("render", SOURCE, "-o", tmp_path / "out", "--catalogs", "..")
    assert result.exit_code == 2, result.output
    assert "--catalogs: la carpeta «..» contiene el repositorio entero" in result.output


@pytest.mark.parametrize("command", [("render", SOURCE), ("build", SOURCE.parent, "-j", "1")])
def test_a_folder_past_the_bound_is_a_located_error(tmp_path, monkeypatch, command):
    monkeypatch.setattr(cache, "MAX_FOLDER_ENTRIES", 5)
    crowded = tmp_path / "catalogos"
    crowded.mkdir()
    for i in range(8):
        (crowded / f"nota-{i}.txt").write_text("x", encoding="utf-8")
    result = run(*command, "-o", tmp_path / "out", "--format", "docx", "--catalogs", crowded)
    assert result.exit_code == 1, result.output
    assert f"{crowded}: la carpeta tiene más de 5 archivos y carpetas" in result.output
    # What failed is the folder, said once: not a count of files written, nor a source blamed.
    assert result.output.rstrip().endswith("no se generó ningún documento")
    assert "archivos escritos" not in result.output and "con errores" not in result.output
    assert not list((tmp_path / "out").rglob("*.docx"))


def test_a_folder_within_the_bound_is_listed_whole(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "c.yaml").write_text("x", encoding="utf-8")
    found = {p.relative_to(tmp_path).as_posix() for p in cache.folder_entries(tmp_path)}
    assert found == {"a", "a/b", "a/b/c.yaml"}
