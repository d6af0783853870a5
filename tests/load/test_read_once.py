"""The shortcuts of reading and checking a source give what the long way gives.

A small source is composed before its events are checked (located_yaml._composed), a source's
texts are walked once for every check (YamlSource.texts), the glyph check answers a source
without unusual characters at once, and the Markdown fields of a model class are remembered.
Each is compared here with the long way, on hostile texts and on generated ones: any
disagreement fails.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from pmg_docs.checks import glyphs
from pmg_docs.checks.glyphs import check_glyphs
from pmg_docs.checks.markdown import _is_markdown, markdown_fields
from pmg_docs.diagnostics import InputError
from pmg_docs.load import CatalogRegistry, located_yaml
from pmg_docs.load.from_text import document_from_text
from pmg_docs.load.located_yaml import _parse, text_values
from pmg_docs.load.yaml_limits import check_events
from tests.support.paths import ROOT

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
ADUANAS = ROOT / "examples" / "2024" / "aduanas.yaml"


def _events_first(yaml: Any, text: str, name: str) -> Any:
    """The long way: every event checked, then the document composed."""
    check_events(yaml.parse(text), name)
    return yaml.compose(text)


def _outcome(text: str) -> Any:
    try:
        return _parse(text, "x.yaml")
    except InputError as exc:
        return [(d.line, d.path, d.message) for d in exc.diagnostics]


def _both_ways(text: str) -> tuple[Any, Any]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(located_yaml, "_composed", _events_first)
        long_way = _outcome(text)
    return _outcome(text), long_way


def _composed_first(text: str) -> bool:
    return (len(text) <= located_yaml._COMPOSE_FIRST_CHARS
            and sum(text.count(c) for c in "[{-:?") <= located_yaml._COMPOSE_FIRST_OPENINGS)


HOSTILE = {
    "alias bomb": "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [{', '.join([f'*{p}'] * 10)}]\n"
        for p, n in zip("abcdef", "bcdefg", strict=True)),
    "text bomb": "a: &a " + "x" * 5000 + "\n" + "".join(
        f"{n}: &{n} [{', '.join([f'*{p}'] * 10)}]\n" for p, n in zip("abc", "bcd", strict=True)),
    "deep": "a: " + "[" * 41 + "]" * 41 + "\n",
    "just deep enough": "a: " + "[" * 39 + "]" * 39 + "\n",
    "deep block": "".join(" " * n + f"k{n}:\n" for n in range(45)),
    "long list": "a: [" + ", ".join(["1"] * 2001) + "]\n",
    "list at the limit": "a: [" + ", ".join(["1"] * 2000) + "]\n",
    "alias inside its anchor": "a: &a [1, *a]\n",
    "undefined alias": "a: *nothing\n",
    "repeated anchor": "a: &a 1\nb: &a 2\nc: *a\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "too deep, then broken": "a: " + "[" * 41 + "]" * 41 + "\nb: [\n",
    "broken, then too deep": "b: ]\na: " + "[" * 41 + "]" * 41 + "\n",
    "alias bomb, then undefined alias": "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [{', '.join([f'*{p}'] * 10)}]\n"
        for p, n in zip("abcdef", "bcdefg", strict=True)) + "z: *nothing\n",
    "anchored key collection": "? &k [a, b]\n: 1\nc: *k\n",
    "empty": "",
    "comments only": "# nothing\n",
    "real formulation": ADUANAS.read_text(encoding="utf-8"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_a_small_source_is_refused_or_read_as_the_long_way_does(name):
    text = HOSTILE[name]
    assert _composed_first(text)  # these test the short way
    short, long_way = _both_ways(text)
    assert short == long_way


def test_the_limits_are_said_as_before():
    assert "más de 200000 valores" in _both_ways(HOSTILE["alias bomb"])[0][0][2]
    assert "anidado a más de 40 niveles" in _both_ways(HOSTILE["deep"])[0][0][2]
    assert "más de 2000 elementos" in _both_ways(HOSTILE["long list"])[0][0][2]


YAML_PIECES = ("\n", "  ", "    ", "- ", ": ", "a", "b: ", "&a ", "*a", "&b [", "*b", "[[[[",
               "]]]]", "[", "]", "{", "}", ", ", "? ", "'", '"', "|\n", "#", "---\n", "...\n",
               "\t", "!x ", "<<: ", "1", "~")


@SETTINGS
@given(st.lists(st.sampled_from(YAML_PIECES), max_size=60).map("".join))
def test_any_text_is_refused_or_read_as_the_long_way_does(text):
    short, long_way = _both_ways(text)
    assert short == long_way


def _strings(data: object, path: tuple = ()) -> Any:
    """The walk the checks made before texts() (recursive, in order)."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, path + (index,))


PLAIN = st.recursive(
    st.one_of(st.text(max_size=5), st.integers(), st.none(), st.booleans(), st.floats()),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.one_of(st.text(max_size=3), st.integers()), inner,
                                            max_size=4)),
    max_leaves=30)


@SETTINGS
@given(PLAIN)
def test_texts_are_those_of_the_recursive_walk(data):
    assert text_values(data) == list(_strings(data))


REGISTRY = CatalogRegistry()
MEASURE = "      Capacitación avanzada en primera acogida en violencia de género a funcionarios de "


def _with_description(text: str) -> Any:
    source = ADUANAS.read_text(encoding="utf-8")
    assert MEASURE in source
    return document_from_text(source.replace(MEASURE, f"      {text} "), Path("aduanas.yaml"),
                              "aduanas.yaml", REGISTRY)


@SETTINGS
@given(st.text(alphabet=st.sampled_from("aé ñ–€\u200b😀中Ａ\u0600\u2028"), max_size=8)
       .map(str.strip).filter(lambda t: t and t[0] not in "-–" and "\u2028" not in t))
def test_glyphs_found_at_once_are_those_found_text_by_text(text):
    document = _with_description(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(glyphs, "_any_unusual", lambda texts: True)
        one_by_one = list(check_glyphs(document))
    assert list(check_glyphs(document)) == one_by_one


def _markdown_fields(model: BaseModel, path: tuple = ()) -> Any:
    """markdown_fields as it was, asking each field's annotation every time."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name, None)
        if isinstance(value, str) and _is_markdown(info.annotation, info.metadata):
            yield path + (name,), value
        elif isinstance(value, BaseModel):
            yield from _markdown_fields(value, path + (name,))
        elif isinstance(value, (list, tuple)):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _markdown_fields(item, path + (name, index))


@pytest.mark.parametrize("example", ["2024/aduanas.yaml", "2024/ips.yaml", "2011/osorno.yaml"])
def test_markdown_fields_are_those_asked_field_by_field(example):
    from pmg_docs.load import load_document

    model = load_document(ROOT / "examples" / example, REGISTRY).model
    found = list(markdown_fields(model))
    assert found and found == list(_markdown_fields(model))


SCALARS = st.one_of(
    st.integers(-10**25, 10**25).map(str),
    st.from_regex(r"[-+]?[0-9_]{1,22}", fullmatch=True),
    st.sampled_from(["~", "null", "Null", "NULL", "", "0", "-0", "+0", "08", "-010", "0o17",
                     "0x1F", "0b101", "1_000", "+12", "+_", "true", "1e3", ".5", "2011-09-15"]))


def _typed(text: str) -> Any:
    outcome = _outcome(text)
    if isinstance(outcome, list):
        return outcome
    data = outcome[0]
    return data, [type(v) for v in (data["a"], *data["b"])]


@SETTINGS
@given(SCALARS)
def test_numbers_and_nulls_are_what_the_constructor_makes_of_them(value):
    text = f"a: {value}\nb: [{value}]\n"
    with pytest.MonkeyPatch.context() as patch:  # every scalar through ruamel's constructor
        patch.setattr(located_yaml, "_NULL", "no tag")
        patch.setattr(located_yaml, "_PLAIN_INT", re.compile("(?!)"))
        general = _typed(text)
    assert _typed(text) == general


def test_values_made_are_not_kept_after_the_file():
    _parse("a: 1\nb: 2.5\nc: 2011-09-15\nd: true\n", "x.yaml")
    assert not located_yaml._yaml().constructor.constructed_objects
