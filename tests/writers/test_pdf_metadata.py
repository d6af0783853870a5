"""The metadata a PDF records is drawn from the document; the XMP packet declares what it uses."""

from __future__ import annotations

import hashlib

from lxml import etree

from pmg_docs.load import CatalogRegistry, load_document
from pmg_docs.writers.pdf_metadata import (
    VARIANTS,
    Claim,
    PdfMetadata,
    claim,
    document_metadata,
    sources_sha256,
)
from pmg_docs.writers.xmp import NAMESPACE, PROPERTIES, xmp_packet
from tests.support.paths import ROOT


def test_claims_of_the_variants():
    assert claim("pdf/a-2a") == Claim("a", 2, "A")
    assert claim("pdf/a-3u") == Claim("a", 3, "U")
    assert claim("pdf/ua-1") == Claim("ua", 1)
    assert claim("none") is None
    assert "pdf/a-2a" in VARIANTS and "none" in VARIANTS


def test_metadata_of_a_2011_formulation():
    path = ROOT / "examples" / "2011" / "osorno.yaml"
    document = load_document(path, CatalogRegistry())
    meta = document_metadata(document.kind, document.catalog, document.model, path.read_bytes(),
                             document.format.name)
    assert (meta.kind, meta.format, meta.year, meta.mechanism, meta.catalog) == (
        "formulation", "areas", 2011, "PMG", "pmg-2011")
    assert meta.issuer == "GOBERNACION PROVINCIAL DE OSORNO"
    assert meta.ministry == "MINISTERIO DEL INTERIOR"
    assert meta.source_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert meta.date is None


def test_a_guide_without_a_publisher_has_no_issuer():
    catalog = CatalogRegistry().get("pmg-2024").model.model_copy(update={"publisher": None})
    system = catalog.systems[0]
    meta = document_metadata("guide", catalog, system, b"catalog", "requisitos")
    assert meta.issuer is None and meta.description == catalog.title


def _packet(claim_):
    meta = PdfMetadata(kind="circular", format="carta", year=2012, mechanism="MEI",
                       catalog="mei-2012", catalog_version="2012.1", source_sha256="0" * 64,
                       issuer="A & B <C>", description="Materia", date="2011-09-15")
    packet = xmp_packet("Título", "WeasyPrint 70.0", meta, claim_)
    assert packet.startswith(b'<?xpacket begin="\xef\xbb\xbf"')
    assert packet.endswith(b'<?xpacket end="r"?>')
    body = packet[packet.index(b"<x:xmpmeta"):packet.rindex(b"</x:xmpmeta>") + 12]
    return etree.fromstring(body)


def test_the_packet_declares_every_property_it_uses():
    root = _packet(Claim("a", 2, "A"))
    used = {etree.QName(e).localname for e in root.iter() if etree.QName(e).namespace == NAMESPACE}
    declared = [e.text for e in root.iter("{http://www.aiim.org/pdfa/ns/property#}name")]
    assert used <= set(declared) == {name for name, _type, _text in PROPERTIES}
    issuer = root.find(f".//{{{NAMESPACE}}}issuer")
    assert issuer.text == "A & B <C>"  # escaped in the XML, read back as written


def test_a_pdfua_claim_declares_its_schema():
    root = _packet(Claim("ua", 1))
    assert root.find(".//{http://www.aiim.org/pdfua/ns/id/}part").text == "1"
    prefixes = [e.text for e in root.iter("{http://www.aiim.org/pdfa/ns/schema#}prefix")]
    assert prefixes == ["pmg", "pdfuaid"]
    assert root.find(".//{http://www.aiim.org/pdfa/ns/id/}part") is None


def test_the_extension_schemas_come_first_in_their_own_description():
    # PDFBox Preflight reads the packet in order: our namespace must be declared before any of
    # its properties appears (tests/writers/test_preflight.py runs it on real files).
    first, second = _packet(Claim("a", 1, "B")).iter(
        "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}Description")
    assert [etree.QName(e).localname for e in first] == ["schemas"]
    assert not [e for e in second.iter() if etree.QName(e).namespace
                == "http://www.aiim.org/pdfa/ns/extension/"]
    assert second.find(f"{{{NAMESPACE}}}kind") is not None


def _results_document():
    return load_document(ROOT / "examples" / "2024" / "resultados" / "ips.yaml",
                         CatalogRegistry())


def test_results_name_their_service_in_every_property():
    from pmg_docs.render.pipeline import RenderOptions, lay_out, made_from, render_document

    document = _results_document()
    sources = made_from(document)
    assert [p.name for p in sources] == ["ips.yaml", "ips.yaml"]  # itself and its formulation
    meta = document_metadata(document.kind, document.catalog, document.model,
                             [p.read_bytes() for p in sources], document.format.name,
                             linked=[link.model for link in document.links])
    assert meta.issuer == "INSTITUTO DE PREVISION SOCIAL"
    assert meta.ministry == "MINISTERIO DEL TRABAJO Y PREVISION SOCIAL"
    # Spanish keywords: what the document is, and who issues it; never the kind's code name.
    assert meta.keywords() == ["PMG", "2024", "pmg-2024", "informe de cumplimiento",
                               meta.issuer, meta.ministry]
    html = lay_out(document, RenderOptions(("docx",)))[0]
    title = etree.HTML(html.encode()).findtext(".//title")
    assert title.endswith("— INSTITUTO DE PREVISION SOCIAL")
    # The DOCX's core properties say the same as the PDF's information dictionary.
    import io

    import docx

    data = render_document(document, RenderOptions(("docx",))).data["docx"]
    props = docx.Document(io.BytesIO(data)).core_properties
    assert (props.title, props.author, props.keywords, props.category) == (
        title, meta.issuer, ", ".join(meta.keywords()), "informe de cumplimiento")


def test_sources_hash_is_defined_over_the_sorted_sources():
    a, b = b"uno\n", b"dos\n"
    assert sources_sha256([a]) == hashlib.sha256(a).hexdigest()
    digests = sorted(hashlib.sha256(x).hexdigest() for x in (a, b))
    expected = hashlib.sha256("".join(d + "\n" for d in digests).encode()).hexdigest()
    assert sources_sha256([a, b]) == sources_sha256([b, a]) == expected


def test_the_report_is_identified_by_the_files_it_consolidates():
    from pmg_docs.render.pipeline import made_from
    from pmg_docs.render.report import report_document
    from pmg_docs.views.year import consolidate

    folder = ROOT / "examples" / "2024"
    year = consolidate(folder, CatalogRegistry())
    sources = made_from(report_document(year))
    assert sorted(sources) == sorted([*folder.glob("*.yaml"), *folder.glob("resultados/*.yaml")])
    assert year.catalog_document.source.path not in sources


def test_documents_drawn_from_the_catalog_are_issued_by_its_publisher():
    catalog = CatalogRegistry().get("pmg-2024").model
    meta = document_metadata("guide", catalog, catalog.systems[0], b"catalog", "requisitos")
    assert (meta.issuer, meta.ministry) == ("DIRECCIÓN DE PRESUPUESTOS", "MINISTERIO DE HACIENDA")
    assert meta.keywords()[3] == "guía de requisitos"
