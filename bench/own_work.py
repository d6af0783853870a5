"""pmg's own work, before and after the writers (issue 23, item 6): per document, and per worker
process started.

    .venv/bin/python bench/own_work.py [--runs 7] [--other OTHER_CHECKOUT]

1. Per document, in one warm process: load and check (YAML with positions, model, rules) and
   lay out (view, Jinja, listing the templates: render/pipeline.lay_out), over every example
   source; CPU and wall per document, medians of the runs. No writer runs.
2. Worker start: a fresh process doing what a build's pool worker does before its first
   document (`build/worker.start_worker`: imports, warming, fonts) for a PDF-only, a DOCX-only
   and a PDF + DOCX build; CPU of the whole process (the interpreter's start included) and
   wall, medians.

With --other (a clone of main, say, with its own `.venv`), every measure runs the two checkouts
alternately, so that a shared machine's load weighs on both alike. The load average is printed
before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent

PER_DOCUMENT = r"""
import json, sys, time
from pathlib import Path
from pmg_docs.checks import check_path
from pmg_docs.load.catalogs import CatalogRegistry
from pmg_docs.render.pipeline import RenderOptions, lay_out

runs = int(sys.argv[1])
registry = CatalogRegistry(())
options = RenderOptions()
sources = []
for path in sorted(Path("examples").rglob("*")):
    if path.suffix not in (".yaml", ".md"):
        continue
    document, _ = check_path(path, registry, None)
    if document is not None:
        try:
            lay_out(document, options)
        except Exception:
            continue
        sources.append(path)
results = {"check": [], "lay_out": [], "wall": [], "documents": len(sources)}
for _ in range(runs):
    check = lay = 0.0
    wall = time.perf_counter()
    for path in sources:
        started = time.process_time()
        document, _ = check_path(path, registry, None)
        middle = time.process_time()
        lay_out(document, options)
        check += middle - started
        lay += time.process_time() - middle
    results["wall"].append((time.perf_counter() - wall) / len(sources))
    results["check"].append(check / len(sources))
    results["lay_out"].append(lay / len(sources))
print(json.dumps(results))
"""

WORKER_START = r"""
import inspect, os, sys
from pmg_docs.build import worker
formats = tuple(sys.argv[1].split(","))
# main's start_worker takes the parent's pid and warms every writer; this branch's the formats.
if list(inspect.signature(worker.start_worker).parameters) == ["formats"]:
    worker.start_worker(formats)
else:
    worker.start_worker(os.getppid())
"""


def _python(checkout: Path) -> str:
    return str(checkout / ".venv" / "bin" / "python")


def per_document(checkout: Path, runs: int) -> dict:
    done = subprocess.run([_python(checkout), "-c", PER_DOCUMENT, str(runs)], cwd=checkout,
                          capture_output=True, text=True, check=True,
                          env={**os.environ, "PMG_LANG": "es"})
    return json.loads(done.stdout)


def worker_start(checkout: Path, formats: str) -> tuple[float, float]:
    """(CPU, wall) seconds of one fresh worker's start."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([_python(checkout), "-c", WORKER_START, formats], cwd=checkout, check=True,
                   capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime), wall


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--other", type=Path, help="another checkout, measured in turn")
    options = parser.parse_args()
    checkouts = ([options.other.resolve()] if options.other else []) + [HERE]
    print(f"load average before: {os.getloadavg()}")

    documents: dict[Path, dict] = {c: {"check": [], "lay_out": [], "wall": []}
                                   for c in checkouts}
    for _ in range(3):  # three processes each, in turn; `runs` passes over the examples in each
        for checkout in checkouts:
            found = per_document(checkout, options.runs)
            for key in ("check", "lay_out", "wall"):
                documents[checkout][key] += found[key]
            documents[checkout]["documents"] = found["documents"]
    print("\n| checkout | documents | load + check, CPU ms/doc | lay out, CPU ms/doc | "
          "wall ms/doc |\n| --- | ---: | ---: | ---: | ---: |")
    for checkout, found in documents.items():
        print(f"| {checkout.name} | {found['documents']} | {_ms(found['check'])} | "
              f"{_ms(found['lay_out'])} | {_ms(found['wall'])} |")

    starts: dict[tuple[Path, str], list[tuple[float, float]]] = {}
    for _ in range(options.runs):
        for formats in ("pdf", "docx", "pdf,docx"):
            for checkout in checkouts:
                starts.setdefault((checkout, formats), []).append(
                    worker_start(checkout, formats))
    print("\n| checkout | build's formats | worker start, CPU s | wall s |\n"
          "| --- | --- | ---: | ---: |")
    for (checkout, formats), values in starts.items():
        print(f"| {checkout.name} | {formats} | "
              f"{statistics.median(v[0] for v in values):.3f} | "
              f"{statistics.median(v[1] for v in values):.3f} |")
    print(f"\nload average after: {os.getloadavg()}")


if __name__ == "__main__":
    sys.exit(main())
