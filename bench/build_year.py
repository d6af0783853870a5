"""Benchmark a whole year: 200 varied formulations built, rebuilt, validated; LibreOffice as
the route a user would otherwise take for the PDFs.

    .venv/bin/python bench/build_year.py [--count 200] [--runs 3] [--lo-sample 20]

Everything is timed through the `pmg` command in its own process, as a user runs it. Prints one
line per measure with its median (and the runs), the target, and whether it is met.
"""

from __future__ import annotations

import argparse
import copy
import io
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
PMG = [sys.executable, "-c", "from pmg_docs.cli import run; run()"]


def load(path: Path):
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def dump(data, path: Path) -> None:
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    stream = io.StringIO()
    yaml.dump(data, stream)
    path.write_text(stream.getvalue(), encoding="utf-8")


def rounded(value: float, decimals: int) -> float:
    from pmg_docs.numbers import rounded as exact
    return float(exact(value, decimals))


def vary_2024(base: dict, measures_pool: list, rng: random.Random, n: int) -> dict:
    data = copy.deepcopy(base)
    data["service"]["name"] = f"SERVICIO DE PRUEBA N° {n}"
    data["service"]["partida"] = f"{rng.randint(1, 30):02d}"
    data["service"]["chapter"] = f"{rng.randint(1, 99):02d}"
    count = rng.randint(1, 4)
    data["gender_measures"] = [copy.deepcopy(m) for m in rng.sample(measures_pool, count)]
    for objective in data["objectives"]:
        for indicator in objective.get("indicators", []):
            target = indicator.get("target")
            if indicator["indicator"] == "equidad-de-genero":
                target.update(numerator=count, value=rounded(count / 8 * 100, 1))
            elif target is not None:
                numerator, denominator = rng.randint(10**6, 10**9), rng.randint(10**6, 10**9)
                target.update(numerator=numerator, denominator=denominator,
                              value=rounded(numerator / denominator * 100, 2))
    return data


def vary_2011(base: dict, rng: random.Random, n: int) -> dict:
    data = copy.deepcopy(base)
    data["service"]["name"] = f"GOBERNACION PROVINCIAL N° {n}"
    weights = [s["weight"] for s in data["systems"]]
    rng.shuffle(weights)
    for system, weight in zip(data["systems"], weights):
        system["weight"] = weight
    return data


def make_year(folder: Path, count: int) -> list[Path]:
    rng = random.Random(2024)
    aduanas = load(ROOT / "examples" / "2024" / "aduanas.yaml")
    ips = load(ROOT / "examples" / "2024" / "ips.yaml")
    osorno = load(ROOT / "examples" / "2011" / "osorno.yaml")
    pool = aduanas["gender_measures"] + ips["gender_measures"]
    files = []
    for n in range(1, count + 1):
        if n % 4 == 0:
            data, sub = vary_2011(osorno, rng, n), "2011"
        else:
            data, sub = vary_2024(rng.choice([aduanas, ips]), pool, rng, n), "2024"
        path = folder / sub / f"servicio-{n:03d}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        dump(data, path)
        files.append(path)
    return files


def timed(args, runs: int, before=None) -> list[float]:
    times = []
    for run in range(runs):
        if before:
            before(run)
        started = time.perf_counter()
        completed = subprocess.run(args, capture_output=True, text=True)
        times.append(time.perf_counter() - started)
        if completed.returncode != 0:
            sys.exit(f"{' '.join(map(str, args[3:]))} failed:\n{completed.stderr[-2000:]}")
    return times


def report(name: str, times: list[float], target: float | None) -> float:
    median = statistics.median(times)
    runs = ", ".join(f"{t:.2f}" for t in times)
    verdict = "" if target is None else ("  met" if median <= target else "  NOT MET")
    goal = "" if target is None else f" (target ≤ {target:g} s)"
    print(f"{name:<34} {median:8.2f} s{goal}{verdict}   runs: {runs}")
    return median


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lo-sample", type=int, default=20,
                        help="DOCX files converted by LibreOffice (0 to skip)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="pmg-bench-"))
    try:
        year = work / "year"
        files = make_year(year, args.count)
        out = work / "out"
        print(f"{len(files)} formulations in {year} (3/4 of the 2024 format, 1/4 of 2011); "
              f"{args.runs} runs of the long measures")

        full = timed([*PMG, "build", year, "-o", out, "--force"], args.runs)
        report(f"full build, PDF+DOCX ({len(files)})", full, 60)
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        noop = timed([*PMG, "build", year, "-o", out], max(args.runs, 5))
        report("no-op rebuild", noop, 1)

        def change_one(run: int) -> None:
            path = files[run]
            path.write_text(path.read_text(encoding="utf-8").replace(
                "SERVICIO DE PRUEBA", "SERVICIO  DE PRUEBA").replace(
                "GOBERNACION PROVINCIAL", "GOBERNACIÓN PROVINCIAL"), encoding="utf-8")

        one = timed([*PMG, "build", year, "-o", out], args.runs, before=change_one)
        report("rebuild after one file changed", one, 3)
        validate = timed([*PMG, "validate", year], max(args.runs, 5))
        report(f"pmg validate ({len(files)})", validate, 2)
        helps = timed([*PMG, "--help"], 10)
        report("pmg --help", helps, 0.3)
        print(f"{'peak memory (largest process)':<34} {peak_mb:8.0f} MB (target ≤ 500 MB)"
              f"  {'met' if peak_mb <= 500 else 'NOT MET'}")

        pdf_only = timed([*PMG, "build", year, "-o", work / "pdf", "--force", "--format", "pdf"],
                         args.runs)
        ours = statistics.median(pdf_only) / len(files)
        print(f"{'pmg, per PDF (2 processes)':<34} {ours:8.3f} s")
        soffice = shutil.which("soffice")
        if args.lo_sample and soffice:
            sample = sorted(out.rglob("*.docx"))[:args.lo_sample]
            lo_out = work / "lo"
            # A user converts one document at a time (the file manager, a script per file)...
            single = timed([soffice, "--headless", "--convert-to", "pdf", "--outdir", lo_out,
                            sample[0]], 5)
            per_single = statistics.median(single)
            print(f"{'LibreOffice, one DOCX per call':<34} {per_single:8.3f} s per PDF")
            print(f"{'  ratio LibreOffice / pmg':<34} {per_single / ours:8.1f} x (target ≥ 3 x)  "
                  f"{'met' if per_single / ours >= 3 else 'NOT MET'}")
            # ...or, knowing how, all of them in one call, which spreads LibreOffice's start-up.
            batch = timed([soffice, "--headless", "--convert-to", "pdf", "--outdir", lo_out,
                           *sample], 1)
            per_batch = batch[0] / len(sample)
            print(f"{'LibreOffice, all DOCX in one call':<34} {per_batch:8.3f} s per PDF "
                  f"({len(sample)} files)")
            print(f"{'  ratio LibreOffice / pmg':<34} {per_batch / ours:8.1f} x (target ≥ 3 x)  "
                  f"{'met' if per_batch / ours >= 3 else 'NOT MET'}")
        else:
            print("LibreOffice (soffice) not found: the ratio is not measured "
                  "(apt-get install libreoffice-writer-nogui)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
