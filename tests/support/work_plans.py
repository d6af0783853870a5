"""Work plans of many activities, written as a user would (YAML beside its formulation), to see
where long tables break: activities of few words and of many, one or several pieces of evidence.
The texts are drawn from a fixed word list by a seeded generator, so every run lays out the
same pages."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

from tests.support.paths import ROOT

FORMULATION = ROOT / "examples" / "2024" / "aduanas.yaml"
WORDS = ("diseño ejecución política servicio género capacitación funcionarias funcionarios "
         "regionales informe diagnóstico plan mejoramiento comité resolución medición usuaria "
         "estadísticas procedimientos protocolo atención sucursales difusión intranet").split()
# The stage objectives Aduanas commits, by system.
OBJECTIVES = {"estado-verde": [(1, 1), (1, 2), (2, 1), (2, 2)],
              "calidad-de-servicio-y-experiencia-usuaria": [(1, 1), (1, 2), (1, 3), (2, 1)]}
# Activities per table: Aduanas' three gender measures, then its two systems.
PLANS = {"actividades-6": (6, 6, 6, 6, 6), "actividades-12": (12, 3, 12, 2, 12),
         "actividades-20": (20, 4, 1, 20, 5)}


def _text(rng: random.Random, least: int, most: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(least, most))).capitalize()


def _activity(rng: random.Random, objective: tuple[int, int] | None) -> dict:
    long = rng.random() < 0.4
    activity = {"activity": _text(rng, 15, 30) if long else _text(rng, 3, 10),
                "start": "2024-03-01", "end": "2024-12-13", "unit": _text(rng, 2, 5),
                "evidence": [_text(rng, 2, 8) for _ in range(rng.randint(1, 3 if long else 1))]}
    if objective is not None:
        activity["stage"], activity["objective"] = objective
    return activity


def write_plans(folder: Path) -> list[Path]:
    """The work plans of PLANS in `folder` (a working folder of its own), with the formulation
    they name."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pmg.toml").write_text("", encoding="utf-8")
    shutil.copy(FORMULATION, folder / FORMULATION.name)
    written = []
    for seed, (name, counts) in enumerate(PLANS.items()):
        rng = random.Random(seed)
        plan = {
            "kind": "work-plan", "catalog": "pmg-2024", "formulation": FORMULATION.name,
            "gender_measures": [
                {"measure": number, "activities": [_activity(rng, None) for _ in range(count)]}
                for number, count in enumerate(counts[:3], 1)],
            "systems": [
                {"system": system, "activities": [
                    _activity(rng, objectives[k % len(objectives)]) for k in range(count)]}
                for (system, objectives), count in zip(OBJECTIVES.items(), counts[3:])]}
        path = folder / f"{name}.yaml"
        path.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
        written.append(path)
    return written
