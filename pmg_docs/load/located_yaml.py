"""YAML files read safely into plain Python data, with the line of every value.

ruamel.yaml composes the file into a node graph (in C, with ruamel.yaml.clib; YAML 1.2, so `no`
stays text and `08` is a number) and we build plain dicts and lists from the nodes ourselves,
keeping a map from field path to line. Building it ourselves is what lets us refuse what a
hostile file could use against us: deep nesting (checked on the parser's events first, since
the composer recurses), alias expansion that multiplies the data, duplicate keys, and tags that
would ask for anything but plain values. Nothing in the file is ever turned into an object.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, NoReturn

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.resolver import VersionedResolver

from ..diagnostics import Diagnostic, FieldPath, InputError, display_name
from ..i18n import _
from .number_hints import decimal_comma_in_row
from .text import read_text
from .yaml_limits import check_events, surely_within
from .yaml_problems import explain, located

_STANDARD = "tag:yaml.org,2002:"
_STR = f"{_STANDARD}str"
_INT = f"{_STANDARD}int"
_NULL = f"{_STANDARD}null"
# A whole number the builder makes itself (see _Builder._scalar): a short one, far from the
# digits Python refuses to read, whose message is left to the constructor.
_PLAIN_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_PLAIN_INT_MAX_CHARS = 18
_PLAIN_SCALARS = {f"{_STANDARD}{kind}" for kind in
                  ("str", "int", "float", "bool", "null", "timestamp")}



@dataclass
class YamlSource:
    """A loaded YAML file: its data, and the line (1-based) of each field path."""

    path: Path
    data: Any
    lines: dict[FieldPath, int]
    text: str
    # In a copy of the data with parts left out (load/partial.py): a path of the copy -> the
    # same place in the file.
    in_file: Callable[[FieldPath], FieldPath] | None = None
    # Mistakes found while reading that the reader could read past (a decimal comma inside
    # `{…}`): (path, message), reported when the document is parsed, where its places can be
    # named as the document names them (load/sources.py).
    problems: tuple[tuple[FieldPath, str], ...] = ()
    # What `texts()` found, with the data it was found in (not copied by dataclasses.replace).
    _texts: tuple[Any, tuple[tuple[FieldPath, str], ...]] | None = field(
        default=None, init=False, repr=False, compare=False)

    @property
    def name(self) -> str:
        return display_name(self.path)

    def texts(self) -> tuple[tuple[FieldPath, str], ...]:
        """(path, text) of every text value of the data, in the file's order (keys are no
        values). Several checks read every text of a source (glyphs, word lengths,
        placeholders), and a linked formulation is checked again by each source about it: the
        walk is made once per source. The data is only read after loading (load/sources.py),
        so what was found stays true; it is found again if the data is replaced."""
        if self._texts is None or self._texts[0] is not self.data:
            self._texts = (self.data, tuple(text_values(self.data)))
        return self._texts[1]

    def _in_file(self, path: FieldPath) -> FieldPath:
        return self.in_file(tuple(path)) if self.in_file is not None else tuple(path)

    def _line(self, path: FieldPath) -> int | None:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)

    def line_of(self, path: FieldPath) -> int | None:
        """The line of `path`, or of its nearest ancestor that exists in the file."""
        return self._line(self._in_file(path))

    def diagnostic(self, path: FieldPath, message: str, *,
                   place: Callable[[FieldPath], str | None] | None = None,
                   **kwargs: Any) -> Diagnostic:
        """A finding at `path`; `place` names the file's path as the document does (a
        document's `place`: see load/document.py)."""
        path = self._in_file(path)
        item = place(path) if place is not None and path else None
        return Diagnostic(self.name, self._line(path), path, message, item=item, **kwargs)


def text_values(data: Any, path: FieldPath = ()) -> list[tuple[FieldPath, str]]:
    """(path, text) of every text value under `data` (plain data: dicts, lists, scalars), in
    order, the first path being `path`. A walk with a stack of its own rather than recursion:
    the data may nest as deep as the reader allows, and this is run on every source."""
    found: list[tuple[FieldPath, str]] = []
    # (path, value) still to visit, the next one last.
    stack: list[tuple[FieldPath, Any]] = [(path, data)]
    while stack:
        at, value = stack.pop()
        if isinstance(value, str):
            found.append((at, value))
        elif isinstance(value, dict):
            stack.extend(reversed([(at + (key,), item) for key, item in value.items()
                                   if isinstance(item, (str, dict, list))]))
        elif isinstance(value, list):
            stack.extend(reversed([(at + (index,), item) for index, item in enumerate(value)
                                   if isinstance(item, (str, dict, list))]))
    return found


# Plain scalars whose tag is remembered: short ones (keys, numbers, dates, words), which are
# what recurs; a paragraph is resolved each time rather than kept.
_RESOLVED_MAX_CHARS = 64
_RESOLVED_MAX = 8192


class _RememberingResolver(VersionedResolver):
    """ruamel's resolver, remembering the tag of each short plain scalar it resolved.

    The composer asks the tag of every scalar, and ruamel's resolver looks the YAML version up
    twice on each question (a third of the time of reading a document); the same keys and
    values recur through a document and across the documents of a build. The answer depends
    only on the version, the text and whether it was quoted, which make the key; the tags are
    shared as ruamel's own default tags already are (nothing changes a tag once made)."""

    _resolved: dict[tuple[Any, str, bool], Any] = {}

    @property
    def processing_version(self) -> Any:
        # ruamel finds the version on each question by trying attributes that the C reader's
        # loader lacks (two exceptions raised and caught per scalar). That loader is made for
        # one file and is its own resolver (`loadumper`), and keeps no version of its own
        # (`%YAML 1.1` changes nothing there): the answer is asked of it once. Any other
        # loader (ruamel's pure Python reader, shared across files) is asked every time.
        if self.loadumper is not self:
            return super().processing_version
        try:
            return self.__dict__["_pmg_version"]
        except KeyError:
            version = self.__dict__["_pmg_version"] = super().processing_version
            return version

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is not ScalarNode or not implicit[0] or self.yaml_path_resolvers \
                or len(value) > _RESOLVED_MAX_CHARS:
            return super().resolve(kind, value, implicit)
        key = (self.processing_version, value, bool(implicit[1]))
        tag = self._resolved.get(key)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(self._resolved) >= _RESOLVED_MAX:
                self._resolved.clear()  # bounded: a build's vocabulary is far smaller
            self._resolved[key] = tag
        return tag


@cache
def _yaml() -> YAML:
    yaml = YAML(typ="safe")
    yaml.Resolver = _RememberingResolver
    return yaml


class _Builder:
    """Plain data from composed nodes, with the line of every path."""

    def __init__(self, source_name: str, dates_as_text: bool) -> None:
        self.source_name = source_name
        self.dates_as_text = dates_as_text
        self.lines: dict[FieldPath, int] = {(): 1}
        self.problems: list[tuple[FieldPath, str]] = []
        self.constructor = _yaml().constructor

    def fail(self, path: FieldPath, line: int | None, message: str) -> NoReturn:
        raise InputError([Diagnostic(self.source_name, line, path, message)])

    def build(self, node: Node, path: FieldPath) -> Any:
        # What the file expands to was checked (yaml_limits.py: on its events, or on the nodes
        # of a small source) before building.
        # A node's tag is a property that builds a new string at each read: read once.
        tag = node.tag
        line = node.start_mark.line + 1
        if isinstance(node, MappingNode):
            return self._mapping(node, tag, path)
        if isinstance(node, SequenceNode):
            self._plain_tag(tag, f"{_STANDARD}seq", path, line)
            out = []
            for index, item in enumerate(node.value):
                child = path + (index,)
                self.lines[child] = item.start_mark.line + 1
                out.append(self.build(item, child))
            return out
        return self._scalar(node, tag, path, line)

    def _mapping(self, node: MappingNode, tag: str | None,
                 path: FieldPath) -> dict[str | int, Any]:
        line = node.start_mark.line + 1
        self._plain_tag(tag, f"{_STANDARD}map", path, line)
        out: dict[str | int, Any] = {}
        previous: tuple[str | int, Node] | None = None
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            key_tag = key_node.tag
            if not isinstance(key_node, ScalarNode) or key_tag == f"{_STANDARD}merge":
                self.fail(path, key_line, _(
                    "una clave debe ser texto simple (no listas, mapeos ni fusiones `<<` como "
                    "claves); se espera `nombre: valor`"))
            # Only a `{…}` row can hold a decimal comma: the key is not matched otherwise.
            decimals = _DECIMALS.match(key_node.value) \
                if node.flow_style and previous is not None else None
            if decimals is not None and previous is not None \
                    and _split_decimal(previous[1], key_node, value_node):
                # The number as typed stands in the data; the key of its decimals does not.
                whole = previous[1].value
                out[previous[0]] = f"{whole},{decimals.group(1)}"
                self.problems.append((path + (previous[0],),
                                      decimal_comma_in_row(whole, decimals.group(1))))
                previous = None
                continue
            key = self._scalar(key_node, key_tag, path, key_line)
            if isinstance(key, bool) or not isinstance(key, (str, int)):
                self.fail(path, key_line, _("una clave debe ser texto; se encontró {key}").format(
                    key=key))
            if key in out:
                self.fail(path, key_line, _(
                    "la clave «{key}» está repetida (la primera vez en la línea {line}): cada "
                    "clave puede aparecer una vez en un mapeo; quite o renombre una de ellas"
                ).format(key=key, line=self.lines[path + (key,)]))
            previous = (key, value_node)
            child = path + (key,)
            self.lines[child] = key_line
            out[key] = self.build(value_node, child)
        return out

    def _plain_tag(self, tag: str | None, expected: str, path: FieldPath, line: int) -> None:
        if tag != expected:
            self.fail(path, line, _tag_refused(tag))

    def _scalar(self, node: Node, tag: str | None, path: FieldPath, line: int) -> Any:
        if tag == _STR:
            # What the safe constructor makes of a text scalar: its value, as is. Most
            # scalars are text; this skips the constructor's general machinery for them.
            return node.value
        if tag not in _PLAIN_SCALARS:
            self.fail(path, line, _tag_refused(tag))
        if tag == f"{_STANDARD}timestamp" and self.dates_as_text:
            # Checked later by the model, which can say which date is wrong and why.
            return node.value
        if tag == _NULL:
            return None  # what the safe constructor makes of every null
        if tag == _INT and len(node.value) <= _PLAIN_INT_MAX_CHARS \
                and _PLAIN_INT.fullmatch(node.value):
            # What the safe constructor makes of a plain decimal whole number (with no leading
            # zero, which YAML 1.1 reads as octal), without its general machinery.
            return int(node.value)
        try:
            return self.constructor.construct_object(node)
        except (YAMLError, ValueError, OverflowError) as exc:
            self.fail(path, line, _("no se puede leer «{value}» ({problem})").format(
                value=node.value, problem=exc))


def _tag_refused(tag: str | None) -> str:
    return _("la etiqueta YAML «{tag}» no está permitida; los documentos pmg usan valores "
             "simples (texto, números, listas, mapeos): quite la etiqueta").format(tag=tag)


# What follows the comma of `103,96` or `37,5 %`.
_DECIMALS = re.compile(r"^(\d+)\s*%?$")


def _split_decimal(before: Node, key_node: Node, value_node: Node) -> bool:
    """`{value: 103,96}`: YAML reads `value: 103` and a key `96` with no value. A whole number
    (`before`, the previous value) followed, on its line, by a bare key of digits without a
    value is a decimal comma."""
    return (isinstance(before, ScalarNode) and not before.style
            and before.value.lstrip("+-").isdigit()
            and isinstance(key_node, ScalarNode) and not key_node.style
            and _DECIMALS.match(key_node.value) is not None
            and key_node.start_mark.line == before.end_mark.line
            and isinstance(value_node, ScalarNode) and value_node.value == ""
            and value_node.tag == f"{_STANDARD}null")


def parse_yaml_text(text: str, name: str,
                    dates_as_text: bool = False) -> tuple[Any, dict[FieldPath, int]]:
    """Parse `text` (named `name` in messages) into plain data and a line map.

    With `dates_as_text`, `2011-09-15` stays the text the user wrote, for models that check
    dates themselves and can then locate a wrong one."""
    data, lines, problems = _parse(text, name, dates_as_text)
    if problems:
        raise InputError([Diagnostic(name, _line_of(lines, path), path, message)
                          for path, message in problems])
    return data, lines


# A text composed before its events are checked (see `_composed`): at most this long, and
# with at most this many characters that can open a collection, so that the composer (which
# recurses in C, where no limit stops it) nests no deeper than that. Measured: a level takes
# ~260 bytes of stack, and 800 levels fit in a thread of 256 KiB; 300 levels stay far within
# the smallest thread stacks (128 KiB on musl). Real sources have 70 to 210 of these.
_COMPOSE_FIRST_CHARS = 256 * 1024
_COMPOSE_FIRST_OPENINGS = 300


def _composed(yaml: YAML, text: str, name: str) -> Node | None:
    """The document's nodes, once the file is known to be within the limits of
    yaml_limits.py; raises what the parser or the composer raises, or InputError at the limit
    passed, exactly as checking every event first and composing then would.

    Reading the file's events is a third of reading it. A source is small and shallow: it is
    composed at once, and its nodes show it within the limits; only when they may not (or the
    composer fails: a limit passed before the first error is said first) are its events read,
    as they are for a long or deep text. A collection opens only at `[`, `{`, `-`, `:` or `?`,
    so a text with few of them cannot nest deep."""
    if len(text) > _COMPOSE_FIRST_CHARS or sum(
            text.count(opening) for opening in "[{-:?") > _COMPOSE_FIRST_OPENINGS:
        check_events(yaml.parse(text), name)
        composed: Node | None = yaml.compose(text)
        return composed
    failed: Exception | None = None
    node: Node | None
    try:
        node = yaml.compose(text)
    except Exception as exc:  # noqa: BLE001 - raised below, after the events had their say
        failed, node = exc, None
    else:
        if node is None or surely_within(node):
            return node
    check_events(yaml.parse(text), name)
    if failed is not None:
        raise failed
    return node


def _line_of(lines: dict[FieldPath, int], path: FieldPath) -> int | None:
    return lines.get(path, lines.get(path[:-1]))


def _parse(text: str, name: str, dates_as_text: bool = False
           ) -> tuple[Any, dict[FieldPath, int], list[tuple[FieldPath, str]]]:
    """Plain data, its line map, and the mistakes read past (YamlSource.problems)."""
    yaml = _yaml()
    try:
        node = _composed(yaml, text, name)
    except MarkedYAMLError as exc:
        line, message = located(text, exc)
        raise InputError([Diagnostic(name, line, (), message)]) from None
    except ReaderError as exc:
        # A character YAML does not allow in a file (a control character): say where.
        line = text[:exc.position].count("\n") + 1
        raise InputError([Diagnostic(name, line, (), _(
            "el archivo contiene el carácter de control U+{code:04X}, que YAML no admite; se "
            "espera texto imprimible").format(code=exc.character if isinstance(
                exc.character, int) else ord(exc.character)))]) from None
    except (YAMLError, ValueError, RecursionError) as exc:
        raise InputError([Diagnostic(name, None, (), explain(str(exc)))]) from None
    finally:
        # ruamel notes each document it reads on the shared reader and never forgets it: a
        # preview that runs for a day would keep every save.
        yaml.doc_infos.clear()
    if node is None:
        return None, {(): 1}, []
    builder = _Builder(name, dates_as_text)
    try:
        data = builder.build(node, ())
    finally:
        # The shared constructor remembers each node it made a value of, and is never told
        # the document is done: without this, every number and date of every file read stays.
        builder.constructor.constructed_objects.clear()
    return data, builder.lines, builder.problems


def load_yaml(path: Path) -> YamlSource:
    """Read and parse one YAML file; raise InputError with located diagnostics."""
    path = Path(path)
    name = display_name(path)
    return yaml_source(read_text(path, name), path, name)


def yaml_source(text: str, path: Path, name: str) -> YamlSource:
    """A YAML source from its text (a file's), named `name` in messages."""
    data, lines, problems = _parse(text, name)
    return YamlSource(path=path, data=data, lines=lines, text=text, problems=tuple(problems))
