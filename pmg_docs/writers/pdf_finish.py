"""The last touches WeasyPrint leaves to us, applied as its `finisher` before the PDF is written.

- The information dictionary and the XMP packet say the same (xmp.py), as PDF/A requires;
  WeasyPrint's own packet holds only its claim, producer and title, so ours replaces it. It is
  left unfiltered: PDF/A-1 forbids compressing it, and any reader of any part can find it.
- The title is shown as the window title (DisplayDocTitle), whatever the variant.
- Every table header cell says what it heads (/Scope): WeasyPrint links data cells to the
  column headers above them (/Headers) but leaves a header at the start of a row (MINISTERIO,
  Etapa 1) linked to nothing. A header in a THead heads its column; one in a row that holds
  data cells heads its row, and those cells name it.
- The running header, footer and page number (CSS @page margin boxes) are artifacts, as page
  furniture is (PDF/UA-1, 7.8): WeasyPrint marks their text as tagged content with structure
  elements it never links into the tree (it could only tag them Artifact in PDF 2.0), so every
  page held marked content that no reader of the structure reaches. Their marked content becomes
  `/Artifact`, their parent-tree entries null, their detached elements empty dictionaries.
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


def _is_reference(value) -> bool:
    return isinstance(value, bytes) and value.endswith(b" R")


def _reachable_elements(pdf) -> set[int]:
    """The numbers of the structure elements the structure tree's root leads to."""
    reached: set[int] = set()
    pending = _objects_of(pdf, [pdf.catalog["StructTreeRoot"]])
    while pending:
        node = pending.pop()
        kids = node.get("K")
        if kids is None:
            continue
        for kid in kids if isinstance(kids, list) else [kids]:
            if not _is_reference(kid):
                continue  # an MCID, or a dictionary naming marked content or an annotation
            number = int(kid.split()[0])
            target = pdf.objects[number]
            if (number not in reached and isinstance(target, dict)
                    and target.get("Type") == "/StructElem"):
                reached.add(number)
                pending.append(target)
    return reached


def _detached_content_as_artifacts(pdf) -> None:
    reached = _reachable_elements(pdf)
    root = _objects_of(pdf, [pdf.catalog["StructTreeRoot"]])[0]
    tree = _objects_of(pdf, [root["ParentTree"]])[0]
    nums = tree["Nums"]
    for position in range(0, len(nums), 2):
        key, elements = nums[position], nums[position + 1]
        if not isinstance(elements, list) or key >= len(pdf.page_references):
            continue  # an annotation's entry: one element, always linked
        # A page's entry lists its elements by MCID: WeasyPrint numbers them from 0.
        detached = {mcid for mcid, ref in enumerate(elements)
                    if _is_reference(ref) and int(ref.split()[0]) not in reached}
        if not detached:
            continue
        for mcid in detached:
            elements[mcid] = b"null"
        page = _objects_of(pdf, [pdf.page_references[key]])[0]
        _unmark(_objects_of(pdf, [page["Contents"]])[0], detached)
    for number, element in enumerate(pdf.objects):
        if (isinstance(element, dict) and element.get("Type") == "/StructElem"
                and number not in reached):
            element.clear()


def _unmark(stream, mcids: set[int]) -> None:
    """`/Tag <</MCID n>> BDC` becomes `/Artifact BMC` for each n in `mcids`; the matching
    EMC stays as it is."""
    unmarked: list = []
    for op in stream.stream:
        if (op == b"BDC" and isinstance(unmarked[-1], dict)
                and unmarked[-1].get("MCID", -1) in mcids):
            unmarked[-2:] = ["/Artifact", b"BMC"]
        else:
            unmarked.append(op)
    stream.stream = unmarked


def finisher(metadata: PdfMetadata, claim: Claim | None):
    """The WeasyPrint finisher for a document with this metadata and conformance claim."""

    def finish(document, pdf) -> None:
        producer = str(pdf.info["Producer"].string)
        _replace_metadata(pdf, xmp_packet(document.metadata.title, producer, metadata, claim))
        pdf.catalog["ViewerPreferences"] = pydyf.Dictionary({"DisplayDocTitle": "true"})
        _signature_places(document, pdf)
        if "StructTreeRoot" in pdf.catalog:
            _table_header_scopes(pdf)
            _detached_content_as_artifacts(pdf)

    return finish
