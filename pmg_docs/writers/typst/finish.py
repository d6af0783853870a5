"""What the PDF says about itself, added to Typst's PDF: the same information dictionary and
XMP packet as the WeasyPrint writer's (xmp.py), and the title shown as the window title.

Typst writes the title, author, keywords and language itself (`set document`, `set text`), and
an XMP packet of its own with its conformance claim; ours replaces that packet (it says the
claim too, and pmg's properties), left unfiltered as PDF/A-1 requires. pikepdf writes the file
again with an /ID drawn from its content, so equal inputs still give equal bytes.
"""

from __future__ import annotations

import io

from ..pdf_metadata import Claim, PdfMetadata
from ..xmp import creator_tool, xmp_packet


def finish(data: bytes, metadata: PdfMetadata, claim: Claim | None) -> bytes:
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        info = pdf.docinfo
        # Typst names itself as the creator; the creator is pmg-docs, Typst the producer.
        producer = str(info.get("/Producer") or info.get("/Creator") or "Typst")
        title = str(info["/Title"]) if "/Title" in info else None
        info["/Producer"] = producer
        info["/Creator"] = creator_tool()
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
        out = io.BytesIO()
        # compress_streams=False: the packet stays readable (PDF/A-1); Typst's own streams are
        # compressed already.
        pdf.save(out, deterministic_id=True, compress_streams=False)
    return out.getvalue()
