"""A source read twice in a row (a build's worker: is it a catalog? then the document) is
parsed once, and an edited source is parsed anew (load/sources.py's `_PARSED`)."""

from __future__ import annotations

import shutil
from pathlib import Path

from pmg_docs.load import load_document, load_source

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_the_same_text_is_parsed_once(tmp_path):
    path = tmp_path / "aduanas.yaml"
    shutil.copy(EXAMPLES / "2024" / "aduanas.yaml", path)
    first = load_source(path)
    assert load_source(path) is first


def test_an_edited_source_is_read_anew(tmp_path):
    path = tmp_path / "aduanas.yaml"
    shutil.copy(EXAMPLES / "2024" / "aduanas.yaml", path)
    before = load_document(path)
    text = path.read_text(encoding="utf-8")
    name = before.source.data["service"]["name"]
    path.write_text(text.replace(name, name + " OTRO", 1), encoding="utf-8")
    after = load_document(path)
    assert after.source.data["service"]["name"] == name + " OTRO"
    assert after.model.service.name == name + " OTRO"
    # Back to the first text: the same data as the first time.
    path.write_text(text, encoding="utf-8")
    assert load_document(path).model.service.name == name
