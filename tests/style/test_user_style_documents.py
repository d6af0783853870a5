"""A user's style file changes the PDF (of either engine: Typst and WeasyPrint) and the DOCX
alike: the footer «1 de 3» instead of «Página 1 de 3», another body size, a logo in the running
header, the page's orientation and margins. Asserted in the real files: the PDF's text
(pdftotext), its fonts' sizes, images and page boxes (pikepdf); the DOCX's footer, Normal style
and header image; and the DOCX as LibreOffice lays it out."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from collections import Counter

import pikepdf
import pytest
from click.testing import CliRunner
from lxml import etree

from pmg_docs.cli import main
from tests.support.documents import ENGINES
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
# Another page: landscape, wider margins. The same document takes more pages.
LANDSCAPE = """\
pagina:
  orientacion: horizontal
  margenes: {superior: 30, inferior: 25, izquierdo: 30, derecho: 30}
"""
MM = 72 / 25.4


def _templates(root, name, style):
    templates = root / name
    (templates / "styles").mkdir(parents=True)
    (templates / "styles" / "estilo.yaml").write_text(style, encoding="utf-8")
    shutil.copy(DATA / "images" / "escudo.png", templates / "escudo.png")
    return templates


@pytest.fixture(scope="module", params=ENGINES)
def rendered(tmp_path_factory, request):
    """ADUANAS with the user's style, with the package's, and with a landscape page; the PDF
    by each engine."""
    root = tmp_path_factory.mktemp(f"user-style-{request.param}")
    own, landscape = _templates(root, "plantillas", STYLE), _templates(root, "apaisada",
                                                                       LANDSCAPE)
    for name, extra in (("own", ["--templates", str(own)]), ("package", []),
                        ("landscape", ["--templates", str(landscape)])):
        result = CliRunner().invoke(main, ["render", str(ADUANAS), "-o", str(root / name),
                                           "--pdf-engine", request.param, *extra])
        assert result.exit_code == 0, result.output
    root.joinpath("engine").write_text(request.param)
    return root


def _page_texts(pdf) -> list[str]:
    return [subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
            for n in range(1, page_count(pdf) + 1)]


def _footers(pdf) -> list[str]:
    return [[line.strip() for line in text.splitlines() if line.strip()][-1]
            for text in _page_texts(pdf)]


def _body_size_pt(pdf, engine) -> float:
    """The size most text is set in: WeasyPrint writes sizes in CSS pixels (3/4 pt), Typst
    in points."""
    scale = 0.75 if engine == "weasyprint" else 1
    sizes: Counter = Counter()
    with pikepdf.open(pdf) as document:
        for page in document.pages:
            for operands, operator in pikepdf.parse_content_stream(page):
                if str(operator) == "Tf":
                    sizes[round(float(operands[1]) * scale, 1)] += 1
    return sizes.most_common(1)[0][0]


def _text_box_mm(pdf) -> tuple[tuple[float, float], float]:
    """The first page's size and the left edge of its text, in mm (the text's smallest x,
    from pdftotext's word boxes)."""
    with pikepdf.open(pdf) as document:
        box = [float(v) for v in document.pages[0].mediabox]
    html = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    left = min(float(x) for x in re.findall(r'xMin="([\d.]+)"', html))
    return (round((box[2] - box[0]) / MM), round((box[3] - box[1]) / MM)), left / MM


@pytest.mark.slow
def test_the_user_style_changes_the_pdf(rendered):
    own, package = rendered / "own" / "aduanas.pdf", rendered / "package" / "aduanas.pdf"
    pages = page_count(own)
    assert _footers(own) == [f"{n} de {pages}" for n in range(1, pages + 1)]
    assert not any("Página" in text for text in _page_texts(own))
    assert _footers(package)[0] == f"Página 1 de {page_count(package)}"
    engine = (rendered / "engine").read_text()
    assert (_body_size_pt(own, engine), _body_size_pt(package, engine)) == (11, 9.5)
    # The logo heads every page: one image of escudo.png's size on each.
    with pikepdf.open(own) as document:
        for page in document.pages:
            images = [pikepdf.PdfImage(image) for image in page.get_images().values()]
            assert [(i.width, i.height) for i in images] == [(240, 120)]
    with pikepdf.open(package) as document:
        assert not any(page.get_images() for page in document.pages)


@pytest.mark.slow
def test_the_user_style_changes_the_page(rendered):
    """Landscape A4 and 30 mm side margins: the sheet turns and the text starts 30 mm in."""
    size, left = _text_box_mm(rendered / "landscape" / "aduanas.pdf")
    assert size == (297, 210)
    assert 29.5 <= left < 32
    size, left = _text_box_mm(rendered / "package" / "aduanas.pdf")
    assert size == (210, 297)
    assert 15.5 <= left < 18


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
