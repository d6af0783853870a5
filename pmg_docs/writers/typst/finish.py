"""What the PDF says about itself, added to Typst's PDF: the same information dictionary and
XMP packet as the WeasyPrint writer's (xmp.py), the title shown as the window title, the row
header cells tagged as such, and the places reserved for a signature as named destinations.

Row headers: a <th> at the start of a body row (MINISTERIO, Etapa 1) heads its row. Typst 0.15
tags every cell outside `table.header` as TD; `pdf.header-cell(scope: "row")`, which would say
so, sits behind a Typst feature flag (a11y-extras) that the Python binding is not built with.
So the cells are retagged here: Typst tags a table's rows and cells in the order of the HTML's
(a cell spanning rows once, in its first row), and the HTML says which are <th>.

Typst writes the title, author, keywords and language itself (`set document`, `set text`), and
an XMP packet of its own with its conformance claim; ours replaces that packet (it says the
claim too, and pmg's properties), left unfiltered as PDF/A-1 requires. pikepdf writes the file
again with an /ID drawn from its content, so equal inputs still give equal bytes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from ..pdf_metadata import Claim, PdfMetadata
from ..xmp import creator_tool, xmp_packet


def _rows(table) -> list:
    import pikepdf

    rows = []
    for kid in _kids(table):
        role = kid.get("/S")
        if role == "/TR":
            rows.append(kid)
        elif role in ("/THead", "/TBody", "/TFoot"):
            rows.extend(k for k in _kids(kid) if k.get("/S") == "/TR")
    return [r for r in rows if isinstance(r, pikepdf.Dictionary)]


def _kids(element) -> list:
    import pikepdf

    kids = element.get("/K")
    if isinstance(kids, pikepdf.Dictionary):
        return [kids]
    if isinstance(kids, pikepdf.Array):
        return [k for k in kids if isinstance(k, pikepdf.Dictionary)]
    return []


def _tables(element, found: list) -> list:
    """The Table elements below `element`, in document order."""
    for kid in _kids(element):
        if kid.get("/S") == "/Table":
            found.append(kid)
        _tables(kid, found)
    return found


def _row_headers(pdf, header_cells: list[list[list[bool]]]) -> None:
    import pikepdf

    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return
    tables = _tables(root, [])
    if len(tables) != len(header_cells):
        return  # not the tables the HTML holds: leave the tags as Typst wrote them
    for table, rows in zip(tables, header_cells):
        for row, headers in zip(_rows(table), rows):
            cells = [k for k in _kids(row) if k.get("/S") in ("/TD", "/TH")]
            for cell, is_header in zip(cells, headers):
                if not is_header or cell.get("/S") == "/TH":
                    continue
                cell.S = pikepdf.Name.TH
                attributes = cell.get("/A")
                own = pikepdf.Dictionary(O=pikepdf.Name.Table, Scope=pikepdf.Name.Row)
                if isinstance(attributes, pikepdf.Array):
                    kept = [a for a in attributes if a.get("/O") != pikepdf.Name.Table]
                    cell.A = pikepdf.Array([own, *kept])
                else:
                    cell.A = own


def _points(length: str) -> float:
    return float(length.removesuffix("pt"))


def _signature_places(pdf, places: list[dict]) -> None:
    """Each place a template reserves for a signature (id `firma`) as a named destination
    holding its rectangle (/FitR), as the WeasyPrint writer makes it (pdf_finish.py)."""
    import pikepdf

    names = []
    for place in sorted(places, key=lambda p: p["name"]):
        page = pdf.pages[place["at"]["page"] - 1]
        height = float(page.mediabox[3])
        left, top = _points(place["at"]["x"]), height - _points(place["at"]["y"])
        right, bottom = left + _points(place["width"]), top - _points(place["height"])
        names += [pikepdf.String(place["name"]),
                  pikepdf.Array([page.obj, pikepdf.Name.FitR, left, bottom, right, top])]
    if names:
        tree = pikepdf.Dictionary(Names=pikepdf.Array(names))
        catalog_names = pdf.Root.get("/Names") or pikepdf.Dictionary()
        catalog_names.Dests = pdf.make_indirect(tree)
        pdf.Root.Names = catalog_names


def finish(data: bytes, metadata: PdfMetadata | None, claim: Claim | None,
           header_cells: list[list[list[bool]]], places: Sequence[dict] = ()) -> bytes:
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        mark_info = pdf.Root.get("/MarkInfo")
        if mark_info is not None and mark_info.get("/Suspects") is False:
            # False is the default; poppler (pdftotext, the tests' reader and many users') reads
            # Typst's explicit entry as an error and says so on every run.
            del mark_info["/Suspects"]
        _row_headers(pdf, header_cells)
        _signature_places(pdf, list(places))
        if metadata is not None:
            _metadata(pdf, metadata, claim)
        out = io.BytesIO()
        # compress_streams=False: the packet stays readable (PDF/A-1); Typst's own streams are
        # compressed already.
        pdf.save(out, deterministic_id=True, compress_streams=False)
    return out.getvalue()


def _metadata(pdf, metadata: PdfMetadata, claim: Claim | None) -> None:
    import pikepdf

    info = pdf.docinfo
    # Typst names itself as the creator; the creator is pmg-docs, Typst the producer.
    producer = str(info.get("/Producer") or info.get("/Creator") or "Typst")
    title = str(info["/Title"]) if "/Title" in info else None
    info["/Producer"] = producer
    info["/Creator"] = creator_tool()
    # As with WeasyPrint, no date: the XMP packet (xmp.py) has none, and PDF/A wants the
    # information dictionary to say what it says.
    for key in ("/CreationDate", "/ModDate"):
        if key in info:
            del info[key]
    if metadata.description:
        info["/Subject"] = metadata.description
    info["/Keywords"] = ", ".join(metadata.keywords())
    packet = xmp_packet(title, producer, metadata, claim)
    stream = pikepdf.Stream(pdf, packet)
    stream["/Type"] = pikepdf.Name.Metadata
    stream["/Subtype"] = pikepdf.Name.XML
    pdf.Root.Metadata = stream
    preferences = pdf.Root.get("/ViewerPreferences") or pikepdf.Dictionary()
    preferences["/DisplayDocTitle"] = True
    pdf.Root.ViewerPreferences = preferences
