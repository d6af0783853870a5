"""What `pmg fmt` keeps of a file besides its values and comments: its line endings, its anchors
and aliases, its permissions, and the link it may be reached through.

- Line endings: a file written with CRLF (Windows) stays CRLF, front matter and body alike; the
  layout is worked out on LF text and converted back.
- Anchors and aliases (`&nota` … `*nota`): kept by the formatter (see fmt.py); this module
  checks that the result has the same ones, and refuses to write when it would not.
- Permissions: the file is replaced with the mode it had (a 0600 file stays 0600).
- Links: a source reached through a symbolic link is formatted where the link points, and the
  link stays a link.
"""

from __future__ import annotations

import stat
from collections import Counter
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.events import AliasEvent, NodeEvent

from ..output import write_file

CRLF, LF = "\r\n", "\n"


def newline_of(text: str) -> str:
    """The line ending the file is written with: that of its first line."""
    first, found, _rest = text.partition(LF)
    return CRLF if found and first.endswith("\r") else LF


def as_lf(text: str) -> str:
    return text.replace(CRLF, LF)


def with_newline(text: str, newline: str) -> str:
    """LF text written with `newline`."""
    return text if newline == LF else text.replace(LF, newline)


def anchors_of(yaml_text: str) -> tuple[Counter[str], Counter[str]]:
    """The anchors a YAML text defines and the aliases it uses, each with how often."""
    anchors: Counter[str] = Counter()
    aliases: Counter[str] = Counter()
    for event in YAML(typ="safe").parse(yaml_text):
        if isinstance(event, AliasEvent):
            aliases[event.anchor] += 1
        elif isinstance(event, NodeEvent) and event.anchor is not None:
            anchors[event.anchor] += 1
    return anchors, aliases


def write_keeping(path: Path, text: str) -> None:
    """Write `text` as the file `path` names (through its link, if it is one), with the
    permissions that file has. Raises OutputError."""
    target = path.resolve()
    mode = stat.S_IMODE(target.stat().st_mode)
    write_file(target, text.encode("utf-8"), mode=mode)
