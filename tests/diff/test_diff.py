"""`pmg diff` in a real git repository with several commits: every kind of change is named with
the catalog's words and its old and new values, as text and as Markdown."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pmg_docs.cli import main
from tests.support.paths import ROOT

pytestmark = pytest.mark.slow  # every test builds a real git repository

ADUANAS = ROOT / "examples" / "2024" / "aduanas.yaml"
CATALOG = ROOT / "catalogs" / "pmg-2024.yaml"


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "user.name=Planificación", "-c", "user.email=p@x.cl",
                           "-c", "commit.gpgsign=false", *args], cwd=repo, check=True,
                          capture_output=True, text=True)
    return done.stdout


def edit(path: Path, *replacements: tuple[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    """A ministry repository: the 2024 formulation, then a commit of each kind of change."""
    repo = tmp_path / "ministerio"
    (repo / "formulaciones").mkdir(parents=True)
    (repo / "catalogos").mkdir()
    git(repo, "init", "-q", "-b", "main")
    shutil.copy(ADUANAS, repo / "formulaciones" / "aduanas.yaml")
    shutil.copy(CATALOG, repo / "catalogos" / "pmg-2024.yaml")
    (repo / "README.md").write_text("# Formulaciones\n", encoding="utf-8")
    commit(repo, "Formulación 2024 tal como se envió")
    git(repo, "tag", "enviada")

    formulation = repo / "formulaciones" / "aduanas.yaml"
    # Weights: Estado Verde 35 -> 30 (stage 2 objective 1: 10 -> 5), the objective 40 -> 35,
    # Transformación Digital 10 -> 15 to keep 100.
    edit(formulation,
         ("weight: 35", "weight: 30"),
         ("  - objective: eficiencia-institucional\n    weight: 40",
          "  - objective: eficiencia-institucional\n    weight: 35"),
         ("{stage: 2, weights: [10, 5]}", "{stage: 2, weights: [5, 5]}"),
         ("  - objective: calidad-de-servicio\n    weight: 40",
          "  - objective: calidad-de-servicio\n    weight: 45"),
         ("        weight: 10\n        measure_only: true", "        weight: 15\n"
          "        measure_only: true"))
    commit(repo, "Pesos")

    # Targets: Concentración del Gasto 105.28 % -> 103.00 %; a stage committed in CSEU.
    edit(formulation,
         ("target: {numerator: 12608049, denominator: 11975373, value: 105.28}",
          "target: {numerator: 12334631, denominator: 11975373, value: 103.00}"))
    commit(repo, "Meta de concentración del gasto")

    # Gender measures: a fourth one added (numerator 3 -> 4), the second one's text changed.
    edit(formulation,
         ("target: {numerator: 3, denominator: 8, value: 37.5}",
          "target: {numerator: 4, denominator: 8, value: 50.0}"),
         ("      La difusión de la política será en intranet de Aduanas",
          "      La difusión de la política será en la intranet y el sitio web de Aduanas"))
    text = formulation.read_text(encoding="utf-8")
    formulation.write_text(text + "\n  - kind: capacitacion\n    description: |\n"
                           "      Curso de género para jefaturas.\n", encoding="utf-8")
    commit(repo, "Cuarta medida de género")

    # Comments and layout only: no semantic change.
    edit(formulation, ("# Formulación PMG 2024", "# Formulación PMG 2024 (revisada)"))
    commit(repo, "Comentario")

    # The catalog: a stage objective reworded and a system added.
    edit(repo / "catalogos" / "pmg-2024.yaml",
         ("text: Diseñar y formalizar un marco de gobernabilidad para el Sistema Estado Verde.",
          "text: Diseñar y formalizar un marco de gobernanza para el Sistema Estado Verde."))
    text = (repo / "catalogos" / "pmg-2024.yaml").read_text(encoding="utf-8")
    text = text.replace("\nindicators:", "\nindicators:", 1).replace(
        "\nsystems:\n", "\nsystems:\n  - id: gestion-de-riesgos\n    name: Gestión de Riesgos\n"
        "    stages:\n      - number: 1\n        objectives:\n          - number: 1\n"
        "            text: Identificar los riesgos.\n", 1)
    (repo / "catalogos" / "pmg-2024.yaml").write_text(text, encoding="utf-8")
    (repo / "README.md").write_text("# Formulaciones 2024\n", encoding="utf-8")
    commit(repo, "Catálogo")

    monkeypatch.chdir(repo)
    return repo


def pmg(*args: str):
    return CliRunner().invoke(main, list(args))


def test_weights_with_old_and_new_values(repo):
    result = pmg("diff", "enviada", "enviada~0", "--", "formulaciones")  # nothing: same commit
    assert result.exit_code == 0, result.output
    result = pmg("diff", "HEAD~5", "HEAD~4")
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert lines[0] == ("formulaciones/aduanas.yaml (formulación · SERVICIO NACIONAL DE ADUANAS "
                        "· pmg-2024)")
    assert lines[1:-1] == [
        "  Eficiencia Institucional: ponderación 40 → 35",
        "  Estado Verde: ponderación 35 → 30",
        "  Estado Verde › etapa 2 › objetivo 1: ponderación 10 → 5",
        "  Calidad de Servicio: ponderación 40 → 45",
        "  Transformación Digital: ponderación 10 → 15",
    ]
    assert lines[-1] == "1 archivo comparado, 1 con cambios de contenido"


def test_target_change(repo):
    result = pmg("diff", "HEAD~4", "HEAD~3")
    assert result.exit_code == 1
    assert ("  Concentración del Gasto Subtítulos 22 + 29: meta 105.28 % (12608049 / 11975373)"
            " → 103 % (12334631 / 11975373)") in result.output.splitlines()


def test_gender_measures_added_and_changed(repo):
    result = pmg("diff", "HEAD~3", "HEAD~2")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert "  Medidas de Equidad de Género: meta 37.5 % (3 / 8) → 50 % (4 / 8)" in lines
    assert "  medida de género 2 (Procesos de Provisión de bienes o…): cambia descripción" \
        in lines
    assert ("      -La difusión de la política será en intranet de Aduanas, a las personas "
            "funcionarias del") in lines
    assert ("      +La difusión de la política será en la intranet y el sitio web de Aduanas, a "
            "las personas funcionarias del") in lines
    assert ("  medida de género 4 (Capacitación avanzada en materia de…): se agrega: «Curso de "
            "género para jefaturas.»") in lines


def test_comments_only_is_no_semantic_change(repo):
    result = pmg("diff", "HEAD~2", "HEAD~1")
    assert result.exit_code == 0, result.output
    assert result.output == "1 archivo comparado, 0 con cambios de contenido\n"


def test_catalog_changes_and_other_files_left_out(repo):
    result = pmg("diff", "HEAD~1", "HEAD")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "catalogos/pmg-2024.yaml (catálogo · Programa Marco PMG 2024 · pmg-2024)",
        "  Gestión de Riesgos: se agrega sistema: «Gestión de Riesgos»",
        "  Estado Verde › etapa 2 › objetivo 1: texto Diseñar y formalizar un marco de "
        "gobernabilidad para el Sistema Estado Verde. → Diseñar y formalizar un marco de "
        "gobernanza para el Sistema Estado Verde.",
        "1 archivo comparado, 1 con cambios de contenido",  # README.md is not a pmg source
    ]


def test_working_tree_is_the_default_and_new_files_count(repo):
    assert pmg("diff", "HEAD").exit_code == 0
    shutil.copy(ROOT / "examples" / "2024" / "ips.yaml", repo / "formulaciones" / "ips.yaml")
    edit(repo / "formulaciones" / "aduanas.yaml",
         ("        weight: 15\n        measure_only: true",
          "        weight: 15\n        target: {numerator: 40, denominator: 50, value: 80}"))
    result = pmg("diff", "HEAD")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "formulaciones/aduanas.yaml (formulación · SERVICIO NACIONAL DE ADUANAS · pmg-2024)",
        "  Transformación Digital: meta nada → 80 % (40 / 50)",
        "  Transformación Digital: solo se mide (Mide) sí → no",
        "formulaciones/ips.yaml: archivo nuevo (formulación · INSTITUTO DE PREVISION SOCIAL · "
        "pmg-2024)",
        "2 archivos comparados, 2 con cambios de contenido",
    ]
    only = pmg("diff", "HEAD", "--", "formulaciones/ips.yaml")
    assert only.output.splitlines()[-1] == "1 archivo comparado, 1 con cambios de contenido"


def test_systems_and_indicators_removed_and_moved(repo):
    formulation = repo / "formulaciones" / "aduanas.yaml"
    edit(formulation,
         ("    systems:\n      - system: calidad-de-servicio-y-experiencia-usuaria\n"
          "        weight: 30\n        stages:\n"
          "          - {stage: 1, weights: [15, 5, 5]}\n          - {stage: 2, weights: [5]}\n"
          "          - {stage: 3, weights: [0]}\n          - {stage: 4, weights: [0, 0]}\n", ""))
    result = pmg("diff", "HEAD")
    assert result.exit_code == 1
    assert ("  Calidad de Servicio y Experiencia Usuaría: se quita sistema (era: ponderación 30, "
            "etapas 1: 15 + 5 + 5; 2: 5)") in result.output.splitlines()


def test_markdown_for_a_pull_request(repo):
    result = pmg("diff", "enviada", "HEAD", "--format", "md", "--", "formulaciones")
    assert result.exit_code == 1
    md = result.output
    assert md.startswith("### `formulaciones/aduanas.yaml` — formulación · SERVICIO NACIONAL "
                         "DE ADUANAS · pmg-2024\n\n| Qué | Cambio | Antes | Ahora |\n"
                         "| --- | --- | --- | --- |\n")
    rows = md.splitlines()
    assert "| Estado Verde | ponderación | 35 | 30 |" in rows
    assert "| Estado Verde › etapa 2 › objetivo 1 | ponderación | 10 | 5 |" in rows
    assert ("| Concentración del Gasto Subtítulos 22 + 29 | meta | 105.28 % (12608049 / "
            "11975373) | 103 % (12334631 / 11975373) |") in rows
    assert ("| medida de género 4 (Capacitación avanzada en materia de…) | se agrega |  | «Curso "
            "de género para jefaturas.» |") in rows
    assert ("<details><summary>medida de género 2 (Procesos de Provisión de bienes o…): "
            "descripción</summary>") in rows
    assert "```diff" in rows


def test_two_files(tmp_path):
    old, new = tmp_path / "2024.yaml", tmp_path / "2024-b.yaml"
    shutil.copy(ADUANAS, old)
    shutil.copy(ADUANAS, new)
    assert pmg("diff", str(old), str(new)).exit_code == 0
    edit(new, ("name: SERVICIO NACIONAL DE ADUANAS", "name: SERVICIO NACIONAL DE ADUANAS DE CHILE"),
         ("  - kind: estudios-y-estadisticas", "  - kind: capacitacion"))
    result = pmg("diff", str(old), str(new))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert "  Servicio: nombre SERVICIO NACIONAL DE ADUANAS → SERVICIO NACIONAL DE ADUANAS DE CHILE" \
        in lines
    assert ("  medida de género 3 (Capacitación avanzada en materia de…): tipo Estudios, datos y "
            "estadísticas con información desagregada por sexo/género y análisis de género. → "
            "Capacitación avanzada en materia de género aplicado al quehacer del Servicio a "
            "funcionarias/os y equipos directivos del Servicio y, capacitación básica en materia "
            "de género sólo para Servicios nuevos y funcionarios/as que no han sido "
            "capacitados/as.") in lines


def test_errors_exit_2(repo):
    bad_revision = pmg("diff", "no-such-branch")
    assert bad_revision.exit_code == 2
    assert "«no-such-branch» no es una revisión" in bad_revision.stderr
    option = pmg("diff", "--", "x")
    assert option.exit_code == 2
    (repo / "formulaciones" / "aduanas.yaml").write_text("kind: formulation\n  bad: [\n",
                                                          encoding="utf-8")
    broken = pmg("diff", "HEAD")
    assert broken.exit_code == 2
    assert "formulaciones/aduanas.yaml:" in broken.stderr and "YAML mal formado" in broken.stderr
    assert "Traceback" not in broken.output


def test_a_file_not_in_utf8_at_a_revision_is_an_error(repo):
    (repo / "formulaciones" / "latin1.yaml").write_bytes("kind: formulación\n".encode("latin-1"))
    commit(repo, "Archivo en Latin-1")
    result = pmg("diff", "HEAD~1", "HEAD")
    assert result.exit_code == 2
    assert "formulaciones/latin1.yaml: no es texto UTF-8 en" in result.stderr
    assert "Traceback" not in result.output


def test_diff_and_fmt_do_not_load_the_writers(repo):
    code = ("import sys; from pmg_docs.cli import main\n"
            "for args in (['diff', 'enviada'], ['fmt', '--check', 'formulaciones']):\n"
            "    try: main(args)\n"
            "    except SystemExit: pass\n"
            "print(sorted(m for m in ('weasyprint', 'docx') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=repo,
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_the_walk_is_generic_over_models():
    """A format this module has never seen (priorities and exemptions, as in 2011) is diffed
    through its model: items paired by `system`, named from the catalog."""
    from pydantic import BaseModel, ConfigDict

    from pmg_docs.diff.semantic import Namer, diff_models
    from pmg_docs.load.catalogs import CatalogRegistry

    class Committed(BaseModel):
        model_config = ConfigDict(frozen=True)
        system: str
        priority: str
        weight: float

    class Exemption(BaseModel):
        model_config = ConfigDict(frozen=True)
        system: str
        justification: str

    class Old2011(BaseModel):
        systems: list[Committed]
        exemptions: list[Exemption] = []

    old = Old2011(systems=[Committed(system="estado-verde", priority="ALTA", weight=50),
                           Committed(system="calidad-de-servicio-y-experiencia-usuaria",
                                     priority="MENOR", weight=50)])
    new = Old2011(systems=[Committed(system="estado-verde", priority="MEDIANA", weight=100)],
                  exemptions=[Exemption(system="calidad-de-servicio-y-experiencia-usuaria",
                                        justification="El Servicio no atiende público.")])
    changes = diff_models(old, new, Namer(CatalogRegistry().get("pmg-2024").model))
    assert [(c.place, c.what, c.status, c.old, c.new) for c in changes] == [
        ("Estado Verde", "prioridad", "changed", "ALTA", "MEDIANA"),
        ("Estado Verde", "ponderación", "changed", "50", "100"),
        ("Calidad de Servicio y Experiencia Usuaría", "sistema", "removed",
         "ponderación 50, prioridad MENOR", None),
        ("Calidad de Servicio y Experiencia Usuaría (exención)", "", "added", None,
         "«El Servicio no atiende público.»"),
    ]


def test_circular_front_matter_and_body(tmp_path):
    scaffold = (ROOT / "templates" / "scaffolds" / "circular.md").read_text(encoding="utf-8")
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(scaffold, encoding="utf-8")
    head, body = scaffold.split("\n---\n", 1)
    first = body.strip().splitlines()[0]
    new.write_text(head.replace("number: 1 ", "number: 2 ") + "\n---\n"
                   + body.replace(first, first + " Texto añadido."), encoding="utf-8")
    result = pmg("diff", str(old), str(new))
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert lines[1] == "  CIRC. N° 1 → 2"  # the field as the circular names it
    assert "  cambia texto" in lines
    assert f"      -{first}" in lines and f"      +{first} Texto añadido." in lines


def test_2011_priorities_stages_and_exemptions(tmp_path):
    osorno = ROOT / "examples" / "2011" / "osorno.yaml"
    new = tmp_path / "osorno.yaml"
    shutil.copy(osorno, new)
    edit(new,
         ("{system: seguridad-de-la-informacion, stage: 2, priority: alta, weight: 20}",
          "{system: seguridad-de-la-informacion, stage: 3, priority: mediana, weight: 15}"),
         ("{system: monitoreo-del-desempeno, stage: 1, priority: alta, weight: 50}",
          "{system: monitoreo-del-desempeno, stage: 1, priority: alta, weight: 55}"),
         ("  - system: equidad-de-genero\n    type: modificar",
          "  - system: equidad-de-genero\n    type: eximir"))
    result = pmg("diff", str(osorno), str(new))
    assert result.exit_code == 1, result.output
    assert result.output.splitlines()[1:] == [
        "  Sistema Seguridad de la Información: etapa 2 → 3",
        "  Sistema Seguridad de la Información: prioridad ALTA → MEDIANA",
        "  Sistema Seguridad de la Información: ponderación 20 → 15",
        "  Sistema de Monitoreo del Desempeño Institucional: ponderación 50 → 55",
        "  Equidad de Género (exención): tipo modificar → eximir",
        "1 archivo comparado, 1 con cambios de contenido",
    ]


def test_an_unknown_revision_is_an_error_and_nothing_else(repo, monkeypatch):
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(main, ["diff", "nope", "HEAD"])
    assert result.exit_code == 2
    assert "git: «nope» no es una revisión del repositorio" in result.output
    assert "ningún archivo de pmg difiere" not in result.output
