"""What an incremental build remembers: for each source, the content hashes of everything its
documents were made from, and of the documents themselves.

Hashes, not modification times: a checkout, a copy or a `touch` changes times but not content,
and must not cause a rebuild; an edit that keeps the time must. The cache is a JSON file in the
output folder, written atomically; deleting it only costs a full build.

The file is data anyone could have changed, so nothing in it is trusted that we did not write:
it is read only if it is a plain file of a sane size, every entry must have exactly the shape we
write, and the paths it names are hashed only when they are plain files (a document path must
also stay inside the output folder). A cache that fails any of this is discarded whole, with a
warning, and the build redoes everything. An input outside the folders this build reads from
(the sources' repository, the catalog and template folders) is never opened: its entry is
simply stale, so that a planted `/proc/self/pagemap` costs a rebuild, not a hang.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .. import __version__
from ..diagnostics import Diagnostic, InputError, OutputError, Severity, display_name
from ..i18n import _
from ..output import write_file
from ..resources import fonts_dir

CACHE_NAME = ".pmg-build-cache.json"
FORMAT_VERSION = 2
# Far above what a year of documents needs (about 1 KB per source).
MAX_CACHE_BYTES = 64 * 1024 * 1024
# Far above what a folder of catalogs or templates holds (tens of files): a folder past it is
# not one, and listing it would cost a build without end (a mount, a home folder).
MAX_FOLDER_ENTRIES = 50_000
_CHUNK = 1024 * 1024
# os.open's flags where the system has them. Windows has neither O_NOFOLLOW, O_NONBLOCK nor
# O_CLOEXEC (its handles are not inherited unless asked, and a pipe cannot take a file's
# name there), and needs O_BINARY: without it, os.read turns CRLF into LF and stops at
# Ctrl+Z, so hashes and sizes would not be the file's.
_READ_FLAGS = (os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
               | getattr(os, "O_NONBLOCK", 0))
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _open_plain(path: Path, follow_links: bool) -> int:
    """A read-only handle on `path`, opened without blocking (opening a pipe planted under a
    known name cannot hang us); without `follow_links`, a link is refused (OSError). Where the
    system cannot refuse it while opening (Windows), the link is looked for first."""
    if not follow_links and not _NOFOLLOW and os.path.islink(path):
        raise OSError(f"{path} is a link")
    return os.open(path, _READ_FLAGS | (0 if follow_links else _NOFOLLOW))


def file_hash(path: Path, follow_links: bool = True) -> str | None:
    """The SHA-256 of a plain file's content; None for anything else (missing, a folder, a
    device such as /dev/zero, a pipe, or a link when `follow_links` is false) and for a file
    holding more than its size says (a kernel file such as /proc/self/pagemap, which says 0
    and reads without end; a file still being written)."""
    try:
        handle = _open_plain(path, follow_links)
    except OSError:
        return None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            return None
        digest = hashlib.sha256()
        remaining = info.st_size
        while remaining > 0 and (chunk := os.read(handle, min(_CHUNK, remaining))):
            digest.update(chunk)
            remaining -= len(chunk)
        if remaining or os.read(handle, 1):
            return None  # shorter or longer than its size: not a stable plain file
        return digest.hexdigest()
    except OSError:
        return None
    finally:
        os.close(handle)


def _native_libraries() -> str:
    """The text and font libraries WeasyPrint loads, with their versions: a different
    HarfBuzz or Pango, or the font subsetter falling back from HarfBuzz to fontTools, changes
    PDF bytes. Asked of the libraries themselves (as WeasyPrint finds them) without importing
    WeasyPrint, which would cost a no-op rebuild most of its time."""
    import ctypes

    def load(*names):
        for name in names:
            try:
                return ctypes.CDLL(name)
            except OSError:
                continue
        return None

    def version(library, function: str) -> str:
        if library is None:
            return "none"
        getter = getattr(library, function)
        getter.restype = ctypes.c_char_p
        return getter().decode("ascii", "replace")

    harfbuzz = load("libharfbuzz.so.0", "libharfbuzz.0.dylib", "libharfbuzz-0.dll")
    subset = load("libharfbuzz-subset.so.0", "libharfbuzz-subset.0.dylib",
                  "libharfbuzz-subset-0.dll")
    pango = load("libpango-1.0.so.0", "libpango-1.0.dylib", "libpango-1.0-0.dll")
    return (f"harfbuzz={version(harfbuzz, 'hb_version_string')} "
            f"subsetter={'harfbuzz' if subset is not None else 'fonttools'} "
            f"pango={version(pango, 'pango_version_string')}")


@cache
def environment_key() -> str:
    """What every document depends on: this package's code, the writers, the native text
    libraries and the fonts.

    The package's own source files are hashed, not just its version, so that a change to the
    code between releases also rebuilds."""
    import importlib.metadata as metadata

    digest = hashlib.sha256()
    digest.update(f"{FORMAT_VERSION} {__version__} {sys.version_info[:2]}".encode())
    # What the bytes of a PDF or a DOCX depend on (uharfbuzz changes how fontTools packs fonts;
    # pikepdf writes the Typst engine's PDFs out again).
    for name in ("typst", "pikepdf", "weasyprint", "pydyf", "fonttools", "uharfbuzz",
                 "python-docx", "lxml"):
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=none".encode())
    digest.update(_native_libraries().encode())
    package = Path(__file__).resolve().parent.parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    for path in sorted(fonts_dir().glob("*.ttf")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def folders_key(folders) -> str:
    """The names of the files in each folder a lookup searches (catalog ids, templates,
    stylesheets), in search order. A file that appears in an earlier folder shadows one in a
    later folder without changing any file a document was made from, so the listing itself
    is part of what a document depends on."""
    digest = hashlib.sha256()
    for folder in folders:
        folder = Path(folder)
        digest.update(f"\0{folder.resolve()}\0".encode())
        if folder.is_dir():
            names = sorted(p.relative_to(folder).as_posix() for p in folder_entries(folder)
                           if not p.is_dir())
            digest.update("\n".join(names).encode())
    return digest.hexdigest()


def folder_entries(folder: Path) -> Iterator[Path]:
    """Every file and folder under `folder`, links not followed; raises InputError, naming the
    folder, past MAX_FOLDER_ENTRIES entries instead of walking on."""
    return map(Path, folder_paths(folder))


def folder_paths(folder: Path) -> Iterator[str]:
    """folder_entries' paths as strings (`str` of each Path it gives): a build's worker lists
    the catalog and template folders twice for every document, and making the Path objects
    was most of that."""
    limit = MAX_FOLDER_ENTRIES
    count = 0
    for parent, folders, files in os.walk(folder):
        for name in (*folders, *files):
            count += 1
            if count > limit:
                raise InputError([Diagnostic(display_name(folder), None, (), _(
                    "la carpeta tiene más de {limit} archivos y carpetas; se espera una carpeta "
                    "de catálogos o de plantillas, no una que abarque muchas más").format(
                    limit=limit))], outcome=_("no se generó ningún documento"))
            yield os.path.join(parent, name)


@dataclass
class Entry:
    source: str  # hash of the source file
    options: str  # formats, annexes, strictness, folders searched and what they hold
    inputs: dict[str, str]  # path of each input -> its hash
    outputs: dict[str, str]  # path of each document (relative to the output folder) -> hash


_FIELDS = {"source": str, "options": str, "inputs": dict, "outputs": dict}


def _entry(value) -> Entry:
    """An entry exactly as we write it; raises ValueError for anything else."""
    if not isinstance(value, dict) or set(value) != set(_FIELDS):
        raise ValueError("an entry is not a mapping of source, options, inputs, outputs")
    for name, kind in _FIELDS.items():
        if not isinstance(value[name], kind):
            raise ValueError(f"{name} is not a {kind.__name__}")
    for name in ("inputs", "outputs"):
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in value[name].items()):
            raise ValueError(f"{name} holds something other than text")
    for document in value["outputs"]:
        relative = Path(document)
        if relative.is_absolute() or ".." in relative.parts or not relative.parts:
            raise ValueError(f"document path {document!r} leaves the output folder")
    return Entry(**value)


def _read_limited(path: Path) -> bytes:
    """The cache file's bytes, if it is a plain file (not a link, a device or a pipe) of a
    sane size. Raises OSError or ValueError."""
    handle = _open_plain(path, follow_links=False)
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise ValueError("not a plain file")
        if info.st_size > MAX_CACHE_BYTES:
            raise ValueError(f"{info.st_size} bytes")
        data = os.read(handle, MAX_CACHE_BYTES + 1)
        if len(data) > MAX_CACHE_BYTES:
            raise ValueError("larger than it says")
        return data
    finally:
        os.close(handle)


@dataclass
class BuildCache:
    path: Path
    environment: str
    entries: dict[str, Entry] = field(default_factory=dict)
    # Set when the file was there but could not be trusted: shown to the user as a warning.
    problem: Diagnostic | None = None
    # The folders (resolved) this build reads its inputs from; an entry naming an input
    # elsewhere is stale without that input being opened.
    readable: tuple[Path, ...] = ()
    _hashes: dict[Path, str | None] = field(default_factory=dict)

    @classmethod
    def load(cls, out_dir: Path, readable: tuple[Path, ...] = ()) -> "BuildCache":
        """The cache in `out_dir`; `readable`: the folders inputs may lie in."""
        cache_ = cls._load(out_dir)
        cache_.readable = tuple(Path(folder).resolve() for folder in readable)
        return cache_

    @classmethod
    def _load(cls, out_dir: Path) -> "BuildCache":
        path = out_dir / CACHE_NAME
        environment = environment_key()
        try:
            raw = json.loads(_read_limited(path))
        except FileNotFoundError:
            return cls(path, environment)
        except (OSError, ValueError, RecursionError) as exc:
            return cls(path, environment, problem=cls._damaged(path, exc))
        if not isinstance(raw, dict) or not isinstance(raw.get("environment"), str):
            return cls(path, environment, problem=cls._damaged(path, ValueError("not ours")))
        if raw["environment"] != environment:
            return cls(path, environment)  # another version of pmg-docs: a full build
        entries = raw.get("entries")
        try:
            if not isinstance(entries, dict):
                raise ValueError("entries is not a mapping")
            checked = {key: _entry(value) for key, value in entries.items()}
        except ValueError as exc:
            return cls(path, environment, problem=cls._damaged(path, exc))
        return cls(path, environment, checked)

    @staticmethod
    def _damaged(path: Path, exc: Exception) -> Diagnostic:
        return Diagnostic(display_name(path), None, (), _(
            "la caché de compilación está dañada o no la escribió pmg ({detail}); se descarta y "
            "se vuelven a generar todos los documentos").format(
            detail=type(exc).__name__ if isinstance(exc, RecursionError) else str(exc)[:200]),
            severity=Severity.WARNING)

    def hash_of(self, path: Path) -> str | None:
        """The hash of an input, computed once per build however many sources share it."""
        if path not in self._hashes:
            self._hashes[path] = file_hash(path)
        return self._hashes[path]

    def is_fresh(self, key: str, source_hash: str, options: str, out_dir: Path) -> bool:
        entry = self.entries.get(key)
        if entry is None or entry.source != source_hash or entry.options != options:
            return False
        if not all(self._readable(Path(p)) for p in entry.inputs):
            return False
        if any(self.hash_of(Path(p)) != h for p, h in entry.inputs.items()):
            return False
        return all(file_hash(out_dir / p, follow_links=False) == h
                   for p, h in entry.outputs.items())

    def _readable(self, path: Path) -> bool:
        """Whether `path` (as resolved, so a link out does not count) lies in one of the folders
        this build reads from."""
        if not path.is_absolute():
            return False
        try:
            resolved = path.resolve()
        except (OSError, RuntimeError):
            return False
        return any(resolved.is_relative_to(folder) for folder in self.readable)

    def record(self, key: str, source_hash: str, options: str, inputs: dict[str, str],
               outputs: dict[str, str]) -> None:
        """Remember a source's documents, with the hashes of what they were made from as the
        worker that made them saw it."""
        self.entries[key] = Entry(source=source_hash, options=options, inputs=dict(inputs),
                                  outputs=dict(outputs))

    def forget(self, key: str) -> None:
        self.entries.pop(key, None)

    def save(self) -> Diagnostic | None:
        """Write the cache; a failure (a full disk) only costs a rebuild next time, so it is a
        warning, not an error."""
        data = {"environment": self.environment,
                "entries": {k: vars(v) for k, v in sorted(self.entries.items())}}
        try:
            write_file(self.path, json.dumps(data, indent=1, sort_keys=True).encode("utf-8"))
        except OutputError as exc:
            return Diagnostic(display_name(self.path), None, (), _(
                "no se pudo guardar la caché de compilación ({reason}); la próxima compilación "
                "volverá a generar todo").format(reason=exc.reason),
                severity=Severity.WARNING)
        return None
