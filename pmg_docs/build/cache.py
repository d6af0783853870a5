"""What an incremental build remembers: for each source, the content hashes of everything its
documents were made from, and of the documents themselves.

Hashes, not modification times: a checkout, a copy or a `touch` changes times but not content,
and must not cause a rebuild; an edit that keeps the time must. The cache is a JSON file in the
output folder, written atomically; deleting it only costs a full build.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .. import __version__
from ..output import atomic_write
from ..resources import fonts_dir

CACHE_NAME = ".pmg-build-cache.json"
FORMAT_VERSION = 1


def file_hash(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


@cache
def environment_key() -> str:
    """What every document depends on: this package's code, the writers and the fonts.

    The package's own source files are hashed, not just its version, so that a change to the
    code between releases also rebuilds."""
    import importlib.metadata as metadata

    digest = hashlib.sha256()
    digest.update(f"{FORMAT_VERSION} {__version__} {sys.version_info[:2]}".encode())
    for name in ("weasyprint", "pydyf", "fonttools", "python-docx", "font-source-sans-pro"):
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=none".encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    for path in sorted(fonts_dir().glob("*.ttf")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass
class Entry:
    source: str  # hash of the source file
    options: str  # formats, annexes, strictness, templates folder
    inputs: dict[str, str]  # path of each input -> its hash
    outputs: dict[str, str]  # path of each document (relative to the output folder) -> hash


@dataclass
class BuildCache:
    path: Path
    environment: str
    entries: dict[str, Entry] = field(default_factory=dict)
    _hashes: dict[Path, str | None] = field(default_factory=dict)

    @classmethod
    def load(cls, out_dir: Path) -> "BuildCache":
        path = out_dir / CACHE_NAME
        environment = environment_key()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls(path, environment)
        if not isinstance(raw, dict) or raw.get("environment") != environment:
            return cls(path, environment)
        entries = {}
        for key, value in (raw.get("entries") or {}).items():
            try:
                entries[key] = Entry(**value)
            except TypeError:
                continue
        return cls(path, environment, entries)

    def hash_of(self, path: Path) -> str | None:
        """The hash of an input, computed once per build however many sources share it."""
        if path not in self._hashes:
            self._hashes[path] = file_hash(path)
        return self._hashes[path]

    def is_fresh(self, key: str, source_hash: str, options: str, out_dir: Path) -> bool:
        entry = self.entries.get(key)
        if entry is None or entry.source != source_hash or entry.options != options:
            return False
        if any(self.hash_of(Path(p)) != h for p, h in entry.inputs.items()):
            return False
        return all(file_hash(out_dir / p) == h for p, h in entry.outputs.items())

    def record(self, key: str, source_hash: str, options: str, inputs: list[Path],
               outputs: list[Path], out_dir: Path) -> None:
        self.entries[key] = Entry(
            source=source_hash, options=options,
            inputs={str(p): self.hash_of(p) for p in inputs},
            outputs={p.relative_to(out_dir).as_posix(): file_hash(p) for p in outputs})

    def forget(self, key: str) -> None:
        self.entries.pop(key, None)

    def save(self) -> None:
        data = {"environment": self.environment,
                "entries": {k: vars(v) for k, v in sorted(self.entries.items())}}
        atomic_write(self.path, json.dumps(data, indent=1, sort_keys=True).encode("utf-8"))
