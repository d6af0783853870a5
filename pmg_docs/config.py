"""The project's settings, `pmg.toml`: the folders of catalogs and templates a repository keeps.

A ministry's repository has its own catalogs (next year's, before pmg-docs ships it) and maybe
its own templates. Naming them once in a `pmg.toml` at the top of the repository means no
command needs `--catalogs` or `--templates`:

    # pmg.toml
    catalogs = ["catalogos"]     # folders of catalogs (ID.yaml), relative to this file
    templates = "plantillas"     # a folder of templates, searched before the package's
    sources = "."                # what `pmg build` and `pmg serve` read when given no folder

Commands look for the file in the working folder and in the folders above it. Folders given
on the command line are added to those of the file (`--catalogs`) or replace them
(`--templates`).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .i18n import _

FILE_NAME = "pmg.toml"


class ConfigError(ValueError):
    """A pmg.toml that cannot be used; the message says which file, key and why."""


@dataclass(frozen=True)
class Settings:
    file: Path | None = None
    catalogs: tuple[Path, ...] = ()
    templates: Path | None = None
    sources: Path | None = None


def find(start: Path | None = None) -> Path | None:
    """The nearest pmg.toml in `start` (the working folder) or above it."""
    folder = Path(start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / FILE_NAME
        if path.is_file():
            return path
    return None


def load(start: Path | None = None) -> Settings:
    """The settings of the project around `start`; empty when there is no pmg.toml. Raises
    ConfigError for a file that cannot be read or names what does not exist."""
    path = find(start)
    if path is None:
        return Settings()
    shown = _shown(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(_("{file}: no se puede leer ({problem})").format(
            file=shown, problem=exc)) from None
    unknown = sorted(set(data) - {"catalogs", "templates", "sources"})
    if unknown:
        raise ConfigError(_("{file}: clave desconocida «{key}»; se espera catalogs, templates "
                            "o sources").format(file=shown, key=unknown[0]))
    catalogs = data.get("catalogs", [])
    if isinstance(catalogs, str):
        catalogs = [catalogs]
    if not isinstance(catalogs, list) or not all(isinstance(c, str) for c in catalogs):
        raise ConfigError(_("{file}: catalogs: se espera una lista de carpetas, como "
                            "[\"catalogos\"]").format(file=shown))
    templates = data.get("templates")
    if templates is not None and not isinstance(templates, str):
        raise ConfigError(_("{file}: templates: se espera una carpeta, como "
                            "\"plantillas\"").format(file=shown))
    sources = data.get("sources")
    if sources is not None and not isinstance(sources, str):
        raise ConfigError(_("{file}: sources: se espera una carpeta, como \".\"").format(
            file=shown))
    return Settings(path, tuple(_folder(path, shown, "catalogs", c) for c in catalogs),
                    _folder(path, shown, "templates", templates) if templates else None,
                    _folder(path, shown, "sources", sources) if sources else None)


def _folder(path: Path, shown: str, key: str, value: str) -> Path:
    folder = (path.parent / value).resolve()
    if not folder.is_dir():
        raise ConfigError(_("{file}: {key}: la carpeta «{folder}» no existe; se espera una "
                            "carpeta relativa a {file}").format(file=shown, key=key,
                                                                 folder=value))
    return folder


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive, on Windows
        return str(path)
