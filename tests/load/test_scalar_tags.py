"""What a scalar reads as does not depend on what was read before it: located_yaml.py remembers
the tag of short plain scalars, and a quoted text, a long text or a date read as text stays
what it is."""

from __future__ import annotations

import datetime

from pmg_docs.load.located_yaml import parse_yaml_text


def test_the_same_text_plain_and_quoted_reads_as_a_number_and_as_text():
    text = 'a: 12\nb: "12"\nc: 12\nd: true\ne: "true"\nf: 08\ng: no\nh: 1.5\ni: null\nj: ""\n'
    for _ in range(2):  # the second read answers from what the first remembered
        data, _lines = parse_yaml_text(text, "x.yaml")
        assert data == {"a": 12, "b": "12", "c": 12, "d": True, "e": "true", "f": 8, "g": "no",
                        "h": 1.5, "i": None, "j": ""}
        assert type(data["h"]) is float and type(data["a"]) is int


def test_a_date_reads_as_text_only_where_asked():
    text = "fecha: 2024-03-01\n"
    assert parse_yaml_text(text, "x.yaml")[0] == {"fecha": datetime.date(2024, 3, 1)}
    assert parse_yaml_text(text, "x.yaml", dates_as_text=True)[0] == {"fecha": "2024-03-01"}
    assert parse_yaml_text(text, "x.yaml")[0] == {"fecha": datetime.date(2024, 3, 1)}


def test_a_long_plain_text_that_looks_like_a_number_stays_one():
    digits = "1" * 80  # longer than what is remembered
    data, _lines = parse_yaml_text(f"a: {digits}\nb: {digits}\n", "x.yaml")
    assert data == {"a": int(digits), "b": int(digits)}


def test_the_shared_reader_keeps_nothing_of_the_files_it_has_read():
    # A preview process parses every save for as long as it runs: nothing may pile up.
    from pmg_docs.load.located_yaml import _yaml

    for number in range(50):
        parse_yaml_text(f"a: {number}\n", "a.yaml")
    assert _yaml().doc_infos == []

