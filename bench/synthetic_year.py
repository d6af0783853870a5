"""A synthetic year: N services, each with a formulation and its results, varied from the two
2024 examples, reproducible (seeded). For `pmg report` on more than two services, in tests and
in bench/report_year.py.

    .venv/bin/python bench/synthetic_year.py OUT_DIR [--count 20] [--seed 2024]
    .venv/bin/pmg report OUT_DIR -o out

writes OUT_DIR/formulaciones/servicio-NNN.yaml and OUT_DIR/resultados/servicio-NNN.yaml. The
figures are invented; every file validates.
"""

from __future__ import annotations

import argparse
import copy
import io
import random
import sys
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
MINISTRIES = [
    "MINISTERIO DE HACIENDA", "MINISTERIO DEL TRABAJO Y PREVISION SOCIAL",
    "MINISTERIO DE SALUD", "MINISTERIO DE EDUCACION", "MINISTERIO DEL INTERIOR",
    "MINISTERIO DE ECONOMIA, FOMENTO Y TURISMO", "MINISTERIO DE OBRAS PUBLICAS",
    "MINISTERIO DE AGRICULTURA", "MINISTERIO DEL MEDIO AMBIENTE", "MINISTERIO DE JUSTICIA",
]


def _load(path: Path):
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def _dump(data, path: Path) -> None:
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.width = 100
    stream = io.StringIO()
    yaml.dump(data, stream)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(stream.getvalue(), encoding="utf-8")


def _value(numerator: float, denominator: float, decimals: int = 2) -> float:
    from pmg_docs.numbers import rounded

    return float(rounded(numerator / denominator * 100, decimals))


def formulation(base: dict, measures: list, rng: random.Random, n: int) -> dict:
    data = copy.deepcopy(base)
    data["service"] = {"ministry": rng.choice(MINISTRIES), "partida": f"{rng.randint(1, 30):02d}",
                       "name": f"SERVICIO DE PRUEBA N° {n}", "chapter": f"{n % 100:02d}"}
    count = rng.randint(1, 4)
    data["gender_measures"] = [copy.deepcopy(m) for m in rng.sample(measures, count)]
    for objective in data["objectives"]:
        for indicator in objective.get("indicators", []):
            target = indicator.get("target")
            if indicator["indicator"] == "equidad-de-genero":
                target.update(numerator=count, value=_value(count, 8, 1))
            elif target is not None:
                denominator = rng.randint(10**7, 10**9)
                numerator = int(denominator * rng.uniform(0.95, 1.3))
                target.update(numerator=numerator, denominator=denominator,
                              value=_value(numerator, denominator))
    return data


def results(formulation_data: dict, name: str, rng: random.Random) -> dict:
    indicators, systems, causes = [], [], []
    for objective in formulation_data["objectives"]:
        for item in objective.get("indicators", []):
            target = item.get("target")
            if item["indicator"] == "equidad-de-genero":
                done = target["numerator"] - (rng.random() < 0.2)
                effective = {"numerator": done, "denominator": 8, "value": _value(done, 8, 1)}
            elif target is not None:
                denominator = target["denominator"]
                numerator = int(target["numerator"] * rng.uniform(0.95, 1.12))
                effective = {"numerator": numerator, "denominator": denominator,
                             "value": _value(numerator, denominator)}
            else:
                denominator = rng.randint(20, 80)
                numerator = rng.randint(0, denominator)
                effective = {"numerator": numerator, "denominator": denominator,
                             "value": _value(numerator, denominator)}
            indicators.append({"indicator": item["indicator"], "effective": effective})
        for system in objective.get("systems", []):
            stages = []
            for stage in system["stages"]:
                committed = [k for k, w in enumerate(stage["weights"], start=1) if w > 0]
                if committed:
                    stages.append({"stage": stage["stage"],
                                   "achieved": [k for k in committed if rng.random() < 0.85]})
            systems.append({"system": system["system"], "stages": stages})
    if rng.random() < 0.15:
        causes.append({"commitment": "concentracion-del-gasto", "accepted": rng.random() < 0.5,
                       "description": "Compras concentradas a fin de año por una emergencia.\n"})
    data = {"kind": "results", "catalog": formulation_data["catalog"],
            "formulation": f"../formulaciones/{name}", "indicators": indicators,
            "systems": systems}
    if causes:
        data["external_causes"] = causes
    return data


def make_year(folder: Path, count: int = 20, seed: int = 2024) -> None:
    rng = random.Random(seed)
    # The folder is the repository the results' `formulation: ../formulaciones/…` stays inside.
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pmg.toml").write_text("# Root of a pmg-docs repository (synthetic year).\n",
                                     encoding="utf-8")
    bases = [_load(ROOT / "examples" / "2024" / f"{name}.yaml") for name in ("aduanas", "ips")]
    measures = [m for base in bases for m in base["gender_measures"]]
    for n in range(1, count + 1):
        name = f"servicio-{n:03d}.yaml"
        data = formulation(bases[n % 2], measures, rng, n)
        _dump(data, folder / "formulaciones" / name)
        _dump(results(data, name, rng), folder / "resultados" / name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    make_year(args.out, args.count, args.seed)
    print(f"{args.count} services in {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
