"""Where a pmg.toml counts and what it may name: the working folder or its git repository's
root, never a folder above; folders inside the repository unless written as absolute paths;
never a folder holding the repository (`/` walked the whole file system); and a file nested
deeper than the parser follows is a usage error like any other, not an internal error."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from pmg_docs.cli import main
from pmg_docs.config import find, load
from tests.support.paths import DATA


@pytest.fixture()
def repository(tmp_path, monkeypatch):
    """A git repository one folder below tmp_path, worked in from a folder inside it."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "formulaciones").mkdir()
    shutil.copy(DATA / "broken" / "requirements" / "clean.yaml", root / "formulaciones")
    monkeypatch.chdir(root / "formulaciones")
    return root


def pmg(*args: str):
    return CliRunner().invoke(main, list(args))


def usage_error(result, message: str) -> None:
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output and "error interno" not in result.output


def test_a_pmg_toml_above_the_repository_is_not_read(repository):
    (repository.parent / "pmg.toml").write_text("catalogs = 3\n", encoding="utf-8")
    assert find() is None
    result = pmg("validate", "clean.yaml")  # its catalog unknown: an input error, not usage
    assert result.exit_code == 1 and "pmg.toml" not in result.output


def test_outside_a_repository_only_the_working_folder_counts(tmp_path, monkeypatch):
    (tmp_path / "pmg.toml").write_text("", encoding="utf-8")
    (tmp_path / "below").mkdir()
    monkeypatch.chdir(tmp_path / "below")
    assert find() is None
    monkeypatch.chdir(tmp_path)
    assert find() == (tmp_path / "pmg.toml").resolve()


def test_the_working_folder_comes_before_the_repository_root(repository):
    (repository / "pmg.toml").write_text("", encoding="utf-8")
    here = repository / "formulaciones" / "pmg.toml"
    here.write_text("", encoding="utf-8")
    assert find() == here.resolve()


def test_a_folder_outside_the_repository_needs_an_absolute_path(repository):
    outside = repository.parent / "catalogos"
    outside.mkdir()
    shutil.copy(DATA / "catalogs" / "marco-prueba.yaml", outside)
    (repository / "pmg.toml").write_text('catalogs = ["../catalogos"]\n', encoding="utf-8")
    usage_error(pmg("validate", "clean.yaml"),
                "../pmg.toml: catalogs: la carpeta «../catalogos» sale del repositorio")
    (repository / "pmg.toml").write_text(f'catalogs = ["{outside.as_posix()}"]\n',
                                         encoding="utf-8")
    assert load().catalogs == (outside.resolve(),)


def test_a_folder_holding_the_repository_is_refused_before_any_walk(repository):
    (repository / "pmg.toml").write_text('catalogs = ["/"]\n', encoding="utf-8")
    usage_error(pmg("render", "clean.yaml", "-o", "out"),
                "../pmg.toml: catalogs: la carpeta «/» contiene el repositorio entero")
    assert not (repository / "formulaciones" / "out").exists()


def test_a_deeply_nested_pmg_toml_is_a_usage_error(repository):
    depth = 20_000
    (repository / "pmg.toml").write_text("a = " + "[" * depth + "]" * depth + "\n",
                                         encoding="utf-8")
    usage_error(pmg("validate", "clean.yaml"),
                "../pmg.toml: no se puede leer (tablas o listas anidadas a demasiada profundidad)")


def test_a_large_pmg_toml_is_not_parsed(repository):
    (repository / "pmg.toml").write_text("# " + "x" * 70_000 + "\n", encoding="utf-8")
    usage_error(pmg("validate", "clean.yaml"), "../pmg.toml: tiene más de 64 KB")
