"""pmg.toml: the project's catalogs and templates folders, found from the working folder up,
so that no command needs --catalogs or --templates each time."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pmg_docs.cli import main
from tests.support.paths import DATA, ROOT


@pytest.fixture()
def project(tmp_path, monkeypatch):
    """A ministry's repository: its own catalog (the test marco) and a pmg.toml naming it."""
    (tmp_path / "catalogos").mkdir()
    shutil.copy(DATA / "catalogs" / "marco-prueba.yaml", tmp_path / "catalogos")
    (tmp_path / "formulaciones").mkdir()
    shutil.copy(DATA / "broken" / "requirements" / "clean.yaml", tmp_path / "formulaciones")
    (tmp_path / "pmg.toml").write_text('catalogs = ["catalogos"]\n', encoding="utf-8")
    (tmp_path / ".git").mkdir()  # its root: found from a folder below, too
    monkeypatch.chdir(tmp_path / "formulaciones")
    return tmp_path


def pmg(*args: str):
    return CliRunner().invoke(main, list(args))


def test_catalogs_of_the_project_need_no_option(project):
    assert pmg("validate", "clean.yaml").exit_code == 0
    listed = pmg("catalog", "list").output
    assert "marco-prueba" in listed and "pmg-2024" in listed


def test_without_pmg_toml_the_catalog_is_unknown(project):
    (project / "pmg.toml").unlink()
    result = pmg("validate", "clean.yaml")
    assert result.exit_code == 1
    assert "«marco-prueba» no es un catálogo" in result.stdout


def test_templates_folder(project):
    templates = project / "plantillas"
    shutil.copytree(ROOT / "templates", templates)
    (project / "pmg.toml").write_text('catalogs = ["catalogos"]\ntemplates = "plantillas"\n',
                                      encoding="utf-8")
    from pmg_docs.config import load

    assert load().templates == templates.resolve()


def test_trust_roots_are_files_inside_the_repository(project, tmp_path_factory):
    from pmg_docs.config import ConfigError, load

    (project / "raiz.pem").write_text("certificado", encoding="utf-8")
    (project / "pmg.toml").write_text('trust = "raiz.pem"\n', encoding="utf-8")
    assert load().trust == ((project / "raiz.pem").resolve(),)
    outside = tmp_path_factory.mktemp("fuera") / "raiz.pem"
    outside.write_text("certificado", encoding="utf-8")
    relative = Path("..") / outside.relative_to(project.parent)
    (project / "pmg.toml").write_text(f'trust = ["{relative.as_posix()}"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="está fuera del repositorio"):
        load()
    # Named by its absolute path, a file elsewhere is asked for explicitly.
    (project / "pmg.toml").write_text(f'trust = ["{outside.as_posix()}"]\n', encoding="utf-8")
    assert load().trust == (outside.resolve(),)


@pytest.mark.parametrize("text, message", [
    ('catalogs = ["no-existe"]\n', "pmg.toml: catalogs: la carpeta «no-existe» no existe"),
    ('catalogos = ["catalogos"]\n', "pmg.toml: clave desconocida «catalogos»; se espera "
                                    "catalogs, templates, sources, trust o pdf_engine"),
    ('trust = ["no-existe.pem"]\n', "pmg.toml: trust: el archivo «no-existe.pem» no existe"),
    ("trust = 3\n", "pmg.toml: trust: se espera una lista de certificados raíz"),
    ('pdf_engine = "prince"\n', "pmg.toml: pdf_engine: «prince» no es un motor de PDF; se espera "
                                 "typst o weasyprint"),
    ("sources = 3\n", "pmg.toml: sources: se espera una carpeta"),
    ('sources = "no-existe"\n', "pmg.toml: sources: la carpeta «no-existe» no existe"),
    ("catalogs = 3\n", "pmg.toml: catalogs: se espera una lista de carpetas"),
    ("catalogs = [\n", "pmg.toml: no se puede leer"),
])
def test_a_wrong_pmg_toml_is_a_usage_error(project, text, message):
    (project / "pmg.toml").write_text(text, encoding="utf-8")
    result = pmg("validate", "clean.yaml")
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.slow
def test_the_pdf_engine_of_the_project_and_the_option_over_it(project):
    import pikepdf

    (project / "pmg.toml").write_text('catalogs = ["catalogos"]\npdf_engine = "weasyprint"\n',
                                      encoding="utf-8")

    shutil.copy(ROOT / "examples" / "2024" / "ips.yaml", project / "formulaciones")

    def producer(*options: str) -> str:
        out = project / "out"
        shutil.rmtree(out, ignore_errors=True)
        result = pmg("render", "ips.yaml", "--format", "pdf", "-o", str(out), *options)
        assert result.exit_code == 0, result.output
        with pikepdf.open(out / "ips.pdf") as pdf:
            return str(pdf.docinfo["/Producer"])

    assert producer().startswith("WeasyPrint")
    assert producer("--pdf-engine", "typst").startswith("Typst")
    (project / "pmg.toml").write_text('catalogs = ["catalogos"]\n', encoding="utf-8")
    assert producer().startswith("Typst")
