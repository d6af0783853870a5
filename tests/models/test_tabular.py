"""A model's workbook form is read off its fields (models/tabular.py): a new field is a new
column without code, a new list of models needs its sheet named in the registry, and every
format the registry gives a workbook form lays out."""

from __future__ import annotations

import pytest

from pmg_docs import kinds
from pmg_docs.models.base import Model, Weight
from pmg_docs.models.objetivos import Formulation, ObjectiveCommitment
from pmg_docs.models.tabular import FLAG, LINES, NUMBER, NotTabular, cell_values, tables
from pmg_docs.writers.commitments_xlsx import layout

TITLES = kinds.KINDS[kinds.FORMULATION].formats[kinds.BY_OBJECTIVES].workbook


def test_every_workbook_format_lays_out_with_one_sheet_listing_each_kinds_files():
    sheets = layout()
    titles = [s.title for s in sheets]
    assert len(titles) == len(set(titles))
    roots = {s.kind: s.formats for s in sheets if s.is_root}
    assert roots == {"formulation": ["objetivos", "areas", "indicadores"],
                     "results": ["cumplimiento"], "monthly-report": ["mensual"]}
    for name, entry in kinds.KINDS.items():
        for fmt in entry.formats.values():
            if fmt.workbook is not None:
                assert any(s.kind == name and fmt.name in s.formats for s in sheets)


def test_a_new_field_is_a_new_column_and_a_new_list_needs_its_sheet():
    assert TITLES is not None

    class Richer(ObjectiveCommitment):
        # A weight of another mechanism, and what it says of itself.
        increment: Weight | None = None
        evidence: list[str] = []

    class Year(Formulation):
        objectives: list[Richer]

    [objectives] = [t for t in tables(Year, TITLES) if t.path == ("objectives",)]
    kinds_by_name = {c.name: (c.kind, c.percent) for c in objectives.columns}
    assert kinds_by_name["increment"] == (NUMBER, True)
    assert kinds_by_name["evidence"] == (LINES, False)

    class Activity(Model):
        number: int
        value: float

    class Planned(Formulation):
        activities: list[Activity] = []

    with pytest.raises(NotTabular, match="no sheet named for the list «activities»"):
        tables(Planned, TITLES)
    assert any(t.path == ("activities",)
               for t in tables(Planned, {**TITLES, "activities": "Actividades"}))


def test_a_field_at_its_default_is_an_empty_cell():
    [indicators] = [t for t in tables(Formulation, TITLES)
                    if t.path == ("objectives", "indicators")]
    values = dict(zip([c.path for c in indicators.columns], cell_values(
        indicators, {"indicator": "x", "weight": 5, "measure_only": False,
                     "definition": None})))
    assert values[("measure_only",)] is None and values[("weight",)] == 5
    assert next(c for c in indicators.columns if c.name == "measure_only").kind == FLAG
