"""A user's style file changes the PDF and the DOCX alike: the footer «1 de 3» instead of
«Página 1 de 3», another body size, a logo in the running header. Asserted in the real files:
the PDF's text (pdftotext), its fonts' sizes and images (pikepdf); the DOCX's footer, Normal
style and header image; and the DOCX as LibreOffice lays it out."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from collections import Counter

import pikepdf
import pytest
from click.testing import CliRunner
from lxml import etree

from pmg_docs.cli import main
from tests.support.libreoffice import page_count, soffice, to_pdf
from tests.support.paths import DATA, ROOT

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ADUANAS = ROOT / "examples" / "2024" / "aduanas.yaml"
STYLE = """\
pie:
  texto: "{pagina} de {paginas}"
texto:
  tamano: 11
  interlineado: 14
encabezado:
  logo: {archivo: escudo.png, ancho: 12}
"""


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    root = tmp_path_factory.mktemp("user-style")
    templates = root / "plantillas"
    (templates / "styles").mkdir(parents=True)
    (templates / "styles" / "estilo.yaml").write_text(STYLE, encoding="utf-8")
    shutil.copy(DATA / "images" / "escudo.png", templates / "escudo.png")
    for name, extra in (("own", ["--templates", str(templates)]), ("package", [])):
        result = CliRunner().invoke(main, ["render", str(ADUANAS), "-o", str(root / name),
                                           *extra])
        assert result.exit_code == 0, result.output
    return root


def _page_texts(pdf) -> list[str]:
    return [subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
            for n in range(1, page_count(pdf) + 1)]


def _footers(pdf) -> list[str]:
    return [[line.strip() for line in text.splitlines() if line.strip()][-1]
            for text in _page_texts(pdf)]


def _body_size_pt(pdf) -> float:
    """The size most text is set in: WeasyPrint writes sizes in CSS pixels (3/4 pt)."""
    sizes: Counter = Counter()
    with pikepdf.open(pdf) as document:
        for page in document.pages:
            for operands, operator in pikepdf.parse_content_stream(page):
                if str(operator) == "Tf":
                    sizes[round(float(operands[1]) * 0.75, 1)] += 1
    return sizes.most_common(1)[0][0]


@pytest.mark.slow
def test_the_user_style_changes_the_pdf(rendered):
    own, package = rendered / "own" / "aduanas.pdf", rendered / "package" / "aduanas.pdf"
    pages = page_count(own)
    assert _footers(own) == [f"{n} de {pages}" for n in range(1, pages + 1)]
    assert not any("Página" in text for text in _page_texts(own))
    assert _footers(package)[0] == f"Página 1 de {page_count(package)}"
    assert (_body_size_pt(own), _body_size_pt(package)) == (11, 9.5)
    # The logo heads every page: one image of escudo.png's size on each.
    with pikepdf.open(own) as document:
        for page in document.pages:
            images = [pikepdf.PdfImage(image) for image in page.get_images().values()]
            assert [(i.width, i.height) for i in images] == [(240, 120)]
    with pikepdf.open(package) as document:
        assert not any(page.get_images() for page in document.pages)


def _docx_part(path, name):
    with zipfile.ZipFile(path) as docx:
        return docx.read(name)


@pytest.mark.slow
def test_the_user_style_changes_the_docx(rendered):
    own = rendered / "own" / "aduanas.docx"
    footer = etree.fromstring(_docx_part(own, "word/footer1.xml"))
    shown = "".join(t.text for t in footer.iter(f"{W}t"))
    fields = [t.text.strip() for t in footer.iter(f"{W}instrText")]
    assert (shown, fields) == ("1 de 1", ["PAGE", "NUMPAGES"])
    styles = etree.fromstring(_docx_part(own, "word/styles.xml"))
    normal = styles.find(f"{W}style[@{W}styleId='Normal']")
    assert normal.find(f"{W}rPr/{W}sz").get(f"{W}val") == "22"
    assert normal.find(f"{W}pPr/{W}spacing").get(f"{W}line") == "280"
    rels = etree.fromstring(_docx_part(own, "word/_rels/header1.xml.rels"))
    targets = [r.get("Target") for r in rels if r.get("Type").endswith("/image")]
    assert len(targets) == 1
    assert _docx_part(own, f"word/{targets[0]}") == (DATA / "images" / "escudo.png").read_bytes()
    header = etree.fromstring(_docx_part(own, "word/header1.xml"))
    assert header.find(f".//{W}drawing") is not None
    assert "SERVICIO NACIONAL DE ADUANAS" in "".join(t.text for t in header.iter(f"{W}t"))


@pytest.mark.slow
@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
def test_the_user_style_docx_as_word_lays_it_out(rendered, tmp_path):
    """The fields give «N de M» on every page, and the larger body takes as many pages as in
    the PDF."""
    docx = rendered / "own" / "aduanas.docx"
    pdf = to_pdf([docx], tmp_path)[docx]
    pages = page_count(pdf)
    assert _footers(pdf) == [f"{n} de {pages}" for n in range(1, pages + 1)]
    assert pages == page_count(rendered / "own" / "aduanas.pdf")
