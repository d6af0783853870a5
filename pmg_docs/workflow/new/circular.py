"""`pmg new KIND`: a new source to start from, commented, that validates as it is."""

from __future__ import annotations

from pathlib import Path

from ...diagnostics import Diagnostic, InputError, display_name
from ...output import atomic_write
from ...resources import templates_dir

# kind -> the scaffold file under templates/scaffolds/, and the file name it gets by default.
SCAFFOLDS = {"circular": "circular.md"}


def new_source(kind: str, path: Path | None = None, force: bool = False) -> Path:
    """Write the scaffold of `kind` to `path`; never over an existing file unless `force`."""
    name = SCAFFOLDS[kind]
    path = Path(path) if path is not None else Path(name)
    if path.exists() and not force:
        raise InputError([Diagnostic(display_name(path), None, (), "already exists; expected "
                                     "a new file name (-o FILE), or --force to overwrite it")])
    if path.exists() and not path.is_file():
        raise InputError([Diagnostic(display_name(path), None, (), "is not a file; expected "
                                     "a file name")])
    atomic_write(path, (templates_dir() / "scaffolds" / name).read_bytes())
    return path
