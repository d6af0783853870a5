"""`pmg verify`: who signed a PDF, when, what each signature covers, whether anything added after
it is allowed, and whether the signer's certificate reaches a trusted root.

Everything is pyHanko's own validation: the digest of the bytes each signature covers and the
signature over it; its difference analysis of every revision appended afterwards (the
`ModificationLevel`: a page drawn over by a later update, the «shadow attack», is `OTHER`); and
the certificate path to the roots given, at the time of validation (nothing is fetched: no
revocation data); and an RFC 3161 timestamp the signature carries (`pmg sign --tsa`), whose
authority must reach the same roots. A signature passes only when all of it holds — the
bottom line a careful reviewer would draw. After a signature, only what signature maintenance
adds (DSS, document timestamps) and later signatures may follow.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..i18n import _


@dataclass(frozen=True)
class SignatureStatus:
    field: str
    signer: str
    issuer: str
    time: str | None  # as the signer's machine reported it (no timestamp authority)
    coverage: str  # ENTIRE_FILE, ENTIRE_REVISION (more follows) or UNCLEAR (pyHanko's)
    covered_bytes: int  # the bytes the signature covers (all but its own placeholder)
    file_bytes: int
    intact: bool  # the covered bytes are those that were signed, and the signature holds
    added_after: str  # pyHanko's ModificationLevel of what follows: NONE when nothing does
    addition_allowed: bool  # only signature maintenance and later signatures followed
    trusted: bool  # the chain reaches a given root and every certificate is valid now
    trust_problem: str | None  # why not, in the user's words
    valid_at_signing: bool  # the signer's certificate was valid at the declared time
    summary: str  # pyHanko's own account
    # An RFC 3161 timestamp on the signature: its time, the authority that gave it, and whether
    # it is intact and its authority's certificate reaches a trusted root. None: no timestamp.
    timestamp: str | None = None
    timestamp_authority: str | None = None
    timestamp_ok: bool | None = None

    @property
    def ok(self) -> bool:
        return (self.intact and self.addition_allowed and self.trusted
                and self.valid_at_signing and self.timestamp_ok is not False)


@dataclass
class Verification:
    signatures: list[SignatureStatus] = field(default_factory=list)
    # Set when the file cannot be read as a PDF with signatures at all.
    unreadable: str | None = None

    @property
    def intact(self) -> bool:
        return self.unreadable is None and bool(self.signatures) and all(
            s.intact for s in self.signatures)

    @property
    def ok(self) -> bool:
        """Intact, nothing illegal added after any signature, every signer trusted."""
        return self.intact and all(s.ok for s in self.signatures)

    def as_json(self) -> dict:
        return {"ok": self.ok, "unreadable": self.unreadable,
                "signatures": [dict(asdict(s), ok=s.ok) for s in self.signatures]}


class TrustRootError(Exception):
    """A `--trust` file that is not a certificate."""


def _trust_roots(paths):
    from pyhanko.keys import load_cert_from_pemder

    roots = []
    for path in paths:
        try:
            roots.append(load_cert_from_pemder(str(path)))
        except (OSError, ValueError, TypeError) as exc:
            raise TrustRootError(_("{path}: no es un certificado PEM o DER: {error}").format(
                path=path, error=exc)) from None
    return roots


def verify_signatures(pdf_bytes: bytes, trust: Sequence[Path] = ()) -> Verification:
    """Every signature in the PDF, validated offline against the given trust roots.
    Raises TrustRootError for a root that cannot be read."""
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader

    roots = _trust_roots(trust)
    result = Verification()
    try:
        reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
        embedded = list(reader.embedded_signatures)
    except (PdfReadError, ValueError, KeyError) as exc:
        result.unreadable = str(exc)
        return result
    for position, signature in enumerate(embedded):
        later_signatures = position < len(embedded) - 1
        result.signatures.append(_status(signature, roots, len(pdf_bytes), later_signatures))
    return result


def _status(signature, roots, file_bytes: int, later_signatures: bool) -> SignatureStatus:
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko_certvalidator import ValidationContext

    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    covered = _covered_bytes(signature)
    try:
        status = validate_pdf_signature(signature, context)
    except (SignatureValidationError, ValueError, PdfReadError) as exc:
        return SignatureStatus(
            signature.field_name, _name_of(signature, "subject"), _name_of(signature, "issuer"),
            None, "UNCLEAR", covered, file_bytes, False, "OTHER", False, False, str(exc), False,
            str(exc))
    level = status.modification_level
    when = reported = status.signer_reported_dt
    stamp = status.timestamp_validity
    stamp_ok = None if stamp is None else bool(stamp.intact and stamp.valid and stamp.trusted)
    if stamp is not None and stamp_ok:
        when = stamp.timestamp  # a trusted authority's time proves it better than the signer
    return SignatureStatus(
        field=signature.field_name,
        signer=status.signing_cert.subject.human_friendly,
        issuer=status.signing_cert.issuer.human_friendly,
        time=reported.isoformat(timespec="seconds") if reported else None,
        coverage=status.coverage.name if status.coverage is not None else "UNCLEAR",
        covered_bytes=covered, file_bytes=file_bytes,
        intact=bool(status.intact and status.valid),
        added_after=level.name if level is not None else "OTHER",
        addition_allowed=status.docmdp_ok is not False
        and _allowed(level, later_signatures),
        trusted=bool(status.trusted),
        trust_problem=_trust_problem(status),
        valid_at_signing=_valid_at(status.signing_cert, when),
        summary=status.summary(),
        timestamp=stamp.timestamp.isoformat(timespec="seconds") if stamp else None,
        timestamp_authority=stamp.signing_cert.subject.human_friendly if stamp else None,
        timestamp_ok=stamp_ok)


def _allowed(level, later_signatures: bool) -> bool:
    """Only signature maintenance (DSS, document timestamps) may follow a signature, and the
    fields later signatures fill (FORM_FILLING is how pyHanko names a later signature)."""
    from pyhanko.sign.validation.status import ModificationLevel

    if level is None:
        return False
    if level <= ModificationLevel.LTA_UPDATES:
        return True
    return level == ModificationLevel.FORM_FILLING and later_signatures


def _trust_problem(status) -> str | None:
    from pyhanko.sign.ades.report import AdESIndeterminate

    if status.trusted:
        return None
    problem = status.trust_problem_indic
    reasons = {
        AdESIndeterminate.EXPIRED: _("el certificado venció"),
        AdESIndeterminate.NOT_YET_VALID: _("el certificado aún no es válido"),
        # Out of its validity period, and no timestamp proves the signature was made in it.
        AdESIndeterminate.OUT_OF_BOUNDS_NO_POE: _(
            "el certificado no está vigente (venció o aún no es válido) y ningún sello de "
            "tiempo prueba que la firma se hizo mientras lo estaba"),
        AdESIndeterminate.NO_CERTIFICATE_CHAIN_FOUND: _(
            "el certificado no llega a ninguna raíz de confianza (indique las raíces de su "
            "institución con --trust)"),
    }
    if problem in reasons:
        return reasons[problem]
    if status.validation_path is None:  # pyHanko found no path to any root given
        return reasons[AdESIndeterminate.NO_CERTIFICATE_CHAIN_FOUND]
    return _("el certificado no se pudo validar ({problem})").format(
        problem=getattr(problem, "name", problem))


def _valid_at(cert, when: dt.datetime | None) -> bool:
    """The signer's certificate was in force at the time the signature declares (without a
    declared time, that cannot be said)."""
    if when is None:
        return False
    return cert.not_valid_before <= when <= cert.not_valid_after


def _covered_bytes(signature) -> int:
    try:
        ranges = [int(v) for v in signature.sig_object["/ByteRange"]]
    except (KeyError, TypeError, ValueError):
        return 0
    return sum(ranges[1::2])


def _name_of(signature, which: str) -> str:
    try:
        return getattr(signature.signer_cert, which).human_friendly
    except Exception:  # noqa: BLE001 - a damaged signature may not even name its signer
        return _("(desconocido)")
