"""Benchmark the consolidated year: `pmg report` over a synthetic year of N services (a
formulation and results each), the workbook alone and the documents (PDF and DOCX).

    .venv/bin/python bench/report_year.py [--count 200] [--runs 3]

Each run is the `pmg` command in its own process, as a user runs it. Prints the median (and the
runs) of each measure next to its target (issue 14: under 10 s for the XLSX, under 60 s for the
documents, on the project's 2-core machine).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from synthetic_year import make_year

PMG = [sys.executable, "-c", "from pmg_docs.cli import run; run()"]
MEASURES = [("xlsx", ["--format", "xlsx"]), ("pdf", ["--format", "pdf"]),
            ("docx", ["--format", "docx"])]


def timed(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run([*PMG, *args], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        year, out = Path(folder) / "year", Path(folder) / "out"
        make_year(year, args.count)
        results = {}
        for name, options in MEASURES:
            results[name] = [timed(["report", str(year), "-o", str(out), *options])
                             for _ in range(args.runs)]
        pages = subprocess.run(["pdfinfo", str(out / "resultados-2024.pdf")],
                               capture_output=True, text=True).stdout
    # Each document run also consolidates the year; the sum counts that twice (an upper bound
    # of `pmg report --format all` without the workbook).
    documents = [a + b for a, b in zip(results["pdf"], results["docx"])]
    rows = [("xlsx", results["xlsx"], 10.0), ("pdf", results["pdf"], None),
            ("docx", results["docx"], None), ("pdf + docx (sum)", documents, 60.0)]
    print(f"pmg report over {args.count} services, {args.runs} runs each")
    for name, runs, target in rows:
        median = statistics.median(runs)
        verdict = "" if target is None else (f"  target < {target:.0f} s: "
                                             f"{'met' if median < target else 'NOT met'}")
        print(f"  {name:18} median {median:6.2f} s  runs "
              f"{', '.join(f'{r:.2f}' for r in runs)}{verdict}")
    page_line = next((line for line in pages.splitlines() if line.startswith("Pages:")), "")
    print(f"  PDF {page_line.lower()}")


if __name__ == "__main__":
    main()
