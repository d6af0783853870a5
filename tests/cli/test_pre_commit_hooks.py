"""The pre-commit hooks a ministry repository uses run real `pmg` commands on its sources."""

from __future__ import annotations

import re
import shlex

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from pmg_docs.cli import main
from tests.support.paths import ROOT

HOOKS = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
EXAMPLES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "examples").rglob("*.yaml"))


def test_the_two_hooks():
    assert [hook["id"] for hook in HOOKS] == ["pmg-validate", "pmg-fmt"]
    assert [hook["entry"] for hook in HOOKS] == ["pmg validate", "pmg fmt --check"]


@pytest.mark.parametrize("hook", HOOKS, ids=lambda h: h["id"])
def test_hook_passes_on_the_examples_and_fails_on_a_broken_file(hook, monkeypatch):
    monkeypatch.chdir(ROOT)
    program, *args = shlex.split(hook["entry"])
    assert program == "pmg"
    files = [f for f in EXAMPLES if re.search(hook["files"], f)
             and not re.search(hook["exclude"], f)]
    assert files == EXAMPLES
    assert CliRunner().invoke(main, [*args, *files]).exit_code == 0
    broken = "tests/broken/2024/unknown-key.yaml"
    assert CliRunner().invoke(main, [*args, broken]).exit_code == 1


@pytest.mark.parametrize("name", [".pre-commit-config.yaml", ".github/workflows/ci.yml"])
def test_hooks_leave_hidden_files_alone(name):
    assert all(re.search(hook["exclude"], name) for hook in HOOKS)
