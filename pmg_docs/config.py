"""The project's settings, `pmg.toml`: the folders of catalogs and templates a repository keeps.

A ministry's repository has its own catalogs (next year's, before pmg-docs ships it) and maybe
its own templates. Naming them once in a `pmg.toml` at the top of the repository means no
command needs `--catalogs` or `--templates`:

    # pmg.toml
    catalogs = ["catalogos"]     # folders of catalogs (ID.yaml), relative to this file
    templates = "plantillas"     # a folder of templates, searched before the package's
    sources = "."                # what `pmg build` and `pmg serve` read when given no folder
    trust = ["raices/institucion.pem"]  # root certificates `pmg verify` trusts without --trust
    pdf_engine = "weasyprint"    # the PDF engine: typst (the default) or weasyprint

Commands look for the file in the working folder, then at the root of the git repository the
working folder is in (the nearest folder above holding `.git`), never above it: a `pmg.toml`
left in a parent folder or a shared /tmp is not anyone's project. Its folders (and files) are
relative to the file and must stay inside the repository (the git root, else the file's
folder); a folder elsewhere is named by an absolute path, which says so explicitly. A folder
that holds the repository (`/`, a home folder) is refused: the catalogs and templates searched
are listed on every build. Folders given on the command line are added to those of the file
(`--catalogs`) or replace them (`--templates`); `--trust` replaces `trust`.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .i18n import _

FILE_NAME = "pmg.toml"
# A project's settings are a few lines; more is not a pmg.toml (and is not parsed).
MAX_BYTES = 64 * 1024


class ConfigError(ValueError):
    """A pmg.toml that cannot be used; the message says which file, key and why."""


@dataclass(frozen=True)
class Settings:
    file: Path | None = None
    catalogs: tuple[Path, ...] = ()
    templates: Path | None = None
    sources: Path | None = None
    # The institution's root certificates: what `pmg verify` trusts when given no --trust.
    trust: tuple[Path, ...] = ()
    # The PDF engine (writers/pdf_library.ENGINES); None: the default, or --pdf-engine's.
    pdf_engine: str | None = None


def git_root(folder: Path) -> Path | None:
    """The git repository `folder` is in: itself or the nearest folder above it holding `.git`
    (a folder, or a file in a worktree)."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def find(start: Path | None = None) -> Path | None:
    """The pmg.toml of `start` (the working folder): in it, else at the root of its git
    repository; never in a folder above that root, nor above `start` outside a repository."""
    folder = Path(start or Path.cwd()).resolve()
    root = git_root(folder)
    for candidate in (folder, root):
        if candidate is not None and (candidate / FILE_NAME).is_file():
            return candidate / FILE_NAME
    return None


def load(start: Path | None = None) -> Settings:
    """The settings of the project around `start`; empty when there is no pmg.toml. Raises
    ConfigError for a file that cannot be read or names what does not exist."""
    path = find(start)
    if path is None:
        return Settings()
    shown = _shown(path)
    data = _parsed(path, shown)
    unknown = sorted(set(data) - {"catalogs", "templates", "sources", "trust", "pdf_engine"})
    if unknown:
        raise ConfigError(_("{file}: clave desconocida «{key}»; se espera catalogs, templates, "
                            "sources, trust o pdf_engine").format(file=shown, key=unknown[0]))
    catalogs = _strings(data, "catalogs", _("{file}: catalogs: se espera una lista de carpetas, "
                                             "como [\"catalogos\"]").format(file=shown))
    templates = data.get("templates")
    if templates is not None and not isinstance(templates, str):
        raise ConfigError(_("{file}: templates: se espera una carpeta, como "
                            "\"plantillas\"").format(file=shown))
    sources = data.get("sources")
    if sources is not None and not isinstance(sources, str):
        raise ConfigError(_("{file}: sources: se espera una carpeta, como \".\"").format(
            file=shown))
    trust = _strings(data, "trust", _("{file}: trust: se espera una lista de certificados raíz, "
                                       "como [\"raices/institucion.pem\"]").format(file=shown))
    repository = git_root(path.parent) or path.parent
    return Settings(path, tuple(_folder(path, shown, repository, "catalogs", c)
                                for c in catalogs),
                    _folder(path, shown, repository, "templates", templates)
                    if templates else None,
                    _folder(path, shown, repository, "sources", sources) if sources else None,
                    tuple(_file(path, shown, repository, "trust", t) for t in trust),
                    _engine(data, shown))


def _strings(data: dict, key: str, message: str) -> list[str]:
    """The list of strings under `key` (one string counts as a list of one); ConfigError with
    `message` for anything else."""
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(message)
    return value


def _engine(data: dict, shown: str) -> str | None:
    from .writers.pdf_library import ENGINES

    engine = data.get("pdf_engine")
    if engine is not None and engine not in ENGINES:
        raise ConfigError(_("{file}: pdf_engine: «{value}» no es un motor de PDF; se espera "
                            "{engines}").format(file=shown, value=engine,
                                                engines=_(" o ").join(ENGINES)))
    return engine


def _parsed(path: Path, shown: str) -> dict:
    """The file's table. Raises ConfigError for one that is too large, not UTF-8, not TOML,
    or nested deeper than the parser can follow."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise ConfigError(_("{file}: tiene más de {limit} KB; se espera un archivo de unas "
                                "pocas líneas").format(file=shown, limit=MAX_BYTES // 1024))
        return tomllib.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(_("{file}: no se puede leer ({problem})").format(
            file=shown, problem=exc)) from None
    except RecursionError:
        raise ConfigError(_("{file}: no se puede leer (tablas o listas anidadas a demasiada "
                            "profundidad); se espera catalogs y templates, sin anidar").format(
            file=shown)) from None


def _folder(path: Path, shown: str, repository: Path, key: str, value: str) -> Path:
    """The folder `value` names: relative to the file and inside `repository`, or absolute;
    never one that holds the repository."""
    folder = (path.parent / value).resolve()
    if not folder.is_dir():
        raise ConfigError(_("{file}: {key}: la carpeta «{folder}» no existe; se espera una "
                            "carpeta relativa a {file}").format(file=shown, key=key,
                                                                 folder=value))
    if holds_repository(folder, repository):
        raise ConfigError(_("{file}: {key}: la carpeta «{folder}» contiene el repositorio "
                            "entero ({root}); se espera una carpeta dentro del repositorio, o la "
                            "ruta absoluta de una carpeta fuera de él").format(
            file=shown, key=key, folder=value, root=_shown(repository)))
    if not Path(value).is_absolute() and not folder.is_relative_to(repository):
        raise ConfigError(_("{file}: {key}: la carpeta «{folder}» sale del repositorio "
                            "({root}); se espera una carpeta dentro de él, o una ruta absoluta "
                            "para una carpeta de otra parte").format(
            file=shown, key=key, folder=value, root=_shown(repository)))
    return folder


def _file(path: Path, shown: str, repository: Path, key: str, value: str) -> Path:
    """The file `value` names: relative to the file and inside `repository`, or absolute."""
    found = (path.parent / value).resolve()
    if not found.is_file():
        raise ConfigError(_("{file}: {key}: el archivo «{name}» no existe; se espera un archivo "
                            "relativo a {file}").format(file=shown, key=key, name=value))
    if not Path(value).is_absolute() and not found.is_relative_to(repository):
        raise ConfigError(_("{file}: {key}: el archivo «{name}» está fuera del repositorio "
                            "({root}); se espera un archivo dentro de él, o una ruta absoluta "
                            "para uno de otra parte").format(
            file=shown, key=key, name=value, root=_shown(repository)))
    return found


def holds_repository(folder: Path, repository: Path) -> bool:
    """Whether the resolved `folder` holds the whole of `repository` (`/`, a parent folder) or
    the user's home: searching it would walk far more than a project's catalogs or templates.
    The repository itself may be named (`catalogs = "."`)."""
    home = Path.home().resolve()
    return ((repository.is_relative_to(folder) and folder != repository)
            or (home.is_relative_to(folder) and home != repository))


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive, on Windows
        return str(path)
