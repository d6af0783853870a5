"""`pmg validate` writes its report to stdout, in the form asked for: text, json, github
annotations or a GitLab Code Quality report; errors still set the exit code."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from pmg_docs.cli import main
from tests.support.paths import DATA, ROOT

GENDER = DATA / "broken" / "2024" / "gender-count.yaml"
UNKNOWN_OBJECTIVE = DATA / "broken" / "2024" / "unknown-objective.yaml"
# Files are named relative to the working folder, as CI annotations need them.
SHOWN = os.path.relpath(UNKNOWN_OBJECTIVE)


def validate(*args: str):
    return CliRunner().invoke(main, ["validate", *args])


@pytest.mark.slow
def test_the_report_can_be_saved_with_a_redirection(tmp_path):
    report = tmp_path / "informe.txt"
    with open(report, "w", encoding="utf-8") as stream:
        done = subprocess.run([sys.executable, "-m", "pmg_docs.cli", "validate", str(GENDER)],
                              stdout=stream, stderr=subprocess.PIPE, text=True, check=False)
    assert done.returncode == 1 and done.stderr == ""
    lines = report.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith(f"{os.path.relpath(GENDER)}:16: Objetivo N°1 › Indicador «Medidas de Equidad de "
                               "Género» › meta › numerador: el numerador es 4")
    assert lines[-1] == "1 archivo revisado: 1 error, 0 avisos"


def test_json(tmp_path):
    result = validate("--format", "json", str(UNKNOWN_OBJECTIVE), str(ROOT / "examples" / "2011"))
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    # The broken file, and examples/2011: the formulation and its results.
    assert (report["files"], report["errors"], report["warnings"]) == (3, 1, 1)
    error, warning = report["diagnostics"]
    assert error == {
        "file": SHOWN, "line": 11, "path": "objectives[0].objective",
        "item": "Objetivo N°1", "severity": "error",
        "message": "«gestion-eficas» no es un objetivo de gestión del catálogo pmg-2024; ¿quiso "
                   "decir «gestion-eficaz»? Se espera uno de: gestion-eficaz, eficiencia-institucional, calidad-de-servicio"}
    assert warning["severity"] == "warning" and warning["path"] == "objectives"


def test_github_annotations():
    result = validate("--format", "github", str(UNKNOWN_OBJECTIVE))
    assert result.exit_code == 1
    error, warning, summary = result.stdout.splitlines()
    # Properties escape `,` and `:`; the message keeps them as typed.
    assert error == (f"::error file={SHOWN},line=11,title=Objetivo N°1::"
                     "«gestion-eficas» no es un objetivo de gestión del catálogo pmg-2024; ¿quiso "
                     "decir «gestion-eficaz»? Se espera uno de: gestion-eficaz, eficiencia-institucional, calidad-de-servicio")
    assert warning.startswith(f"::warning file={SHOWN},line=10,title=objetivos::"
                              "el objetivo «gestion-eficaz» (Gestión Eficaz)")
    assert summary == "1 archivo revisado: 1 error, 1 aviso"


def test_gitlab_code_quality():
    result = validate("--format", "gitlab", str(UNKNOWN_OBJECTIVE))
    assert result.exit_code == 1
    error, warning = json.loads(result.stdout)
    assert error["location"] == {"path": SHOWN, "lines": {"begin": 11}}
    assert error["severity"] == "major" and warning["severity"] == "minor"
    assert error["description"].startswith("Objetivo N°1: «gestion-eficas» no es un objetivo")
    assert error["check_name"] == "pmg-validate" and len(error["fingerprint"]) == 64


def test_clean_files_exit_0_in_every_format():
    for fmt in ("text", "json", "github", "gitlab"):
        result = validate("--format", fmt, str(ROOT / "examples" / "2024" / "ips.yaml"))
        assert result.exit_code == 0, (fmt, result.output)
        assert result.stderr == ""
    assert validate("--format", "json", str(ROOT / "examples")).exit_code == 0


def test_annotation_properties_are_escaped():
    from pmg_docs.cli.validation_report import render
    from pmg_docs.diagnostics import Diagnostic

    found = Diagnostic("a,b.yaml", 3, ("x",), "50% listo\nsegunda línea", item="Uno: dos, tres")
    first = render("github", [found], 1).splitlines()[0]
    assert first == "::error file=a%2Cb.yaml,line=3,title=Uno%3A dos%2C tres::50%25 listo%0Asegunda línea"
