"""CPU time of the two writers on the 2024 formulation and the circular: the figure that stays
readable on a shared, loaded machine (wall time there measures the neighbours).

    .venv/bin/python bench/writers_cpu.py [--runs 5] [--root CHECKOUT]

`--root` measures another checkout (e.g. a clone of main, run with its own venv's python) with
this script, to compare
two versions in the same minutes. Prints min and median CPU seconds per document and format.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

DOCUMENTS = ["examples/2024/aduanas.yaml", "examples/circulars/circular-39-2011.md"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    args = parser.parse_args()
    sys.path.insert(0, str(args.root))
    from pmg_docs.checks import check_path
    from pmg_docs.load import CatalogRegistry
    from pmg_docs.render.pipeline import RenderOptions, lay_out
    from pmg_docs.writers.docx import write_docx
    from pmg_docs.writers.pdf import write_pdf

    registry = CatalogRegistry()
    htmls = {}
    for name in DOCUMENTS:
        document = check_path(args.root / name, registry)[0]
        htmls[Path(name).stem] = lay_out(document, RenderOptions())[0]
    for html in htmls.values():  # warm: imports, fonts
        write_pdf(html)
        write_docx(html)
    times: dict[tuple[str, str], list[float]] = {}
    for _ in range(args.runs):
        for name, html in htmls.items():
            for fmt, write in (("pdf", write_pdf), ("docx", write_docx)):
                started = time.process_time()
                write(html)
                times.setdefault((name, fmt), []).append(time.process_time() - started)
    print(f"{'document':<20} {'format':<6} {'min s':>7} {'median s':>9}   ({args.root})")
    for (name, fmt), values in times.items():
        print(f"{name:<20} {fmt:<6} {min(values):7.3f} {statistics.median(values):9.3f}")


if __name__ == "__main__":
    main()
