"""Where a PDF of the Typst engine spends pmg's time: cProfile of a warm PDF-only build.

    .venv/bin/python bench/profile_typst.py [--count 40] [--top 30] [--format pdf]

Makes `--count` formulations of the synthetic year (bench/synthetic_year.py), builds them once
untimed in this process (jobs 1: as a warm pool worker would be), then builds them again under
cProfile and prints the functions with the most time of their own and the most cumulative
time, per document. The time of Typst's compiler is the binding's `compile` call.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    from synthetic_year import make_year

    from pmg_docs.build import build_tree
    from pmg_docs.render.pipeline import RenderOptions

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--format", default="pdf", choices=["pdf", "docx", "all"])
    args = parser.parse_args()
    formats = ("pdf", "docx") if args.format == "all" else (args.format,)
    work = Path(tempfile.mkdtemp(prefix="pmg-profile-typst-"))
    try:
        year = work / "year"
        make_year(year, args.count, 2024)
        count = len(list(year.rglob("*.yaml")))

        def build() -> None:
            _forget_parsed_sources()
            summary = build_tree(year, RenderOptions(formats=formats, out_dir=work / "out",
                                                     jobs=1, force=True))
            assert summary.failed == 0, [str(d) for d in summary.diagnostics]

        build()  # warm: imports, catalogs, the compiler and its fonts
        print(f"load average {', '.join(f'{v:.2f}' for v in os.getloadavg())} at the start")
        cpu, wall = time.process_time(), time.perf_counter()
        build()
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        print(f"{count} documents, {'+'.join(formats)}, warm, unprofiled: "
              f"{cpu / count * 1000:.1f} ms CPU, {wall / count * 1000:.1f} ms wall per document")
        profile = cProfile.Profile(time.process_time)
        profile.runcall(build)
        _stages(pstats.Stats(profile), count)
        for key in ("tottime", "cumulative"):
            stream = io.StringIO()
            stats = pstats.Stats(profile, stream=stream)
            stats.sort_stats(key).print_stats(args.top)
            print(f"\n--- by {key} (CPU seconds for all {count} documents) ---")
            print(stream.getvalue().split("\n", 6)[-1])
        print(f"load average {', '.join(f'{v:.2f}' for v in os.getloadavg())} at the end")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _forget_parsed_sources() -> None:
    """Each build starts with no source parsed, as in a new `pmg build` process: the builds
    before the measured one must not hand it the sources they parsed (load/sources.py keeps
    them, for a results report's formulation)."""
    from pmg_docs.load import sources

    forget = getattr(sources, "forget_parsed", None)
    if forget is not None:
        forget()
    else:  # a tree from before forget_parsed, measured to compare
        sources._PARSED.clear()


# The stages of one document, as (label, module path ending, function): cumulative CPU of each
# (profiled, so larger than unprofiled; the shares are what to read). Nested stages are
# indented; a stage's time includes those below it.
STAGES = (
    ("worker: one source (render_job)", "build/worker.py", "render_job"),
    ("  is it a catalog? (first parse)", "build/worker.py", "_is_catalog"),
    ("  folder states before/after", "build/worker.py", "_states"),
    ("  render_source", "render/pipeline.py", "render_source"),
    ("    load: YAML with positions", "load/sources.py", "load_source"),
    ("    load: linked formulation", "load/references.py", "link_formulation"),
    ("    checks", "checks/__init__.py", "check_path"),
    ("    lay out: view + Jinja", "render/pipeline.py", "lay_out"),
    ("      Jinja render", "render/jinja.py", "render_html"),
    ("    PDF: write_pdf", "writers/typst/__init__.py", "write_pdf"),
    ("      HTML -> Typst markup", "writers/typst/__init__.py", "typst_source"),
    ("        tables", "writers/typst/tables.py", "write"),
    ("      Typst compile", "writers/typst/compile.py", "compile_pdf"),
    ("      finish (XMP, TH, update)", "writers/typst/finish.py", "finish"),
    ("  write the files", "output.py", "write_document"),
)


def _stages(stats: pstats.Stats, count: int) -> None:
    cumulative: dict[tuple[str, str], float] = {}
    for (path, _line, function), row in stats.stats.items():  # type: ignore[attr-defined]
        for _label, ending, name in STAGES:
            if function == name and path.replace("\\", "/").endswith(ending):
                cumulative[(ending, name)] = cumulative.get((ending, name), 0.0) + row[3]
    print(f"\n--- by stage (CPU ms per document, profiled, {count} documents) ---")
    for label, ending, name in STAGES:
        print(f"{label:<40} {cumulative.get((ending, name), 0.0) / count * 1000:8.1f}")


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    main()
