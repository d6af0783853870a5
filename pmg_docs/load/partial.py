"""What can still be checked in a file whose shape is wrong, so that one run reports it all.

When a source does not validate, its shape errors (a text where a number belongs, an unknown
key, a missing field) are reported, and the format's rules (sums, targets, references to the
catalog) still run on the rest of the file. The rest is found by leaving out, from a copy of the
data, just enough for it to validate:

- an unknown key is dropped (the model would ignore nothing else because of it);
- any other error drops the innermost list item that holds it (the indicator, the system, the
  stage row, the measure…);
- an error outside every list item sets aside the top-level field that holds it (`service:`),
  and the model is read with that field left empty; no rule reads those fields.

The rules then run on that copy. A finding of theirs whose path is in the copy is translated
back to the file's path and line. A rule that adds up or counts what a list holds would be
misled by an item left out, so a finding is dropped when an item was left out of a list on the
object it is about (the objective whose weights are summed, the system whose stages are listed,
the file for the totals of its top-level lists). The one-run test in tests/checks/ seeds every
class of mistake in one file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from pydantic import BaseModel, ValidationError, create_model

from .located_yaml import FieldPath
from .model_errors import error_path

# Each round leaves out at least one more part; a file needs about one round per nesting level.
MAX_ROUNDS = 12


def _in_file(kept: dict[FieldPath, list[int]], path: FieldPath) -> FieldPath:
    """The file's path of a path of a copy that kept, of each list, the items in `kept`."""
    out: list[str | int] = []
    for part in path:
        if isinstance(part, int) and tuple(out) in kept:
            indices = kept[tuple(out)]
            part = indices[part] if 0 <= part < len(indices) else part
        out.append(part)
    return tuple(out)


@dataclass
class Pruned:
    """A copy of the data that validates, and how its paths map to the file's."""

    data: Any
    model: BaseModel
    # The data as written in the file: what places in messages are named from.
    written: Any
    # Paths, in the file, of the list items left out.
    dropped: list[FieldPath] = field(default_factory=list)
    # Path of a list in the file -> the file's index of each item kept in the copy.
    kept: dict[FieldPath, list[int]] = field(default_factory=dict)

    def in_file(self, path: FieldPath) -> FieldPath:
        """The file's path of a path of the copy."""
        return _in_file(self.kept, path)

    def misleads(self, path: FieldPath) -> bool:
        """Whether a rule's finding at `path` (the file's) is about an object one of whose lists
        lost an item: its sums and counts would be wrong."""
        end = len(path)
        while end and isinstance(path[end - 1], str):
            end -= 1
        about = path[:end]
        return any(dropped[:len(about)] == about and len(dropped) - len(about) <= 2
                   for dropped in self.dropped)


def prune(model: type[BaseModel], data: Any) -> Pruned | None:
    """A copy of `data` with what does not validate left out, or None when nothing of the file
    can be checked (its top level is no mapping, or a list the rules read is itself wrong)."""
    if not isinstance(data, dict):
        return None
    keys: set[FieldPath] = set()
    items: set[FieldPath] = set()
    set_aside: set[str] = set()
    for _round in range(MAX_ROUNDS):
        kept: dict[FieldPath, list[int]] = {}
        copy = _without(data, (), keys | items, kept)
        for name in set_aside:
            copy.pop(name, None)
        relaxed = _relaxed(model, set_aside)
        try:
            built = relaxed.model_validate(copy)
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                where = _in_file(kept, error_path(error))
                if error["type"] in ("extra_forbidden", "invalid_key"):
                    keys.add(where)
                    continue
                item = _innermost_item(data, where)
                if item is not None:
                    items.add(item)
                elif where and isinstance(where[0], str) and where[0] in model.model_fields \
                        and not _is_list(data.get(where[0])):
                    set_aside.add(where[0])
                else:
                    return None
            continue
        return Pruned(copy, built, data, sorted(items, key=_order), kept)
    return None


def _order(path: FieldPath) -> tuple[tuple[int, str | int], ...]:
    return tuple((0, p) if isinstance(p, int) else (1, str(p)) for p in path)


def _is_list(value: Any) -> bool:
    return isinstance(value, list)


def _innermost_item(data: Any, path: FieldPath) -> FieldPath | None:
    """The longest prefix of `path` that is a mapping in a list of `data` (an indicator, a
    stage row): a number of a list of numbers is part of the item that holds the list."""
    found = None
    node = data
    for index, part in enumerate(path):
        if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            if isinstance(node[part], dict):
                found = path[:index + 1]
            node = node[part]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            break
    return found


def _without(node: Any, path: FieldPath, left_out: set[FieldPath],
             kept: dict[FieldPath, list[int]]) -> Any:
    """A copy of `node` (at `path` in the file) without the paths in `left_out`."""
    if isinstance(node, dict):
        return {key: _without(value, path + (key,), left_out, kept)
                for key, value in node.items() if path + (key,) not in left_out}
    if isinstance(node, list):
        indices = [i for i in range(len(node)) if path + (i,) not in left_out]
        if len(indices) != len(node):
            kept[path] = indices
        return [_without(node[i], path + (i,), left_out, kept) for i in indices]
    return node


def _relaxed(model: type[BaseModel], set_aside: set[str]) -> type[BaseModel]:
    """`model` with the fields in `set_aside` optional and empty."""
    if not set_aside:
        return model
    fields: dict[str, Any] = {
        name: (Optional[model.model_fields[name].annotation], None)  # noqa: UP007
        for name in sorted(set_aside)}
    return create_model(f"Partial{model.__name__}", __base__=model, **fields)
