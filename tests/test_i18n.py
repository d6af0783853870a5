"""Spanish by default, English on request, through gettext catalogs kept with Babel's tools.

A message in the code that the English catalog lacks (or has fuzzy, or with other
placeholders), a stale .mo, a click message without its Spanish: each fails here. Then the
"done when" of issue 12: the help of every command and the report of broken files carry no
English sentence in Spanish, and no Spanish one with PMG_LANG=en.
"""

from __future__ import annotations

import gettext
import io
import json
import re
import string
import subprocess
import sys
from pathlib import Path

import click
import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from pmg_docs import i18n
from tests.support.paths import DATA, ROOT

LOCALE = ROOT / "pmg_docs" / "locale"
PMG_PO = LOCALE / "en" / "LC_MESSAGES" / "pmg.po"
CLICK_PO = LOCALE / "es" / "LC_MESSAGES" / "click.po"


def _catalog(path: Path):
    with open(path, "rb") as stream:
        return read_po(stream)


def _source_messages(folder: Path, method_map=None) -> set[str]:
    """Every msgid marked in the code under `folder`, as Babel extracts it."""
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
            folder, method_map=method_map or [("**.py", "python")]):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def _ids(catalog) -> dict[str, object]:
    return {(m.id[0] if isinstance(m.id, tuple) else m.id): m for m in catalog if m.id}


def _fields(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:  # a message that is never formatted, such as one with a lone «}»
        return {"(not formatted)"}


@pytest.mark.parametrize("po, sources", [
    (PMG_PO, ROOT / "pmg_docs"),
    (CLICK_PO, Path(click.__file__).parent),
], ids=["pmg-en", "click-es"])
def test_every_message_is_translated(po, sources):
    catalog = _ids(_catalog(po))
    missing = sorted(_source_messages(sources) - set(catalog))
    assert missing == [], f"not in {po.name}: run scripts/messages.py and translate them"
    for message in catalog.values():
        translations = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(translations) and not message.fuzzy, f"untranslated or fuzzy: {message.id!r}"
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        for translation in translations:
            # A translation that names other placeholders would fail when formatted.
            assert _fields(translation) <= set().union(*map(_fields, ids)), message.id


@pytest.mark.parametrize("po", [PMG_PO, CLICK_PO], ids=["pmg-en", "click-es"])
def test_compiled_catalogs_are_up_to_date(po):
    """The .mo shipped is the .po compiled: same messages, same translations.

    The header entry ("") is left out: it names the Babel that compiled the file
    ("Generated-By"), which says nothing of the messages and changes with every Babel release."""
    compiled = io.BytesIO()
    write_mo(compiled, _catalog(po))
    compiled.seek(0)
    expected = _messages(gettext.GNUTranslations(compiled))
    with open(po.with_suffix(".mo"), "rb") as stream:
        shipped = _messages(gettext.GNUTranslations(stream))
    assert shipped == expected, f"run scripts/messages.py to compile {po.name}"


def _messages(translations: gettext.GNUTranslations) -> dict:
    return {key: value for key, value in translations._catalog.items() if key != ""}


def test_every_click_module_that_speaks_is_translated():
    folder = Path(click.__file__).parent
    speaking = {path.stem for path in folder.glob("*.py")
                if "from gettext import" in path.read_text(encoding="utf-8")}
    assert speaking - {"_winconsole"} <= set(i18n.CLICK_MODULES)


def test_language_choice(monkeypatch):
    for variable in ("PMG_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    assert i18n.language() == "es"
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert i18n.language() == "en"
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert i18n.language() == "es"
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    monkeypatch.setenv("PMG_LANG", "es")
    assert i18n.language() == "es"
    monkeypatch.setenv("PMG_LANG", "en")
    assert i18n._("se espera un número") == "expected a number"
    assert i18n.ngettext("{count} aviso", "{count} avisos", 2) == "{count} warnings"
    assert i18n.click_gettext("Usage:") == "Usage:"
    monkeypatch.setenv("PMG_LANG", "es")
    assert i18n._("se espera un número") == "se espera un número"
    assert i18n.click_gettext("Usage:") == "Uso:"


# --- no English in Spanish, no Spanish in English ----------------------------------------------

# Words of one language that the other never uses, and that no id, option or quoted name brings.
ENGLISH = {"the", "is", "are", "was", "not", "and", "with", "this", "that", "of", "to", "for",
           "from", "when", "every", "each", "only", "than", "which", "must", "would", "expected",
           "got", "exit", "usage", "options", "commands", "arguments", "default",
           "missing", "unknown", "file", "files", "folder", "errors", "warning",
           "warnings", "checked", "written", "wrote", "its", "their", "has", "have", "does"}
SPANISH = {"el", "la", "los", "las", "del", "que", "se", "una", "es", "espera", "para", "con",
           "por", "cada", "archivo", "archivos", "carpeta", "sin", "aviso", "avisos", "revise",
           "falta", "también", "está", "desde", "cuando", "hay", "sus", "su", "al", "lo", "uso",
           "opciones", "comandos", "muestra", "omisión", "errores", "revisado", "revisados"}
# What is not prose: quoted names and values, code, choices, paths, ids, options, numbers.
NOT_PROSE = re.compile(r"«[^»]*»|`[^`]*`|'[^']*'|\"[^\"]*\"|\[[a-z|]+\]|\S*[/\\_=.:@-]\S*|\S*\d\S*")


# The commands' names are words of the command line, in either language.
COMMANDS = {"build", "catalog", "diff", "fmt", "guide", "new", "render", "schema", "validate",
            "list", "show", "main", "pmg"}


def words(text: str) -> list[str]:
    return [word for word in re.findall(r"[a-záéíóúñü]+", NOT_PROSE.sub(" ", text).lower())
            if word not in COMMANDS]


def assert_spanish(text: str) -> None:
    english = sorted(set(words(text)) & ENGLISH)
    assert english == [], f"English words {english} in:\n{text}"


def assert_english(text: str) -> None:
    found = set(words(text))
    assert found & ENGLISH, f"no English in:\n{text}"
    spanish = sorted(found & SPANISH)
    assert spanish == [], f"Spanish words {spanish} in:\n{text}"


# Run in a process of its own per language: click's help texts are translated when the command
# is imported, as they are when a user runs `pmg`.
HELP_OF_EVERY_COMMAND = """
import json, sys
import click
from click.testing import CliRunner
from pmg_docs.cli import main

def paths(group, prefix):
    yield prefix
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from paths(command, prefix + [name])
        else:
            yield prefix + [name]

helps = {" ".join(p) or "pmg": CliRunner().invoke(main, [*p, "--help"]).output
         for p in paths(main, [])}
helps["usage error"] = CliRunner().invoke(main, ["validate"]).output
print(json.dumps(helps))
"""


def _helps(language: str) -> dict[str, str]:
    done = subprocess.run([sys.executable, "-c", HELP_OF_EVERY_COMMAND], capture_output=True,
                          text=True, check=True, env={**_environ(), "PMG_LANG": language})
    return json.loads(done.stdout)


def _environ() -> dict[str, str]:
    import os

    return dict(os.environ)


@pytest.mark.parametrize("language, check", [("es", assert_spanish), ("en", assert_english)])
def test_help_of_every_command_speaks_one_language(language, check):
    helps = _helps(language)
    assert {"pmg", "validate", "render", "build", "guide", "fmt", "diff", "new", "schema",
            "catalog", "catalog list", "catalog show", "catalog new"} <= set(helps)
    for command, text in helps.items():
        assert text.strip(), command
        check(text)


BROKEN = [DATA / "broken" / folder for folder in ("2024", "2011", "circulars", "catalogs")]


@pytest.mark.slow
@pytest.mark.parametrize("language, check", [("es", assert_spanish), ("en", assert_english)])
def test_report_of_broken_files_speaks_one_language(language, check):
    done = subprocess.run([sys.executable, "-m", "pmg_docs.cli", "validate", *map(str, BROKEN)],
                          capture_output=True, text=True, check=False,
                          env={**_environ(), "PMG_LANG": language})
    assert done.returncode == 1 and done.stderr == ""
    lines = done.stdout.splitlines()
    assert len(lines) > 40
    for line in lines:
        check(line.split(": ", 1)[1])  # after the file name and line


@pytest.mark.slow
def test_an_installed_wheel_carries_the_compiled_catalogs(tmp_path):
    import zipfile

    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels),
                    str(ROOT)], check=True, capture_output=True)
    wheel = next(wheels.glob("*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"pmg_docs/locale/en/LC_MESSAGES/pmg.mo",
            "pmg_docs/locale/es/LC_MESSAGES/click.mo"} <= names
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True, capture_output=True)
    for language, expected in (("en", "Usage: -c validate [OPTIONS] PATH..."),
                               ("es", "Uso: -c validate [OPCIONES] RUTA...")):
        done = subprocess.run(
            [sys.executable, "-c", "from pmg_docs.cli import run; run()", "validate", "--help"],
            cwd=tmp_path, capture_output=True, text=True, check=True,
            env={**_environ(), "PYTHONPATH": str(target), "PMG_LANG": language})
        assert done.stdout.startswith(expected)


def test_the_circular_scaffold_exists_in_both_languages_and_validates(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from pmg_docs.cli import main
    from pmg_docs.edit.new.circular import scaffold_file

    spanish, english = scaffold_file("es"), scaffold_file("en")
    assert spanish.name == "circular.md" and english.name == "circular.en.md"
    for language, words in (("es", "Los párrafos numerados"), ("en", "Numbered paragraphs")):
        monkeypatch.setenv("PMG_LANG", language)
        target = tmp_path / f"circular-{language}.md"
        assert CliRunner().invoke(main, ["new", "circular", "-o", str(target)]).exit_code == 0
        assert words in target.read_text(encoding="utf-8")
        assert CliRunner().invoke(main, ["validate", str(target)]).exit_code == 0
    # The same letter: only comments and the example's words differ.
    assert [line.split("#")[0].rstrip() for line in spanish.read_text(encoding="utf-8")
            .split("\n---\n")[0].splitlines() if not line.startswith("#")] == \
        [line.split("#")[0].rstrip() for line in english.read_text(encoding="utf-8")
         .split("\n---\n")[0].splitlines() if not line.startswith("#")]
