"""Reading a source file's text: size-limited, UTF-8, every failure a located message."""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostic, InputError, display_name

MAX_FILE_BYTES = 2 * 1024 * 1024


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
