"""The size of a YAML file's content, checked on the parser's events before anything is built.

A few lines of YAML can stand for a great deal: nesting that the (recursive) composer would
follow without end, and aliases (`*a`) that repeat what an anchor (`&a`) names, each repeat
repeating the ones inside it. Counting on the events, with the size of every anchor remembered
where it ends, gives what the file expands to while reading it once, so a "bomb" is refused in
the time it takes to read its few kilobytes. The limits stand far above any real document.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NoReturn

from ruamel.yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    Event,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
)
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..diagnostics import Diagnostic, InputError
from ..i18n import _
from .text import MAX_FILE_BYTES

if TYPE_CHECKING:
    from .located_yaml import FieldPath

MAX_DEPTH = 40
# Values (texts, numbers, lists, mappings) the file expands to, aliases repeated.
MAX_NODES = 200_000
# The text it expands to: twice the largest file. A document that reuses a note with an alias
# stays far below; a few kilobytes of anchors repeated thousands of times (154 KB expanding to
# 200 MB) is refused before anything reads the text.
MAX_TEXT = 2 * MAX_FILE_BYTES
# Items of one list. The longest lists of real documents (a catalog's requirements, a year's
# institutions) hold a few hundred; each item is a row or a block to lay out.
MAX_ITEMS = 2_000


@dataclass
class _Open:
    """A collection being read: what it holds so far (for its anchor), and where its next
    node goes."""

    anchor: str | None
    mapping: bool
    values: int = 1
    characters: int = 0
    items: int = 0
    expect_key: bool = True


class _Count:
    def __init__(self, name: str) -> None:
        self.name = name
        self.open: list[_Open] = []
        self.anchors: dict[str, tuple[int, int]] = {}
        self.values = self.characters = 0
        # The top-level key being read: where the user must look (inside an expanded alias the
        # lines point at the anchor).
        self.key: str | None = None
        self.key_line = 1

    def fail(self, line: int, message: str, path: FieldPath = ()) -> NoReturn:
        raise InputError([Diagnostic(self.name, line, path, message)])

    def add(self, values: int, characters: int) -> None:
        self.values += values
        self.characters += characters
        for collection in self.open:
            collection.values += values
            collection.characters += characters
        where = self.where()
        if self.values > MAX_NODES:
            self.fail(self.key_line, _(
                "el archivo se expande a más de {limit} valores (¿alias repetidos muchas "
                "veces?); se espera un documento de tamaño normal").format(limit=MAX_NODES),
                where)
        if self.characters > MAX_TEXT:
            self.fail(self.key_line, _(
                "el archivo se expande a más de {limit} caracteres de texto (¿alias repetidos "
                "muchas veces?); se espera un documento de tamaño normal").format(
                limit=MAX_TEXT), where)

    def where(self) -> FieldPath:
        return (self.key,) if self.key is not None else ()

    def is_key(self, event: NodeEvent) -> bool:
        """Whether a node event is a mapping's key (keys are not values); notes the top-level
        key."""
        if not self.open:
            return False
        parent = self.open[-1]
        if not parent.mapping:
            parent.items += 1
            if parent.items > MAX_ITEMS:
                self.fail(event.start_mark.line + 1, _(
                    "una lista de más de {limit} elementos, muy por encima de cualquier "
                    "documento real").format(limit=MAX_ITEMS), self.where())
            return False
        parent.expect_key = not parent.expect_key
        if not parent.expect_key and len(self.open) == 1 and isinstance(event, ScalarEvent):
            self.key, self.key_line = event.value, event.start_mark.line + 1
        return not parent.expect_key

    def event(self, event: Event) -> None:
        if isinstance(event, CollectionEndEvent):
            done = self.open.pop()
            if done.anchor is not None:
                self.anchors[done.anchor] = (done.values, done.characters)
            return
        if not isinstance(event, (ScalarEvent, AliasEvent, CollectionStartEvent)):
            return
        key = self.is_key(event)
        if isinstance(event, CollectionStartEvent):
            self.collection(event, key)
        elif key:
            return
        elif isinstance(event, ScalarEvent):
            self.add(1, len(event.value))
            if event.anchor is not None:
                self.anchors[event.anchor] = (1, len(event.value))
        elif isinstance(event, AliasEvent):
            self.alias(event)

    def collection(self, event: CollectionStartEvent, key: bool) -> None:
        # A key too may be a collection (`? [a, b]`, refused later): it is opened and closed
        # like any other, but is no value.
        if not key:
            self.add(1, 0)
        self.open.append(_Open(event.anchor, isinstance(event, MappingStartEvent)))
        if len(self.open) > MAX_DEPTH:
            self.fail(event.start_mark.line + 1, _(
                "anidado a más de {limit} niveles; se espera la estructura poco profunda de "
                "un documento pmg").format(limit=MAX_DEPTH))

    def alias(self, event: AliasEvent) -> None:
        if any(collection.anchor == event.anchor for collection in self.open):
            self.fail(event.start_mark.line + 1, _(
                "«*{anchor}» está dentro de lo que nombra «&{anchor}»: una estructura que se "
                "contiene a sí misma no tiene fin; se espera un alias fuera de su "
                "ancla").format(anchor=event.anchor), self.where())
        self.add(*self.anchors.get(event.anchor, (1, 0)))


def check_events(events: Iterable[Event], name: str) -> None:
    """Refuse, from a parser's events, a file that nests, expands or lists beyond the limits.
    Raises InputError located at the line where the limit is passed."""
    count = _Count(name)
    for event in events:
        count.event(event)


def surely_within(document: Node) -> bool:
    """Whether a composed document surely passes check_events: False when it nests, expands or
    lists beyond a limit, or may (a collection that holds an alias to itself). It counts at
    least what the events count (keys as values too; each alias as the whole node it repeats,
    counted once), so that True is always right; on False the events say what is wrong, and
    where.

    The composer shares one node between an anchor and its aliases, and the first time a node
    is met in the file's order is its anchor: a node met again is an alias, whose size is known
    by then."""
    sizes: dict[int, tuple[int, int]] = {}
    opened: set[int] = set()

    def size(node: Node, depth: int) -> tuple[int, int] | None:
        known = sizes.get(id(node))
        if known is not None:
            return known
        if isinstance(node, ScalarNode):
            found = (1, len(node.value))
        else:
            children = _children(node)
            if children is None or id(node) in opened or depth >= MAX_DEPTH:
                return None
            opened.add(id(node))
            values = characters = 0
            for child in children:
                if isinstance(child, ScalarNode):  # the most of them: counted here
                    values += 1
                    characters += len(child.value)
                    continue
                counted = size(child, depth + 1)
                if counted is None:
                    return None
                values += counted[0]
                characters += counted[1]
            opened.discard(id(node))
            found = (values + 1, characters)
        sizes[id(node)] = found
        return found

    total = size(document, 0)
    return total is not None and total[0] <= MAX_NODES and total[1] <= MAX_TEXT


def _children(node: Node) -> list[Node] | None:
    """A collection's nodes (a mapping's keys too), or None for a list longer than MAX_ITEMS
    (or a node of no known kind)."""
    if isinstance(node, SequenceNode):
        return None if len(node.value) > MAX_ITEMS else node.value
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return None
