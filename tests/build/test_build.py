"""`pmg build`: incremental, reproducible, parallel, and safe to interrupt."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from pmg_docs.build import build_tree
from pmg_docs.cli import main
from pmg_docs.load import iter_source_files
from pmg_docs.render.pipeline import RenderOptions
from tests.support.paths import DATA, ROOT

EXAMPLES = ROOT / "examples"
# Every example source under examples/ is a document (none is a catalog).
SOURCES = len(iter_source_files([EXAMPLES])[0])


def _documents(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.suffix in (".pdf", ".docx")}


@pytest.fixture(scope="module")
def first_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("first")
    summary = build_tree(EXAMPLES, RenderOptions(formats=("pdf", "docx"), out_dir=out, jobs=2))
    assert summary.failed == 0, [str(d) for d in summary.diagnostics]
    return out, summary


@pytest.mark.slow
def test_builds_every_example_in_parallel(first_build):
    out, summary = first_build
    assert summary.built == SOURCES
    assert sorted(_documents(out)) == [
        "2011/osorno.docx", "2011/osorno.pdf",
        "2011/resultados/osorno.docx", "2011/resultados/osorno.pdf",
        "2024/aduanas.docx", "2024/aduanas.pdf",
        "2024/ips.docx", "2024/ips.pdf",
        "2024/marco/decreto-programa-marco.docx", "2024/marco/decreto-programa-marco.pdf",
        "2024/marco/documento-tecnico.docx", "2024/marco/documento-tecnico.pdf",
        "2024/marco/requisitos-tecnicos.docx", "2024/marco/requisitos-tecnicos.pdf",
        "2024/mensual/aduanas.docx", "2024/mensual/aduanas.pdf",
        "2024/programas/aduanas.docx", "2024/programas/aduanas.pdf",
        "2024/programas/ips.docx", "2024/programas/ips.pdf",
        "2024/resultados/aduanas.docx", "2024/resultados/aduanas.pdf",
        "2024/resultados/ips.docx", "2024/resultados/ips.pdf",
        "2025/ips-indicadores.docx", "2025/ips-indicadores.pdf",
        "2025/resultados/ips-indicadores.docx", "2025/resultados/ips-indicadores.pdf",
        "2025/superintendencia-de-salud-mei.docx", "2025/superintendencia-de-salud-mei.pdf",
        "circulars/circular-39-2011.docx", "circulars/circular-39-2011.pdf"]


@pytest.mark.slow
def test_same_inputs_give_the_same_bytes_elsewhere_and_later(first_build, tmp_path):
    out, _ = first_build
    # Another folder, other file times, a second later, one process.
    sources = tmp_path / "sources"
    shutil.copytree(EXAMPLES, sources)
    for path in sources.rglob("*"):
        os.utime(path, (time.time() + 3600, time.time() + 3600))
    time.sleep(1.1)
    again = tmp_path / "out"
    summary = build_tree(sources, RenderOptions(formats=("pdf", "docx"), out_dir=again, jobs=1))
    assert summary.failed == 0
    assert _documents(again) == _documents(out)


@pytest.mark.slow
def test_second_build_skips_everything_and_touch_is_not_a_change(tmp_path):
    sources = tmp_path / "sources"
    shutil.copytree(EXAMPLES, sources)
    out = tmp_path / "out"
    assert build_tree(sources, RenderOptions(formats=("docx",), out_dir=out)).built == SOURCES
    before = _documents(out)
    for path in sources.rglob("*.yaml"):
        path.touch()
    second = build_tree(sources, RenderOptions(formats=("docx",), out_dir=out))
    assert (second.built, second.skipped) == (0, SOURCES)
    assert _documents(out) == before
    forced = build_tree(sources, RenderOptions(formats=("docx",), out_dir=out, force=True))
    assert forced.built == SOURCES


@pytest.mark.slow
def test_a_changed_template_rebuilds_exactly_the_documents_that_use_it(tmp_path):
    sources = tmp_path / "sources"
    shutil.copytree(EXAMPLES, sources)
    templates = tmp_path / "templates"
    templates.mkdir()
    own = templates / "formulacion-2011.html.j2"
    shutil.copy(ROOT / "templates" / "formulacion-2011.html.j2", own)
    out = tmp_path / "out"
    built = []
    progress = lambda path, result: built.append(path.name) if result else None  # noqa: E731
    assert build_tree(sources, RenderOptions(formats=("docx",), out_dir=out,
                                             templates=templates)).built == SOURCES
    own.write_text(own.read_text(encoding="utf-8") + "\n{# staff's change #}\n", encoding="utf-8")
    summary = build_tree(sources, RenderOptions(formats=("docx",), out_dir=out,
                                                templates=templates), progress=progress)
    assert built == ["osorno.yaml"]
    assert (summary.built, summary.skipped) == (1, SOURCES - 1)
    # A change to a formulation rebuilds it and the results and work plan that name it.
    built.clear()
    (sources / "2024" / "ips.yaml").write_text(
        (sources / "2024" / "ips.yaml").read_text(encoding="utf-8").replace(
            "INSTITUTO DE PREVISION SOCIAL", "INSTITUTO DE PREVISIÓN SOCIAL"), encoding="utf-8")
    build_tree(sources, RenderOptions(formats=("docx",), out_dir=out, templates=templates),
                                      progress=progress)
    assert built == ["ips.yaml"] * 3


@pytest.mark.slow
def test_deleting_an_output_or_the_cache_rebuilds(tmp_path):
    out = tmp_path / "out"
    build_tree(EXAMPLES, RenderOptions(formats=("docx",), out_dir=out))
    (out / "2024" / "ips.docx").unlink()
    assert build_tree(EXAMPLES, RenderOptions(formats=("docx",), out_dir=out)).built == 1
    (out / ".pmg-build-cache.json").unlink()
    assert build_tree(EXAMPLES, RenderOptions(formats=("docx",), out_dir=out)).built == SOURCES


@pytest.mark.slow
def test_one_failing_source_does_not_stop_the_others(tmp_path):
    sources = tmp_path / "sources"
    (sources / "a").mkdir(parents=True)
    shutil.copy(EXAMPLES / "2024" / "ips.yaml", sources / "a" / "ips.yaml")
    shutil.copy(DATA / "broken" / "2024" / "gender-count.yaml", sources / "a" / "bad.yaml")
    result = CliRunner().invoke(main, ["build", str(sources), "-o", str(tmp_path / "out"),
                                       "--format", "docx", "-j", "2"])
    assert result.exit_code == 1
    assert "1 construido, 0 sin cambios, 1 con errores" in result.output
    assert ("bad.yaml:16: Objetivo N°1 › Indicador «Medidas de Equidad de Género» › meta › "
            "numerador: el numerador es 4") in result.stderr
    assert (tmp_path / "out" / "a" / "ips.docx").exists()
    assert not (tmp_path / "out" / "a" / "bad.docx").exists()


@pytest.mark.slow
def test_a_killed_build_leaves_no_partial_document(tmp_path):
    sources = tmp_path / "sources"
    for copy in range(6):
        shutil.copytree(EXAMPLES, sources / f"copy{copy}")
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-c", "from pmg_docs.cli import run; run()", "build", str(sources),
         "-o", str(out), "-j", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Kill it when some documents are written and others are on their way.
    deadline = time.time() + 60
    while time.time() < deadline and len(list(out.rglob("*.pdf"))) < 3:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    written = list(out.rglob("*.pdf")) + list(out.rglob("*.docx"))
    assert written, "the build was killed before writing anything; nothing was tested"
    for path in written:
        data = path.read_bytes()
        if path.suffix == ".pdf":
            assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF"), path
        else:
            with zipfile.ZipFile(path) as archive:
                assert archive.testzip() is None, path
    # The next build finishes the job and removes what the killed one left half-done.
    summary = build_tree(sources, RenderOptions(formats=("pdf", "docx"), out_dir=out, jobs=2))
    assert summary.failed == 0
    assert summary.built + summary.skipped == 6 * SOURCES
    assert not list(out.rglob(".*.part"))


@pytest.mark.slow
@pytest.mark.parametrize("args", [["--help"], ["validate", str(EXAMPLES)]])
def test_quick_commands_never_import_the_writers(args):
    code = ("import sys\nfrom pmg_docs.cli import main\n"
            "try:\n    main(%r)\nexcept SystemExit:\n    pass\n"
            "print('weasyprint' in sys.modules, 'docx' in sys.modules)" % args)
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                               check=True)
    assert completed.stdout.strip().splitlines()[-1] == "False False"


@pytest.mark.slow
def test_an_installed_wheel_finds_its_catalogs_and_templates_and_gives_the_same_bytes(
        first_build, tmp_path):
    """The package as a user installs it (a wheel, not this checkout), run from elsewhere."""
    out, _ = first_build
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels),
                    str(ROOT)], check=True, capture_output=True)
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), *map(str, wheels.glob("*.whl"))], check=True, capture_output=True)
    env = {**os.environ, "PYTHONPATH": str(target)}
    where = subprocess.run([sys.executable, "-c", "import pmg_docs; print(pmg_docs.__file__)"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    assert where.stdout.startswith(str(target))
    built = tmp_path / "built"
    subprocess.run([sys.executable, "-c", "from pmg_docs.cli import run; run()", "build",
                    str(EXAMPLES), "-o", str(built)], cwd=tmp_path, env=env, check=True,
                   capture_output=True)
    assert _documents(built) == _documents(out)
