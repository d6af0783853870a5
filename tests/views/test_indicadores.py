"""The view of a formulation of performance indicators (2025), in its catalog's number style."""

from __future__ import annotations

from tests.support.sources import example, view_of


def test_performance_indicators_2025_in_the_catalog_number_style():
    view = view_of(example("2025/ips-indicadores.yaml"))
    days, share, cost = view["indicators"]
    # desempeno-2025 prints a decimal comma: 2.486.400 / 198.912 = 12,5 días.
    assert (days["target"]["numerator"], days["target"]["denominator"],
            days["target"]["value"], days["target"]["unit"]) == ("2.486.400", "198.912", "12,5",
                                                                 "días")
    assert (share["target"]["value"], share["target"]["factor"]) == ("85,0", 100)
    # Money: the unit goes first ("$ 723").
    assert (cost["target"]["unit"], cost["target"]["unit_first"], cost["target"]["value"]) == (
        "$", True, "723")
    assert [i["number"] for i in view["indicators"]] == [1, 2, 3]
