"""Time rendering the example formulations and circulars: PDF and DOCX separately, median per
document.

    .venv/bin/python bench/render_examples.py [--runs 7]

Validation and the HTML are prepared once per run; the figures are the writers' own cost in a
warm process (the first, cold run is reported apart, since it pays for imports and font loading).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    started = time.perf_counter()
    from pmg_docs.checks import check_path
    from pmg_docs.load import CatalogRegistry, iter_source_files
    from pmg_docs.render.pipeline import RenderOptions, lay_out
    from pmg_docs.writers.docx import write_docx
    from pmg_docs.writers.pdf import write_pdf
    imported = time.perf_counter() - started

    registry = CatalogRegistry()
    sources, _ = iter_source_files([ROOT / "examples"])  # formulations and circulars
    print(f"imports: {imported:.2f} s; documents: {', '.join(p.stem for p in sources)}")
    print(f"{'document':<18} {'step':<10} {'cold s':>8} {'median s':>9} {'min s':>7} {'max s':>7}")
    for path in sources:
        timings = {"validate": [], "html": [], "pdf": [], "docx": []}
        for _ in range(args.runs + 1):
            t0 = time.perf_counter()
            checked, _ = check_path(path, registry)
            t1 = time.perf_counter()
            html = lay_out(checked, RenderOptions())[0]
            t2 = time.perf_counter()
            write_pdf(html)
            t3 = time.perf_counter()
            write_docx(html)
            t4 = time.perf_counter()
            for key, value in zip(timings, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
                timings[key].append(value)
        for step, values in timings.items():
            cold, warm = values[0], values[1:]
            print(f"{path.stem:<18} {step:<10} {cold:8.3f} {statistics.median(warm):9.3f} "
                  f"{min(warm):7.3f} {max(warm):7.3f}")


if __name__ == "__main__":
    main()
