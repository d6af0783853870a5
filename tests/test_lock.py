"""constraints.txt, the lock every install uses, agrees with pyproject.toml."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.support.paths import ROOT


def pins() -> dict[str, str]:
    """package -> pinned version on this machine, from constraints.txt (a line whose marker
    is false here left aside: a package pinned differently on another system)."""
    found = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line, _, marker = line.partition(";")
        line = line.strip()
        if marker.strip() and not Marker(marker.strip()).evaluate():
            continue
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            found[canonicalize_name(name)] = version.strip()
    return found


def declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(text) for text in
            project["dependencies"] + project["optional-dependencies"]["test"]]


def test_every_dependency_is_pinned_within_its_range():
    locked = pins()
    for requirement in declared():
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue  # a bound for another system
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{name} is not in constraints.txt: run scripts/lock.py"
        assert requirement.specifier.contains(locked[name], prereleases=True), (
            f"{name}=={locked[name]} is outside {requirement.specifier}: run scripts/lock.py")


def test_every_line_pins_one_exact_version():
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            assert "==" in line and not line.startswith("-"), line


@pytest.mark.slow
def test_the_lock_is_what_a_refresh_writes():
    """scripts/lock.py --check resolves again (asking PyPI) from the committed pins."""
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "lock.py"), "--check"],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
