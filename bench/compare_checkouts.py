"""Two checkouts of pmg-docs, measured in turn on the same synthetic year: are the documents
byte-identical, and is either faster?

    .venv/bin/python bench/compare_checkouts.py OTHER_CHECKOUT [--count 200] [--runs 3]

OTHER_CHECKOUT is another clone (main, say) with its own `.venv` (`python3 -m venv .venv &&
.venv/bin/pip install -e .`); this checkout is the second. Each measure runs the two
alternately, so that a machine shared with other work weighs on both alike: the full build
(PDF and DOCX), a no-op rebuild, a rebuild after one source changed, `pmg validate`,
`pmg --help`. The documents of the two full builds are compared by SHA-256.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from build_year import make_year

HERE = Path(__file__).resolve().parent.parent


def _pmg(checkout: Path) -> list[str]:
    return [str(checkout / ".venv" / "bin" / "python"), "-c",
            "from pmg_docs.cli import run; run()"]


def _timed(command: list, cwd: Path) -> float:
    started = time.perf_counter()
    completed = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if completed.returncode != 0:
        sys.exit(f"{command[3:]} failed in {cwd}:\n{completed.stderr[-2000:]}")
    return time.perf_counter() - started


def _hashes(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.suffix in (".pdf", ".docx")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path, help="the other checkout, with its .venv")
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    checkouts = {"other": args.other.resolve(), "this": HERE}
    print(f"other: {checkouts['other']}\nthis:  {HERE}\nload average "
          f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs at the start")

    work = Path(tempfile.mkdtemp(prefix="pmg-compare-"))
    try:
        year = work / "year"
        files = make_year(year, args.count)
        outs = {name: work / f"out-{name}" for name in checkouts}
        times: dict[str, dict[str, list[float]]] = {}

        def measure(label: str, command, runs: int, before=None) -> None:
            for run in range(runs):
                for name, checkout in checkouts.items():
                    if before:
                        before(name, run)
                    seconds = _timed(command(name), checkout)
                    times.setdefault(label, {}).setdefault(name, []).append(seconds)

        measure("full build, PDF+DOCX", lambda n: [*_pmg(checkouts[n]), "build", str(year),
                                                   "-o", str(outs[n]), "--force"], args.runs)
        same = _hashes(outs["other"]) == _hashes(outs["this"])
        count = len(_hashes(outs["this"]))
        measure("no-op rebuild", lambda n: [*_pmg(checkouts[n]), "build", str(year), "-o",
                                            str(outs[n])], max(args.runs, 5))

        def change_one(name: str, run: int) -> None:
            if name == "other":  # the same file changes once for both checkouts
                path = files[run]
                path.write_text(path.read_text(encoding="utf-8") + f"\n# change {run}\n",
                                encoding="utf-8")

        measure("rebuild after one file changed", lambda n: [*_pmg(checkouts[n]), "build",
                                                             str(year), "-o", str(outs[n])],
                args.runs, before=change_one)
        measure("pmg validate", lambda n: [*_pmg(checkouts[n]), "validate", str(year)],
                max(args.runs, 5))
        measure("pmg --help", lambda n: [*_pmg(checkouts[n]), "--help"], 10)

        print(f"\n{count} documents from {len(files)} sources: "
              f"{'byte-identical' if same else 'DIFFERENT'} between the two checkouts")
        print(f"{'measure':<32} {'other':>9} {'this':>9}   runs (other | this)")
        for label, by_name in times.items():
            medians = {n: statistics.median(v) for n, v in by_name.items()}
            runs = " | ".join(", ".join(f"{t:.2f}" for t in by_name[n]) for n in checkouts)
            print(f"{label:<32} {medians['other']:8.2f}s {medians['this']:8.2f}s   {runs}")
        print(f"load average {os.getloadavg()[0]:.2f} at the end")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
