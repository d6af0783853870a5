"""`pmg init`: a working folder whose files are the ones pmg reads (pmg.toml, schemas), the hooks
of pmg-docs, and where nothing the user already has is overwritten."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from ruamel.yaml import YAML

from pmg_docs import config
from pmg_docs.cli import main
from pmg_docs.edit.init import folder_files, init_folder
from pmg_docs.edit.schema import schema_text
from tests.support.paths import ROOT


def test_the_folder_is_one_pmg_reads(tmp_path: Path) -> None:
    report = init_folder(tmp_path / "trabajo")
    folder = tmp_path / "trabajo"
    assert sorted(p.relative_to(folder).as_posix() for p in report.written) == sorted(
        folder_files())
    settings = config.load(folder)
    assert settings.sources == folder.resolve()
    assert settings.catalogs == ((folder / "catalogos").resolve(),)
    # The schemas are those `pmg schema --all` writes, and those the repository keeps.
    for schema in (ROOT / "schemas").glob("*.schema.json"):
        assert (folder / "schemas" / schema.name).read_text(encoding="utf-8") == \
            schema.read_text(encoding="utf-8")
    assert (folder / "schemas" / "catalog.schema.json").read_text(encoding="utf-8") == \
        schema_text("catalog")


def test_vscode_associates_the_schemas_it_has(tmp_path: Path) -> None:
    init_folder(tmp_path)
    settings = json.loads((tmp_path / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == {
        "./schemas/catalog.schema.json": "catalogos/*.yaml",
        "./schemas/work-plan.schema.json": "**/programas/*.yaml",
        "./schemas/results.schema.json": "**/resultados/*.yaml"}
    for schema in settings["yaml.schemas"]:
        assert (tmp_path / schema).is_file()
    extensions = json.loads((tmp_path / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert extensions == {"recommendations": ["redhat.vscode-yaml"]}


def test_the_hooks_are_those_of_pmg_docs(tmp_path: Path) -> None:
    init_folder(tmp_path)
    local = YAML(typ="safe").load((tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    ours = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hooks = local["repos"][0]["hooks"]
    assert [(h["id"], h["entry"]) for h in hooks] == [(h["id"], h["entry"]) for h in ours]


def test_git_keeps_the_sources_not_what_is_made_from_them(tmp_path: Path) -> None:
    # The workbook is exported again from the YAML sources, which are what git keeps; Excel's
    # lock file (`~$libro.xlsx`) exists only while the workbook is open.
    init_folder(tmp_path)
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8").splitlines() == [
        "# Lo que pmg escribe y se vuelve a generar: no se guarda en git.",
        "out/",
        ".*.part",
        "# Los libros de Excel que `pmg export` escribe: se vuelven a exportar desde las fuentes",
        "# YAML, que son lo que git guarda (para guardar uno a propósito: `git add -f`).",
        "*.xlsx",
        "# Los archivos temporales de Word y Excel mientras un documento está abierto.",
        "~$*"]


def test_existing_files_are_kept_unless_forced(tmp_path: Path) -> None:
    (tmp_path / "pmg.toml").write_text('catalogs = []\n', encoding="utf-8")
    (tmp_path / "LEEME.md").write_text("mío\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert f"conservado {tmp_path / 'pmg.toml'} (ya existía; --force lo sobrescribe)" in \
        result.output
    assert (tmp_path / "LEEME.md").read_text(encoding="utf-8") == "mío\n"
    assert (tmp_path / "schemas" / "catalog.schema.json").is_file()
    forced = CliRunner().invoke(main, ["init", str(tmp_path), "--force"])
    assert forced.exit_code == 0, forced.output
    assert "conservado" not in forced.output
    assert (tmp_path / "LEEME.md").read_text(encoding="utf-8").startswith(
        "# Carpeta de trabajo de pmg")


def test_a_file_in_place_of_the_folder_is_a_located_error(tmp_path: Path) -> None:
    (tmp_path / "trabajo").write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["init", str(tmp_path / "trabajo" / "x")])
    assert result.exit_code == 1
    assert "no se puede escribir" in result.output


def test_new_sources_name_the_folder_schemas(tmp_path: Path, monkeypatch) -> None:
    init_folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    for args, line in [
        (["formulation", "--catalog", "pmg-2024", "--service", "X", "-o", "2024/x.yaml"],
         "../schemas/formulation-objetivos.schema.json"),
        (["results", "--catalog", "pmg-2024", "-o", "2024/resultados/x.yaml"],
         "../../schemas/results.schema.json"),
        (["work-plan", "--catalog", "pmg-2024", "-o", "2024/programas/x.yaml"],
         "../../schemas/work-plan.schema.json")]:
        result = runner.invoke(main, ["new", *args])
        assert result.exit_code == 0, result.output
        first = Path(args[-1]).read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema={line}"


def test_build_without_a_folder_reads_the_configured_sources(tmp_path: Path,
                                                             monkeypatch) -> None:
    init_folder(tmp_path)
    (tmp_path / "pmg.toml").write_text('sources = "fuentes"\n', encoding="utf-8")
    (tmp_path / "fuentes").mkdir()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", "--format", "docx", "-o", "out"])
    assert result.exit_code == 0, result.output
    assert "0 construidos, 0 sin cambios, 0 con errores" in result.output


def test_build_names_what_it_wrote_from_each_source(tmp_path: Path, monkeypatch) -> None:
    # Not the YAML alone, nor as an absolute path: the source and the files written from it,
    # as paths from the working folder.
    init_folder(tmp_path)
    (tmp_path / "2024").mkdir()
    (tmp_path / "2024" / "aduanas.yaml").write_bytes(
        (ROOT / "examples" / "2024" / "aduanas.yaml").read_bytes())
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "2024/aduanas.yaml → out/2024/aduanas.pdf, out/2024/aduanas.docx"]


def _shape(command: str) -> list[str]:
    """A command's program, subcommands and option names, without the values the user
    chooses (a service's name, a file)."""
    import shlex

    words = shlex.split(command)
    options = [word for word in words if word.startswith("-")]
    leading = []
    for word in words:
        if word.startswith("-") or "/" in word or "." in word:
            break
        leading.append(word)
    return leading + options


# The options of the Guía's `pmg new` that hold Aduanas' own codes: the LEEME leaves them out,
# so that copied as written it gives no other service's codes (its placeholders are errors).
SERVICE_CODES = ("--ministry", "--partida", "--chapter")


def _guide_steps() -> list[str]:
    """The commands of the Guía rápida's steps 2 to 4 that are run inside the folder (its
    `pmg init` and `cd` made it; the Excel route is the README's alone), in its order: those
    of its `sh` blocks, and the one-time `git config` it gives in its text."""
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    guide = readme[readme.index("### 2. Una carpeta de trabajo"):
                   readme.index("### 5. Un año nuevo")]
    steps = []
    for block, config_line in re.findall(r"```sh\n(.*?)```|`(git config [^`]*)`", guide, re.S):
        steps += block.splitlines() if block else [config_line]
    return [line for line in steps
            if not line.startswith(("pmg init", "cd ", "pmg export", "pmg import", "git diff"))]


def _leeme_steps() -> list[str]:
    import re

    leeme = folder_files()["LEEME.md"]
    return [command for command in re.findall(r"`((?:pmg|git) [^`]*)`", leeme)
            if command != "pmg catalog list"]


def test_the_readme_of_the_folder_follows_the_guide() -> None:
    # The LEEME may name other things between the Guía's commands (`pmg catalog list`) but not
    # leave out, add or reorder a step; its `pmg new` differs only in leaving out the codes.
    steps = _guide_steps()
    new = next(i for i, line in enumerate(steps) if line.startswith("pmg new "))
    assert set(SERVICE_CODES) <= set(_shape(steps[new]))
    expected = [_shape(c) for c in steps]
    expected[new] = [word for word in expected[new] if word not in SERVICE_CODES]
    assert [_shape(c) for c in _leeme_steps()] == expected
    assert [c for c in _leeme_steps() if c.startswith("git config")] == [
        'git config --global user.name "Su Nombre"',
        "git config --global user.email su@correo.cl"]
    assert "pmg render" not in folder_files()["LEEME.md"]


def test_the_readme_new_source_names_no_service_codes(tmp_path: Path, monkeypatch) -> None:
    # Run as the LEEME writes it: the codes it leaves out are written as placeholders, and
    # `pmg validate` reports each as an error saying what to write, as the LEEME says.
    import shlex

    leeme = folder_files()["LEEME.md"]
    assert ("entre otras cosas, el ministerio, la partida y el capítulo, que el archivo deja "
            "en POR DEFINIR y \"000\" y que el mensaje dice cómo escribir.") in leeme
    new = next(c for c in _leeme_steps() if c.startswith("pmg new "))
    init_folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    made = runner.invoke(main, shlex.split(new)[1:])
    assert made.exit_code == 0, made.output
    validate = next(c for c in _leeme_steps() if c.startswith("pmg validate "))
    result = runner.invoke(main, shlex.split(validate)[1:])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    code = ("lo que `pmg new` deja por completar; se espera el código presupuestario, de dos o "
            "tres dígitos entre comillas, como \"08\"")
    for line in [
            "2024/mi-servicio.yaml:14: Servicio › ministerio: dice «POR DEFINIR», lo que "
            "`pmg new` deja por completar; se espera el texto que el documento lleva en este "
            "lugar",
            f"2024/mi-servicio.yaml:15: Servicio › partida: dice \"000\", {code}",
            f"2024/mi-servicio.yaml:17: Servicio › capítulo: dice \"000\", {code}"]:
        assert line in lines


def test_the_guide_names_the_field_reference_as_the_folder_has_it() -> None:
    # In the working folder the reference is `campos.md`, beside pmg.toml; `docs/campos.md` is
    # where pmg-docs's own clone keeps it, which the analyst does not work in.
    from pmg_docs.resources import FIELD_REFERENCE

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    guide = readme[readme.index("## Guía rápida"):readme.index("### 5. Un año nuevo")]
    assert FIELD_REFERENCE == "campos.md" and FIELD_REFERENCE in folder_files()
    assert "`docs/campos.md`" not in guide
    assert "(lo mismo que `campos.md`, en la carpeta)" in guide
