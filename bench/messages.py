"""What speaking the user's language costs: `pmg --help` in Spanish and English, `pmg validate`
of a synthetic year (200 formulations, bench/build_year.py's), and of the same year with
mistakes in every file (shape errors and rule errors, so that the partial checks of
load/partial.py run on each).

    .venv/bin/python bench/messages.py [--count 200] [--runs 5] [--tree PATH]

Each measure runs `pmg` in its own process, as a user runs it, and prints its median and runs.
`--tree` runs the pmg_docs of another checkout (e.g. an export of main) with this environment;
`--compare PATH` times this checkout and PATH's in alternation, run by run, so that both see
the same load on a shared machine.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_year import make_year  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _spoil(path: Path) -> None:
    """Shape errors (an unknown key; a weight written as text, which leaves its item out) and
    rule errors (the totals no longer add up) in a generated formulation."""
    text = path.read_text(encoding="utf-8").replace("  ministry:", "  region: x\n  ministry:", 1)
    head, marker, rest = text.partition("\n  - ")  # the first item of the first list
    rest = re.sub(r"(\n\s+weight: )(\d+(?:\.\d+)?)", r"\1'\2'", rest, count=2)
    path.write_text(head + marker + rest, encoding="utf-8")


def timed(command: list[str], runs: int, tree: Path | None, language: str,
          expect: int) -> list[float]:
    prefix = f"import sys; sys.path.insert(0, {str(tree)!r}); " if tree else ""
    args = [sys.executable, "-c", prefix + "from pmg_docs.cli import run; run()", *command]
    env = {**os.environ, "PMG_LANG": language}
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(args, capture_output=True, text=True, env=env, cwd=tree or ROOT)
        times.append(time.perf_counter() - started)
        if done.returncode != expect:
            sys.exit(f"{command} exited {done.returncode}:\n{done.stdout[-1500:]}"
                     f"{done.stderr[-1500:]}")
    return times


def report(name: str, times: list[float]) -> None:
    runs = ", ".join(f"{t:.2f}" for t in times)
    print(f"{name:<58} {statistics.median(times):7.2f} s   runs: {runs}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tree", type=Path, default=None,
                        help="another checkout whose pmg_docs to time")
    parser.add_argument("--compare", type=Path, default=None,
                        help="time this checkout and another one's in alternation")
    options = parser.parse_args()
    trees = [options.tree] if options.compare is None else [None, options.compare]
    with tempfile.TemporaryDirectory() as tmp:
        clean, spoiled = Path(tmp) / "clean", Path(tmp) / "spoiled"
        make_year(clean, options.count)
        for path in make_year(spoiled, options.count):
            _spoil(path)
        measures = [(f"pmg --help ({language})", ["--help"], language, 0)
                    for language in ("es", "en")]
        measures += [(f"pmg validate, {options.count} clean", ["validate", str(clean)], "es", 0),
                     (f"pmg validate, {options.count} with mistakes",
                      ["validate", str(spoiled)], "es", 1)]
        for name, command, language, expect in measures:
            times: dict = {tree: [] for tree in trees}
            for _ in range(options.runs):
                for tree in trees:
                    times[tree] += timed(command, 1, tree, language, expect)
            for tree in trees:
                report(f"{name} [{tree or 'this checkout'}]", times[tree])


if __name__ == "__main__":
    main()
