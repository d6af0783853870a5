"""Issue 27: every help in Spanish, with Spanish metavars; `pmg new` lists its kinds; a folder
that may be left out is shown in brackets."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from pmg_docs.cli import main

# click's own metavars, shown when an option gives none.
ENGLISH = re.compile(r"\b(INTEGER|FLOAT|TEXT|RANGE|PATH|FILENAME|DIRECTORY|BOOLEAN|CHOICE)\b")


def _commands(command: click.Command, path: tuple[str, ...] = ()):
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from _commands(sub, path + (name,))
    else:
        yield path


@pytest.mark.parametrize("path", list(_commands(main)), ids=" ".join)
def test_no_english_metavar(path):
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert ENGLISH.search(result.output) is None, result.output


def test_new_lists_its_kinds():
    result = CliRunner().invoke(main, ["new", "--help"], terminal_width=200)
    assert ("TIPO es uno de: formulation (formulación), circular (circular), work-plan "
            "(programa de trabajo), results (informe de cumplimiento), monthly-report (informe "
            "mensual de indicadores), prose (documento).") in " ".join(result.output.split())


@pytest.mark.parametrize("command", ["build", "serve"])
def test_an_optional_folder_is_shown_in_brackets(command):
    result = CliRunner().invoke(main, [command, "--help"], prog_name="pmg")
    assert result.output.splitlines()[0] == f"Uso: pmg {command} [OPCIONES] [CARPETA]"


def test_a_missing_folder_is_named_without_brackets(tmp_path):
    result = CliRunner().invoke(main, ["build", str(tmp_path / "nada")])
    assert result.exit_code == 2
    assert f"Valor no válido para 'CARPETA': Carpeta '{tmp_path / 'nada'}' no existe." \
        in result.output
