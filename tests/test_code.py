"""The code's own standards, checked as CI runs: types, lint, and one place that decides exits."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from tests.support.paths import ROOT

PACKAGE = ROOT / "pmg_docs"


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True,
                          text=True, timeout=600, check=False)


@pytest.mark.slow
def test_mypy_finds_no_error():
    """pyproject.toml's configuration: --strict's flags on the pipeline's core."""
    done = _run("mypy")
    assert done.returncode == 0, done.stdout[-4000:]


@pytest.mark.slow
def test_ruff_finds_nothing():
    """Lint, import order, and no function over complexity 10."""
    done = _run("ruff", "check")
    assert done.returncode == 0, done.stdout[-4000:]


def test_only_the_entry_point_exits():
    """Exits are decided in one place (cli.run); everything else raises."""
    callers = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr == "exit" and isinstance(node.func.value, ast.Name) \
                    and node.func.value.id == "sys":
                callers.append(path.relative_to(ROOT).as_posix())
    assert callers == ["pmg_docs/cli/__init__.py"]
