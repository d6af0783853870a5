"""Builds that outlive or out-guess their user (issue 17): workers die with the build, one build
per output folder, a cache that notices every input and trusts nothing it did not write, output
folders that cannot be written, and one source's bug that does not stop the others."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pmg_docs.build import build_tree
from pmg_docs.build.cache import CACHE_NAME
from pmg_docs.render.pipeline import RenderOptions
from tests.support.paths import ROOT
from tests.support.processes import running

EXAMPLES = ROOT / "examples"
PMG = [sys.executable, "-c", "from pmg_docs.cli import run; run()"]
IPS = EXAMPLES / "2024" / "ips.yaml"
OSORNO = EXAMPLES / "2011" / "osorno.yaml"


def _pmg(*args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([*PMG, *map(str, args)], capture_output=True, text=True, **kwargs)


def _sources(folder: Path, copies: int) -> Path:
    for n in range(copies):
        (folder / f"s{n:02d}").mkdir(parents=True)
        shutil.copy(IPS, folder / f"s{n:02d}" / "ips.yaml")
    return folder


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found



@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM])
def test_workers_die_with_a_killed_build_and_write_nothing_after(tmp_path, signum):
    sources = _sources(tmp_path / "sources", 12)
    out = tmp_path / "out"
    build = subprocess.Popen([*PMG, "build", str(sources), "-o", str(out), "-j", "2",
                              "--format", "pdf"], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and not list(out.rglob("*.pdf")):
        time.sleep(0.05)
    workers = _children(build.pid)
    assert workers, "the build had no worker processes to test"
    build.send_signal(signum)
    build.wait(timeout=30)
    time.sleep(0.5)
    # The user gives up on this folder; nothing may recreate it.
    shutil.rmtree(out)
    deadline = time.time() + 10
    while time.time() < deadline and any(running(w) for w in workers):
        time.sleep(0.1)
    assert not [w for w in workers if running(w)], "workers outlived their build"
    time.sleep(2)
    assert not out.exists()


@pytest.mark.slow
def test_a_second_build_into_the_same_folder_is_refused_and_the_first_completes(tmp_path):
    sources = _sources(tmp_path / "sources", 6)
    out = tmp_path / "out"
    first = subprocess.Popen([*PMG, "build", str(sources), "-o", str(out), "-j", "1",
                              "--format", "docx"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    while time.time() < deadline and not list(out.rglob("*.docx")):
        time.sleep(0.05)
    second = _pmg("build", sources, "-o", out, "--format", "docx")
    stdout, stderr = first.communicate(timeout=300)
    assert second.returncode == 1
    assert f"{out}: otra ejecución de pmg está escribiendo en esta carpeta" in second.stderr
    assert "Traceback" not in second.stderr
    assert first.returncode == 0, stderr
    assert "6 construidos, 0 sin cambios, 0 con errores" in stdout
    assert len(list(out.rglob("*.docx"))) == 6
    # Once the first has finished, the folder is free again.
    third = _pmg("build", sources, "-o", out, "--format", "docx")
    assert third.returncode == 0 and "6 sin cambios" in third.stdout


@pytest.mark.slow
def test_a_catalog_folder_added_or_shadowing_rebuilds(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(IPS, sources / "ips.yaml")
    out = tmp_path / "out"
    assert build_tree(sources, RenderOptions(formats=("docx",), out_dir=out)).built == 1
    # A folder of catalogs with nothing relevant in it is still a change of what is searched.
    extra = tmp_path / "catalogs"
    extra.mkdir()
    assert build_tree(sources, RenderOptions(formats=("docx",), out_dir=out,
                                             catalogs=(extra,))).built == 1
    assert build_tree(sources, RenderOptions(formats=("docx",), out_dir=out,
                                             catalogs=(extra,))).skipped == 1
    # A catalog appears in it that shadows the package's pmg-2024: the document must follow it.
    text = (ROOT / "catalogs" / "pmg-2024.yaml").read_text(encoding="utf-8")
    assert "Instituto de Previsión Social" not in text
    (extra / "pmg-2024.yaml").write_text(text, encoding="utf-8")
    summary = build_tree(sources, RenderOptions(formats=("docx",), out_dir=out, catalogs=(extra,)))
    assert (summary.built, summary.skipped) == (1, 0)


@pytest.mark.slow
def test_a_template_that_appears_and_shadows_the_packages_rebuilds(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(OSORNO, sources / "osorno.yaml")
    templates = tmp_path / "templates"
    templates.mkdir()
    out = tmp_path / "out"
    assert build_tree(sources, RenderOptions(formats=("docx",), out_dir=out,
                                             templates=templates)).built == 1
    assert build_tree(sources, RenderOptions(formats=("docx",), out_dir=out,
                                             templates=templates)).skipped == 1
    own = (ROOT / "templates" / "formulacion-2011.html.j2").read_text(encoding="utf-8")
    (templates / "formulacion-2011.html.j2").write_text(
        own.replace("{% block content %}", "{% block content %}<p>BORRADOR</p>", 1),
        encoding="utf-8")
    # In a process of its own: this one's Jinja keeps the package's template it has compiled.
    result = _pmg("build", sources, "-o", out, "--format", "docx", "--templates", templates)
    assert "1 construido, 0 sin cambios" in result.stdout, result.stderr
    from docx import Document
    assert "BORRADOR" in [p.text for p in Document(str(out / "osorno.docx")).paragraphs]


def test_the_cache_knows_the_font_subsetter_weasyprint_uses():
    """The cache asks the libraries without importing WeasyPrint; it must find what WeasyPrint
    finds, or a change of subsetter (HarfBuzz -> fontTools) would not rebuild."""
    from weasyprint.text import ffi

    from pmg_docs.build.cache import _native_libraries

    found = dict(part.split("=") for part in _native_libraries().split())
    major, minor, micro = map(int, found["harfbuzz"].split("."))
    assert ffi.harfbuzz.hb_version_atleast(major, minor, micro)
    assert not ffi.harfbuzz.hb_version_atleast(major, minor, micro + 1)
    assert found["subsetter"] == ("harfbuzz" if ffi.harfbuzz_subset else "fonttools")
    major, minor, micro = map(int, found["pango"].split("."))
    assert ffi.pango.pango_version() == major * 10000 + minor * 100 + micro


@pytest.mark.slow
def test_a_source_edited_during_a_build_and_reverted_is_not_trusted(tmp_path):
    sources = tmp_path / "sources"
    (sources / "a").mkdir(parents=True)
    (sources / "b").mkdir()
    shutil.copy(OSORNO, sources / "a" / "osorno.yaml")
    shutil.copy(IPS, sources / "b" / "ips.yaml")
    target = sources / "b" / "ips.yaml"
    original = target.read_text(encoding="utf-8")
    edited = original.replace("INSTITUTO DE PREVISION SOCIAL", "INSTITUTO EDITADO")
    assert edited != original

    def edit_the_next_one(path, result):
        # The build has looked at every source already; b/ips.yaml is rendered after this.
        if path.name == "osorno.yaml":
            target.write_text(edited, encoding="utf-8")

    out = tmp_path / "out"
    build_tree(sources, RenderOptions(formats=("docx",), out_dir=out, jobs=1),
                                      progress=edit_the_next_one)
    target.write_text(original, encoding="utf-8")
    summary = build_tree(sources, RenderOptions(formats=("docx",), out_dir=out, jobs=1))
    assert (summary.built, summary.skipped) == (1, 1)
    fresh = tmp_path / "fresh"
    build_tree(sources, RenderOptions(formats=("docx",), out_dir=fresh, jobs=1))
    assert (out / "b" / "ips.docx").read_bytes() == (fresh / "b" / "ips.docx").read_bytes()


def _deep(levels: int) -> str:
    return "[" * levels + "]" * levels


DAMAGED = {
    "entries a list": lambda env: json.dumps({"environment": env, "entries": []}),
    "entries a string": lambda env: json.dumps({"environment": env, "entries": "x"}),
    "entries null": lambda env: json.dumps({"environment": env, "entries": None}),
    "an entry a list": lambda env: json.dumps({"environment": env, "entries": {"a.yaml": []}}),
    "an entry with a field too many": lambda env: json.dumps({"environment": env, "entries": {
        "ips.yaml": {"source": "x", "options": "y", "inputs": {}, "outputs": {}, "z": 1}}}),
    "a document outside the folder": lambda env: json.dumps({"environment": env, "entries": {
        "ips.yaml": {"source": "x", "options": "y", "inputs": {},
                     "outputs": {"../../etc/passwd": "0"}}}}),
    "nesting 100 000 deep": lambda env: _deep(100_000),
    "not JSON": lambda env: "{",
}


def _built_once(tmp_path: Path) -> tuple[Path, Path]:
    """A folder with one source, built once: its output folder holds a cache."""
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(IPS, sources / "ips.yaml")
    out = tmp_path / "out"
    assert _pmg("build", sources, "-o", out, "--format", "docx").returncode == 0
    return sources, out


@pytest.mark.slow
@pytest.mark.parametrize("damage", sorted(DAMAGED))
def test_a_damaged_cache_is_discarded_with_a_warning(tmp_path, damage):
    from pmg_docs.build.cache import environment_key

    sources, out = _built_once(tmp_path)
    (out / CACHE_NAME).write_text(DAMAGED[damage](environment_key()), encoding="utf-8")
    result = _pmg("build", sources, "-o", out, "--format", "docx")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "la caché de compilación está dañada o no la escribió pmg" in result.stderr
    assert "1 construido, 0 sin cambios" in result.stdout
    # The cache is written anew, and trusted the next time.
    assert "1 sin cambios" in _pmg("build", sources, "-o", out, "--format", "docx").stdout


@pytest.mark.slow
@pytest.mark.parametrize("where", ["input", "output", "cache file"])
def test_the_cache_never_reads_a_device_it_names(tmp_path, where):
    """/dev/zero in the cache (or as the cache) would be read until memory runs out."""
    sources, out = _built_once(tmp_path)
    cache_file = out / CACHE_NAME
    if where == "cache file":
        cache_file.unlink()
        cache_file.symlink_to("/dev/zero")
    else:
        data = json.loads(cache_file.read_text(encoding="utf-8"))
        entry = data["entries"]["ips.yaml"]
        if where == "input":
            entry["inputs"]["/dev/zero"] = "0" * 64
        else:
            (out / "zero.docx").symlink_to("/dev/zero")
            entry["outputs"]["zero.docx"] = "0" * 64
        cache_file.write_text(json.dumps(data), encoding="utf-8")
    result = _pmg("build", sources, "-o", out, "--format", "docx", timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "1 construido, 0 sin cambios" in result.stdout


# --- output folders that cannot be written -----------------------------------------------------

def _in_private_mount(tmp_path: Path, mount_options: str, script: str) -> str:
    """Run `script` (sh) in a mount namespace of its own where $MNT is a fresh tmpfs mounted
    with `mount_options`: a real read-only or full file system, gone when the script ends."""
    if shutil.which("unshare") is None:
        pytest.skip("needs unshare (util-linux)")
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    probe = subprocess.run(["unshare", "-m", "--", "mount", "-t", "tmpfs", "tmpfs", str(mnt)],
                           capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"cannot mount a file system here: {probe.stderr.decode()[:200]}")
    pmg = " ".join(f"'{part}'" for part in PMG)
    full = (f"mount -t tmpfs -o {mount_options} tmpfs '{mnt}' && MNT='{mnt}' && PMG=\"{pmg}\" "
            f"&& {script}")
    completed = subprocess.run(["unshare", "-m", "--", "sh", "-c", full], capture_output=True,
                               text=True, timeout=300)
    return completed.stdout + completed.stderr


FILE_SYSTEMS = {
    # A read-only file system: nothing can be created, not even the lock.
    "read-only": ("ro,size=1m", "la carpeta está en un sistema de archivos de solo lectura"),
    # A full one: room for the lock and the cache, not for a PDF.
    "full": ("size=24k", "no queda espacio en el disco"),
}


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux mount namespaces")
@pytest.mark.parametrize("command", ["build", "render"])
@pytest.mark.parametrize("file_system", sorted(FILE_SYSTEMS))
def test_an_unwritable_output_folder_is_a_located_error_and_nothing_is_half_written(
        tmp_path, command, file_system):
    options, reason = FILE_SYSTEMS[file_system]
    target = IPS.parent if command == "build" else IPS
    report = _in_private_mount(tmp_path, options, f"""
        eval "$PMG {command} '{target}' -o \\"$MNT/out\\" --format pdf"; echo "exit=$?"
        find "$MNT" -name '*.part' | sed 's/^/LEFT> /'
        for f in $(find "$MNT" -name '*.pdf'); do
          tail -c 7 "$f" | grep -q '%%EOF' || echo "BROKEN> $f"
        done""")
    assert "exit=1" in report
    assert reason in report
    assert f"{tmp_path}/mnt/out" in report
    assert "Traceback" not in report and "internal error" not in report
    assert "LEFT>" not in report and "BROKEN>" not in report


@pytest.mark.slow
@pytest.mark.parametrize("command", ["build", "render"])
def test_an_output_path_whose_parent_is_a_file_is_a_located_error(tmp_path, command):
    target = IPS.parent if command == "build" else IPS
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = _pmg(command, target, "-o", blocker / "out", "--format", "docx")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert "una parte de la ruta es un archivo, no una carpeta" in result.stderr
    assert blocker.read_text() == "not a folder"


@pytest.mark.slow
@pytest.mark.parametrize("link", ["file", "folder"])
def test_a_symlink_inside_the_output_folder_is_refused_not_followed(tmp_path, link):
    sources = tmp_path / "sources"
    (sources / "2024").mkdir(parents=True)
    shutil.copy(IPS, sources / "2024" / "ips.yaml")
    shutil.copy(OSORNO, sources / "osorno.yaml")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "ips.docx").write_text("someone else's file")
    out = tmp_path / "out"
    (out / "2024").mkdir(parents=True)
    if link == "file":
        (out / "2024" / "ips.docx").symlink_to(elsewhere / "ips.docx")
        culprit = out / "2024" / "ips.docx"
    else:
        (out / "2024").rmdir()
        (out / "2024").symlink_to(elsewhere, target_is_directory=True)
        culprit = out / "2024"
    result = _pmg("build", sources, "-o", out, "--format", "docx")
    assert result.returncode == 1
    assert f"{culprit}: no se puede escribir: es un enlace simbólico" in result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert "1 construido, 0 sin cambios, 1 con errores" in result.stdout
    assert (elsewhere / "ips.docx").read_text() == "someone else's file"
    assert sorted(p.name for p in elsewhere.iterdir()) == ["ips.docx"]
    assert (out / "osorno.docx").is_file()


@pytest.mark.slow
def test_one_sources_bug_does_not_stop_the_build(tmp_path):
    """A template that fails in a way nobody foresaw (a filter given a number it cannot print)
    fails its own document only; every other source is built and the failing one named."""
    sources = tmp_path / "sources"
    (sources / "2011").mkdir(parents=True)
    (sources / "2024").mkdir()
    shutil.copy(OSORNO, sources / "2011" / "osorno.yaml")
    for n in range(3):
        shutil.copy(IPS, sources / "2024" / f"ips-{n}.yaml")
    templates = tmp_path / "templates"
    templates.mkdir()
    own = (ROOT / "templates" / "formulacion-2011.html.j2").read_text(encoding="utf-8")
    (templates / "formulacion-2011.html.j2").write_text(
        own.replace("{% block content %}", "{% block content %}{{ 11 | roman }}", 1),
        encoding="utf-8")
    result = _pmg("build", sources, "-o", tmp_path / "out", "--format", "docx", "-j", "2",
                  "--templates", templates)
    assert result.returncode in (1, 3)
    assert "Traceback" not in result.stderr
    assert "3 construidos, 0 sin cambios, 1 con errores" in result.stdout
    assert "osorno.yaml" in result.stderr
    assert len(list((tmp_path / "out" / "2024").glob("*.docx"))) == 3


@pytest.mark.slow
def test_a_build_leaves_no_copies_of_the_fonts_behind(tmp_path):
    """Each process loads the fonts once, into a temporary folder of WeasyPrint's; the workers
    and the command itself remove it when they end."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    environment = {**os.environ, "TMPDIR": str(temporary)}
    sources = _sources(tmp_path / "sources", 3)
    assert _pmg("build", sources, "-o", tmp_path / "out", "-j", "2", "--format", "pdf",
                env=environment).returncode == 0
    assert _pmg("render", IPS, "-o", tmp_path / "one", "--format", "pdf",
                env=environment).returncode == 0
    assert list(temporary.iterdir()) == []
