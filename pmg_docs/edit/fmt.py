"""`pmg fmt`: one canonical layout for catalogs, formulations and circulars, comments kept.

The layout: keys in the order of the model's fields, two-space indentation (list dashes indented
under their key, as in the examples), text that needs quotes in double quotes (and text that
starts with YAML punctuation quoted), multi-line text as a literal block (`|`), single-line text
too long for its line as a folded block (`>-`), `{…}` rows that do not fit on their line as
blocks. What the author chose and what carries no meaning is kept: comments, blank lines, `{…}`
rows that fit, the line breaks inside existing folded text (re-wrapping prose makes noisy diffs)
and how numbers are written. Values never change: the result is parsed again and compared with
the original, value by value and comment by comment, before anything is written.

ruamel.yaml's round-trip mode does the reading and writing. It keeps a comment with the value
before it, so a mapping whose keys must change places is reordered only when no comment line
stands between its keys (see `_reorder`); otherwise that mapping keeps the author's order.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedBase, CommentedMap, CommentedSeq
from ruamel.yaml.emitter import RoundTripEmitter
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    PlainScalarString,
)
from ruamel.yaml.tokens import CommentToken

from ..diagnostics import Diagnostic, InputError, display_name
from ..i18n import _
from ..load.from_text import source_from_text
from ..load.located_yaml import parse_yaml_text
from ..load.sources import iter_source_files, parse_document
from ..load.text import read_text
from .fmt_keep import anchors_of, as_lf, newline_of, with_newline, write_keeping

WIDTH = 100
YAML_INDICATORS = "-?:,[]{}#&*!|>'\"%@`"
# A `- ` under a key sits two columns in, its content four: `objectives:\n  - objective: …`.
MAPPING_INDENT, SEQUENCE_INDENT, DASH_OFFSET = 2, 4, 2


class _DoubleQuotingEmitter(RoundTripEmitter):
    """Where YAML needs quotes, always double ones: `"08"`, as the README teaches."""

    def choose_scalar_style(self):
        style = super().choose_scalar_style()
        return '"' if style == "'" else style


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Emitter = _DoubleQuotingEmitter
    yaml.indent(mapping=MAPPING_INDENT, sequence=SEQUENCE_INDENT, offset=DASH_OFFSET)
    yaml.width = WIDTH
    yaml.allow_duplicate_keys = False
    # `[{number: 1}]` as written, not the legal but surprising `[number: 1]`.
    yaml.brace_single_entry_mapping_in_flow_sequence = True
    # `total_weight: null` as written: an empty value reads the same but says less.
    yaml.representer.add_representer(
        type(None), lambda representer, value: representer.represent_scalar(
            "tag:yaml.org,2002:null", "null"))
    return yaml


# --- text styles -------------------------------------------------------------------------------

def _printable(text: str) -> bool:
    return all(char.isprintable() or char == "\n" for char in text)


def _literal_safe(text: str) -> bool:
    """A literal block gives back exactly this text (no trailing blanks or odd characters)."""
    lines = text.split("\n")
    return (_printable(text) and text.strip() != "" and not text[0].isspace()
            and not any(line != line.rstrip(" \t") for line in lines))


def _folded_safe(text: str) -> bool:
    """A folded block gives back exactly this one-line text: single spaces between words."""
    return (_printable(text) and "\n" not in text and text == text.strip()
            and "  " not in text and "\t" not in text)


def _styled(value, room: int | None):
    """`value` in its canonical style, given `room` columns left on its line (None inside a
    `{…}` row, where blocks cannot stand)."""
    if not isinstance(value, str):
        return value
    text = str(value)
    if room is not None and "\n" in text:
        return LiteralScalarString(text) if _literal_safe(text) else DoubleQuotedScalarString(text)
    if room is not None and len(text) + 2 > room:
        if not _folded_safe(text):
            return DoubleQuotedScalarString(text)
        # Keep the author's line breaks in folded text that is already folded.
        return value if isinstance(value, FoldedScalarString) else FoldedScalarString(text)
    if not any(char.isalnum() for char in text) or text[0] in YAML_INDICATORS:
        # `.` alone reads as punctuation, `?0` or `- x` as YAML syntax (and ruamel.yaml reads
        # some of them back wrongly in `{…}` rows); quoted, they read as the value they are.
        return DoubleQuotedScalarString(text)
    # A ScalarString: ruamel would otherwise keep the style of the value it replaces.
    return PlainScalarString(text)


def _is_block(value) -> bool:
    return isinstance(value, (LiteralScalarString, FoldedScalarString))


def _restyle(node, key, room: int | None) -> None:
    """Restyle the text at `node[key]`, and move the line end its comment carries.

    ruamel keeps what follows a value (an end-of-line comment, blank lines, comment lines) in
    one token; after a plain value the token starts with that line's end, after a block it does
    not, so a change between the two moves a newline between value and token.
    """
    old = node[key]
    if getattr(getattr(old, "anchor", None), "value", None):
        return  # `&name` text, the same object wherever `*name` repeats it: kept as written
    if _is_block(old) and getattr(old, "comment", None):
        return  # `key: >-  # comment`: the comment lives on the block's header; keep both
    new = _styled(old, room)
    if _is_block(old) == _is_block(new):
        node[key] = new
        return
    entry = node.ca.items.get(key)
    token = entry[_slot(node)] if entry else None
    if token is None:
        node[key] = new
    elif _is_block(new):
        if token.value.startswith("#"):
            return  # an end-of-line comment cannot follow a block's header: keep the old style
        token.value = token.value[1:]
        node[key] = new
    else:
        token.value = "\n" + token.value
        node[key] = new


def _slot(node: CommentedBase) -> int:
    """Where, in ruamel's comment entry of an item, the token after its value is."""
    return 2 if isinstance(node, CommentedMap) else 0


def _is_flow(node: CommentedBase) -> bool:
    return bool(node.fa.flow_style())


def _flow_width(node) -> int:
    """About how many columns `node` takes written as a `{…}` or `[…]` row (quotes counted)."""
    if isinstance(node, CommentedMap):
        parts = [len(str(key)) + 2 + _flow_width(value) for key, value in node.items()]
    elif isinstance(node, CommentedSeq):
        parts = [_flow_width(value) for value in node]
    elif isinstance(node, str):
        return len(node) + 2 + node.count('"')
    else:
        return len(str(node))
    return 2 + sum(parts) + 2 * max(len(parts) - 1, 0)


def _has_multiline_text(node) -> bool:
    values = node.values() if isinstance(node, CommentedMap) else node
    return any(("\n" in value) if isinstance(value, str) else
               isinstance(value, (CommentedMap, CommentedSeq)) and _has_multiline_text(value)
               for value in values)


def _fit_flow(value, start: int) -> None:
    """A `{…}` or `[…]` row stays a row when it fits on its line (from column `start`) and
    holds no multi-line text; otherwise it is written as a block."""
    if isinstance(value, (CommentedMap, CommentedSeq)) and _is_flow(value) and (
            start + _flow_width(value) > WIDTH or _has_multiline_text(value)):
        value.fa.set_block_style()


# --- the walk ----------------------------------------------------------------------------------

def _field_order(model: BaseModel) -> list[str]:
    return list(type(model).model_fields)


def _child(model, key):
    if isinstance(model, BaseModel) and key in type(model).model_fields:
        return getattr(model, key)
    if isinstance(model, dict):
        return model.get(key)
    return None


@dataclass
class _Tail:
    """Where ruamel keeps what follows a key's value: the token of the last scalar under it."""

    container: CommentedBase
    key: object
    slot: int  # 2 in a mapping's comment entry, 0 in a sequence's
    plain: bool  # after a plain scalar the token starts with the end of the value's line
    shared: bool = False  # a `{…}` or empty value shares its token with the row: read only

    @property
    def token(self):
        entry = self.container.ca.items.get(self.key)
        return entry[self.slot] if entry else None

    def split(self) -> tuple[str, str]:
        """(the end of the value's line with any comment on it, the full lines after it)."""
        token = self.token
        if token is None:
            return "", ""
        if self.plain:
            eol, _, rest = token.value.partition("\n")
            return eol + "\n", rest
        indent = " " * token.start_mark.column if token.value.startswith("#") else ""
        return "", indent + token.value

    def set(self, eol: str, rest: str) -> None:
        if self.plain:
            text, column = (eol or "\n") + rest, None
        else:
            stripped = rest.lstrip(" ")
            text, column = stripped, len(rest) - len(stripped)
        entry = self.container.ca.items.setdefault(self.key, [None, None, None, None])
        if not text.strip("\n") and not rest:
            entry[self.slot] = None
            return
        token = entry[self.slot]
        if token is None:
            entry[self.slot] = CommentToken(text, CommentMark(column or 0))
        else:
            token.value = text
            if column is not None:
                token.start_mark = CommentMark(column)


def _tail(node, key) -> _Tail:
    value = node[key]
    if isinstance(value, (CommentedMap, CommentedSeq)) and not _is_flow(value) and len(value):
        last = list(value)[-1] if isinstance(value, CommentedMap) else len(value) - 1
        return _tail(value, last)
    shared = isinstance(value, (CommentedMap, CommentedSeq))
    return _Tail(node, key, _slot(node), plain=shared or not _is_block(value), shared=shared)


def _reorder(node: CommentedMap, model) -> None:
    """Put the keys in the model's order. Full-line comments between keys belong to the key they
    precede, which ruamel cannot express when keys move; so a mapping is reordered only when its
    comments are on the keys' lines or after the last key (they then stay at the end)."""
    if not isinstance(model, BaseModel):
        return
    order = {name: index for index, name in enumerate(_field_order(model))}
    keys = list(node)
    wanted = sorted(keys, key=lambda key: order.get(key, len(order)))
    if wanted == keys:
        return
    tails = {key: _tail(node, key) for key in keys}
    if any(tails[key].split()[1] for key in keys[:-1]):
        return
    old_last, new_last = tails[keys[-1]], tails[wanted[-1]]
    old_eol, end = old_last.split()
    new_eol, _end = new_last.split()
    if end and (old_last.shared or new_last.shared):
        return
    for key in wanted:
        node.move_to_end(key)
    if end:
        old_last.set(old_eol, "")
        new_last.set(new_eol, end)


def _canonical(node, model, column: int) -> None:
    """Reorder keys and restyle text in place; `column` is where the node's content starts."""
    flow = isinstance(node, (CommentedMap, CommentedSeq)) and _is_flow(node)
    if isinstance(node, CommentedMap):
        _reorder(node, model)
        for key in list(node):
            value, sub = node[key], _child(model, key)
            if not flow:
                _fit_flow(value, column + len(str(key)) + 2)
            if isinstance(value, CommentedMap):
                _canonical(value, sub, column + MAPPING_INDENT)
            elif isinstance(value, CommentedSeq):
                _canonical(value, sub, column + SEQUENCE_INDENT)
            else:
                _restyle(node, key, None if flow else WIDTH - column - len(str(key)) - 2)
    elif isinstance(node, CommentedSeq):
        items = model if isinstance(model, (list, tuple)) and len(model) == len(node) else None
        for index, value in enumerate(node):
            sub = items[index] if items is not None else None
            if not flow:
                _fit_flow(value, column)
            if isinstance(value, (CommentedMap, CommentedSeq)):
                _canonical(value, sub, column)
            else:
                _restyle(node, index, None if flow else WIDTH - column)


# --- comments and values, to prove nothing was lost ------------------------------------------

def comments_of(yaml_text: str) -> list[str]:
    """Every comment of a YAML text, as its stripped lines, in a stable (sorted) order."""
    found: list[str] = []
    _collect_comments(YAML(typ="rt").load(yaml_text), found)
    return sorted(found)


def _collect_comments(node: object, found: list[str]) -> None:
    """The comment lines of `node` and of every node under it, added to `found`."""
    if isinstance(node, CommentedBase) and hasattr(node, "ca"):
        comment = node.ca
        for value in _comment_texts([comment.comment, list(comment.items.values()), comment.end]):
            found.extend(line.strip() for line in value.splitlines()
                         if line.strip().startswith("#"))
    children = node.values() if isinstance(node, CommentedMap) else \
        node if isinstance(node, CommentedSeq) else ()
    for child in children:
        _collect_comments(child, found)


def _comment_texts(item: object) -> Iterator[str]:
    """The texts of ruamel's comment tokens, which it nests in lists (None where a slot is
    empty)."""
    if item is None:
        return
    if isinstance(item, list):
        for part in item:
            yield from _comment_texts(part)
    elif isinstance(item, str):
        yield item  # the comment on a block scalar's header line is kept as plain text
    elif hasattr(item, "value"):
        yield item.value


def _same(a, b) -> bool:
    """Equal values of equal types (1 and 1.0 differ; "08" and 8 differ)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        # Key order is layout, not value: the formatter reorders keys on purpose.
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b


# --- one text, many files ----------------------------------------------------------------------

class FormatError(Exception):
    """The canonical text would differ in a value or a comment: nothing is written."""


def canonical_text(text: str, name: str, registry, path: Path | None = None) -> str:
    """The canonical layout of a source's text, in the line endings it was written with. Raises
    InputError when it does not parse into its model (it is then left as it is), FormatError if
    formatting would lose anything."""
    source, parts = source_from_text(text, path or Path(name), name)
    model = parse_document(source, registry).model
    newline = newline_of(text)
    original = as_lf(parts.yaml)
    yaml = _yaml()
    node = yaml.load(original)
    _canonical(node, model, 0)
    stream = io.StringIO()
    yaml.dump(node, stream)
    result = stream.getvalue()
    if result == original:
        # Already canonical: nothing can be lost, and the proofs below are most of fmt's time.
        return parts.join(with_newline(result, newline), newline)
    if anchors_of(original) != anchors_of(result):
        raise FormatError(_("el formato cambiaría sus anclas y alias (&nombre, *nombre); el "
                            "archivo queda como está (por favor informe esto junto con el "
                            "archivo)"))
    before, _lines = parse_yaml_text(original, name)
    try:
        after, _lines = parse_yaml_text(result, name)
    except InputError:
        raise FormatError(_(
            "el formato escribiría YAML que no se vuelve a leer; el archivo queda como está "
            "(por favor informe esto junto con el archivo)")) from None
    if not _same(before, after):
        raise FormatError(_(
            "el formato cambiaría un valor; el archivo queda como está (por favor informe esto "
            "junto con el archivo)"))
    if comments_of(original) != comments_of(result):
        raise FormatError(_(
            "el formato perdería un comentario; el archivo queda como está (por favor informe "
            "esto junto con el archivo)"))
    return parts.join(with_newline(result, newline), newline)


@dataclass
class FormatReport:
    checked: int = 0
    changed: list[Path] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def format_paths(paths, registry, check: bool = False) -> FormatReport:
    """Format every source under `paths`; with `check`, only report which would change."""
    files, problems = iter_source_files(paths)
    report = FormatReport(diagnostics=list(problems))
    for path in files:
        report.checked += 1
        name = display_name(path)
        try:
            text = read_text(path)
            result = canonical_text(text, name, registry, path)
            if result != text and not check:
                write_keeping(path, result)  # an OutputError is an InputError: reported
        except InputError as exc:
            report.diagnostics.extend(exc.diagnostics)
            continue
        except FormatError as exc:
            report.diagnostics.append(Diagnostic(name, None, (), str(exc)))
            continue
        if result != text:
            report.changed.append(path)
    return report
