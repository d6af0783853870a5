"""What a PDF says about itself, and which archival standard it claims.

The metadata is drawn from the rendered document, never typed by anyone: its kind and format, the
service (or minister) that issues it, the marco's year, mechanism, catalog and catalog version,
and the SHA-256 of the sources it was made from (`sources_sha256`), so that an archived PDF can
be traced back to the exact YAML or Markdown in the repository. `xmp.py` writes it into the PDF,
the DOCX writer into the document's core properties. Its words are the document's (Spanish),
whatever the language of the command line.

This module imports nothing heavy: the command line reads the variants from here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

# The PDF variants a user may choose with `--pdf-variant`, as WeasyPrint names them, and `none`.
# PDF/A-2a is the default: WeasyPrint 70 writes conformance level "a" (tagged, Unicode text) for
# parts 1 to 3; part 2 is PDF 1.7 without part 1's limits (transparency, OpenType), and part 3
# only adds arbitrary embedded files, which the documents have none of and some archives refuse.
# The PDF 2.0 variants (PDF/A-4, PDF/UA-2) and PDF/X are left out: nothing here verifies them.
DEFAULT_VARIANT = "pdf/a-2a"
NO_VARIANT = "none"
VARIANTS = ("pdf/a-1a", "pdf/a-2a", "pdf/a-3a", "pdf/a-1b", "pdf/a-2b", "pdf/a-3b",
            "pdf/a-2u", "pdf/a-3u", "pdf/ua-1", NO_VARIANT)

# Every document is written in the Spanish of Chile; templates say so on <html lang>.
LANGUAGE = "es-CL"

# A place a template reserves for a signature: an element whose id is `firma` or starts with
# `firma-`; both PDF writers make it a named destination holding its rectangle (/FitR), where
# `pmg sign --field firma` puts a visible signature.
SIGNATURE_PLACE = "firma"


def is_signature_place(anchor: str) -> bool:
    return anchor == SIGNATURE_PLACE or anchor.startswith(SIGNATURE_PLACE + "-")


@dataclass(frozen=True)
class Claim:
    """The conformance a variant declares in the XMP packet."""

    standard: str  # "a" (PDF/A, ISO 19005) or "ua" (PDF/UA, ISO 14289)
    part: int
    conformance: str | None = None  # PDF/A's level: A, B or U


def claim(variant: str | None) -> Claim | None:
    """`pdf/a-2a` -> Claim("a", 2, "A"); `pdf/ua-1` -> Claim("ua", 1); `none` -> None."""
    if variant in (None, NO_VARIANT):
        return None
    standard, _, level = variant.removeprefix("pdf/").partition("-")
    if standard == "a":
        return Claim("a", int(level[0]), level[1:].upper())
    return Claim(standard, int(level))


def tagged(variant: str | None) -> bool:
    """Every variant is tagged (WeasyPrint tags level "a" and PDF/UA itself; for b and u we ask
    for it); `none` is the plain PDF WeasyPrint writes without options."""
    return variant not in (None, NO_VARIANT)


@dataclass(frozen=True)
class PdfMetadata:
    """What the PDF records about the document besides its title (the template's <title>)."""

    kind: str
    format: str | None
    year: int
    mechanism: str
    catalog: str
    catalog_version: str
    source_sha256: str
    # Who issues the document: the service a formulation is about, or the minister who signs
    # a circular; with the ministry it belongs to, where the source says.
    issuer: str | None = None
    ministry: str | None = None
    # A circular's subject (MAT.), else the marco's title.
    description: str | None = None
    # The date the document bears (a circular's), ISO 8601.
    date: str | None = None
    # What the document is called in Spanish (the registry's noun: «informe de cumplimiento»).
    kind_noun: str | None = None

    def keywords(self) -> list[str]:
        """Spanish words a search finds the document by: mechanism, year, catalog, what it
        is, and who issues it."""
        words = [self.mechanism, str(self.year), self.catalog, self.kind_noun or self.kind]
        return words + [w for w in (self.issuer, self.ministry) if w]


def sources_sha256(sources: Sequence[bytes]) -> str:
    """What identifies the files a document was made from. One file: the SHA-256 of its bytes
    (what `sha256sum FILE` prints). Several (the year's report): the SHA-256 of their SHA-256s,
    in hex, sorted, one a line each ended by a newline (what
    `sha256sum FILES | cut -c1-64 | sort | sha256sum` prints), whatever order they were
    read in and wherever they are."""
    if len(sources) == 1:
        return hashlib.sha256(sources[0]).hexdigest()
    lines = sorted(hashlib.sha256(source).hexdigest() for source in sources)
    return hashlib.sha256("".join(f"{line}\n" for line in lines).encode()).hexdigest()


def document_metadata(kind: str, catalog, model, source: bytes | Sequence[bytes],
                      format_name: str | None = None, *,
                      linked: Sequence[object] = ()) -> PdfMetadata:
    """The metadata of a document of `kind` drawn from `catalog`, whose validated model is
    `model` and whose source files hold the bytes `source` (one file's, or each file's, see
    `sources_sha256`); `linked` are the models of the sources it names (a results file's
    formulation).

    The issuer is read from what the models hold, not decided by kind: a `service` (every
    formulation format, and the formulation a results file or work plan names) or a `sender`
    (a circular's DE); a guide and the year's report, drawn from the catalog, are issued by
    whoever publishes it (the catalog's `publisher`)."""
    from .. import kinds

    issuer = ministry = None
    service = next((s for s in (getattr(m, "service", None) for m in (model, *linked))
                    if s is not None), None)
    sender = getattr(model, "sender", None)
    if service is not None:
        issuer, ministry = service.name, service.ministry
    elif sender is not None:
        issuer = f"{sender.name}, {sender.title}"
    elif getattr(catalog, "publisher", None) is not None:
        issuer, ministry = catalog.publisher.name, catalog.publisher.ministry
    entry = kinds.kind(kind)
    date = getattr(model, "date", None)
    return PdfMetadata(
        kind=kind, format=format_name, year=catalog.year, mechanism=catalog.mechanism,
        catalog=catalog.id, catalog_version=catalog.version,
        source_sha256=sources_sha256([source] if isinstance(source, bytes) else source),
        issuer=issuer, ministry=ministry,
        description=getattr(model, "subject", None) or catalog.title,
        date=date.isoformat() if date is not None else None,
        kind_noun=entry.noun if entry is not None else None)
