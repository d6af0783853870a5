"""`pmg verify`: who signed a PDF, when, whether the signed bytes are intact, and whether the file
is still the archival document it claims to be.

Integrity is checked by pyHanko: the digest of the bytes each signature covers, the signature
over it, and what was added after it. Trust in the signer's certificate needs the institution's
root certificates (`--trust`): without them a signature can be intact and its signer unknown.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import _


@dataclass(frozen=True)
class SignatureStatus:
    field: str
    signer: str
    time: str | None  # as the signer's machine reported it (no timestamp authority)
    intact: bool  # the covered bytes are those that were signed, and the signature holds
    covers_whole_file: bool  # nothing was added after it
    trusted: bool
    summary: str  # pyHanko's own account


@dataclass
class Verification:
    signatures: list[SignatureStatus] = field(default_factory=list)
    # Set when the file cannot be read as a PDF with signatures at all.
    unreadable: str | None = None

    @property
    def intact(self) -> bool:
        return self.unreadable is None and bool(self.signatures) and all(
            s.intact for s in self.signatures)


def _trust_roots(paths):
    from pyhanko.keys import load_cert_from_pemder

    return [load_cert_from_pemder(str(p)) for p in paths]


def verify_signatures(pdf_bytes: bytes, trust: Sequence[Path] = ()) -> Verification:
    """Every signature in the PDF, validated offline against the given trust roots."""
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    result = Verification()
    try:
        reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
        embedded = list(reader.embedded_signatures)
    except (PdfReadError, ValueError, KeyError) as exc:
        result.unreadable = str(exc)
        return result
    context_roots = _trust_roots(trust)
    for signature in embedded:
        context = ValidationContext(trust_roots=context_roots, allow_fetching=False)
        try:
            status = validate_pdf_signature(signature, context)
        except (SignatureValidationError, ValueError, PdfReadError) as exc:
            result.signatures.append(SignatureStatus(
                signature.field_name, _signer_of(signature), None, False, False, False,
                str(exc)))
            continue
        when = status.signer_reported_dt
        result.signatures.append(SignatureStatus(
            field=signature.field_name,
            signer=status.signing_cert.subject.human_friendly,
            time=when.isoformat(timespec="seconds") if when else None,
            intact=bool(status.intact and status.valid),
            covers_whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
            trusted=bool(status.trusted),
            summary=status.summary()))
    return result


def _signer_of(signature) -> str:
    try:
        return signature.signer_cert.subject.human_friendly
    except Exception:  # noqa: BLE001 - a damaged signature may not even name its signer
        return _("(desconocido)")
