"""How cost grows with the size of a document: 1×, 10× and 100× the largest seed document.

    .venv/bin/python bench/scaling.py [--sizes 1 10 100] [--runs 3]

The largest seed document is Circular N° 39 (tests/data/seeds/002_…, the example
examples/circulars/circular-39-2011.md): its text, with its numbered paragraphs, lists and three
Cuadros, is repeated N times. Each step runs in a fresh process, so that its peak memory is its
own (resource's ru_maxrss):

    validate   pmg validate FILE
    html       load, check and lay out (Jinja): the HTML's size and the template's time, against
               the template limits (pmg_docs/render/sandbox.py)
    render     pmg render FILE --format all (PDF and DOCX)

It prints the median time and the peak memory of each step at each size, and the ratio of time
to the 1× time: linear costs give ratios near 10 and 100. A last line validates a circular of
10 000 list items (the issue's "validation of 10 000 items in a few seconds").
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CIRCULAR = ROOT / "examples" / "circulars" / "circular-39-2011.md"
STEPS = ("validate", "html", "render")


def scaled_circular(times: int, folder: Path) -> Path:
    """Circular N° 39 with its text repeated `times` times."""
    text = CIRCULAR.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    path = folder / f"circular-{times}x.md"
    path.write_text(f"---\n{front}---\n" + "\n".join([body] * times), encoding="utf-8")
    return path


def listed_circular(items: int, folder: Path) -> Path:
    """Circular N° 39 followed by a list of `items` items."""
    path = folder / f"circular-{items}-items.md"
    text = CIRCULAR.read_text(encoding="utf-8")
    path.write_text(text + "\n" + "".join(f"- Punto {n} de la lista.\n" for n in range(items)),
                    encoding="utf-8")
    return path


def child(step: str, source: Path, out: Path) -> dict:
    """One step, in this process: its time and this process's peak memory."""
    import resource

    started = time.perf_counter()
    extra = {}
    if step == "html":
        from pmg_docs.checks import check_path
        from pmg_docs.load import CatalogRegistry
        from pmg_docs.render.pipeline import RenderOptions, lay_out

        document, _ = check_path(source, CatalogRegistry())
        laid = time.perf_counter()
        html = lay_out(document, RenderOptions())[0]
        extra = {"html_characters": len(html), "template_seconds": time.perf_counter() - laid}
    else:
        from pmg_docs.cli import main

        args = ["validate", str(source)] if step == "validate" else \
            ["render", str(source), "--format", "all", "-o", str(out)]
        try:
            main(args, standalone_mode=False)
        except SystemExit as exc:
            if exc.code:
                raise
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "peak_mb": peak_mb, **extra}


def measure(step: str, source: Path, out: Path) -> dict:
    completed = subprocess.run(
        [sys.executable, __file__, "--child", step, str(source), str(out)],
        capture_output=True, text=True, check=True)
    return json.loads(completed.stdout.strip().splitlines()[-1])


def pdf_pages(pdf: Path) -> int:
    # pdfinfo (poppler) is what the tests read PDFs with.
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(next(line.split()[-1] for line in info.stdout.splitlines()
                    if line.startswith("Pages:")))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs=3, metavar=("STEP", "SOURCE", "OUT"))
    args = parser.parse_args()
    if args.child:
        step, source, out = args.child
        print(json.dumps(child(step, Path(source), Path(out))))
        return

    print(f"{'size':>5} {'text KB':>8} {'pages':>6} {'step':<9} {'median s':>9} {'× 1×':>6} "
          f"{'peak MB':>8}  notes")
    base: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        for size in args.sizes:
            source = scaled_circular(size, folder)
            out = folder / f"out-{size}"
            for step in STEPS:
                runs = [measure(step, source, out) for _ in range(args.runs)]
                seconds = statistics.median(r["seconds"] for r in runs)
                peak = max(r["peak_mb"] for r in runs)
                base.setdefault(step, seconds)
                notes = ""
                if step == "html":
                    notes = (f"HTML {runs[0]['html_characters']:,} characters, template "
                             f"{statistics.median(r['template_seconds'] for r in runs):.2f} s")
                shown_pages = pdf_pages(out / f"{source.stem}.pdf") if step == "render" else ""
                print(f"{size:>4}× {source.stat().st_size / 1024:8.0f} {shown_pages!s:>6} "
                      f"{step:<9} {seconds:9.2f} {seconds / base[step]:6.1f} {peak:8.0f}  {notes}",
                      flush=True)
        items = listed_circular(10_000, folder)
        runs = [measure("validate", items, folder) for _ in range(args.runs)]
        print(f"10 000 list items: validate {statistics.median(r['seconds'] for r in runs):.2f} s,"
              f" peak {max(r['peak_mb'] for r in runs):.0f} MB")


if __name__ == "__main__":
    main()
