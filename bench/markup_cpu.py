"""CPU of the HTML -> Typst markup stage alone, and a fingerprint of what it writes.

    .venv/bin/python bench/markup_cpu.py capture INPUTS.pickle [--count 40]
    .venv/bin/python bench/markup_cpu.py run INPUTS.pickle [--repeat 5] [--profile]

`capture` builds the examples and `--count` formulations of the synthetic year
(bench/synthetic_year.py) as PDFs and keeps what each document handed the Typst writer (its
HTML, folders, metadata). `run` writes the Typst source of each again, prints the SHA-256 of
all of them (the same digest before and after a change of markup.py or tables.py proves the
sources, hence the PDFs, unchanged) and the median CPU per document of `--repeat` passes.
Capture once, then run from each checkout to compare (inputs are plain data).
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import pickle
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def capture(out: Path, count: int) -> None:
    from synthetic_year import make_year

    import pmg_docs.writers.typst as typst
    from pmg_docs.build import build_tree
    from pmg_docs.render.pipeline import RenderOptions

    inputs = []
    original = typst.typst_source

    def recording(html, extra_allowed=(), metadata=None):
        inputs.append((html, [str(p) for p in extra_allowed], metadata))
        return original(html, extra_allowed, metadata)

    typst.typst_source = recording  # write_pdf looks it up in its module
    work = Path(tempfile.mkdtemp(prefix="pmg-markup-cpu-"))
    try:
        year = work / "year"
        make_year(year, count, 2024)
        for folder in (HERE.parent / "examples", year):
            summary = build_tree(folder, RenderOptions(formats=("pdf",), out_dir=work / "out",
                                                       jobs=1, force=True))
            assert summary.failed == 0, [str(d) for d in summary.diagnostics]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    out.write_bytes(pickle.dumps(inputs))
    print(f"{len(inputs)} documents captured in {out}")


def run(path: Path, repeat: int, profile: bool) -> None:
    from pmg_docs.writers.typst import typst_source

    inputs = pickle.loads(path.read_bytes())
    digest = hashlib.sha256()
    for html, extra, metadata in inputs:
        source, root, writer = typst_source(html, [Path(p) for p in extra], metadata)
        # What else the PDF and the warnings are made from: the root the compiler reads below,
        # the refused URLs, the header cells (finish.py), signature places, labels.
        made = (str(root), writer.refused, writer.header_cells, writer.places,
                sorted(writer.placed), sorted(writer.labels.items()))
        # The document and the module of the preamble's functions it imports (compile.py).
        files = source.files()
        digest.update(hashlib.sha256(b"".join(files[name] + b"\0" for name in sorted(files))
                                     + repr(made).encode()).digest())
    print(f"{len(inputs)} documents, sources sha256 {digest.hexdigest()}")

    def one_pass() -> None:
        for html, extra, metadata in inputs:
            typst_source(html, [Path(p) for p in extra], metadata)

    if profile:
        profiler = cProfile.Profile(time.process_time)
        profiler.runcall(one_pass)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        return
    times = []
    for _ in range(repeat):
        start = time.process_time()
        one_pass()
        times.append((time.process_time() - start) / len(inputs) * 1000)
    print(f"median {statistics.median(times):.2f} ms CPU per document "
          f"({', '.join(f'{t:.2f}' for t in times)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["capture", "run"])
    parser.add_argument("inputs", type=Path)
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    if args.mode == "capture":
        capture(args.inputs, args.count)
    else:
        run(args.inputs, args.repeat, args.profile)


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    main()
