"""JSON Schema of each kind of source, generated from its pydantic model.

Editors with a YAML extension (yaml-language-server) complete and check a file as staff type
when its first line names the schema: `# yaml-language-server: $schema=…/formulation.schema.json`.
The schema says what the model says: field names, their titles (the models' vocabulary, in
the language chosen) and descriptions (an editor's hover help), which are required, unknown
keys refused (`additionalProperties: false`), types as strict as the model's (`"20"` is not a
number), id patterns and number ranges. The marco's rules (sums, targets, references to the
catalog) are beyond a schema; `pmg validate` checks them.
"""

from __future__ import annotations

import json

from .. import kinds
from ..diagnostics import Diagnostic, InputError
from ..i18n import _

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_names() -> list[str]:
    """`catalog`, `circular`, `formulation-objetivos`, …: one schema per model of a source."""
    return sorted(kinds.models())


def json_schema(kind: str) -> dict:
    models = kinds.models()
    if kind not in models:
        raise InputError([Diagnostic("--kind", None, (), _(
            "se encontró «{kind}»; se espera uno de: {known}").format(
            kind=kind, known=", ".join(schema_names())))])
    schema = models[kind].model_json_schema(mode="validation")
    return {"$schema": DIALECT, **_translated(schema)}


def _translated(node):
    """The schema with each field's title (a msgid of the models' vocabulary) and description
    (a msgid of the model, which editors show as hover help) in the chosen language, so that an
    editor shows the words pmg's messages use."""
    if isinstance(node, list):
        return [_translated(value) for value in node]
    if not isinstance(node, dict):
        return node
    found = {key: _translated(value) for key, value in node.items()}
    for field in found.get("properties", {}).values():
        if not isinstance(field, dict):
            continue
        for key in ("title", "description"):
            if isinstance(field.get(key), str):
                field[key] = _(field[key])
    return found


def schema_text(kind: str) -> str:
    """The schema as the file `schemas/KIND.schema.json` holds it."""
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"


def schema_file_name(kind: str) -> str:
    return f"{kind}.schema.json"
