"""The last touches WeasyPrint leaves to us, applied as its `finisher` before the PDF is written.

- The information dictionary and the XMP packet say the same (xmp.py), as PDF/A requires;
  WeasyPrint's own packet holds only its claim, producer and title, so ours replaces it. It is
  left unfiltered: PDF/A-1 forbids compressing it, and any reader of any part can find it.
- The title is shown as the window title (DisplayDocTitle), whatever the variant.
- Every table header cell says what it heads (/Scope): WeasyPrint links data cells to the
  column headers above them (/Headers) but leaves a header at the start of a row (MINISTERIO,
  Etapa 1) linked to nothing. A header in a THead heads its column; one in a row that holds
  data cells heads its row, and those cells name it.
- A place a template reserves for a signature (an element whose id is `firma` or starts with
  `firma-`) becomes a named destination that holds the element's rectangle (/FitR), not only its
  top-left corner, so that `pmg sign --field firma` can put a visible signature above it.
"""

from __future__ import annotations

import pydyf

from .pdf_metadata import Claim, PdfMetadata, is_signature_place
from .xmp import creator_tool, xmp_packet

# WeasyPrint lays out in CSS pixels from the page's top-left; PDF points go up from its foot.
_POINTS_PER_PIXEL = 0.75


def set_information(document_metadata, metadata: PdfMetadata) -> None:
    """What WeasyPrint writes into the information dictionary, besides the HTML's title: the
    author, subject, keywords and creator that the XMP packet holds too."""
    document_metadata.authors = [metadata.issuer] if metadata.issuer else []
    document_metadata.description = metadata.description
    document_metadata.keywords = metadata.keywords()
    document_metadata.generator = creator_tool()


def _replace_metadata(pdf, packet: bytes) -> None:
    stream = next((o for o in pdf.objects if isinstance(o, pydyf.Stream)
                   and o.extra.get("Type") == "/Metadata"), None)
    if stream is None:  # no variant: WeasyPrint wrote no packet
        stream = pydyf.Stream(extra={"Type": "/Metadata", "Subtype": "/XML"})
        pdf.add_object(stream)
        pdf.catalog["Metadata"] = stream.reference
    stream.stream = [packet]
    stream.compress = False


def _signature_places(document, pdf) -> None:
    names = pdf.catalog.get("Names", {}).get("Dests", {}).get("Names")
    if not names:
        return
    for index in range(0, len(names), 2):
        anchor = str(names[index].string)
        if not is_signature_place(anchor):
            continue
        page_reference = names[index + 1][0]
        page = document.pages[pdf.page_references.index(page_reference)]
        left, top, right, bottom = page.anchors[anchor]
        height = page.height
        names[index + 1] = pydyf.Array([
            page_reference, "/FitR",
            left * _POINTS_PER_PIXEL, (height - bottom) * _POINTS_PER_PIXEL,
            right * _POINTS_PER_PIXEL, (height - top) * _POINTS_PER_PIXEL])


def _objects_of(pdf, references) -> list:
    """The objects that pydyf references (b"12 0 R") point to; an object's number is its index."""
    return [pdf.objects[int(ref.split()[0])] for ref in references if isinstance(ref, bytes)]


def _table_header_scopes(pdf) -> None:
    for row in [o for o in pdf.objects if isinstance(o, dict) and o.get("S") == "/TR"]:
        cells = _objects_of(pdf, row["K"])
        group = _objects_of(pdf, [row["P"]])[0]
        headers = [c for c in cells if c.get("S") == "/TH"]
        data = [c for c in cells if c.get("S") == "/TD"]
        scope = "/Column" if group.get("S") == "/THead" or not data else "/Row"
        for header in headers:
            header["A"]["Scope"] = scope
        if scope == "/Row":
            for cell in data:
                cell["A"].setdefault("Headers", pydyf.Array()).extend(
                    h["ID"] for h in headers if "ID" in h)


def finisher(metadata: PdfMetadata, claim: Claim | None):
    """The WeasyPrint finisher for a document with this metadata and conformance claim."""

    def finish(document, pdf) -> None:
        producer = str(pdf.info["Producer"].string)
        _replace_metadata(pdf, xmp_packet(document.metadata.title, producer, metadata, claim))
        pdf.catalog["ViewerPreferences"] = pydyf.Dictionary({"DisplayDocTitle": "true"})
        _signature_places(document, pdf)
        if "StructTreeRoot" in pdf.catalog:
            _table_header_scopes(pdf)

    return finish
