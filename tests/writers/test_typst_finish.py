"""What finish.py adds to Typst's PDF, appended as an incremental update (incremental.py): Typst's
bytes kept as they are, one update section a reader and qpdf accept, the same bytes every
time, and a file whole when it cannot be updated so."""

from __future__ import annotations

import io
import re
import subprocess

import pikepdf

from pmg_docs.writers.pdf_metadata import DEFAULT_VARIANT, PdfMetadata, claim
from pmg_docs.writers.typst import typst_source
from pmg_docs.writers.typst.compile import compile_pdf
from pmg_docs.writers.typst.finish import finish
from pmg_docs.writers.typst.incremental import append, previous_xref
from tests.support.marked_content import structure_elements

METADATA = PdfMetadata(kind="formulation", format="objetivos", year=2024, mechanism="PMG",
                       catalog="pmg-2024", catalog_version="2024.1", source_sha256="ab" * 32,
                       issuer="SERVICIO (DE) PRUEBA \\ Ñ", ministry="MINISTERIO DE HACIENDA",
                       description="Programa Marco PMG 2024")
HTML = ("<!DOCTYPE html><html><head><title>Formulación (prueba)</title></head><body>"
        "<table><thead><tr><th>Campo</th><th>Valor</th></tr></thead><tbody>"
        "<tr><th>MINISTERIO</th><td>HACIENDA</td></tr>"
        "<tr><th rowspan=\"2\">Etapa 1</th><td>a</td></tr><tr><td>b</td></tr></tbody></table>"
        "</body></html>")


def _typst_pdf() -> tuple[bytes, list]:
    source, root, writer = typst_source(HTML, (), METADATA)
    return compile_pdf(source, root, DEFAULT_VARIANT), writer.header_cells


def test_the_update_follows_typst_bytes_and_readers_see_it(tmp_path):
    data, header_cells = _typst_pdf()
    out = finish(data, METADATA, claim(DEFAULT_VARIANT), header_cells)
    assert out.startswith(data), "Typst's bytes are kept as they are"
    assert out == finish(data, METADATA, claim(DEFAULT_VARIANT), header_cells)
    update = out[len(data):]
    assert update.count(b"\nxref\n") == 1 and update.endswith(b"%%EOF\n")
    path = tmp_path / "out.pdf"
    path.write_bytes(out)
    checked = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "No syntax or stream encoding errors" in checked.stdout
    with pikepdf.open(path) as pdf:
        assert int(pdf.trailer.Prev) == previous_xref(data)
        assert pdf.trailer.ID[0] == pikepdf.open(io.BytesIO(data)).trailer.ID[0]
        assert pdf.trailer.ID[1] != pdf.trailer.ID[0]
        packet = pdf.Root.Metadata.read_bytes()
        assert b"<pmg:kind>formulation</pmg:kind>" in packet
        assert b"pdfaid:part>2<" in packet
        assert "/Filter" not in pdf.Root.Metadata.stream_dict
        info = pdf.docinfo
        assert str(info.Creator).startswith("pmg-docs ")
        assert str(info.Producer).startswith("Typst")
        assert "/CreationDate" not in info and "/ModDate" not in info
        assert str(info.Keywords).endswith("SERVICIO (DE) PRUEBA \\ Ñ, MINISTERIO DE HACIENDA")
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
        assert "/Suspects" not in pdf.Root.MarkInfo
        cells = [str(e.S) for e in structure_elements(pdf.Root.StructTreeRoot)
                 if e.get("/S") in ("/TH", "/TD")]
        assert cells == ["/TH", "/TH", "/TH", "/TD", "/TH", "/TD", "/TD"]
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True)
    assert "MINISTERIO" in text.stdout and text.stderr == ""


def test_each_object_sits_where_the_new_cross_reference_section_says():
    data, header_cells = _typst_pdf()
    out = finish(data, METADATA, claim(DEFAULT_VARIANT), header_cells)
    start = int(re.search(rb"startxref\n(\d+)\n%%EOF\n$", out).group(1))
    section = out[start:out.index(b"trailer", start)].split(b"\n")[1:-1]
    entries = 0
    index = 0
    while index < len(section):
        first, count = (int(v) for v in section[index].split())
        for number in range(first, first + count):
            line = section[index + 1 + number - first]
            assert len(line) == 19 and line.endswith(b" 00000 n\r")  # 20 bytes with the \n
            offset = int(line[:10])
            assert out.startswith(b"%d 0 obj\n" % number, offset)
            entries += 1
        index += 1 + count
    assert entries >= 3  # the catalog, the information dictionary, the packet, cells


def test_a_file_whose_last_section_is_a_stream_is_written_whole():
    data, header_cells = _typst_pdf()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        converted = io.BytesIO()
        pdf.save(converted, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    streamed = converted.getvalue()
    assert previous_xref(streamed) is None
    assert append(streamed, {}, {}, {}, 1) is None
    out = finish(streamed, METADATA, claim(DEFAULT_VARIANT), header_cells)
    assert not out.startswith(streamed)
    with pikepdf.open(io.BytesIO(out)) as pdf:
        assert b"<pmg:kind>formulation</pmg:kind>" in pdf.Root.Metadata.read_bytes()
        cells = [str(e.S) for e in structure_elements(pdf.Root.StructTreeRoot)
                 if e.get("/S") in ("/TH", "/TD")]
        assert cells == ["/TH", "/TH", "/TH", "/TD", "/TH", "/TD", "/TD"]
