"""The data of the year's charts, as the report's view makes it from the example year
(examples/2024: Aduanas and IPS with their results)."""

from __future__ import annotations

import pytest

from pmg_docs.views.charts import BAR, COLUMN, Chart
from pmg_docs.views.report import count_maximum
from tests.support.sources import example_year, year_view


@pytest.fixture(scope="module")
def view() -> dict:
    return year_view(example_year())


def test_distribution_counts_each_service_in_its_bin(view):
    chart = view["charts"]["distribution"]
    assert chart["kind"] == COLUMN
    assert chart["categories"] == ["< 50", "50–59", "60–69", "70–79", "80–89", "90–100"]
    # Aduanas earned 90.00 of 100 and IPS 75.00: one service in 90–100, one in 70–79.
    overall = sorted(s["percent"] for s in view["services"])
    assert overall == ["75.00", "90.00"]
    assert chart["values"] == [0, 0, 0, 1, 0, 1]
    assert chart["labels"] == ["0", "0", "0", "1", "0", "1"]
    assert sum(chart["values"]) == view["reported"] == 2
    assert chart["maximum"] == 4


def test_systems_chart_is_the_mean_compliance_of_each_system(view):
    chart = view["charts"]["systems"]
    assert chart["kind"] == BAR
    assert chart["categories"] == ["Estado Verde", "Calidad de Servicio y Experiencia Usuaría"]
    # The same figures the report's table prints, as numbers for the bars.
    assert chart["labels"] == [s["mean"] for s in view["systems"]] == ["80.36", "91.67"]
    assert chart["values"] == [80.36, 91.67]
    assert (chart["maximum"], chart["number_format"]) == (100, "0.00")


def test_the_view_s_spec_makes_a_chart(view):
    spec = view["charts"]["systems"]
    chart = Chart(**spec, title="Cumplimiento por sistema", axis_title="%")
    assert Chart.from_json(chart.to_json()) == chart


@pytest.mark.parametrize("largest, maximum", [(0, 4), (1, 4), (4, 4), (5, 8), (9, 12), (20, 20)])
def test_a_count_axis_ends_on_a_multiple_of_four(largest, maximum):
    assert count_maximum(largest) == maximum
