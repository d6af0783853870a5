"""Where a year build spends its time, stage by stage.

    .venv/bin/python bench/profile_build.py [--count 200] [--sample 40] [--runs 3]

Three parts, printed as tables:

1. Start-up, in fresh processes: the interpreter alone, `pmg --help`, and the imports a
   rendering process pays once (WeasyPrint, python-docx, the whole pipeline).
2. The stages of one document, in one process, over `--sample` documents of the synthetic year
   (the same generator as build_year.py): load, checks, view, Jinja, then WeasyPrint's own steps
   (HTML parsing, stylesheets and fonts, style cascade, boxes, layout, drawing, font subsetting,
   PDF writing), the DOCX writer, hashing for the build cache and the writes. Each stage's time
   is its own (exclusive of the stages it calls), taken by wrapping the real functions of the
   real pipeline, so the table adds up to the whole and follows the code as it changes.
3. Whole `pmg build --force` runs of all `--count` documents (PDF and DOCX, and PDF only) with
   1 and 2 jobs, in their own processes: wall time and CPU time per document, to set against
   the sum of the stages (the difference is start-up, the pool and the parent's own work).
"""

from __future__ import annotations

import argparse
import functools
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from build_year import PMG, make_year

HERE = Path(__file__).resolve().parent


class Stages:
    """Exclusive time per stage: a stage called inside another is subtracted from it."""

    def __init__(self):
        self.totals: dict[str, float] = defaultdict(float)
        self.stack: list[str] = []
        self.mark = 0.0

    def enter(self, name: str) -> None:
        now = time.perf_counter()
        if self.stack:
            self.totals[self.stack[-1]] += now - self.mark
        self.stack.append(name)
        self.mark = now

    def leave(self) -> None:
        now = time.perf_counter()
        self.totals[self.stack.pop()] += now - self.mark
        self.mark = now

    def wrap(self, owner, attribute: str, name: str) -> None:
        original = getattr(owner, attribute)

        @functools.wraps(original)
        def timed(*args, **kwargs):
            self.enter(name)
            try:
                return original(*args, **kwargs)
            finally:
                self.leave()

        setattr(owner, attribute, timed)

    def wrap_generator(self, owner, attribute: str, name: str) -> None:
        """A generator's time is spent while it is advanced, not when it is created."""
        original = getattr(owner, attribute)
        stages = self

        @functools.wraps(original)
        def timed(*args, **kwargs):
            iterator = original(*args, **kwargs)
            while True:
                stages.enter(name)
                try:
                    item = next(iterator)
                except StopIteration:
                    return
                finally:
                    stages.leave()
                yield item

        setattr(owner, attribute, timed)


def instrument(stages: Stages) -> None:
    """Wrap the functions each stage runs in, where their callers look them up."""
    import weasyprint
    import weasyprint.css
    import weasyprint.document
    import weasyprint.pdf
    import weasyprint.pdf.fonts
    from weasyprint.text.fonts import FontConfiguration

    import pmg_docs.build.cache
    import pmg_docs.build.worker
    import pmg_docs.checks
    import pmg_docs.render.jinja
    import pmg_docs.render.pipeline
    import pmg_docs.writers.docx
    import pmg_docs.writers.pdf

    wrap = stages.wrap
    wrap(pmg_docs.checks, "load_document", "load (YAML, model)")
    wrap(pmg_docs.checks, "check_document", "checks")
    wrap(pmg_docs.render.pipeline, "lay_out", "view, template checks")
    wrap(pmg_docs.render.jinja, "render_html", "Jinja")
    wrap(pmg_docs.render.jinja, "template_files", "Jinja")
    wrap(pmg_docs.writers.pdf, "write_pdf", "PDF: rest of write_pdf")
    wrap(weasyprint.HTML, "__init__", "PDF: HTML parsing")
    wrap(weasyprint.CSS, "__init__", "PDF: stylesheet parsing")
    wrap(FontConfiguration, "__init__", "PDF: fonts set-up")
    wrap(FontConfiguration, "add_font_face", "PDF: fonts set-up")
    wrap(weasyprint.document, "get_all_computed_styles", "PDF: style cascade")
    wrap(weasyprint.document, "build_formatting_structure", "PDF: boxes")
    stages.wrap_generator(weasyprint.document, "layout_document", "PDF: layout")
    wrap(weasyprint.document.Page, "paint", "PDF: drawing")
    wrap(weasyprint.pdf.fonts.Font, "subset", "PDF: font subsetting")
    wrap(weasyprint.document, "generate_pdf", "PDF: writing (objects, zlib)")
    wrap(pmg_docs.writers.docx, "write_docx", "DOCX")
    wrap(pmg_docs.build.worker, "_is_catalog", "load (YAML, model)")
    wrap(pmg_docs.build.worker, "file_hash", "hashing, change checks")
    wrap(pmg_docs.build.worker, "_states", "hashing, change checks")
    wrap(pmg_docs.build.worker, "_sha256", "hashing, change checks")
    wrap(pmg_docs.build.cache, "file_hash", "hashing, change checks")
    wrap(pmg_docs.build.worker, "write_document", "writes")
    wrap(pmg_docs.build.cache, "write_file", "writes")


def stage_table(sample_dir: Path, out_dir: Path, runs: int) -> None:
    from pmg_docs.build import build_tree
    from pmg_docs.render.pipeline import RenderOptions

    stages = Stages()
    instrument(stages)
    sources = sorted(sample_dir.rglob("*.yaml"))
    # One untimed build first: a worker of a real build has imported everything and read the
    # catalogs before its first document, and so should this process.
    build_tree(sample_dir, RenderOptions(formats=("pdf", "docx"), out_dir=out_dir, jobs=1,
                                         force=True))
    walls = []
    per_run = []
    for _ in range(runs):
        stages.totals.clear()
        stages.enter("other (build loop, options, glue)")
        started = time.perf_counter()
        summary = build_tree(sample_dir, RenderOptions(formats=("pdf", "docx"), out_dir=out_dir,
                                                       jobs=1, force=True))
        walls.append(time.perf_counter() - started)
        stages.leave()
        assert summary.failed == 0, [str(d) for d in summary.diagnostics]
        per_run.append(dict(stages.totals))
    count = len(sources)
    names = sorted({n for run in per_run for n in run},
                   key=lambda n: -statistics.median(r.get(n, 0) for r in per_run))
    total = statistics.median(walls)
    print(f"\nStages of one document, in one warm process: {count} documents (PDF and DOCX), "
          f"{runs} runs, medians")
    print(f"{'stage':<34} {'ms/doc':>8} {'share':>7}   runs (ms/doc)")
    for name in names:
        values = [r.get(name, 0) / count * 1000 for r in per_run]
        median = statistics.median(values)
        print(f"{name:<34} {median:8.1f} {median / (total / count * 1000):7.1%}   "
              + ", ".join(f"{v:.1f}" for v in values))
    print(f"{'total':<34} {total / count * 1000:8.1f} {1:7.1%}   "
          + ", ".join(f"{w / count * 1000:.1f}" for w in walls))


def _seconds(code: str, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return times


def startup_table(runs: int) -> None:
    print(f"\nStart-up, each in a fresh process ({runs} runs, medians)")
    measures = [
        ("interpreter alone", "pass"),
        ("pmg --help", "from pmg_docs.cli import main\ntry: main(['--help'])\n"
                       "except SystemExit: pass"),
        ("import weasyprint", "import weasyprint"),
        ("import docx", "import docx"),
        ("import the whole pipeline", "import pmg_docs.build, pmg_docs.render.pipeline, "
                                      "pmg_docs.writers.pdf, pmg_docs.writers.docx"),
    ]
    for name, code in measures:
        times = _seconds(code, runs)
        print(f"{name:<34} {statistics.median(times) * 1000:8.0f} ms   runs: "
              + ", ".join(f"{t * 1000:.0f}" for t in times))


def build_table(year: Path, work: Path, runs: int) -> None:
    count = len(list(year.rglob("*.yaml")))
    print(f"\nWhole `pmg build --force` of {count} documents, each in its own process "
          f"({runs} runs, medians; CPU = user + system of the build and its workers)")
    print(f"{'build':<34} {'wall s':>8} {'CPU s':>8} {'CPU ms/doc':>11}")
    for formats in (["--format", "all"], ["--format", "pdf"]):
        for jobs in ("1", "2"):
            walls, cpus = [], []
            for _ in range(runs):
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                started = time.perf_counter()
                subprocess.run([*PMG, "build", str(year), "-o", str(work / "out"), "--force",
                                "-j", jobs, *formats], check=True, capture_output=True)
                walls.append(time.perf_counter() - started)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            name = f"{formats[1]}, -j {jobs}"
            wall, cpu = statistics.median(walls), statistics.median(cpus)
            print(f"{name:<34} {wall:8.2f} {cpu:8.2f} {cpu / count * 1000:11.1f}   walls: "
                  + ", ".join(f"{w:.2f}" for w in walls))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200, help="documents of the whole builds")
    parser.add_argument("--sample", type=int, default=40, help="documents of the stage table")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-builds", action="store_true",
                        help="only start-up and stages (the whole builds take minutes)")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs at the start")

    work = Path(tempfile.mkdtemp(prefix="pmg-profile-"))
    try:
        year = work / "year"
        files = make_year(year, args.count)
        sample = work / "sample"
        # Every fourth document of the generator is of the 2011 format: the sample keeps that mix.
        for path in files[:args.sample]:
            target = sample / path.relative_to(year)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
        startup_table(max(args.runs, 5))
        stage_table(sample, work / "sample-out", args.runs)
        if not args.skip_builds:
            build_table(year, work, args.runs)
        print(f"load average {os.getloadavg()[0]:.2f} at the end")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    main()
