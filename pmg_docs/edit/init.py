"""`pmg init [CARPETA]`: a working folder ready to use, outside pmg-docs's own clone.

What an analyst needs before writing the first source: `pmg.toml` (commented), the JSON schemas
(as `pmg schema --all` writes them) and the VS Code settings that use them, a `.gitignore` for
what pmg writes, the pre-commit hooks of pmg-docs, a folder for the ministry's own catalogs and
a short `LEEME.md` saying what to do next. A file that already exists is kept (the user may have
edited it) unless `force` says otherwise; every file goes through output.write_file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..config import FILE_NAME
from ..i18n import _
from ..output import write_file
from ..resources import FIELD_REFERENCE, field_reference_file
from .schema import schema_file_name, schema_names, schema_text

SCHEMAS = "schemas"
CATALOGS = "catalogos"
# The kinds with one format: a folder name says which schema applies. A formulation's format
# depends on its catalog, so `pmg new` writes the schema line into the file instead.
FOLDER_SCHEMAS = {f"{CATALOGS}/*.yaml": "catalog", "**/programas/*.yaml": "work-plan",
                  "**/resultados/*.yaml": "results"}
# The hooks of .pre-commit-hooks.yaml, run by the pmg this folder uses (no repository URL to
# pin: pmg is installed already). tests/edit/test_init.py keeps them equal.
HOOKS = (("pmg-validate", "pmg validate"), ("pmg-fmt", "pmg fmt --check"))


@dataclass
class InitReport:
    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)


def init_folder(folder: Path, *, force: bool = False) -> InitReport:
    """Write the files of a working folder into `folder` (created if missing). Raises
    OutputError when one cannot be written."""
    report = InitReport()
    for name, text in folder_files().items():
        path = folder / name
        if path.exists() and not force:
            report.kept.append(path)
            continue
        write_file(path, text.encode("utf-8"))
        report.written.append(path)
    return report


def folder_files() -> dict[str, str]:
    """Each file of a new working folder, by its path inside it."""
    files = {FILE_NAME: _pmg_toml(), ".gitignore": _gitignore(),
             ".pre-commit-config.yaml": _pre_commit(),
             ".vscode/settings.json": _json(_vscode_settings()),
             ".vscode/extensions.json": _json({"recommendations": ["redhat.vscode-yaml"]}),
             f"{CATALOGS}/LEEME.md": _catalogs_readme(), "LEEME.md": _readme()}
    for name in schema_names():
        files[f"{SCHEMAS}/{schema_file_name(name)}"] = schema_text(name)
    # The reference the «campo desconocido» message names: here, beside pmg.toml, it is found
    # whatever way pmg was installed.
    files[FIELD_REFERENCE] = field_reference_file().read_text(encoding="utf-8")
    return files


def _json(data: dict) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _vscode_settings() -> dict:
    return {
        "yaml.schemas": {f"./{SCHEMAS}/{schema_file_name(kind)}": pattern
                         for pattern, kind in FOLDER_SCHEMAS.items()},
        "yaml.validate": True,
        "yaml.completion": True,
        "[yaml]": {"editor.tabSize": 2, "editor.insertSpaces": True},
        "files.encoding": "utf8",
    }


def _pmg_toml() -> str:
    return "\n".join([
        _("# pmg.toml: la configuración de esta carpeta de trabajo. Cada comando pmg que se "
          "ejecuta"),
        _("# aquí (o en una carpeta interior) la lee."),
        "",
        _("# La carpeta de las fuentes que `pmg build` y `pmg serve` usan cuando no se les da "
          "otra."),
        'sources = "."',
        "",
        _("# Carpetas de catálogos propios (ID.yaml), además de los que trae pmg-docs: por "
          "ejemplo el"),
        _("# del año próximo, que `pmg catalog new` escribe en la primera."),
        f'catalogs = ["{CATALOGS}"]',
        "",
        _("# Una carpeta de plantillas propias, buscadas antes que las de pmg-docs (opcional)."),
        '# templates = "plantillas"',
        ""])


def _gitignore() -> str:
    return "\n".join([
        _("# Lo que pmg escribe y se vuelve a generar: no se guarda en git."),
        "out/",
        ".*.part",
        _("# Los libros de Excel que `pmg export` escribe: se vuelven a exportar desde las "
          "fuentes"),
        _("# YAML, que son lo que git guarda (para guardar uno a propósito: `git add -f`)."),
        "*.xlsx",
        _("# Los archivos temporales de Word y Excel mientras un documento está abierto."),
        "~$*",
        ""])


def _pre_commit() -> str:
    lines = [_("# Revisa cada fuente antes de cada commit (https://pre-commit.com): instálelo "
               "una vez"),
             _("# con `pip install pre-commit` y `pre-commit install`. Son los hooks de "
               "pmg-docs,"),
             _("# ejecutados con el pmg instalado."),
             "repos:", "  - repo: local", "    hooks:"]
    for hook, entry in HOOKS:
        lines += [f"      - id: {hook}", f"        name: {entry}", f"        entry: {entry}",
                  "        language: system", r"        files: \.(ya?ml|md)$",
                  r"        exclude: (^|/)(\.|schemas/|LEEME\.md$)|^campos\.md$",
                  "        require_serial: true"]
    return "\n".join(lines) + "\n"


def _catalogs_readme() -> str:
    return "\n".join([
        _("# Catálogos propios"), "",
        _("Aquí van los catálogos que pmg-docs aún no trae, como el del año próximo: "
          "`pmg catalog new pmg-2025 --from pmg-2024` lo escribe aquí. pmg.toml nombra esta "
          "carpeta."), ""])


def _readme() -> str:
    # The steps of the README's Guía rápida (its sections 2 to 4), in its order and with its
    # commands: tests/edit/test_init.py compares the commands with the Guía's.
    return "\n".join([
        _("# Carpeta de trabajo de pmg"), "",
        _("Esta carpeta guarda las fuentes (YAML) de sus documentos del PMG y las MEI. Los "
          "comandos `pmg` se ejecutan desde aquí."), "",
        _("1. Guarde cada versión en git: `git init` (una vez)."),
        # No ministry, partida or chapter: copied as written, another service's codes would
        # pass unnoticed; the placeholders `pmg new` writes instead are errors that say what
        # to write.
        _("2. Empiece una formulación: `pmg new formulation --catalog pmg-2024 --service "
          "\"NOMBRE DEL SERVICIO\" -o 2024/mi-servicio.yaml` (los catálogos: `pmg catalog "
          "list`) y vea qué falta completar con `pmg validate 2024/mi-servicio.yaml`: entre "
          "otras cosas, el ministerio, la partida y el capítulo, que el archivo deja en "
          "POR DEFINIR y \"000\" y que el mensaje dice cómo escribir."),
        _("3. Abra la carpeta en VS Code y acepte instalar la extensión YAML (Red Hat) que "
          "recomienda: completa y revisa cada fuente mientras escribe. Véala mientras la "
          "escribe: `pmg serve` y abra la dirección que muestra."),
        _("4. Cuando `pmg validate 2024/mi-servicio.yaml` responde «sin errores», diagrámela "
          "con `pmg build` (PDF y DOCX en out/)."),
        _("5. Guarde la versión. Una vez por equipo (sin esto git no guarda nada): "
          "`git config --global user.name \"Su Nombre\"` y "
          "`git config --global user.email su@correo.cl`. Luego, cada vez: `git add .` y "
          "`git commit -m \"Formulación 2024\"`."), "",
        _("Qué hay aquí: `pmg.toml` (la configuración), `schemas/` (lo que VS Code usa para "
          "revisar), `campos.md` (los campos que admite cada lugar de cada fuente, con su "
          "nombre en los mensajes), `catalogos/` (catálogos propios), `.vscode/`, `.gitignore` "
          "y `.pre-commit-config.yaml`. La guía completa está en el README de pmg-docs."), ""])
