"""CPU of the HTML -> Typst markup stage alone, and a fingerprint of what it writes.

    .venv/bin/python bench/markup_cpu.py capture INPUTS.pickle [--count 40] [--year-only]
    .venv/bin/python bench/markup_cpu.py run INPUTS.pickle [--repeat 5] [--profile]
    .venv/bin/python bench/markup_cpu.py ab INPUTS.pickle --against OTHER_CHECKOUT [--rounds 9]

`capture` builds the examples (not with `--year-only`) and `--count` services of the
synthetic year (bench/synthetic_year.py: a formulation and results each) as PDFs and keeps
what each document handed the Typst writer (its HTML, folders, metadata). `run` writes the
Typst source of each again, prints the SHA-256 of all of them (the same digest before and after
a change of markup.py or tables.py proves the sources, hence the PDFs, unchanged) and the
median CPU per document of `--repeat` passes. Capture once, then run from each checkout to
compare (inputs are plain data).

`ab` runs the whole Typst writer (markup, Typst's compile, finish) on each document in two
warm processes, OTHER_CHECKOUT's (A, with its own .venv) and this one's (B), in turn (A B, then
B A, ...; a first round untimed), and prints per stage the median over documents of each
document's median CPU time (time.process_time), and whether every PDF is the same in A and B.
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


def capture(out: Path, count: int, year_only: bool = False) -> None:
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
        for folder in (year,) if year_only else (HERE.parent / "examples", year):
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


# The worker `ab` starts in each checkout (with its own Python): the names it imports are
# the Typst writer's in both. It times one pass over the documents per line it reads.
_WORKER = """
import hashlib, json, pickle, sys, time
from pathlib import Path

from pmg_docs.writers.pdf_metadata import DEFAULT_VARIANT, claim, tagged
from pmg_docs.writers.typst import typst_source
from pmg_docs.writers.typst.compile import compile_pdf, signature_places
from pmg_docs.writers.typst.finish import finish

inputs = pickle.loads(Path(sys.argv[1]).read_bytes())
for _line in sys.stdin:
    out = []
    for html, extra, metadata in inputs:
        t0 = time.process_time()
        source, root, writer = typst_source(html, [Path(p) for p in extra], metadata)
        t1 = time.process_time()
        data = compile_pdf(source, root, DEFAULT_VARIANT)
        t2 = time.process_time()
        places = signature_places(source, root) if writer.places else []
        data = finish(data, metadata, claim(DEFAULT_VARIANT), writer.header_cells, places)
        t3 = time.process_time()
        out.append((t1 - t0, t2 - t1, t3 - t0, hashlib.sha256(data).hexdigest()))
    print(json.dumps(out), flush=True)
"""


def ab(path: Path, against: Path, rounds: int) -> None:
    import json
    import os
    import subprocess

    checkouts = [against.resolve(), HERE.parent]
    workers = [subprocess.Popen([str(c / ".venv" / "bin" / "python"), "-c", _WORKER, str(path)],
                                cwd=c, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
               for c in checkouts]
    times: list[list] = [[], []]
    print(f"load average {os.getloadavg()}")
    for round_ in range(rounds + 1):
        for worker in (0, 1) if round_ % 2 == 0 else (1, 0):
            pipe_in, pipe_out = workers[worker].stdin, workers[worker].stdout
            assert pipe_in is not None and pipe_out is not None
            pipe_in.write("go\n")
            pipe_in.flush()
            found = json.loads(pipe_out.readline())
            if round_:  # the first round warms each process (fonts, caches)
                times[worker].append(found)
    for process in workers:
        assert process.stdin is not None
        process.stdin.close()
        process.wait()
    print(f"load average {os.getloadavg()}")
    count = len(times[0][0])
    same = all(times[0][0][d][3] == times[1][0][d][3] for d in range(count))
    print(f"{count} documents, {rounds} rounds; A {checkouts[0]}, B {checkouts[1]}; "
          f"every PDF the same in A and B: {'yes' if same else 'NO'}")
    for stage, name in enumerate(("markup (typst_source)", "Typst compile", "writer in all")):
        medians = [statistics.median(statistics.median(r[d][stage] for r in times[w])
                                     for d in range(count)) * 1000 for w in (0, 1)]
        print(f"{name:22} A {medians[0]:6.2f}  B {medians[1]:6.2f}  B-A "
              f"{medians[1] - medians[0]:+6.2f} ms CPU per document")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["capture", "run", "ab"])
    parser.add_argument("inputs", type=Path)
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--year-only", action="store_true")
    parser.add_argument("--against", type=Path, help="the other checkout, for `ab`")
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    if args.mode == "capture":
        capture(args.inputs, args.count, args.year_only)
    elif args.mode == "ab":
        if args.against is None:
            parser.error("ab needs --against OTHER_CHECKOUT")
        ab(args.inputs, args.against, args.rounds)
    else:
        run(args.inputs, args.repeat, args.profile)


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    main()
