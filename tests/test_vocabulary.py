"""One vocabulary for fields: every field of every model has a title, messages and `pmg diff`
call a field by it, and a format's own word wins where it has one; and every field has a
description, which docs/campos.md and the schemas' hover help show (tests/edit/test_schema.py)."""

from __future__ import annotations

from pydantic import BaseModel

from pmg_docs import kinds
from pmg_docs.checks.work_plan import describe as describe_work_plan
from pmg_docs.models import vocabulary
from pmg_docs.models.objetivos import Formulation
from pmg_docs.models.work_plan import Activity, WorkPlan
from pmg_docs.richtext.circular import INSERTIONS


def _models() -> set[type[BaseModel]]:
    found: set[type[BaseModel]] = set()

    def walk(model: type[BaseModel]) -> None:
        if model in found:
            return
        found.add(model)
        for name in model.model_fields:
            inner = vocabulary.inner_model(model, name)
            if inner is not None:
                walk(inner)

    for model in [*kinds.models().values(), *(i.options for i in INSERTIONS.values())]:
        walk(model)
    return found


def test_every_field_has_a_title_of_the_vocabulary():
    for model in _models():
        for name, info in model.model_fields.items():
            assert info.title is not None, (model.__name__, name)


def test_every_field_says_what_it_is_and_what_to_write():
    # The description is what docs/campos.md explains and an editor shows on hover: a field
    # without one would be a name and a type only.
    missing = sorted(f"{model.__module__}.{model.__name__}.{name}" for model in _models()
                     for name, info in model.model_fields.items()
                     if not (info.description and info.description.strip()))
    assert missing == [], "add Field(description=N_(…)) to: " + ", ".join(missing)


def test_a_format_s_own_word_wins_and_the_shared_word_is_the_fallback():
    assert vocabulary.title(Activity, "unit") == "unidad responsable"
    assert vocabulary.title(Activity, "end") == "término"
    # A section of another format (`exemptions:` in a formulation by objectives) still gets
    # the vocabulary's word.
    assert vocabulary.title(Formulation, "exemptions") == "exenciones y modificaciones"
    assert vocabulary.title(Formulation, "no_such_field") is None
    assert vocabulary.inner_model(WorkPlan, "systems").__name__ == "SystemPlan"


def test_places_read_the_titles(monkeypatch):
    data = {"gender_measures": [{"measure": 1, "activities": [{"unit": "x"}]}]}
    path = ("gender_measures", 0, "activities", 0, "unit")
    assert describe_work_plan(path, data, None) == \
        "Medida de género N°1 › Actividad N°1 › unidad responsable"
    monkeypatch.setenv("PMG_LANG", "en")
    assert describe_work_plan(path, data, None).endswith("› responsible unit")


def test_the_vocabulary_has_a_word_for_each_field_name_and_no_other():
    names = {name for model in _models() for name in model.model_fields}
    assert set(vocabulary.WORDS) == names
    assert set(vocabulary.ITEMS) <= names
    assert set(vocabulary.REFERENCES) <= names | {"requirement"}
