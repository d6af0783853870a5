"""Reading a source file's text: size-limited, UTF-8, every failure a located message."""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostic, InputError, display_name

MAX_FILE_BYTES = 2 * 1024 * 1024


def read_text(path: Path) -> str:
    name = display_name(path)
    try:
        if not path.is_file():
            if not path.exists():
                raise InputError([Diagnostic(name, None, (), "file not found")])
            raise InputError([Diagnostic(name, None, (), "not a file")])
        # Read at most one byte past the limit: a file's reported size is not to be trusted
        # (/proc files report 0, a file may grow while it is read).
        with open(path, "rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise InputError([Diagnostic(name, None, (), f"cannot read: {exc.strerror}")]) from None
    if len(data) > MAX_FILE_BYTES:
        raise InputError([Diagnostic(name, None, (), _too_large(path, len(data)))])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = exc.object[:exc.start].count(b"\n") + 1
        raise InputError([Diagnostic(name, line, (), f"not UTF-8 text (byte {exc.start}); "
                                     "save the file as UTF-8")]) from None


def _too_large(path: Path, read: int) -> str:
    try:
        size = max(path.stat().st_size, read)
    except OSError:
        size = read
    if size > MAX_FILE_BYTES + 1:
        return f"file is {size} bytes; the limit is {MAX_FILE_BYTES} bytes for a pmg document"
    return f"file is larger than {MAX_FILE_BYTES} bytes, the limit for a pmg document"
