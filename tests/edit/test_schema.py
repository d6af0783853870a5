"""The JSON Schemas: committed files equal what `pmg schema` generates; examples validate against
them; the broken fixtures that are shape errors are rejected by them."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from pmg_docs import kinds
from pmg_docs.cli import main
from pmg_docs.edit.schema import json_schema, schema_names, schema_text
from pmg_docs.load import CatalogRegistry, load_document
from pmg_docs.load.sources import load_source
from tests.support.paths import DATA, ROOT

SCHEMAS = ROOT / "schemas"
YAML_SOURCES = sorted([*(ROOT / "examples").rglob("*.yaml"), *(ROOT / "catalogs").glob("*.yaml")])
# A circular's front matter and body, as the model reads them (editors do not check Markdown).
SOURCES = [*YAML_SOURCES, *sorted((ROOT / "examples").rglob("*.md"))]
BROKEN = DATA / "broken" / "2024"
OBJETIVOS = SCHEMAS / "formulation-objetivos.schema.json"
SHAPE_ERRORS = {
    "wrong-type": ["objectives", 1, "systems", 0, "weight"],
    "unknown-key": ["service"],
    "missing-field": ["service"],
    "weight-out-of-range": ["objectives", 2, "indicators", 0, "weight"],
    "nan-weight": ["objectives", 2, "indicators", 0, "weight"],
}
RULE_ERRORS = ["gender-count", "objective-weights-total", "unknown-system", "target-percent-wrong"]

# JSON has no NaN or infinity, so a JSON Schema `number` is finite; YAML's `.nan` is not one.
_FINITE = jsonschema.Draft202012Validator.TYPE_CHECKER.redefine(
    "number", lambda checker, value: isinstance(value, (int, float))
    and not isinstance(value, bool) and math.isfinite(value))
Validator = jsonschema.validators.extend(jsonschema.Draft202012Validator, type_checker=_FINITE)


def _as_json(value):
    """YAML data as an editor's YAML extension hands it to the schema (dates are text)."""
    if isinstance(value, dict):
        return {key: _as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _schema_of(path: Path) -> Path:
    """The schema an editor would use: the one the first line names (a circular, whose front
    matter has no such line, by its kind)."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    if match:
        return (path.parent / match.group(1)).resolve()
    return SCHEMAS / f"{load_source(path).data['kind']}.schema.json"


def _errors(path: Path, schema_file: Path | None = None) -> list[jsonschema.ValidationError]:
    data = _as_json(load_source(path).data)
    schema = json.loads((schema_file or _schema_of(path)).read_text(encoding="utf-8"))
    Validator.check_schema(schema)
    return list(Validator(schema).iter_errors(data))


@pytest.mark.parametrize("kind", schema_names())
def test_committed_schema_is_what_pmg_schema_generates(kind):
    committed = SCHEMAS / f"{kind}.schema.json"
    assert committed.exists(), "run: pmg schema --all -o schemas"
    assert committed.read_text(encoding="utf-8") == schema_text(kind), \
        "the model changed: run `pmg schema --all -o schemas` and commit the result"


def test_schema_command_prints_and_writes(tmp_path):
    printed = CliRunner().invoke(main, ["schema", "--kind", "catalog"])
    assert printed.exit_code == 0
    assert json.loads(printed.output)["title"] == "Catalog"
    target = tmp_path / "f.json"
    written = CliRunner().invoke(main, ["schema", "-o", str(target)])
    assert written.exit_code == 0
    assert target.read_text(encoding="utf-8") == schema_text("formulation-objetivos")
    unknown = CliRunner().invoke(main, ["schema", "--kind", "carta"])
    assert unknown.exit_code == 2 and "se espera uno de: catalog" in unknown.output


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_source_validates_against_its_schema(source):
    assert [e.message for e in _errors(source)] == []


@pytest.mark.parametrize("source", YAML_SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_source_names_its_schema_for_the_editor(source):
    first = source.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, f"{source.name}: first line should be the yaml-language-server modeline"
    document = load_document(source, CatalogRegistry())
    name = kinds.schema_name(document.kind, document.format)
    assert (source.parent / match.group(1)).resolve() == (SCHEMAS / f"{name}.schema.json")


@pytest.mark.parametrize("name", sorted(SHAPE_ERRORS))
def test_shape_errors_are_rejected_by_the_schema(name):
    errors = _errors(BROKEN / f"{name}.yaml", OBJETIVOS)
    assert errors, f"{name} passed the schema"
    assert [list(e.absolute_path) for e in errors] == [SHAPE_ERRORS[name]]


@pytest.mark.parametrize("name", RULE_ERRORS)
def test_rule_errors_are_beyond_the_schema(name):
    # The marco's rules need the catalog and arithmetic: `pmg validate`, not the schema.
    assert _errors(BROKEN / f"{name}.yaml", OBJETIVOS) == []


def test_strict_types_and_id_patterns_are_in_the_schema():
    formulation = json.loads(schema_text("formulation-objetivos"))
    service = formulation["$defs"]["Service"]
    assert service["additionalProperties"] is False
    assert service["properties"]["partida"]["pattern"] == r"^\d{2,3}$"
    weight = formulation["$defs"]["SystemCommitment"]["properties"]["weight"]
    assert weight == {"maximum": 100, "minimum": 0, "title": "ponderación", "type": "number",
                      "description": "Ponderación del sistema, en por ciento: la suma de las de "
                                     "sus objetivos de etapa."}
    objective = formulation["$defs"]["ObjectiveCommitment"]["properties"]["objective"]
    assert objective["pattern"] == "^[a-z0-9][a-z0-9-]{0,63}$"


def test_titles_are_the_models_words_in_the_language_chosen(monkeypatch):
    # Editors show the words pmg's messages use: the models' vocabulary, a format's own word
    # where it has one (a work plan's unit is the unit responsible).
    def activity():
        return json.loads(schema_text("work-plan"))["$defs"]["Activity"]["properties"]

    assert [activity()[key]["title"] for key in ("activity", "end", "unit")] == [
        "actividad", "término", "unidad responsable"]
    monkeypatch.setenv("PMG_LANG", "en")
    assert [activity()[key]["title"] for key in ("activity", "end", "unit")] == [
        "activity", "end", "responsible unit"]


def _properties(node):
    """Every property of a JSON Schema, with its name, wherever it is nested."""
    if isinstance(node, dict):
        for name, field in node.get("properties", {}).items():
            yield name, field
        for value in node.values():
            yield from _properties(value)
    elif isinstance(node, list):
        for value in node:
            yield from _properties(value)


def test_every_property_has_a_description_in_the_language_chosen(monkeypatch):
    # What an editor shows on hover over a key: every one says what it is and what to write.
    committed = {name: json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
                 for name in schema_names()}
    bare = [(name, prop) for name, schema in committed.items()
            for prop, field in _properties(schema) if not field.get("description")]
    assert bare == []
    assert next(field["description"] for prop, field in _properties(committed["catalog"])
                if prop == "met_at").startswith("Un indicador se da por cumplido")
    # In English, an editor's hover help is English too.
    monkeypatch.setenv("PMG_LANG", "en")
    english = dict(_properties(json_schema("catalog")))
    assert english["met_at"]["description"].startswith(
        "An indicator counts as met when its result reaches")
