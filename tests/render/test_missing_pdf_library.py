"""A machine without WeasyPrint's system library (Pango): the default engine (Typst) writes every
PDF all the same; asked for the WeasyPrint engine (`--pdf-engine weasyprint`), the DOCX is still
written, the PDF is not, and the user is told once, in Spanish, what to install, with exit 1.

How the library is made to be missing: a `sitecustomize.py` on PYTHONPATH wraps cffi's
`FFI.dlopen` so that loading GObject, Pango, HarfBuzz or Fontconfig raises OSError, exactly
what cffi raises when the shared library is not on the machine. Everything else is real:
WeasyPrint's own `text/ffi.py` runs, tries each of its names, prints its banner and lets the
OSError escape from `import weasyprint`, as on a bare Windows or Linux machine. A stub
`weasyprint` package would only test our handling of an error we wrote ourselves; hiding the
real libraries through the loader's search path is not possible for system folders.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from tests.support.paths import ROOT

pytestmark = pytest.mark.slow

NO_PANGO = '''
import cffi

_dlopen = cffi.FFI.dlopen
MISSING = ("gobject", "pango", "harfbuzz", "fontconfig")


def dlopen(self, name, flags=0):
    if any(part in str(name) for part in MISSING):
        raise OSError(f"cannot load library '{name}': {name}: cannot open shared object file: "
                      "No such file or directory")
    return _dlopen(self, name, flags)


cffi.FFI.dlopen = dlopen
'''

INSTALL = ("no se escribió el PDF: el motor weasyprint no está disponible en este equipo (le "
           "falta el paquete `pmg-docs[weasyprint]` o la biblioteca Pango que usa). Instálelos "
           "y vuelva a ejecutar el comando: `pip install -e '.[weasyprint]'` y, en Linux, "
           "`sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0`; en "
           "macOS, `brew install pango`. O use el motor por omisión, que no necesita Pango: "
           "`--pdf-engine typst` (o quite `pdf_engine` de pmg.toml).")
WEASYPRINT = ("--pdf-engine", "weasyprint")


def _pmg(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    site = tmp_path / "sin-pango"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(NO_PANGO, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(site), "PMG_LANG": "es"}
    return subprocess.run([sys.executable, "-m", "pmg_docs.cli", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=False)


def test_the_library_is_really_missing_under_the_wrapper(tmp_path: Path) -> None:
    """The mechanism itself: with the wrapper, importing WeasyPrint fails as WeasyPrint does."""
    site = tmp_path / "sin-pango"
    site.mkdir()
    (site / "sitecustomize.py").write_text(NO_PANGO, encoding="utf-8")
    run = subprocess.run([sys.executable, "-c", "import weasyprint"], capture_output=True,
                         text=True, env={**os.environ, "PYTHONPATH": str(site)}, check=False)
    assert run.returncode == 1
    assert "OSError: cannot load library 'libgobject-2.0-0'" in run.stderr
    assert "WeasyPrint could not import some external libraries" in run.stdout


def test_render_writes_the_docx_and_names_what_to_install(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = _pmg(tmp_path, "render", "examples/2024/aduanas.yaml", "-o", str(out), *WEASYPRINT)
    assert run.returncode == 1, run.stderr
    assert run.stderr.strip() == INSTALL
    assert "Traceback" not in run.stderr + run.stdout
    # WeasyPrint's own English banner is not shown: our message replaces it.
    assert "WeasyPrint could not import" not in run.stdout
    assert sorted(p.name for p in out.iterdir()) == ["aduanas.docx"]
    text = "\n".join(p.text for p in docx.Document(str(out / "aduanas.docx")).paragraphs)
    assert "Objetivo 1. Gestión Eficaz" in text


def test_build_says_it_once_and_remembers_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = _pmg(tmp_path, "build", "examples/2024/programas", "-o", str(out), *WEASYPRINT)
    assert run.returncode == 1, run.stderr
    assert run.stderr.count("no se escribió el PDF") == 1
    assert run.stderr.strip().endswith(INSTALL)
    written = sorted(p.name for p in out.rglob("*") if p.suffix in (".pdf", ".docx"))
    assert written == ["aduanas.docx", "ips.docx"]
    # Not remembered as built: the next build, once Pango is there, makes the PDFs.
    again = _pmg(tmp_path, "build", "examples/2024/programas", "-o", str(out), *WEASYPRINT)
    assert "2 construidos, 0 sin cambios" in again.stdout


def test_report_writes_docx_and_xlsx(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = _pmg(tmp_path, "report", "examples/2024", "-o", str(out), *WEASYPRINT)
    assert run.returncode == 1, run.stderr
    assert run.stderr.strip() == INSTALL
    assert sorted(p.name for p in out.iterdir()) == ["resultados-2024.docx",
                                                      "resultados-2024.xlsx"]


def test_format_docx_says_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = _pmg(tmp_path, "render", "examples/2024/aduanas.yaml", "-o", str(out),
               "--format", "docx", *WEASYPRINT)
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    assert (out / "aduanas.docx").is_file() and not (out / "aduanas.pdf").exists()
    docx.Document(str(out / "aduanas.docx"))


def test_guide_writes_the_docx(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = _pmg(tmp_path, "guide", "estado-verde", "--catalog", "pmg-2024", "-o", str(out),
               *WEASYPRINT)
    assert run.returncode == 1, run.stderr
    assert run.stderr.strip().endswith(INSTALL)
    assert sorted(p.name for p in out.iterdir()) == ["requisitos-estado-verde.docx"]
    docx.Document(str(out / "requisitos-estado-verde.docx"))


def test_the_default_engine_needs_no_pango(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = _pmg(tmp_path, "render", "examples/2024/aduanas.yaml", "-o", str(out))
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in out.iterdir()) == ["aduanas.docx", "aduanas.pdf"]
    text = subprocess.run(["pdftotext", str(out / "aduanas.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Objetivo 1. Gestión Eficaz" in text
