"""The XMP packet of a PDF: its conformance claim and what it says about the document.

It says the same as the document information dictionary (title, author, subject, keywords,
creator, producer), as PDF/A requires, plus the document's own metadata (pdf_metadata.py) in a
namespace of ours, declared in the PDF/A extension schema so that a validator knows its
properties. pdf_finish.py puts it into the PDF.

The words in here are the document's, not messages to the user: they are Spanish whatever the
language of the command line, so that the same inputs give the same bytes.
"""

from __future__ import annotations

from lxml import etree

from .. import __version__
from .pdf_metadata import LANGUAGE, Claim, PdfMetadata

NAMESPACE = "urn:pmg-docs:xmp:1.0#"
PREFIX = "pmg"

_NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "pdfaExtension": "http://www.aiim.org/pdfa/ns/extension/",
    "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
    "pdfaProperty": "http://www.aiim.org/pdfa/ns/property#",
    PREFIX: NAMESPACE,
}

# Our properties: (name, XMP value type, description for the extension schema).
PROPERTIES = (
    ("kind", "Text", "Tipo de documento (formulation, circular, guide, results, work-plan, "
     "report)"),
    ("format", "Text", "Formato en que el catálogo declara ese tipo de documento"),
    ("year", "Integer", "Año del Programa Marco"),
    ("mechanism", "Text", "Mecanismo de incentivo (PMG, MEI, …)"),
    ("catalog", "Text", "Id del catálogo (Programa Marco) del que se generó"),
    ("catalogVersion", "Text", "Versión de ese catálogo"),
    ("issuer", "Text", "Servicio o autoridad que emite el documento"),
    ("ministry", "Text", "Ministerio del que depende el servicio"),
    ("sourceSha256", "Text", "SHA-256 del archivo fuente (YAML o Markdown) del documento; "
     "de varios, el SHA-256 de sus SHA-256 en hexadecimal, ordenados, uno por línea"),
)

# The packet's header and trailer (ISO 16684-1); `begin` holds the byte order mark.
_HEADER = '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'.encode()
_TRAILER = b'\n<?xpacket end="r"?>'


def creator_tool() -> str:
    return f"pmg-docs {__version__}"


def _q(name: str) -> str:
    prefix, _, local = name.partition(":")
    return f"{{{_NS[prefix]}}}{local}"


def _add(parent, name: str, text: str | None = None, resource: bool = False):
    element = etree.SubElement(parent, _q(name))
    if text is not None:
        element.text = text
    if resource:  # a structure whose fields are its children
        element.set(_q("rdf:parseType"), "Resource")
    return element


def _container(parent, name: str, kind: str, items, alt_language: bool = False) -> None:
    holder = _add(_add(parent, name), f"rdf:{kind}")
    for item in items:
        li = _add(holder, "rdf:li", item)
        if alt_language:
            li.set("{http://www.w3.org/XML/1998/namespace}lang", "x-default")


def _own_properties(description, metadata: PdfMetadata) -> None:
    values = {"kind": metadata.kind, "format": metadata.format, "year": str(metadata.year),
              "mechanism": metadata.mechanism, "catalog": metadata.catalog,
              "catalogVersion": metadata.catalog_version, "issuer": metadata.issuer,
              "ministry": metadata.ministry, "sourceSha256": metadata.source_sha256}
    for name, _type, _text in PROPERTIES:
        if values[name] is not None:
            _add(description, f"{PREFIX}:{name}", values[name])


def _extension_schema(description) -> None:
    """PDF/A admits XMP properties outside its predefined schemas only when the packet
    describes them (ISO 19005-1, 6.7.8); ours are described here."""
    schemas = _add(_add(description, "pdfaExtension:schemas"), "rdf:Bag")
    schema = _add(schemas, "rdf:li", resource=True)
    _add(schema, "pdfaSchema:schema", "Metadatos de documentos PMG/MEI de pmg-docs")
    _add(schema, "pdfaSchema:namespaceURI", NAMESPACE)
    _add(schema, "pdfaSchema:prefix", PREFIX)
    properties = _add(_add(schema, "pdfaSchema:property"), "rdf:Seq")
    for name, value_type, text in PROPERTIES:
        item = _add(properties, "rdf:li", resource=True)
        _add(item, "pdfaProperty:name", name)
        _add(item, "pdfaProperty:valueType", value_type)
        _add(item, "pdfaProperty:category", "external")
        _add(item, "pdfaProperty:description", text)


def xmp_packet(title: str | None, producer: str, metadata: PdfMetadata,
               claim: Claim | None) -> bytes:
    """The XMP packet: the conformance claim, the same title, author, subject, keywords,
    creator and producer as the information dictionary, the language, and our properties.

    The extension schemas come first, in a description of their own: a validator reads the
    packet in order and must know our namespace before it meets a property in it (PDFBox
    Preflight refuses the packet otherwise, ISO 19005-1, 6.7.8)."""
    root = etree.Element(_q("x:xmpmeta"), nsmap={"x": _NS["x"]})
    rdf = _add(root, "rdf:RDF")
    schemas = _description(rdf, ("pdfaExtension", "pdfaSchema", "pdfaProperty"))
    # PDF/UA-1 names its own schema among those to declare; ours always.
    _extension_schema(schemas)
    if claim is not None and claim.standard == "ua":
        _declare_pdfuaid(schemas)
    description = _description(rdf, ("dc", "pdf", "xmp", "pdfaid", "pdfuaid", PREFIX))
    if claim is not None and claim.standard == "a":
        _add(description, "pdfaid:part", str(claim.part))
        _add(description, "pdfaid:conformance", claim.conformance)
    elif claim is not None:
        _add(description, "pdfuaid:part", str(claim.part))
    _add(description, "dc:format", "application/pdf")
    if title:
        _container(description, "dc:title", "Alt", [title], alt_language=True)
    if metadata.issuer:
        _container(description, "dc:creator", "Seq", [metadata.issuer])
    if metadata.description:
        _container(description, "dc:description", "Alt", [metadata.description],
                   alt_language=True)
    _container(description, "dc:language", "Bag", [LANGUAGE])
    if metadata.date:
        _container(description, "dc:date", "Seq", [metadata.date])
    _add(description, "pdf:Producer", producer)
    _add(description, "pdf:Keywords", ", ".join(metadata.keywords()))
    _add(description, "xmp:CreatorTool", creator_tool())
    _own_properties(description, metadata)
    return _HEADER + etree.tostring(root, encoding="utf-8") + _TRAILER


def _description(rdf, prefixes):
    """An rdf:Description of the document (rdf:about="") declaring the namespaces it uses."""
    nsmap = {"rdf": _NS["rdf"], **{prefix: _NS[prefix] for prefix in prefixes}}
    description = etree.SubElement(rdf, _q("rdf:Description"), nsmap=nsmap)
    description.set(_q("rdf:about"), "")
    return description


def _declare_pdfuaid(description) -> None:
    schemas = description.find(f"{_q('pdfaExtension:schemas')}/{_q('rdf:Bag')}")
    schema = _add(schemas, "rdf:li", resource=True)
    _add(schema, "pdfaSchema:schema", "PDF/UA Universal Accessibility Schema")
    _add(schema, "pdfaSchema:namespaceURI", _NS["pdfuaid"])
    _add(schema, "pdfaSchema:prefix", "pdfuaid")
    item = _add(_add(_add(schema, "pdfaSchema:property"), "rdf:Seq"), "rdf:li", resource=True)
    _add(item, "pdfaProperty:name", "part")
    _add(item, "pdfaProperty:valueType", "Integer")
    _add(item, "pdfaProperty:category", "internal")
    _add(item, "pdfaProperty:description", "Indicates, which part of ISO 14289 standard is "
         "followed")
