"""A new layout, year or mechanism is data: a catalog and a template, no Python.

The layout test copies the 2024 catalog and template under new names into a folder of the user's,
changes one line of each, and renders through --catalogs and --templates; the registry checks
that a catalog's template exists and lays out the kind it is named for.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from pmg_docs.cli import main
from tests.support.doc_text import docx_body_text, find_in_order, pdf_pages_text
from tests.support.paths import DATA, ROOT

ADUANAS = ROOT / "examples" / "2024" / "aduanas.yaml"


def pmg(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def _catalog(tmp_path, template: str, kind: str = "formulation", catalog_id: str = "pmg-2025"):
    """pmg-2024 as `catalog_id`, laying out `kind` with `template`."""
    yaml = YAML()
    catalog = yaml.load((ROOT / "catalogs" / "pmg-2024.yaml").read_text(encoding="utf-8"))
    catalog["id"], catalog["year"], catalog["version"] = catalog_id, 2025, "2025.1"
    catalog["documents"][kind]["template"] = template
    catalog["documents"]["formulation"]["title"] = "FORMULACIÓN PMG AÑO 2025"
    folder = tmp_path / "catalogos"
    folder.mkdir(exist_ok=True)
    with open(folder / f"{catalog_id}.yaml", "w", encoding="utf-8") as stream:
        yaml.dump(catalog, stream)
    return folder


def _source(tmp_path, catalog_id: str = "pmg-2025"):
    source = tmp_path / "aduanas-2025.yaml"
    source.write_text(ADUANAS.read_text(encoding="utf-8").replace(
        "catalog: pmg-2024", f"catalog: {catalog_id}"), encoding="utf-8")
    return source


@pytest.mark.slow
def test_a_new_layout_is_a_template_and_one_catalog_line(tmp_path):
    catalogs = _catalog(tmp_path, "formulacion-2025")
    templates = tmp_path / "plantillas"
    templates.mkdir()
    text = (ROOT / "templates" / "formulacion-2024.html.j2").read_text(encoding="utf-8")
    assert "<h2>Objetivos de Gestión</h2>" in text
    (templates / "formulacion-2025.html.j2").write_text(
        text.replace("<h2>Objetivos de Gestión</h2>", "<h2>Resumen de Objetivos 2025</h2>"),
        encoding="utf-8")
    out = tmp_path / "out"
    assert pmg("validate", "--catalogs", catalogs, "--templates", templates,
               catalogs).exit_code == 0
    result = pmg("render", _source(tmp_path), "--catalogs", catalogs, "--templates", templates,
                 "-o", out)
    assert result.exit_code == 0, result.output
    for text in (pdf_pages_text(out / "aduanas-2025.pdf"),
                 docx_body_text(out / "aduanas-2025.docx")):
        find_in_order(text, ["FORMULACIÓN PMG AÑO 2025", "SERVICIO NACIONAL DE ADUANAS",
                             "Resumen de Objetivos 2025", "37.5 %", "105.28 %"])


@pytest.mark.slow
@pytest.mark.parametrize("template, declared", [
    ("circular", "circular"), ("formulacion-2011", "formulation/areas"),
    ("guia-requisitos", "guide"), ("anexo-requisitos", "annex/requisitos")])
def test_a_template_of_another_kind_is_a_located_error(tmp_path, template, declared):
    catalogs = _catalog(tmp_path, template)
    line = next(n for n, text in enumerate(
        (catalogs / "pmg-2025.yaml").read_text(encoding="utf-8").splitlines(), start=1)
        if f"template: {template}" in text)
    message = (f"pmg-2025.yaml:{line}: documents.formulation.template: la plantilla «{template}» "
               f"diagrama {declared}, no formulation/objetivos")
    checked = pmg("validate", "--catalogs", catalogs, catalogs)
    assert checked.exit_code == 1 and message in checked.output, checked.output
    out = tmp_path / "out"
    rendered = pmg("render", _source(tmp_path), "--catalogs", catalogs, "-o", out)
    assert rendered.exit_code == 1 and message in rendered.output, rendered.output
    assert not out.exists() or list(out.iterdir()) == []


def test_a_template_that_declares_nothing_or_is_missing(tmp_path):
    templates = tmp_path / "plantillas"
    templates.mkdir()
    (templates / "sin-declarar.html.j2").write_text('{% extends "base.html.j2" %}',
                                                   encoding="utf-8")
    catalogs = _catalog(tmp_path, "sin-declarar")
    result = pmg("validate", "--catalogs", catalogs, "--templates", templates, catalogs)
    assert result.exit_code == 1
    assert "no declara qué documento diagramar; se espera en su primera línea " \
           "{#- pmg: formulation/objetivos -#}" in result.output
    catalogs = _catalog(tmp_path, "no-existe")
    result = pmg("validate", "--catalogs", catalogs, catalogs)
    assert "no existe la plantilla «no-existe» (no-existe.html.j2)" in result.output


def test_a_catalog_that_offers_no_document_of_the_kind(tmp_path):
    yaml = YAML()
    catalog = yaml.load((ROOT / "catalogs" / "mei-2012.yaml").read_text(encoding="utf-8"))
    assert "formulation" not in catalog["documents"]
    source = _source(tmp_path, "mei-2012")
    result = pmg("validate", source)
    assert result.exit_code == 1
    assert ("aduanas-2025.yaml:4: catalog: el catálogo mei-2012 no ofrece documentos de tipo "
            "formulation; ofrece: circular") in result.output


@pytest.mark.slow
def test_user_stylesheet_beside_the_templates_is_used(tmp_path):
    """Arbitrary CSS is a feature of the WeasyPrint engine (Typst's look is its preamble)."""
    templates = tmp_path / "plantillas"
    shutil.copytree(ROOT / "templates" / "styles", templates / "styles")
    css = templates / "styles" / "document.css"
    css.write_text(css.read_text(encoding="utf-8") + "\nh1 { font-size: 30pt; }\n",
                   encoding="utf-8")
    out = tmp_path / "out"
    plain = pmg("render", ADUANAS, "--format", "pdf", "-o", out / "a", "--pdf-engine",
                 "weasyprint")
    styled = pmg("render", ADUANAS, "--format", "pdf", "--templates", templates, "-o", out / "b",
                 "--pdf-engine", "weasyprint")
    assert plain.exit_code == 0 and styled.exit_code == 0, styled.output
    assert (out / "a" / "aduanas.pdf").read_bytes() != (out / "b" / "aduanas.pdf").read_bytes()


@pytest.mark.slow
def test_an_image_beside_the_user_templates_reaches_both_formats(tmp_path):
    import zipfile

    templates = tmp_path / "plantillas"
    templates.mkdir()
    shutil.copy(DATA / "images" / "escudo.png", templates / "escudo.png")
    text = (ROOT / "templates" / "formulacion-2024.html.j2").read_text(encoding="utf-8")
    (templates / "formulacion-2024.html.j2").write_text(text.replace(
        "<h1>{{ spec.title | heading }}</h1>",
        '<p class="center"><img src="{{ asset(\'escudo.png\') }}" alt="Escudo" '
        'style="width: 30mm"></p>\n<h1>{{ spec.title | heading }}</h1>'), encoding="utf-8")
    out = tmp_path / "out"
    result = pmg("render", ADUANAS, "--templates", templates, "-o", out)
    assert result.exit_code == 0, result.output
    listed = subprocess.run(["pdfimages", "-list", str(out / "aduanas.pdf")],
                            capture_output=True, text=True, check=True).stdout
    assert "240   120" in listed  # the PNG's pixels, once
    with zipfile.ZipFile(out / "aduanas.docx") as docx:
        media = [n for n in docx.namelist() if n.startswith("word/media/")]
        assert [docx.read(n) for n in media] == [(templates / "escudo.png").read_bytes()]
    # Shown whole: not in a line of the style's exact height, which would cut it to 12 pt.
    from docx import Document
    from docx.enum.text import WD_LINE_SPACING

    holding = [p for p in Document(str(out / "aduanas.docx")).paragraphs
               if p._p.xpath(".//w:drawing")]
    assert [p.paragraph_format.line_spacing_rule for p in holding] == [WD_LINE_SPACING.SINGLE]


def test_an_image_outside_the_templates_folders_is_refused(tmp_path):
    templates = tmp_path / "plantillas"
    templates.mkdir()
    text = (ROOT / "templates" / "formulacion-2024.html.j2").read_text(encoding="utf-8")
    (templates / "formulacion-2024.html.j2").write_text(text.replace(
        "<h1>{{ spec.title | heading }}</h1>",
        f'<p><img src="{(DATA / "images" / "escudo.png").as_uri()}" alt="x" '
        'style="width: 30mm"></p><h1>{{ spec.title | heading }}</h1>'), encoding="utf-8")
    out = tmp_path / "out"
    result = pmg("render", ADUANAS, "--templates", templates, "--format", "docx", "-o", out)
    assert result.exit_code == 1
    assert "an image must be a file beside the templates" in result.output
    assert not (out / "aduanas.docx").exists()
