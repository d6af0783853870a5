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


# A source that exists and is wrong: each hook must refuse it and say where.
BROKEN = "tests/data/broken/2024/unknown-key.yaml"
BROKEN_ANSWER = f"{BROKEN}:9: Servicio › `region`: campo desconocido"


def _hook_run(hook, files):
    program, *args = shlex.split(hook["entry"])
    assert program == "pmg"
    return CliRunner().invoke(main, [*args, *files])


@pytest.mark.parametrize("hook", HOOKS, ids=lambda h: h["id"])
def test_hook_passes_on_the_examples_and_fails_on_a_broken_file(hook, monkeypatch):
    monkeypatch.chdir(ROOT)
    files = [f for f in EXAMPLES if re.search(hook["files"], f)
             and not re.search(hook["exclude"], f)]
    assert files == EXAMPLES
    assert _hook_run(hook, files).exit_code == 0
    assert re.search(hook["files"], BROKEN) and (ROOT / BROKEN).is_file()
    result = _hook_run(hook, [BROKEN])
    assert result.exit_code == 1
    assert BROKEN_ANSWER in result.output


def test_fmt_hook_fails_on_a_valid_source_out_of_layout(tmp_path):
    """What only the fmt hook refuses: a valid source whose layout is not the canonical one."""
    source = (ROOT / "examples" / "2024" / "aduanas.yaml").read_text(encoding="utf-8")
    messy = tmp_path / "aduanas.yaml"
    messy.write_text(source.replace("  ministry: ", "  ministry:    ", 1), encoding="utf-8")
    validate, fmt = HOOKS
    assert _hook_run(validate, [str(messy)]).exit_code == 0
    result = _hook_run(fmt, [str(messy)])
    assert result.exit_code == 1
    assert f"cambiaría {messy}" in result.output


@pytest.mark.parametrize("name", [".pre-commit-config.yaml", ".github/workflows/ci.yml"])
def test_hooks_leave_hidden_files_alone(name):
    assert all(re.search(hook["exclude"], name) for hook in HOOKS)
