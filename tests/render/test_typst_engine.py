"""The Typst engine as a user meets it: every example, the guide, the annex and the year's report
built where WeasyPrint cannot even be imported (a plain install, without the extra), and the
same bytes from two builds in two processes (SOURCE_DATE_EPOCH, a fixed timestamp).

How WeasyPrint is made missing: a `sitecustomize.py` on PYTHONPATH puts a finder first on
`sys.meta_path` that refuses `weasyprint` (and pydyf, its PDF library) as an interpreter without
the package refuses it, with ModuleNotFoundError. Everything else is the real build."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest

from tests.support.doc_text import pdf_pages_text
from tests.support.marked_content import structure_elements
from tests.support.paths import ROOT

pytestmark = pytest.mark.slow

NO_WEASYPRINT = '''
import sys


class Refuse:
    """As if the extra pmg-docs[weasyprint] were not installed."""

    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("weasyprint", "pydyf"):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


sys.meta_path.insert(0, Refuse())
'''

COMMANDS = (
    ("build", "examples", "-o", "{out}/build"),
    ("build", "examples", "--annex", "requisitos", "-o", "{out}/annex"),
    ("guide", "calidad-de-servicio-y-experiencia-usuaria", "--catalog", "pmg-2024",
     "-o", "{out}/guide"),
    ("report", "examples/2024", "-o", "{out}/report"),
)


def _environment(tmp_path: Path) -> dict[str, str]:
    site = tmp_path / "sin-weasyprint"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(NO_WEASYPRINT, encoding="utf-8")
    return {**os.environ, "PYTHONPATH": str(site), "PMG_LANG": "es",
            "SOURCE_DATE_EPOCH": "1700000000"}


def _pmg(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pmg_docs.cli", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=False)


def _build_everything(env: dict[str, str], out: Path) -> None:
    for command in COMMANDS:
        run = _pmg(env, *(part.format(out=out) for part in command))
        assert run.returncode == 0, run.stderr
        assert "Traceback" not in run.stderr


def test_weasyprint_is_really_missing_under_the_finder(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-c", "import weasyprint"], capture_output=True,
                         text=True, env=_environment(tmp_path), check=False)
    assert run.returncode == 1
    assert "ModuleNotFoundError: No module named 'weasyprint'" in run.stderr


@pytest.fixture(scope="module")
def without_weasyprint(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("typst")
    out = tmp / "out"
    _build_everything(_environment(tmp), out)
    return out


def test_every_document_is_built_without_weasyprint(without_weasyprint: Path) -> None:
    pdfs = sorted(p.relative_to(without_weasyprint).as_posix()
                  for p in without_weasyprint.rglob("*.pdf"))
    docx = sorted(p.relative_to(without_weasyprint).as_posix()
                  for p in without_weasyprint.rglob("*.docx"))
    assert [p.removesuffix(".pdf") for p in pdfs] == [d.removesuffix(".docx") for d in docx]
    assert len(pdfs) >= 2 * 10 + 2
    aduanas = pdf_pages_text(without_weasyprint / "build" / "2024" / "aduanas.pdf")
    assert "FORMULACIÓN DEL PROGRAMA DE MEJORAMIENTO DE LA GESTIÓN" in aduanas
    assert "Página 4 de 4" in aduanas
    annex = pdf_pages_text(without_weasyprint / "annex" / "2024" / "aduanas.pdf")
    assert "E1-01-RT1" in annex or "RT1" in annex
    report = pdf_pages_text(without_weasyprint / "report" / "resultados-2024.pdf")
    assert "Distribución del cumplimiento global (%)" in report
    with pikepdf.open(without_weasyprint / "report" / "resultados-2024.pdf") as pdf:
        assert "Typst" in str(pdf.docinfo["/Producer"])
        figures = [str(e.get("/Alt")) for e in structure_elements(pdf.Root.StructTreeRoot)
                   if e.get("/S") == "/Figure"]
        assert "Distribución del cumplimiento global (%)" in figures


def test_asking_for_weasyprint_without_it_names_the_extra(tmp_path: Path) -> None:
    run = _pmg(_environment(tmp_path), "render", "examples/2024/aduanas.yaml", "-o",
               str(tmp_path / "out"), "--pdf-engine", "weasyprint")
    assert run.returncode == 1
    assert "pmg-docs[weasyprint]" in run.stderr and "Traceback" not in run.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["aduanas.docx"]


def _digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.suffix == ".pdf"}


def test_two_builds_in_two_processes_give_the_same_bytes(without_weasyprint: Path,
                                                         tmp_path: Path) -> None:
    again = tmp_path / "again"
    _build_everything(_environment(tmp_path), again)
    first, second = _digests(without_weasyprint), _digests(again)
    assert len(first) >= 20
    assert first == second
