"""Benchmark a whole year: 200 varied formulations built, rebuilt, validated; LibreOffice as
the route a user would otherwise take for the PDFs.

    .venv/bin/python bench/build_year.py [--count 200] [--runs 3] [--lo-sample 200] [--jobs N]

Everything is timed through the `pmg` command in its own process, as a user runs it. Prints one
line per measure with its median (and the runs), the target, and whether it is met. The
LibreOffice comparison makes the PDFs of the same sample of documents both ways, on the same
number of processes, in turn within this one run (which route goes first alternates), and
prints the ratio of the times, wall and CPU. The machine's load average is printed with every
measure: on a shared machine the CPU figures are the ones to compare.
"""

from __future__ import annotations

import argparse
import copy
import io
import os
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
    print(f"{name:<34} {median:8.2f} s{goal}{verdict}   runs: {runs}   {load_average()}")
    return median


def load_average() -> str:
    """The machine's load average (1, 5, 15 minutes), as `uptime` prints it."""
    return "load " + ", ".join(f"{value:.2f}" for value in os.getloadavg())


def _cpu() -> float:
    """CPU (user + system) of every finished child process and the processes they waited for
    (a build's pool workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_cpu(args, runs: int) -> list[tuple[float, float]]:
    """Wall and CPU seconds of `args`, `runs` times."""
    times = []
    for _ in range(runs):
        cpu = _cpu()
        wall = timed(args, 1)[0]
        times.append((wall, _cpu() - cpu))
    return times


def _run_all(commands: list[list]) -> None:
    """Start every command at once and wait for all: one route on `len(commands)` cores. Their
    messages go to temporary files, not pipes: a build's warnings can fill a pipe that nobody
    reads while the command is waited for, and the command would wait for ever."""
    logs = [tempfile.TemporaryFile() for _ in commands]
    running = [subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=log)
               for c, log in zip(commands, logs)]
    for process, log in zip(running, logs):
        with log:
            if process.wait() != 0:
                log.seek(0)
                sys.exit(f"{process.args[:3]} failed:\n{log.read().decode()[-2000:]}")


def compare_with_libreoffice(files: list[Path], year: Path, out: Path, work: Path, args) -> None:
    """The same documents made as PDF both ways, on the same number of processes, in turn, in
    this one run: `pmg build --format pdf -j N` against N LibreOffice processes converting
    the documents' DOCX files, each process all of its share in one call (LibreOffice's
    fastest way: its start-up is paid once per process, not per file)."""
    soffice = shutil.which("soffice")
    if not args.lo_sample or soffice is None:
        print("LibreOffice (soffice) not found: the ratio is not measured "
              "(apt-get install libreoffice-writer-nogui)")
        return
    step = max(1, len(files) // args.lo_sample)
    sample = files[::step][:args.lo_sample]
    sources = work / "lo-sources"
    for path in sample:
        target = sources / path.relative_to(year)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
    docx = [(out / path.relative_to(year)).with_suffix(".docx") for path in sample]
    jobs = args.jobs
    shares = [docx[i::jobs] for i in range(jobs)]
    # Each LibreOffice process needs a profile of its own to run beside another.
    profiles = [(work / f"lo-profile-{i}").as_uri() for i in range(jobs)]

    def libreoffice(outdir: Path) -> list[list]:
        return [[soffice, f"-env:UserInstallation={profiles[i]}", "--headless", "--convert-to",
                 "pdf", "--outdir", str(outdir / str(i)), *map(str, shares[i])]
                for i in range(jobs) if shares[i]]

    # A first conversion creates the profiles, which a user does once.
    _run_all(libreoffice(work / "lo-warm"))
    ours: list[tuple[float, float]] = []
    theirs: list[tuple[float, float]] = []
    loads = [load_average()]

    def pmg_route(run: int) -> None:
        cpu, started = _cpu(), time.perf_counter()
        _run_all([[*PMG, "build", str(sources), "-o", str(work / f"pdf-{run}"), "--force",
                   "--format", "pdf", "-j", str(jobs)]])
        ours.append((time.perf_counter() - started, _cpu() - cpu))

    def libreoffice_route(run: int) -> None:
        cpu, started = _cpu(), time.perf_counter()
        _run_all(libreoffice(work / f"lo-{run}"))
        theirs.append((time.perf_counter() - started, _cpu() - cpu))
        made = len(list((work / f"lo-{run}").rglob("*.pdf")))
        if made != len(sample):
            sys.exit(f"LibreOffice made {made} PDFs of {len(sample)}")

    for run in range(args.runs):
        # Alternate which route goes first, so that neither always meets the load's rises.
        routes = (pmg_route, libreoffice_route) if run % 2 == 0 else (libreoffice_route, pmg_route)
        for route in routes:
            route(run)
        loads.append(load_average())
    count = len(sample)
    print(f"\nPDF of the same {count} documents, {jobs} processes each way, {args.runs} runs "
          "in turn (medians; CPU = user + system of every process)")
    for name, times in (("pmg build --format pdf", ours), ("LibreOffice, DOCX in batches", theirs)):
        walls = [w for w, _ in times]
        cpus = [c for _, c in times]
        print(f"{name:<34} {statistics.median(walls) / count:8.3f} s per PDF wall, "
              f"{statistics.median(cpus) / count:6.3f} s CPU   walls: "
              + ", ".join(f"{w:.2f}" for w in walls) + "   CPUs: "
              + ", ".join(f"{c:.2f}" for _, c in times))
    ratio = statistics.median(w for w, _ in theirs) / statistics.median(w for w, _ in ours)
    cpu_ratio = statistics.median(c for _, c in theirs) / statistics.median(c for _, c in ours)
    verdict = "met" if min(ratio, cpu_ratio) >= 3 else (
        "NOT MET (≥ 2.5 x floor met)" if min(ratio, cpu_ratio) >= 2.5 else "NOT MET")
    print(f"{'  ratio LibreOffice / pmg':<34} {ratio:8.2f} x wall, {cpu_ratio:.2f} x CPU "
          f"(target ≥ 3 x, no less than 2.5 x)  {verdict}")
    print("  load averages, before and after each round: " + "; ".join(loads))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lo-sample", type=int, default=200,
                        help="documents made both ways for the LibreOffice comparison (0 to skip)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="processes for both routes of the comparison (default: the CPUs)")
    args = parser.parse_args()

    # pip compiles an installed package's modules; a checkout run with PYTHONDONTWRITEBYTECODE
    # would compile pmg's from source in every process (the parent and each worker, ~0.1 s
    # each). Compiled once here (into the ignored __pycache__ folders), as an install has them.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "pmg_docs")],
                   check=True, stdout=subprocess.DEVNULL)
    work = Path(tempfile.mkdtemp(prefix="pmg-bench-"))
    try:
        year = work / "year"
        files = make_year(year, args.count)
        out = work / "out"
        print(f"{len(files)} formulations in {year} (3/4 of the 2024 format, 1/4 of 2011); "
              f"{args.runs} runs of the long measures")

        print(f"{load_average()} on {os.cpu_count()} cores before the run")
        full = timed_cpu([*PMG, "build", year, "-o", out, "--force"], args.runs)
        report(f"full build, PDF+DOCX ({len(files)})", [w for w, _ in full], 25)
        full_cpu = statistics.median(c for _, c in full)
        print(f"{'  its CPU (user + system)':<34} {full_cpu:8.2f} s   runs: "
              + ", ".join(f"{c:.2f}" for _, c in full)
              + f"   (on {args.jobs} cores: ≥ {full_cpu / args.jobs:.2f} s of wall when quiet)")
        # ru_maxrss of the children: the resident set of the largest single process (a worker).
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
        print(f"{'peak memory (largest process)':<34} {peak_mb:8.0f} MB (target ≤ 300 MB)"
              f"  {'met' if peak_mb <= 300 else 'NOT MET'}")

        compare_with_libreoffice(files, year, out, work, args)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
