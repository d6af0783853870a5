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
claim too, and pmg's properties), left unfiltered as PDF/A-1 requires.

pikepdf reads Typst's PDF and makes the changes; only the objects changed are written, appended
as an incremental update (incremental.py: ~0.1 ms, where writing the whole file again cost
~6 ms). Typst's own packet stays in the file's first part, no longer referenced. The update's
bytes are a function of Typst's, so equal inputs still give equal bytes.
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


# Structure elements that hold no table: a table is never inside a table (the HTML subset puts
# only inline content in a cell), a paragraph or a heading. Not walking into them is most of
# the cost saved: a document's elements are mostly cells and paragraphs.
_NO_TABLE_INSIDE = frozenset({"/Table", "/TR", "/TH", "/TD", "/P", "/H1", "/H2", "/H3", "/H4",
                              "/H5", "/H6", "/Lbl", "/Span", "/Link", "/Figure", "/Caption"})


def _tables(element, found: list) -> list:
    """The Table elements below `element`, in document order."""
    for kid in _kids(element):
        role = str(kid.get("/S"))
        if role == "/Table":
            found.append(kid)
        if role not in _NO_TABLE_INSIDE:
            _tables(kid, found)
    return found


def _row_headers(pdf, header_cells: list[list[list[bool]]], changed: set[int]) -> None:
    """Retag as TH the cells the HTML says are <th>; their objects' numbers go to `changed`."""
    import pikepdf

    root = pdf.Root.get("/StructTreeRoot")
    if root is None or not any(any(row) for table in header_cells for row in table):
        return
    tables = _tables(root, [])
    if len(tables) != len(header_cells):
        return  # not the tables the HTML holds: leave the tags as Typst wrote them
    for table, rows in zip(tables, header_cells):
        for row, headers in zip(_rows(table), rows):
            if not any(headers):
                continue  # most rows: their cells are not read at all
            for cell in _header_cells(row, headers):
                if cell.get("/S") != "/TD":
                    continue
                cell.S = pikepdf.Name.TH
                changed.add(_owner(cell, pdf.Root))
                cell.A = _with_row_scope(cell.get("/A"))


def _with_row_scope(attributes):
    """A cell's attributes with `/Scope /Row` in its Table attributes. What Typst wrote there
    stays (a cell spanning rows or columns says so with /RowSpan, /ColSpan: a reader that lost
    them would read the rows below as having no header); Typst writes one Table dictionary,
    alone or in an array of owners."""
    import pikepdf

    if isinstance(attributes, pikepdf.Dictionary):
        attributes = pikepdf.Array([attributes])
    if not isinstance(attributes, pikepdf.Array):
        return pikepdf.Dictionary(O=pikepdf.Name.Table, Scope=pikepdf.Name.Row)
    table: dict = {}
    others = []
    for owned in attributes:
        if isinstance(owned, pikepdf.Dictionary) and owned.get("/O") == pikepdf.Name.Table:
            table.update((key, owned[key]) for key in owned.keys() if key != "/O")
        else:
            others.append(owned)
    table["/Scope"] = pikepdf.Name.Row
    own = pikepdf.Dictionary({"/O": pikepdf.Name.Table, **table})
    return pikepdf.Array([own, *others]) if others else own


def _header_cells(row, headers: list[bool]) -> list:
    """The cells of `row` that the HTML says are <th>. A row's elements are its cells, one for
    each of the HTML's (a cell spanning rows in its first row only): when their count is the
    HTML's, only the header cells are read (reading an element is most of the cost)."""
    import pikepdf

    kids = row.get("/K")
    if isinstance(kids, pikepdf.Array) and len(kids) == len(headers):
        found = [kids[index] for index, is_header in enumerate(headers) if is_header]
        return [cell for cell in found if isinstance(cell, pikepdf.Dictionary)]
    cells = [k for k in _kids(row) if k.get("/S") in ("/TD", "/TH")]
    return [cell for cell, is_header in zip(cells, headers) if is_header]


def _points(length: str) -> float:
    return float(length.removesuffix("pt"))


def _owner(obj, container) -> int:
    """The number of the indirect object a change to `obj` is written in: its own, or that of
    the indirect object it is written inside."""
    return int((obj if obj.is_indirect else container).objgen[0])


def _signature_places(pdf, places: list[dict], changed: set[int]) -> None:
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
        tree = pdf.make_indirect(pikepdf.Dictionary(Names=pikepdf.Array(names)))
        catalog_names = pdf.Root.get("/Names") or pikepdf.Dictionary()
        catalog_names.Dests = tree
        pdf.Root.Names = catalog_names
        changed.update({tree.objgen[0], _owner(catalog_names, pdf.Root)})


def finish(data: bytes, metadata: PdfMetadata | None, claim: Claim | None,
           header_cells: list[list[list[bool]]], places: Sequence[dict] = ()) -> bytes:
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        # The numbers of the objects changed or made (the XMP packet apart).
        changed: set[int] = set()
        mark_info = pdf.Root.get("/MarkInfo")
        if mark_info is not None and mark_info.get("/Suspects") is False:
            # False is the default; poppler (pdftotext, the tests' reader and many users') reads
            # Typst's explicit entry as an error and says so on every run.
            del mark_info["/Suspects"]
            changed.add(_owner(mark_info, pdf.Root))
        _row_headers(pdf, header_cells, changed)
        _signature_places(pdf, list(places), changed)
        packet = None
        if metadata is not None:
            packet = _metadata(pdf, metadata, claim, changed)
        updated = _append(data, pdf, changed, packet)
        if updated is not None:
            return updated
        # Not a file as Typst writes it (its last cross-reference section a stream, or no XMP
        # packet of its own): written whole.
        if packet is not None:
            _new_packet(pdf, packet)
        out = io.BytesIO()
        # compress_streams=False: the packet stays readable (PDF/A-1).
        pdf.save(out, deterministic_id=True, compress_streams=False)
    return out.getvalue()


def _typst_packet(pdf) -> int | None:
    """The number of Typst's XMP stream: ours takes its place (a new version of the same
    object), so the catalog needs no new reference and Typst's packet is superseded."""
    import pikepdf

    found = pdf.Root.get("/Metadata")
    if isinstance(found, pikepdf.Stream) and found.is_indirect:
        return int(found.objgen[0])
    return None


def _new_packet(pdf, packet: bytes) -> None:
    import pikepdf

    stream = pikepdf.Stream(pdf, packet)
    stream["/Type"] = pikepdf.Name.Metadata
    stream["/Subtype"] = pikepdf.Name.XML
    pdf.Root.Metadata = stream


def _append(data: bytes, pdf, changed: set[int], packet: bytes | None) -> bytes | None:
    """`data` with the objects `changed` and the XMP packet appended as an update; None when
    the file cannot be updated so."""
    from .incremental import append

    streams = {}
    if packet is not None:
        number = _typst_packet(pdf)
        if number is None:
            return None
        streams[number] = (b"/Type /Metadata /Subtype /XML", packet)
    objects = {number: pdf.get_object(number, 0).unparse(resolved=True)
               for number in sorted(changed)}
    trailer = {bytes(key, "ascii"): pdf.trailer[key].unparse()
               for key in ("/Root", "/Info", "/ID") if key in pdf.trailer}
    size = max([int(pdf.trailer.get("/Size", 0)), *(n + 1 for n in [*objects, *streams])])
    return append(data, objects, streams, trailer, size)


def _metadata(pdf, metadata: PdfMetadata, claim: Claim | None, changed: set[int]) -> bytes:
    """Set the information dictionary and the viewer's preferences; return the XMP packet."""
    import pikepdf

    info = pdf.docinfo
    changed.add(int(info.objgen[0]))
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
    preferences = pdf.Root.get("/ViewerPreferences") or pikepdf.Dictionary()
    preferences["/DisplayDocTitle"] = True
    pdf.Root.ViewerPreferences = preferences
    changed.update({_owner(preferences, pdf.Root), int(pdf.Root.objgen[0])})
    return xmp_packet(title, producer, metadata, claim)
