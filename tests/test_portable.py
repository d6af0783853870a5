"""pmg-docs runs on Windows and macOS as on Linux (issue 23, item 5).

1. No module of the package uses a module or a call that exists on one family of systems only
   (fcntl, pwd, os.fork, os.getuid, signal.SIGKILL, …, or msvcrt, winreg on the other side)
   outside a branch that asks which system it runs on: read from the code itself (its syntax
   tree), so a new use fails here before it fails on a user's desktop. Worker processes start
   with `spawn` everywhere, so they behave on Linux as they do on Windows.
2. (slow: it asks PyPI) Every runtime dependency, as pyproject.toml and constraints.txt name
   them, resolves with pip's own resolver to a wheel, binary or pure Python, for Windows
   (win_amd64), macOS (arm64 and x86_64) and Linux (manylinux x86_64) on CPython 3.11: nothing
   an install there would have to compile. Nothing is installed.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.support.paths import ROOT

PACKAGE = ROOT / "pmg_docs"

# Modules that exist on POSIX only, or on Windows only.
ONE_FAMILY_MODULES = {
    "fcntl", "pwd", "grp", "resource", "termios", "tty", "pty", "posix", "crypt", "spwd",
    "syslog", "nis", "curses", "readline", "_posixsubprocess", "posix_ipc",
    "msvcrt", "winreg", "_winapi", "winsound", "nt", "_overlapped",
}
# Names of `os` and `signal` that one family of systems lacks.
ONE_FAMILY_NAMES = {
    "os": {"fork", "forkpty", "getuid", "geteuid", "getgid", "getegid", "getgroups", "setuid",
           "setgid", "setsid", "setpgrp", "getpgid", "killpg", "getpwnam", "statvfs", "mkfifo",
           "getloadavg", "sync", "nice", "wait3", "wait4", "sched_setaffinity",
           "sched_getaffinity", "O_NOFOLLOW", "O_NONBLOCK", "O_CLOEXEC", "O_DIRECTORY",
           "O_BINARY", "startfile", "add_dll_directory", "lchmod", "chown", "lchown",
           "pathconf", "fpathconf", "sysconf", "uname", "openpty", "posix_spawn"},
    "signal": {"SIGKILL", "SIGHUP", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGCHLD", "SIGPIPE",
               "SIGQUIT", "SIGSTOP", "SIGCONT", "SIGBREAK", "CTRL_C_EVENT", "CTRL_BREAK_EVENT",
               "alarm", "setitimer", "pause", "pthread_kill", "pthread_sigmask", "siginterrupt",
               "sigwait"},
}
# What an `if` asks when it chooses by system.
PLATFORM_WORDS = {"platform", "os.name", "hasattr", "getattr"}


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _guards(node: ast.AST) -> bool:
    """Whether an `if` chooses by system: it reads sys.platform,
    os.name, the platform module, or asks hasattr/getattr whether a name exists."""
    text = ast.unparse(node)
    return any(word in text for word in PLATFORM_WORDS)


def _guarded_lines(tree: ast.AST) -> set[int]:
    """The lines inside a branch that chooses by system, or inside `try: … except
    ImportError/AttributeError` (an import that may fail is its own guard)."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        body: list[ast.stmt] = []
        if isinstance(node, ast.If) and _guards(node.test):
            body = [*node.body, *node.orelse]
        elif isinstance(node, ast.Try) and any(
                handler.type is not None and any(
                    name in ast.unparse(handler.type) for name in ("ImportError", "AttributeError",
                                                                    "ModuleNotFoundError"))
                for handler in node.handlers):
            body = node.body
        for statement in body:
            for inner in ast.walk(statement):
                if hasattr(inner, "lineno"):
                    lines.add(inner.lineno)
    return lines


def one_family_uses(source: str) -> list[tuple[int, str]]:
    """(line, what) of each use of a one-family module or name outside a guarded branch."""
    tree = ast.parse(source)
    guarded = _guarded_lines(tree)
    found = []
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in guarded:
            continue
        if isinstance(node, ast.Import):
            found += [(node.lineno, f"import {alias.name}") for alias in node.names
                      if alias.name.split(".")[0] in ONE_FAMILY_MODULES]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.split(".")[0] in ONE_FAMILY_MODULES:
                found.append((node.lineno, f"from {node.module} import …"))
            names = ONE_FAMILY_NAMES.get(node.module, set())
            found += [(node.lineno, f"from {node.module} import {alias.name}")
                      for alias in node.names if alias.name in names]
        elif (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
              and node.attr in ONE_FAMILY_NAMES.get(node.value.id, set())):
            found.append((node.lineno, f"{node.value.id}.{node.attr}"))
    return sorted(found)


def start_methods(source: str) -> list[tuple[int, str]]:
    """(line, call) of each process start that is not `spawn`: get_context or set_start_method
    with another method, or a pool or process made without a context."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = ast.unparse(node.func).rsplit(".", 1)[-1]
        if name in ("get_context", "set_start_method"):
            if not (node.args and isinstance(node.args[0], ast.Constant)
                    and node.args[0].value == "spawn"):
                found.append((node.lineno, ast.unparse(node)))
        elif name == "ProcessPoolExecutor":
            if not any(keyword.arg == "mp_context" for keyword in node.keywords):
                found.append((node.lineno, ast.unparse(node)))
        elif ast.unparse(node.func) in ("multiprocessing.Process", "multiprocessing.Pool"):
            found.append((node.lineno, ast.unparse(node)))
    return found


def test_no_module_uses_what_one_family_of_systems_lacks_outside_a_platform_branch():
    problems = [f"{path.relative_to(ROOT)}:{line}: {what}" for path in _modules()
                for line, what in one_family_uses(path.read_text(encoding="utf-8"))]
    assert problems == [], "\n".join(problems)


def test_every_worker_process_starts_with_spawn():
    problems = [f"{path.relative_to(ROOT)}:{line}: {call}" for path in _modules()
                for line, call in start_methods(path.read_text(encoding="utf-8"))]
    assert problems == [], "\n".join(problems)


def test_the_scan_finds_what_it_looks_for_and_accepts_guarded_uses():
    """The scan itself: each kind of use is found, and each kind of guard is accepted."""
    found = one_family_uses(
        "import fcntl\nimport os, signal\nfrom resource import getrusage\nfrom os import getuid\n"
        "os.kill(1, signal.SIGKILL)\nx = os.O_NOFOLLOW\nimport msvcrt\n")
    assert [line for line, _ in found] == [1, 3, 4, 5, 6, 7]
    assert one_family_uses(
        "import sys, os\n"
        "if sys.platform.startswith('linux'):\n    import fcntl\n    os.getuid()\n"
        "if os.name == 'nt':\n    import msvcrt\nelse:\n    import termios\n"
        "flag = os.O_NOFOLLOW if hasattr(os, 'O_NOFOLLOW') else 0\n"
        "try:\n    import pwd\nexcept ImportError:\n    pwd = None\n") == [(9, "os.O_NOFOLLOW")]
    assert [call for _, call in start_methods(
        "import multiprocessing as mp\nmp.get_context('fork')\nmp.get_context('spawn')\n"
        "ProcessPoolExecutor(2)\nProcessPoolExecutor(2, mp_context=c)\n"
        "multiprocessing.Process(target=f)\n")] == [
        "mp.get_context('fork')", "ProcessPoolExecutor(2)", "multiprocessing.Process(target=f)"]


# --- wheels for every system -------------------------------------------------------------------

# What a user's machine is, as pip's --platform names it and as markers see it. macOS 15
# (Sequoia, on Apple and Intel Macs: pikepdf's wheels need it) and a glibc of 2.28 (RHEL 8,
# Debian 10, Ubuntu 18.10) are the oldest systems an install must reach,
# and a wheel made for an older one installs there too: pip lists the older macOS versions
# itself, but not the older manylinux tags, so they are named here.
MANYLINUX = [f"manylinux_2_{minor}_x86_64" for minor in range(28, 4, -1)] + [
    "manylinux2014_x86_64", "manylinux2010_x86_64", "manylinux1_x86_64"]
PLATFORMS = {
    "windows": (["win_amd64"], {"sys_platform": "win32", "platform_system": "Windows",
                                "os_name": "nt", "platform_machine": "AMD64"}),
    "macos-arm64": (["macosx_15_0_arm64"], {"sys_platform": "darwin", "platform_system": "Darwin",
                                            "os_name": "posix", "platform_machine": "arm64"}),
    "macos-x86_64": (["macosx_15_0_x86_64"], {"sys_platform": "darwin",
                                              "platform_system": "Darwin", "os_name": "posix",
                                              "platform_machine": "x86_64"}),
    "linux": (MANYLINUX, {"sys_platform": "linux", "platform_system": "Linux",
                                          "os_name": "posix", "platform_machine": "x86_64"}),
}
# What a binary wheel's platform tag says when it is made for each system.
WHEEL_WORDS = {"windows": ("win_amd64",), "macos-arm64": ("arm64", "universal2"),
               "macos-x86_64": ("x86_64", "universal2", "intel"), "linux": ("manylinux",)}
PYTHON = "3.11"
# A dependency on its way in (the Typst PDF engine, issue 23): checked before it lands.
COMING = ["typst==0.15.2"]


def runtime_requirements() -> list[str]:
    """What an install of pmg-docs asks for: [project] dependencies and every optional group
    but the test tools (a user's extras, such as an optional PDF engine), and what is coming."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = list(project["dependencies"])
    for group, requirements in project.get("optional-dependencies", {}).items():
        if group != "test":
            wanted += requirements
    # A bound for one system (`; sys_platform == …`) is in the constraints written for it.
    wanted = [text for text in wanted if Requirement(text).marker is None]
    named = {canonicalize_name(Requirement(text).name) for text in wanted}
    return wanted + [text for text in COMING if canonicalize_name(Requirement(text).name)
                     not in named]


def _environment(markers: dict[str, str]) -> dict[str, str]:
    return {"python_version": PYTHON, "python_full_version": f"{PYTHON}.0",
            "implementation_name": "cpython", "platform_python_implementation": "CPython",
            **markers}


def _constraints(environment: dict[str, str], folder: Path) -> Path:
    """constraints.txt as it reads on the target system: the lines whose marker holds there,
    without it (pip would evaluate each marker for the machine it runs on)."""
    kept = []
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        pin, _, marker = line.partition(";")
        if pin.strip() and not pin.lstrip().startswith("#") and (
                not marker.strip() or Marker(marker.strip()).evaluate(environment)):
            kept.append(pin.strip())
    path = folder / "constraints.txt"
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return path


def _resolve(platforms: list[str], requirements: list[str], environment: dict[str, str],
             folder: Path) -> dict:
    """pip's resolution for another system, only wheels, nothing installed: its report."""
    report = folder / "report.json"
    command = [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed",
               "--quiet", "--report", str(report), "--target", str(folder / "target"),
               "--only-binary=:all:", "--python-version", PYTHON, "--implementation", "cp",
               "--index-url", "https://pypi.org/simple",
               "-c", str(_constraints(environment, folder)), *[f"--platform={p}" for p in platforms],
               *requirements]
    # PyPI alone: no local wheel folder or mirror of this machine may stand in for it.
    variables = {**os.environ, "PIP_CONFIG_FILE": os.devnull, "PIP_FIND_LINKS": "",
                 "PIP_EXTRA_INDEX_URL": "", "PIP_NO_INDEX": "", "PIP_REQUIRE_VIRTUALENV": ""}
    done = subprocess.run(command, capture_output=True, text=True, timeout=600,
                          env=variables, check=False)
    assert done.returncode == 0, f"{platforms}: no wheel for some dependency:\n{done.stderr}"
    return json.loads(report.read_text(encoding="utf-8"))


def _missing(report: dict, environment: dict[str, str]) -> list[str]:
    """Requirements of the resolved packages that apply on the target system but were not
    resolved: pip evaluates markers for the machine it runs on, not for --platform (a
    `; sys_platform == "win32"` dependency is skipped on Linux)."""
    installed = {canonicalize_name(item["metadata"]["name"]) for item in report["install"]}
    missing = []
    for item in report["install"]:
        extras = set(item.get("requested_extras") or ())
        for text in item["metadata"].get("requires_dist", []):
            requirement = Requirement(text)
            marker = requirement.marker or Marker("python_version >= '0'")
            if not any(marker.evaluate({**environment, "extra": extra})
                       for extra in (extras or {""})):
                continue
            if canonicalize_name(requirement.name) not in installed:
                missing.append(str(Requirement(f"{requirement.name}{requirement.specifier}")))
    return missing


@pytest.mark.slow
@pytest.mark.parametrize("system", sorted(PLATFORMS))
def test_every_runtime_dependency_installs_from_a_wheel(system, tmp_path):
    platforms, markers = PLATFORMS[system]
    environment = _environment(markers)
    requirements = runtime_requirements()
    report = _resolve(platforms, requirements, environment, tmp_path)
    # The dependencies only the target system needs, resolved in turn until none is left.
    for _round in range(5):
        missing = _missing(report, environment)
        if not missing:
            break
        requirements += missing
        report = _resolve(platforms, requirements, environment, tmp_path)
    assert _missing(report, environment) == []
    wheels = {canonicalize_name(item["metadata"]["name"]):
              item["download_info"]["url"].rsplit("/", 1)[-1] for item in report["install"]}
    for requirement in requirements:
        assert canonicalize_name(Requirement(requirement).name) in wheels, requirement
    # Wheels only (--only-binary promises it), and each binary one made for this system.
    for name, wheel in wheels.items():
        assert wheel.endswith(".whl"), (name, wheel)
        platform_tag = wheel[:-len(".whl")].rsplit("-", 1)[-1]
        assert platform_tag == "any" or any(
            word in platform_tag for word in WHEEL_WORDS[system]), (name, wheel)
    # The natively compiled ones are there (a pure-Python wheel would not prove much).
    assert not wheels["pydantic-core"].endswith("-any.whl")
    assert not wheels["typst"].endswith("-any.whl")
