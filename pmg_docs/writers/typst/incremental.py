"""Changes to a PDF written as an incremental update: the changed and new objects, a new
cross-reference section and trailer appended after the file's own bytes (ISO 32000-1 7.5.6),
which PDF/A allows.

Why not write the whole file again (pikepdf's `save`): that re-serialises every object of
Typst's PDF, ~6 ms a document, where appending the few objects finish.py changes (the catalog,
the information dictionary, retagged table cells, the XMP packet) costs a fraction of a
millisecond. pikepdf still reads the file and serialises each changed object
(`unparse(resolved=True)`); this module only lays the update out, byte for byte as the standard
asks: each object between end-of-line markers, a stream's /Length its exact byte count, the
cross-reference entries 20 bytes each, the trailer with /Prev and /ID, `%%EOF` last.

Only files whose last cross-reference section is a table (`xref`, as Typst writes them) are
updated this way; `append` says None for any other, and the caller writes the file whole.
"""

from __future__ import annotations

import hashlib
import re

# The end of a file: `startxref`, the offset of the last cross-reference section, `%%EOF`.
_START_XREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")


def previous_xref(data: bytes) -> int | None:
    """The offset of `data`'s last cross-reference section when it is a table, else None."""
    found = _START_XREF.search(data, max(0, len(data) - 64))
    if found is None:
        return None
    offset = int(found.group(1))
    return offset if data.startswith(b"xref", offset) else None


def _entries(offsets: dict[int, int]) -> bytes:
    """The cross-reference table of the objects at `offsets` (number -> byte offset): one
    subsection per run of consecutive numbers, each entry 20 bytes (the standard's CRLF)."""
    numbers = sorted(offsets)
    runs: list[list[int]] = []
    for number in numbers:
        if runs and runs[-1][-1] + 1 == number:
            runs[-1].append(number)
        else:
            runs.append([number])
    parts = [b"xref\n"]
    for run in runs:
        parts.append(b"%d %d\n" % (run[0], len(run)))
        parts.extend(b"%010d 00000 n\r\n" % offsets[n] for n in run)
    return b"".join(parts)


def append(data: bytes, objects: dict[int, bytes], streams: dict[int, tuple[bytes, bytes]],
           trailer: dict[bytes, bytes], size: int) -> bytes | None:
    """`data` with an incremental update appended: `objects` (number -> the object's PDF
    syntax) and `streams` (number -> (its dictionary's entries without /Length, its bytes)),
    all of generation 0; the trailer holds `trailer`'s entries (key -> PDF syntax; /Size,
    /Prev and /ID are written here), `size` one more than the highest object number. The
    second /ID string is drawn from the update, so equal inputs give equal bytes. None when
    `data`'s last cross-reference section is not a table."""
    prev = previous_xref(data)
    if prev is None:
        return None
    # `%%EOF` may end the file without an end-of-line; each object starts on a line of its own.
    body = [b"" if data.endswith(b"\n") else b"\n"]
    position = len(data) + len(body[0])
    offsets: dict[int, int] = {}

    def add(number: int, chunk: bytes) -> None:
        nonlocal position
        offsets[number] = position
        body.append(chunk)
        position += len(chunk)

    for number, syntax in sorted(objects.items()):
        add(number, b"%d 0 obj\n%s\nendobj\n" % (number, syntax))
    for number, (entries, content) in sorted(streams.items()):
        add(number, b"%d 0 obj\n<<%s /Length %d>>\nstream\n%s\nendstream\nendobj\n"
            % (number, entries, len(content), content))
    update = b"".join(body)
    first_id = _first_id(trailer.get(b"/ID"), data)
    second_id = hashlib.md5(first_id + data[prev:] + update, usedforsecurity=False).hexdigest()
    entries = b"".join(b"%s %s" % (key, value) for key, value in sorted(trailer.items())
                       if key not in (b"/Size", b"/Prev", b"/ID"))
    tail = (_entries(offsets)
            + b"trailer\n<<%s /Size %d /Prev %d /ID [%s <%s>]>>\nstartxref\n%d\n%%%%EOF\n"
            % (entries, size, prev, first_id, second_id.encode(), position))
    return data + update + tail


_ID = re.compile(rb"\[\s*(<[0-9A-Fa-f\s]*>|\((?:[^()\\]|\\.)*\))")


def _first_id(syntax: bytes | None, data: bytes) -> bytes:
    """The first string of the file's /ID (its permanent identifier, kept by an update), or
    one drawn from the file's bytes when it has none."""
    found = _ID.match(syntax or b"")
    if found:
        return found.group(1)
    return b"<%s>" % hashlib.md5(data, usedforsecurity=False).hexdigest().encode()
