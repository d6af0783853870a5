"""A results file that names itself as its formulation, or two results files naming each other,
is a cycle: a located error in every command that reads the link, not a RecursionError."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from pmg_docs.cli import main
from tests.support.paths import ROOT

RESULTS = ROOT / "examples" / "2024" / "resultados" / "ips.yaml"


def results_naming(folder, name: str, formulation: str):
    """A copy of the example results file whose `formulation:` is `formulation`."""
    text = re.sub(r"(?m)^formulation: .*$", f"formulation: {formulation}",
                  RESULTS.read_text(encoding="utf-8"))
    (folder / name).write_text(text, encoding="utf-8")


@pytest.fixture()
def repository(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def pmg(*args: str):
    return CliRunner().invoke(main, list(args))


def test_a_results_file_naming_itself_is_a_located_error(repository):
    results_naming(repository, "a.yaml", "a.yaml")
    result = pmg("validate", "a.yaml")
    assert result.exit_code == 1, result.output
    assert "a.yaml:6: formulación: «a.yaml» forma un ciclo (a.yaml → a.yaml)" in result.output


@pytest.mark.parametrize("command", [["validate", "a.yaml"],
                                     ["render", "a.yaml", "-o", "out"],
                                     ["report", ".", "-o", "out"]])
def test_two_results_files_naming_each_other_are_a_located_error(repository, command):
    results_naming(repository, "a.yaml", "b.yaml")
    results_naming(repository, "b.yaml", "a.yaml")
    result = pmg(*command)
    assert result.exit_code == 1, result.output
    assert "b.yaml:6: formulación: «a.yaml» forma un ciclo (a.yaml → b.yaml → a.yaml)" in (
        result.output)
    assert "Traceback" not in result.output and "error interno" not in result.output
