"""A source read twice in a row (a build's worker: is it a catalog? then the document) is
parsed once, and an edited source is parsed anew (load/sources.py's `_PARSED`)."""

from __future__ import annotations

import shutil
from pathlib import Path

from pmg_docs.load import load_document, load_source, sources

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


def test_a_results_report_reuses_its_formulation_read_many_sources_before(tmp_path):
    # A year's formulations are rendered before its results: by the time a report links its
    # formulation, a worker has read far more than a handful of other sources.
    year = tmp_path / "2024"
    shutil.copytree(EXAMPLES / "2024", year)
    shutil.copy(EXAMPLES / "pmg.toml", tmp_path / "pmg.toml")
    formulation = load_document(year / "aduanas.yaml")
    for index in range(40):
        other = tmp_path / f"otro-{index}.yaml"
        shutil.copy(EXAMPLES / "2024" / "ips.yaml", other)
        load_source(other)
    report = load_document(year / "resultados" / "aduanas.yaml")
    assert report.links[0].source is formulation.source
    assert report.links[0].model.service.name == formulation.model.service.name


def test_the_sources_kept_stay_within_their_text_budget(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "_PARSED", sources.OrderedDict())
    monkeypatch.setattr(sources, "_parsed_chars", 0)
    text = (EXAMPLES / "2024" / "aduanas.yaml").read_text(encoding="utf-8")
    monkeypatch.setattr(sources, "_PARSED_MAX_TOTAL", 3 * len(text))
    paths = []
    for index in range(5):
        path = tmp_path / f"s{index}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        load_source(path)
    assert sum(len(key[2]) for key in sources._PARSED) == sources._parsed_chars <= 3 * len(text)
    assert [Path(key[0]) for key in sources._PARSED] == paths[2:]  # the oldest went first
    first = load_source(paths[0])  # parsed anew, and kept again
    assert load_source(paths[0]) is first


def test_forgetting_the_parsed_sources_parses_anew(tmp_path):
    path = tmp_path / "aduanas.yaml"
    shutil.copy(EXAMPLES / "2024" / "aduanas.yaml", path)
    first = load_source(path)
    sources.forget_parsed()
    assert sources._parsed_chars == 0
    again = load_source(path)
    assert again is not first and again.data == first.data
    assert load_source(path) is again
