"""The view of a formulation by marco and área (2011): the Osorno example as its seed prints it."""

from __future__ import annotations

from tests.support.paths import SEEDS
from tests.support.sources import example, view_of


def test_osorno_2011_rows_marks_and_exemptions():
    view = view_of(example("2011/osorno.yaml"))
    assert view["stage_columns"] == ["I", "II", "III", "IV"]
    rows = {r["system"]: r for r in view["rows"]}
    assert [r["weight"] for r in view["rows"]] == ["6.00", "20.00", "50.00", "12.00", "12.00"]
    security = rows["Sistema Seguridad de la Información"]
    # Committed at stage II with high priority: one mark, under II.
    assert (security["priority"], security["marks"]) == ("ALTA", [False, True, False, False])
    assert {(e["system"], e["type"], e["stage"]) for e in view["exemptions"]} >= {
        ("Descentralización", "modificar", 1),
        ("Gobierno Electrónico - Tecnologías de Información", "eximir", None)}
    seed = (SEEDS / "004_d3e25ea32864f030.txt").read_text(encoding="utf-8")
    assert all(r["system"].removeprefix("Sistema ") in seed for r in view["rows"])
