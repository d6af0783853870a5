"""Every example document, rendered by the real pipeline: what the golden texts keep and what the
page comparison lays out in both formats."""

from __future__ import annotations

from pathlib import Path

from tests.support.paths import ROOT

# document (relative to the built tree, without suffix) -> how it is made
DOCUMENTS = {
    "2024/aduanas": "build", "2024/ips": "build", "2011/osorno": "build",
    "circulars/circular-39-2011": "build",
    "2025/ips-indicadores": "build", "2025/superintendencia-de-salud-mei": "build",
    # Results of every format of formulation and the monthly report (issue 25).
    "2025/resultados/ips-indicadores": "build", "2011/resultados/osorno": "build",
    "2024/mensual/aduanas": "build",
    # The marco's prose documents (issue 24): the decree, the documento técnico and the whole
    # marco's requirements guide, each with what its template draws from the catalog.
    "2024/marco/decreto-programa-marco": "build", "2024/marco/documento-tecnico": "build",
    "2024/marco/requisitos-tecnicos": "build",
    "guides/requisitos-calidad-de-servicio-y-experiencia-usuaria": "guide",
    # The whole marco's guide (`pmg guide --all`): its index, a TOC field in the DOCX.
    "guides/requisitos-pmg-2024": "guide",
    "annex/aduanas": "annex",
}


ENGINES = ("typst", "weasyprint")


def build_all(out: Path, engine: str = "typst") -> Path:
    """Every golden document, rendered by the real pipeline into `out`, its PDFs by `engine`."""
    from click.testing import CliRunner

    from pmg_docs.cli import main

    runner = CliRunner()
    for args in (
            ["build", str(ROOT / "examples"), "-o", str(out)],
            ["guide", "calidad-de-servicio-y-experiencia-usuaria", "--catalog", "pmg-2024",
             "-o", str(out / "guides")],
            ["guide", "--all", "--catalog", "pmg-2024", "-o", str(out / "guides")],
            ["render", str(ROOT / "examples" / "2024" / "aduanas.yaml"), "--annex", "requisitos",
             "-o", str(out / "annex")],
            # The year's report: its charts are the only drawings among our documents.
            ["report", str(ROOT / "examples" / "2024"), "-o", str(out / "report")]):
        result = runner.invoke(main, [*args, "--pdf-engine", engine])
        assert result.exit_code == 0, result.output
    return out


def every_document(built: Path) -> list[str]:
    """Every document in a tree `build_all` made: the golden ones and whatever else `pmg build
    examples` writes (results, work plans, formats added later)."""
    found = {p.relative_to(built).with_suffix("").as_posix() for p in built.rglob("*.docx")}
    assert set(DOCUMENTS) <= found
    return sorted(found)
