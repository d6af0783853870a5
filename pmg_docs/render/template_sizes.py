"""What an operation of a template would build, counted before it is built.

Checking a text's or a list's size after it is built bounds nothing: `l.extend(l)` forty times,
`", ".join(many)`, `big.replace("a", big)` or printing a list that holds a long text a million
times have used gigabytes by then. Each function here says, from the sizes of the operands alone
(lengths are known at no cost), how many characters or items the operation would make, so that the
sandbox (render/sandbox.py) refuses it first. The estimates are upper bounds where that is cheap,
and never cost more than a walk of `budget` steps.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from jinja2.utils import Namespace

# A whole number of n bits prints at most n·log10(2) + 2 characters; 0.302 > log10(2).
_DIGITS_PER_BIT = 0.302
# The longest repr of a float (`-1.2345678901234567e-308`).
_FLOAT_CHARACTERS = 24


def measure(value: Any, budget: int) -> int:
    """About how many characters `str(value)` would print (each item of a container counted with
    its separators), counted until past `budget` and no further: a list of a million references to
    one long text is refused after a few steps, without its text ever being built. Objects other
    than texts, numbers and containers are the documents' own and count as nothing."""
    total = 0
    pending: list[Any] = [value]
    while pending and total <= budget:
        item = pending.pop()
        total += _own_size(item)
        if total > budget:
            break
        if isinstance(item, Namespace):
            # `namespace(a=…)` prints the mapping it holds.
            item = item._Namespace__attrs
        if isinstance(item, Mapping):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)):
            pending.extend(item)
    return total


def _own_size(item: Any) -> int:
    """The characters `item` prints itself: a text or number whole, a container its brackets and
    separators (its items are counted apart)."""
    if isinstance(item, (str, bytes, bytearray)):
        return len(item)
    if isinstance(item, bool) or item is None:
        return 5
    if isinstance(item, int):
        return int(item.bit_length() * _DIGITS_PER_BIT) + 2
    if isinstance(item, float):
        return _FLOAT_CHARACTERS
    if isinstance(item, Namespace):
        return _own_size(item._Namespace__attrs) + len("<Namespace >")
    if isinstance(item, Mapping):
        return 2 + 4 * len(item)
    if isinstance(item, (list, tuple, set, frozenset)):
        return 2 + 2 * len(item)
    return 0


def printed_items(items: Iterable[Any], budget: int) -> list[Any]:
    """The items of `items` as a list, read only while what they print stays within `budget`
    (a generator's items, `map("upper")` of long texts, are made one at a time): the last item
    read is the one that passes it."""
    if isinstance(items, (list, tuple)):
        return list(items)
    read: list[Any] = []
    total = 0
    for item in items:
        read.append(item)
        total += measure(item, budget)
        if total > budget:
            break
    return read


def joined(items: list[Any], separator: str, budget: int) -> int:
    """Characters of `separator.join(items)` (the `join` filter prints any items)."""
    total = len(separator) * max(len(items) - 1, 0)
    for item in items:
        if total > budget:
            break
        total += measure(item, budget - total)
    return total


def replaced(text: str, old: str, new: str, count: int | None = None) -> int:
    """Characters of `text.replace(old, new, count)`."""
    if len(new) <= len(old):
        return len(text)
    # An empty `old` matches before every character and at the end.
    times = len(text) + 1 if not old else text.count(old)
    if count is not None and count >= 0:
        times = min(times, count)
    return len(text) + times * (len(new) - len(old))


# A replacement field of str.format (`{0}`, `{name!r:>10}`), and a printf conversion (`%s`,
# `%(name)-10s`); `{{` and `%%` print one character.
_FORMAT_FIELD = re.compile(r"\{[^{}]*\}")
_PRINTF_FIELD = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]")


def formatted(pattern: str, arguments: Iterable[Any], budget: int, braces: bool) -> int:
    """Characters of `pattern` formatted with `arguments` (`str.format`, or `%` when not
    `braces`): every field may print the longest argument, and a field may name one argument many
    times (`"{0}{0}{0}"`)."""
    fields = len((_FORMAT_FIELD if braces else _PRINTF_FIELD).findall(pattern))
    if not fields:
        return len(pattern)
    longest = max((measure(a, budget) for a in arguments), default=0)
    return len(pattern) + fields * longest


def indented(text: str, width: int | str) -> int:
    """Characters of the `indent` filter: every line gets `width` (spaces or a text) before it."""
    step = len(width) if isinstance(width, str) else max(int(width), 0)
    return len(text) + (text.count("\n") + 1) * step


def tabs_expanded(text: str, size: int) -> int:
    """Characters of `text.expandtabs(size)`: each tab becomes at most `size` spaces."""
    return len(text) + text.count("\t") * max(size, 0)
