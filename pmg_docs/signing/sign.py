"""Signing a rendered PDF (PAdES, with pyHanko) and checking the signatures it carries.

A signature is added as an incremental update: the signed file is the original bytes followed
by the signature's objects, so the PDF/A document stays what it was and every earlier byte is
covered by the signature. A visible signature goes where the template reserves it: an element
with id `firma` (or `firma-…`) becomes a named destination holding its rectangle (see
writers/pdf_finish.py), and the box is drawn in the space just above it.

An institution that signs with its own service (a remote HSM, a government signing platform)
uses `prepare_external` and `finish_external`: the first reserves the signature in the PDF and
gives the SHA-256 of the bytes to sign; the service returns a CMS (PKCS #7) signature over that
digest; the second puts it in the reserved place.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from ..i18n import _
from ..output import write_file
from ..resources import fonts_dir
from ..writers.pdf_metadata import SIGNATURE_PLACE

DEFAULT_FIELD = "Firma"
# Where a visible signature goes, in points: this far above the reserved block, this high, and
# (when the template's destination gives no rectangle) this wide.
_GAP, _HEIGHT, _WIDTH = 6, 40, 200
# What the visible box prints (document text: Spanish whatever the command line's language).
STAMP_TEXT = "Firmado electrónicamente por\n%(signer)s\n%(ts)s"
STAMP_TIME = "%d-%m-%Y %H:%M:%S %Z"
# Bytes reserved in the PDF for a signature from an external service (hex-encoded CMS).
EXTERNAL_RESERVED = 32768
# How long a timestamp authority may take to answer, in seconds.
TSA_SECONDS = 15


class SigningError(Exception):
    """A key, certificate or PDF that cannot be used, said in the user's words."""


@dataclass(frozen=True)
class Place:
    page: int  # 0-based
    box: tuple[float, float, float, float]  # left, bottom, right, top, in points


def signature_place(pdf_bytes: bytes, name: str) -> Place | None:
    """Where a visible signature goes for the template's place `name` (`firma`): the box above
    the rectangle its named destination holds. None when the document has no such place."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        names = pdf.Root.get("/Names")
        dests = names.get("/Dests") if names is not None else None
        if dests is None:
            return None
        tree = pikepdf.NameTree(dests)
        if name not in tree:
            return None
        dest = tree[name]
        page = next(i for i, p in enumerate(pdf.pages) if p.obj.objgen == dest[0].objgen)
        if dest[1] == "/FitR":
            left, _bottom, right, top = (float(v) for v in dest[2:6])
        else:  # /XYZ left top zoom: a corner only
            left, top = float(dest[2]), float(dest[3])
            right = left + _WIDTH
    return Place(page, (left, top + _GAP, right, top + _GAP + _HEIGHT))


def _signer(key: Path, cert: Path, password: str | None):
    from pyhanko.sign import signers

    try:
        signer = signers.SimpleSigner.load(
            str(key), str(cert), key_passphrase=password.encode() if password else None)
    except (OSError, ValueError, TypeError) as exc:
        raise SigningError(_("no se pudo leer la clave {key} o el certificado {cert}: {error}; "
                             "se esperan archivos PEM o DER (y --key-password si la clave "
                             "está cifrada)").format(key=key, cert=cert, error=exc)) from None
    if signer is None:
        raise SigningError(_("no se pudo leer la clave {key} o el certificado {cert}; se esperan "
                             "archivos PEM o DER (y --key-password si la clave está "
                             "cifrada)").format(key=key, cert=cert))
    _check_certificate(signer, key, cert)
    return signer


def _check_certificate(signer, key: Path, cert: Path) -> None:
    """A signature that could never verify is refused before anything is written: a
    certificate out of its validity period, or a key that is not the certificate's."""
    import datetime as dt

    from cryptography.hazmat.primitives import serialization
    from cryptography.x509 import load_der_x509_certificate

    certificate = load_der_x509_certificate(signer.signing_cert.dump())
    now = dt.datetime.now(dt.timezone.utc)
    if now > certificate.not_valid_after_utc:
        raise SigningError(_("{cert}: el certificado venció el {date}; no se firma con un "
                             "certificado vencido").format(
            cert=cert, date=certificate.not_valid_after_utc.strftime("%d-%m-%Y")))
    if now < certificate.not_valid_before_utc:
        raise SigningError(_("{cert}: el certificado aún no es válido (lo es desde el "
                             "{date})").format(
            cert=cert, date=certificate.not_valid_before_utc.strftime("%d-%m-%Y")))
    spki = serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    private = serialization.load_der_private_key(signer.signing_key.dump(), password=None)
    if private.public_key().public_bytes(*spki) != certificate.public_key().public_bytes(*spki):
        raise SigningError(_("{key}: la clave no corresponde al certificado {cert}; la firma "
                             "no podría verificarse").format(key=key, cert=cert))


def refuse_unsignable(pdf_bytes: bytes) -> None:
    """An encrypted PDF, or one that runs code, acts on opening or carries other files, is
    refused: what a signer approves must be what every reader shows, and PDF/A forbids all of
    it. Raises SigningError naming the first such object."""
    from .active_content import ActiveContent, find_active_content

    try:
        found = find_active_content(pdf_bytes)
    except ActiveContent as exc:
        raise SigningError(str(exc)) from None
    if found is not None:
        raise SigningError(_("{what} (objeto {obj}): no se firma un PDF con código, acciones "
                             "automáticas o archivos incrustados").format(
            what=found.what, obj=found.obj))


def _stamp_style():
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    from .stamp_font import StampFont

    # The document's own typeface, embedded: PDF/A allows no font outside the file.
    font = StampFont(next(fonts_dir().glob("*-Regular.ttf")))
    return TextStampStyle(stamp_text=STAMP_TEXT, timestamp_format=STAMP_TIME,
                          text_box_style=TextBoxStyle(font=font, font_size=9),
                          border_width=1)


def _writer(pdf_bytes: bytes):
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfReadError

    class _MetadataKeepingWriter(IncrementalPdfFileWriter):
        """A signature adds to the document; it does not change what the document says about
        itself. pyHanko, when it writes, rewrites the XMP packet in its own form (attributes,
        the extension schemas after the properties they declare) with itself as producer and
        a new modification date, and PDFBox Preflight then refuses the packet. pmg's packet and
        information dictionary are kept as they were, so they still agree (PDF/A) and still
        name what made the document."""

        def _update_meta(self) -> None:
            return None

    try:
        return _MetadataKeepingWriter(io.BytesIO(pdf_bytes), strict=False)
    except (PdfReadError, ValueError) as exc:
        raise SigningError(_("no es un PDF legible: {error}").format(error=exc)) from None


def _field_spec(pdf_bytes: bytes, field: str, place_name: str | None):
    from pyhanko.sign import fields

    from .tagged_field import FIELD_DESCRIPTION

    if place_name is None:
        return fields.SigFieldSpec(sig_field_name=field, readable_field_name=FIELD_DESCRIPTION)
    place = signature_place(pdf_bytes, place_name)
    if place is None:
        raise SigningError(_("el documento no reserva un lugar «{name}» para la firma; las "
                             "plantillas lo reservan con id=\"{default}\" (la circular lo "
                             "hace)").format(name=place_name, default=SIGNATURE_PLACE))
    # pyhanko declares the box in whole points; it writes any number into the field's /Rect.
    return fields.SigFieldSpec(sig_field_name=field, on_page=place.page,
                               box=place.box,  # type: ignore[arg-type]
                               readable_field_name=FIELD_DESCRIPTION)


def _field_writer(pdf_bytes: bytes, field: str, place_name: str | None):
    """The writer of the signature's update, its (empty, tagged) field already in it."""
    from pyhanko.pdf_utils.misc import PdfWriteError
    from pyhanko.sign.general import SigningError as PyhankoSigningError

    from .tagged_field import add_tagged_field

    writer = _writer(pdf_bytes)
    spec = _field_spec(pdf_bytes, field, place_name)
    try:
        add_tagged_field(writer, spec)
    except (PyhankoSigningError, PdfWriteError):
        raise SigningError(_("el documento ya tiene un campo de firma «{field}» (firmado o "
                             "no); firme en otro campo o sobre el PDF sin firmar").format(
            field=field)) from None
    return writer


def _metadata(field: str, reason: str | None, location: str | None):
    from pyhanko.sign import fields, signers

    return signers.PdfSignatureMetadata(
        field_name=field, reason=reason, location=location, md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES)


def _timestamper(url: str | None):
    """An RFC 3161 client for the timestamp authority at `url` (http or https only)."""
    if url is None:
        return None
    from urllib.parse import urlsplit

    from pyhanko.sign.timestamps import HTTPTimeStamper

    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SigningError(_("--tsa {url}: se espera la dirección http:// o https:// de una "
                             "autoridad de sellado de tiempo (RFC 3161)").format(url=url))
    return HTTPTimeStamper(url, timeout=TSA_SECONDS)


def sign_pdf(source: Path, target: Path, key: Path, cert: Path, *, password: str | None = None,
             reason: str | None = None, location: str | None = None,
             place: str | None = None, field: str = DEFAULT_FIELD,
             tsa: str | None = None) -> None:
    """Sign `source` into `target` (written atomically) with a PAdES baseline signature;
    visible above the template's place `place` when given; with the timestamp of the
    authority at URL `tsa` (RFC 3161) when given. Raises SigningError."""
    import asyncio

    import aiohttp
    from pyhanko.sign import signers
    from pyhanko.sign.general import SigningError as PyhankoSigningError
    from pyhanko.sign.timestamps import TimestampRequestError

    pdf_bytes = Path(source).read_bytes()
    refuse_unsignable(pdf_bytes)
    signer = _signer(key, cert, password)
    timestamper = _timestamper(tsa)
    writer = _field_writer(pdf_bytes, field, place)
    pdf_signer = signers.PdfSigner(
        _metadata(field, reason, location), signer=signer, stamp_style=_stamp_style(),
        timestamper=timestamper)
    output = io.BytesIO()
    try:
        pdf_signer.sign_pdf(writer, output=output)
    except (TimestampRequestError, aiohttp.ClientError, asyncio.TimeoutError) as exc:
        raise SigningError(_("la autoridad de sellado de tiempo {url} no dio un sello: "
                             "{error}; no se escribió nada").format(
            url=tsa, error=str(exc) or type(exc).__name__)) from None
    except (ValueError, PyhankoSigningError) as exc:
        raise SigningError(str(exc)) from None
    write_file(Path(target), output.getvalue())


# --- an institution's signing service ---------------------------------------------------------

def prepare_external(source: Path, prepared: Path, *, signer_name: str = "",
                     reason: str | None = None, location: str | None = None,
                     place: str | None = None, field: str = DEFAULT_FIELD) -> dict:
    """Reserve a signature in `source`, written to `prepared`, and return what finishing needs:
    the SHA-256 of the signed byte ranges (`digest`, hex: what the service signs) and where the
    signature goes in `prepared`. Keep it (JSON) until the service answers. A visible box
    (`place`) prints `signer_name`: the service's certificate is not known yet."""
    from pyhanko.sign import signers

    pdf_bytes = Path(source).read_bytes()
    refuse_unsignable(pdf_bytes)
    writer = _field_writer(pdf_bytes, field, place)
    # The service's certificate is not known yet: no signer, only the room it will need.
    pdf_signer = signers.PdfSigner(
        _metadata(field, reason, location), signer=signers.ExternalSigner(None, None),
        stamp_style=_stamp_style())
    output = io.BytesIO()
    digest, _tbs, output = _run(pdf_signer.async_digest_doc_for_signing(
        writer, bytes_reserved=EXTERNAL_RESERVED, output=output,
        appearance_text_params={"signer": signer_name}))
    write_file(Path(prepared), output.getvalue())
    return {"digest": digest.document_digest.hex(), "algorithm": "sha256",
            "start": digest.reserved_region_start, "end": digest.reserved_region_end}


def finish_external(prepared: Path, state: dict, signature_cms: bytes, target: Path) -> None:
    """Put the CMS signature the service returned for `state["digest"]` into the place
    `prepare_external` reserved in `prepared`, writing `target`."""
    from pyhanko.sign.signers.pdf_byterange import PreparedByteRangeDigest
    from pyhanko.sign.signers.pdf_signer import PdfTBSDocument

    digest = PreparedByteRangeDigest(bytes.fromhex(state["digest"]), state["start"],
                                     state["end"])
    output = io.BytesIO(Path(prepared).read_bytes())
    PdfTBSDocument.finish_signing(output, digest, signature_cms)
    write_file(Path(target), output.getvalue())


def _run(coroutine):
    import asyncio

    return asyncio.run(coroutine)
