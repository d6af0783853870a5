"""YAML files read safely into plain Python data, with the line of every value.

ruamel.yaml's round-trip loader builds only plain containers and scalars (never arbitrary Python
objects) and records where each key and item stood. We copy its result into plain dicts and lists,
keeping a map from field path to line, and refuse what a hostile file could use against us: very
large files, deep nesting, alias expansion that multiplies the data, and duplicate keys.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .diagnostics import Diagnostic, InputError, display_name

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40
MAX_NODES = 200_000


@dataclass
class YamlSource:
    """A loaded YAML file: its data, and the line (1-based) of each field path."""

    path: Path
    data: object
    lines: dict[tuple, int]
    text: str

    @property
    def name(self) -> str:
        return display_name(self.path)

    def line_of(self, path: tuple) -> int | None:
        """The line of `path`, or of its nearest ancestor that exists in the file."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)

    def diagnostic(self, path: tuple, message: str, **kwargs) -> Diagnostic:
        return Diagnostic(self.name, self.line_of(path), tuple(path), message, **kwargs)


class _Copier:
    def __init__(self, source_name: str):
        self.source_name = source_name
        self.lines: dict[tuple, int] = {}
        self.nodes = 0

    def fail_here(self, path: tuple, line: int | None, message: str):
        raise InputError([Diagnostic(self.source_name, line, path, message)])

    def fail(self, path: tuple, line: int | None, message: str):
        # Inside an expanded alias the item lines point at the anchor; the top-level key under
        # which the expansion happens is where the user must look.
        top = self.lines.get(path[:1], line)
        raise InputError([Diagnostic(self.source_name, top, path[:1], message)])

    def copy(self, node, path: tuple, line: int, depth: int):
        self.nodes += 1
        if self.nodes > MAX_NODES:
            self.fail(path, line, f"the file expands to more than {MAX_NODES} values "
                      "(aliases repeated many times?); expected a document of ordinary size")
        if depth > MAX_DEPTH:
            self.fail(path, line, f"nested more than {MAX_DEPTH} levels deep; "
                      "expected the shallow structure of a pmg document")
        tag = _explicit_tag(node)
        if tag is not None:
            self.fail_here(path, line, f"YAML tag {tag!r} is not allowed; pmg documents use plain "
                           "values (text, numbers, lists, mappings): remove the tag")
        if isinstance(node, CommentedMap):
            out = {}
            for key, value in node.items():
                if not isinstance(key, (str, int)) or isinstance(key, bool):
                    self.fail(path, line, f"a key must be text, got {type(key).__name__} {key!r}")
                key = str(key) if not isinstance(key, int) else int(key)
                key_line = node.lc.key(key)[0] + 1 if _has_lc(node, key) else line
                child = path + (key,)
                self.lines[child] = key_line
                out[key] = self.copy(value, child, key_line, depth + 1)
            return out
        if isinstance(node, CommentedSeq):
            out = []
            for index, value in enumerate(node):
                try:
                    item_line = node.lc.item(index)[0] + 1
                except (KeyError, TypeError, AttributeError):
                    item_line = line
                child = path + (index,)
                self.lines[child] = item_line
                out.append(self.copy(value, child, item_line, depth + 1))
            return out
        if node is None or isinstance(node, bool):
            return node
        if isinstance(node, int):
            return int(node)
        if isinstance(node, float):
            return float(node)
        if isinstance(node, str):
            return str(node)
        if isinstance(node, (dt.date, dt.datetime)):
            return node
        self.fail(path, line, f"unsupported YAML value of type {type(node).__name__}")


def _explicit_tag(node) -> str | None:
    """The tag written in the file (`!x`, `!!python/object`), or None for plain values."""
    tag = getattr(node, "tag", None)
    value = getattr(tag, "value", None)
    return value if isinstance(value, str) else None


def _has_lc(node: CommentedMap, key) -> bool:
    try:
        node.lc.key(key)
        return True
    except (KeyError, TypeError):
        return False


class _DatesAsText(RoundTripConstructor):
    """Reads `2011-02-30` as text, so that the model can say, located, that it is no date."""


_DatesAsText.add_constructor("tag:yaml.org,2002:timestamp", _DatesAsText.construct_yaml_str)


def parse_yaml_text(text: str, name: str,
                    dates_as_text: bool = False) -> tuple[object, dict[tuple, int]]:
    """Parse `text` (named `name` in messages) into plain data and a line map."""
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    if dates_as_text:
        yaml.Constructor = _DatesAsText
    try:
        node = yaml.load(text)
    except DuplicateKeyError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        key = _duplicate_key(exc)
        raise InputError([Diagnostic(name, line, (), f"duplicate key {key!r}: each key may appear "
                                     "once in a mapping; remove or rename one of them")]) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "malformed YAML"
        raise InputError([Diagnostic(name, line, (), f"malformed YAML: {problem}; "
                                     "check indentation, colons and quotes")]) from None
    except (YAMLError, ValueError, RecursionError) as exc:
        raise InputError([Diagnostic(name, None, (), f"malformed YAML: {exc}")]) from None
    copier = _Copier(name)
    copier.lines[()] = 1
    data = copier.copy(node, (), 1, 0)
    return data, copier.lines


def _duplicate_key(exc: DuplicateKeyError) -> str:
    problem = exc.problem or ""
    if '"' in problem:
        return problem.split('"')[1]
    return problem


def read_text(path: Path) -> str:
    name = display_name(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError([Diagnostic(name, None, (), "file not found")]) from None
    except OSError as exc:
        raise InputError([Diagnostic(name, None, (), f"cannot read: {exc.strerror}")]) from None
    if not path.is_file():
        raise InputError([Diagnostic(name, None, (), "not a file")])
    if size > MAX_FILE_BYTES:
        raise InputError([Diagnostic(name, None, (), f"file is {size} bytes; the limit is "
                                     f"{MAX_FILE_BYTES} bytes for a pmg document")])
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        line = exc.object[:exc.start].count(b"\n") + 1
        raise InputError([Diagnostic(name, line, (), f"not UTF-8 text (byte {exc.start}); "
                                     "save the file as UTF-8")]) from None
    except OSError as exc:
        raise InputError([Diagnostic(name, None, (), f"cannot read: {exc.strerror}")]) from None


def load_yaml(path: Path) -> YamlSource:
    """Read and parse one YAML file; raise InputError with located diagnostics."""
    path = Path(path)
    text = read_text(path)
    data, lines = parse_yaml_text(text, display_name(path))
    return YamlSource(path=path, data=data, lines=lines, text=text)
