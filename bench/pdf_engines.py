"""Per-PDF time of the two PDF engines, Typst and WeasyPrint, on every example document (and
the guide and the requisitos annex): the same HTML, the same metadata and variant (PDF/A-2a, as
`pmg build` writes it), interleaved rounds so both engines meet the same load.

    .venv/bin/python bench/pdf_engines.py [--runs 7]

Prints, per document and in total, the median CPU and wall seconds of each engine and their
ratio, and the load average before and after (the machine is shared: CPU time is the figure that
stays readable under load). Needs the extra pmg-docs[weasyprint].
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _load() -> str:
    # os.getloadavg is POSIX-only; the figure is context, not a result.
    return " ".join(f"{v:.2f}" for v in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"


def documents() -> dict[str, tuple[str, object]]:
    """name -> (HTML, metadata) of every example, the guide and the annex."""
    from pmg_docs.checks import check_path
    from pmg_docs.load import CatalogRegistry
    from pmg_docs.render.pipeline import RenderOptions, guide_document, lay_out
    from pmg_docs.writers.pdf_metadata import document_metadata

    registry = CatalogRegistry()
    found = {}
    sources = sorted(p for p in (ROOT / "examples").rglob("*") if p.suffix in (".yaml", ".md"))
    for path in sources:
        document = check_path(path, registry)[0]
        if document is None:
            continue
        html = lay_out(document, RenderOptions())[0]
        found[path.relative_to(ROOT / "examples").as_posix()] = (html, _metadata(
            document, document_metadata))
    annex = check_path(ROOT / "examples" / "2024" / "aduanas.yaml", registry)[0]
    found["annex aduanas"] = (lay_out(annex, RenderOptions(annexes=("requisitos",)))[0],
                              _metadata(annex, document_metadata))
    guide = guide_document("calidad-de-servicio-y-experiencia-usuaria", "pmg-2024", registry)
    found["guide"] = (lay_out(guide, RenderOptions())[0], _metadata(guide, document_metadata))
    return found


def _metadata(document, make):
    return make(document.kind, document.catalog, document.model,
                document.source.path.read_bytes(), document.laid_out()[0].name)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    from pmg_docs.writers.pdf_library import ENGINES, pdf_writer

    print(f"load average before: {_load()}")
    docs = documents()
    writers = {engine: pdf_writer(engine) for engine in ENGINES}
    for writer in writers.values():  # warm: imports, fonts, the compiler
        writer.warm_up()
        for html, metadata in docs.values():
            writer.write_pdf(html, metadata=metadata)
    cpu: dict[tuple[str, str], list[float]] = {}
    wall: dict[tuple[str, str], list[float]] = {}
    for _ in range(args.runs):
        for name, (html, metadata) in docs.items():
            for engine, writer in writers.items():
                started_cpu, started_wall = time.process_time(), time.perf_counter()
                writer.write_pdf(html, metadata=metadata)
                cpu.setdefault((name, engine), []).append(time.process_time() - started_cpu)
                wall.setdefault((name, engine), []).append(time.perf_counter() - started_wall)
    print(f"{'document':<42} {'typst cpu':>9} {'weasy cpu':>9} {'ratio':>6} "
          f"{'typst wall':>10} {'weasy wall':>10} {'ratio':>6}")
    totals = {key: 0.0 for key in ("tc", "wc", "tw", "ww")}
    for name in docs:
        tc, wc = (statistics.median(cpu[(name, e)]) for e in ENGINES)
        tw, ww = (statistics.median(wall[(name, e)]) for e in ENGINES)
        for key, value in zip(("tc", "wc", "tw", "ww"), (tc, wc, tw, ww)):
            totals[key] += value
        print(f"{name:<42} {tc:9.3f} {wc:9.3f} {wc / tc:6.1f} {tw:10.3f} {ww:10.3f} "
              f"{ww / tw:6.1f}")
    count = len(docs)
    print(f"{'per PDF (mean of medians)':<42} {totals['tc'] / count:9.3f} "
          f"{totals['wc'] / count:9.3f} {totals['wc'] / totals['tc']:6.1f} "
          f"{totals['tw'] / count:10.3f} {totals['ww'] / count:10.3f} "
          f"{totals['ww'] / totals['tw']:6.1f}")
    print(f"load average after: {_load()}  ({args.runs} interleaved rounds, medians)")


if __name__ == "__main__":
    main()
