"""A working folder that holds its templates folder (`templates = "plantillas"` in pmg.toml, as
the README's «El aspecto» shows it) holds YAML that is no source: `plantillas/styles/estilo.yaml`.
`pmg validate .` and `pmg build` must not read it as a source without `kind:`."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from pmg_docs.cli import main
from pmg_docs.load import iter_source_files
from tests.support.paths import ROOT


def _folder(tmp_path):
    (tmp_path / "pmg.toml").write_text('sources = "."\ntemplates = "plantillas"\n',
                                       encoding="utf-8")
    (tmp_path / "plantillas" / "styles").mkdir(parents=True)
    (tmp_path / "plantillas" / "styles" / "estilo.yaml").write_text(
        'pie:\n  texto: "{pagina} de {paginas}"\n', encoding="utf-8")
    shutil.copy(ROOT / "examples" / "2024" / "aduanas.yaml", tmp_path / "aduanas.yaml")
    return tmp_path


def test_a_folder_to_skip_is_not_searched_but_a_file_named_is_read(tmp_path):
    folder = _folder(tmp_path)
    style = folder / "plantillas" / "styles" / "estilo.yaml"
    assert style in iter_source_files([folder])[0]
    assert iter_source_files([folder], [folder / "plantillas", None])[0] == [
        folder / "aduanas.yaml"]
    assert iter_source_files([style], [folder / "plantillas"])[0] == [style]


def test_validate_in_a_working_folder_leaves_its_templates_folder_out(tmp_path, monkeypatch):
    monkeypatch.chdir(_folder(tmp_path))
    checked = CliRunner().invoke(main, ["validate", "."])
    assert checked.exit_code == 0, checked.output
    assert "estilo.yaml" not in checked.output


@pytest.mark.slow
def test_build_in_a_working_folder_leaves_its_templates_folder_out(tmp_path, monkeypatch):
    monkeypatch.chdir(_folder(tmp_path))
    built = CliRunner().invoke(main, ["build", "-o", str(tmp_path / "out"), "--format", "docx"])
    assert built.exit_code == 0, built.output
    assert (tmp_path / "out" / "aduanas.docx").is_file()
    assert "estilo.yaml" not in built.output
