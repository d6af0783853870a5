"""What PDF/A and tags cost: the PDF writer's time per example document, with and without them.

    .venv/bin/python bench/pdf_variants.py [--runs 7] [--year 200 --year-runs 3]

Each document is checked and laid out as HTML once; then, in every run and in turns (so that a
busy machine weighs on each alike), the PDF is written three ways:

- `plain`: no variant, no tags, no metadata (the PDF pmg-docs wrote before PDF/A);
- `none`: `--pdf-variant none`, untagged but with the document's metadata (XMP, information);
- `pdf/a-2a`: the default, tagged PDF/A-2a with the metadata.

It prints the median, min and max seconds per document and way, the sum of the medians, and
the file sizes. The first run of each is left out (imports, font loading).

With `--year N` it also builds bench/build_year.py's synthetic year of N formulations, PDF only,
through `pmg build --force`, with `--pdf-variant pdf/a-2a` and `none` in turns.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WAYS = ("plain", "none", "pdf/a-2a")


def writer_times(runs: int) -> None:
    from pmg_docs.checks import check_path
    from pmg_docs.load import CatalogRegistry, iter_source_files
    from pmg_docs.render.pipeline import RenderOptions, lay_out
    from pmg_docs.writers.pdf import write_pdf
    from pmg_docs.writers.pdf_metadata import document_metadata

    registry = CatalogRegistry()
    sources, _ = iter_source_files([ROOT / "examples"])
    print(f"{'document':<28} {'way':<9} {'median s':>9} {'min s':>7} {'max s':>7} {'bytes':>8}")
    totals = dict.fromkeys(WAYS, 0.0)
    for path in sources:
        document, _ = check_path(path, registry, None)
        html, _files, _notes = lay_out(document, RenderOptions())
        metadata = document_metadata(document.kind, document.catalog, document.model,
                                     path.read_bytes(), document.format.name)
        calls = {"plain": lambda: write_pdf(html, variant="none"),
                 "none": lambda: write_pdf(html, metadata=metadata, variant="none"),
                 "pdf/a-2a": lambda: write_pdf(html, metadata=metadata, variant="pdf/a-2a")}
        times = {way: [] for way in WAYS}
        sizes = {}
        for _ in range(runs + 1):
            for way in WAYS:
                started = time.perf_counter()
                data, _refused = calls[way]()
                times[way].append(time.perf_counter() - started)
                sizes[way] = len(data)
        for way in WAYS:
            warm = times[way][1:]
            totals[way] += statistics.median(warm)
            print(f"{path.stem:<28} {way:<9} {statistics.median(warm):9.3f} {min(warm):7.3f} "
                  f"{max(warm):7.3f} {sizes[way]:8d}")
    print("sum of medians: " + ", ".join(f"{way} {seconds:.3f} s" for way, seconds in
                                         totals.items()))


def year_builds(count: int, runs: int) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from build_year import PMG, make_year, timed

    work = Path(tempfile.mkdtemp(prefix="pmg-variants-"))
    files = make_year(work / "year", count)
    times = {"pdf/a-2a": [], "none": []}
    for _ in range(runs):
        for variant, values in times.items():
            values += timed([*PMG, "build", work / "year", "-o", work / "out", "--force",
                             "--format", "pdf", "--pdf-variant", variant], 1)
    for variant, values in times.items():
        print(f"year of {len(files)}, PDF only, {variant:<9} median "
              f"{statistics.median(values):6.1f} s (runs {', '.join(f'{v:.1f}' for v in values)})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--year", type=int, default=0,
                        help="also build a synthetic year of this many formulations")
    parser.add_argument("--year-runs", type=int, default=3)
    args = parser.parse_args()
    writer_times(args.runs)
    if args.year:
        year_builds(args.year, args.year_runs)


if __name__ == "__main__":
    main()
