"""The README's Guía rápida works as written: its walkthrough's commands, run in order in an
empty folder by the `pmg` this checkout installed, give the results the guide says.

The blocks marked `<!-- recorrido -->` are run as they are (one marked `<!-- recorrido: NAME -->`
would be written as that file). Between the first two blocks the analyst completes the
formulation by hand: the test puts the example formulation there instead. git gets the identity
the guide asks to configure once.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.doc_text import pdf_pages_text
from tests.support.paths import ROOT

README = ROOT / "README.md"
MARKED = re.compile(r"<!-- recorrido(?:: (?P<file>\S+))? -->\n```(?P<lang>\w+)\n(?P<body>.*?)```",
                    re.S)
COMPLETED_BY_HAND = ROOT / "examples" / "2024" / "aduanas.yaml"
GIT_IDENTITY = {f"GIT_{who}_{what}": value for who in ("AUTHOR", "COMMITTER")
                for what, value in (("NAME", "Analista"), ("EMAIL", "analista@example.cl"))}


def walkthrough() -> list[tuple[str | None, str]]:
    """(file name or None, text) of each marked block, in order."""
    return [(m.group("file"), m.group("body")) for m in MARKED.finditer(
        README.read_text(encoding="utf-8"))]


def test_the_walkthrough_comes_first_after_the_two_set_up_commands():
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", text, re.S)
    assert blocks[0].startswith(
        "python3 -m venv .venv && .venv/bin/pip install -c constraints.txt -e . &&")
    assert blocks[1].startswith(
        "python3 -m venv .venv && .venv/bin/pip install -c constraints.txt -e '.[test,weasyprint]' &&")
    headings = re.findall(r"^## (.*)$", text, re.M)
    assert headings[0] == "Guía rápida (en español)"
    assert [name for name, _ in walkthrough()] == [None, None, None, None]


@pytest.mark.slow
def test_the_walkthrough_works_as_written(tmp_path):
    script, commands = ["set -u"], []
    blocks = walkthrough()
    for number, (name, body) in enumerate(blocks):
        if name is not None:
            script.append(f"cat > {name} <<'PMG_EOF'\n{body}PMG_EOF")
            continue
        for line in body.splitlines():
            commands.append(line)
            script.append(f"{line}\necho \"::exit $?\"")
        if number == 0:  # the analyst fills in weights, targets and measures
            script.append(f"cp {shlex.quote(str(COMPLETED_BY_HAND))} 2024/aduanas.yaml")
    bin_folder = Path(sys.executable).parent
    done = subprocess.run(["bash", "-c", "\n".join(script)], cwd=tmp_path, capture_output=True,
                          text=True, check=False, timeout=600,
                          env={**os.environ, **GIT_IDENTITY,
                               "PATH": f"{bin_folder}{os.pathsep}{os.environ['PATH']}"})
    exits = [int(code) for code in re.findall(r"^::exit (\d+)$", done.stdout, re.M)]
    assert list(zip(commands, exits)) == list(zip(commands, [
        0, 0, 0, 0, 1,     # init, cd, git init, pmg new, pmg validate: weights still to fill in
        0, 0,              # completed: pmg validate, pmg build
        0, 0, 0, 0, 0,     # git add, git commit, the Excel round trip, git diff
        0, 0, 0, 0])), done.stdout + done.stderr   # the new year
    assert "las ponderaciones de los objetivos suman 0.00 (0.00 + 0.00 + 0.00); se espera 100.00" \
        in done.stdout
    work = tmp_path / "mis-formulaciones"
    first = (work / "2024" / "aduanas.yaml")
    assert (work / "catalogos" / "pmg-2025.yaml").is_file()
    assert (work / "2025" / "aduanas.yaml").read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../schemas/formulation-objetivos.schema.json\n")
    assert first.is_file() and (work / "compromisos-2024.xlsx").is_file()
    for year in ("2024", "2025"):
        assert (work / "out" / year / "aduanas.docx").is_file()
        text = " ".join(pdf_pages_text(work / "out" / year / "aduanas.pdf").split())
        assert f"GESTIÓN AÑO {year}" in text


@pytest.mark.slow
def test_without_pango_validate_and_the_docx_still_work(tmp_path):
    """The guide's promise for a machine without Pango: WeasyPrint cannot be imported there."""
    code = ("import sys; sys.modules['weasyprint'] = None; "
            "from pmg_docs.cli import run; run()")
    example = str(ROOT / "examples" / "2024" / "aduanas.yaml")
    for args in (["validate", example],
                 ["render", example, "--format", "docx", "-o", str(tmp_path)]):
        done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                              text=True, check=False)
        assert done.returncode == 0, done.stdout + done.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["aduanas.docx"]


def test_the_guide_says_when_the_preview_shows_pages():
    # A source with errors has no pages in `pmg serve` (a new formulation has errors for most
    # of its writing): the Guía says so, quoting the words the preview shows as it shows them.
    from pmg_docs.serve.page import messages

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    step = " ".join(readme[readme.index("### 3. Escribir, viendo el documento"):
                           readme.index("### 4. Por Excel")].split())
    shown = messages()
    assert "**Mientras la fuente tenga errores no hay páginas.**" in step
    assert f"«{shown['no_preview']}»" in step
    assert "«" + shown["stale"].replace("{time}.", "…»") in step
    assert "Las páginas aparecen al guardar la fuente sin errores" in step
