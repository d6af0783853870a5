"""What a PDF of ours must hold to be the archival, accessible document it claims to be.

WeasyPrint warns that it does not guarantee conformance to the variant asked for; these checks
read the written file back with pikepdf (qpdf) and look for what the standard and our metadata
require, so that a regression shows up in a test or in `pmg verify`, not in an archive's
validator years later. They are not a PDF/A validator: the README lists what stays unchecked.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..i18n import _
from ..writers.pdf_metadata import LANGUAGE, NO_VARIANT, claim
from ..writers.xmp import NAMESPACE

_PDFAID = "{http://www.aiim.org/pdfa/ns/id/}"
_PDFUAID = "{http://www.aiim.org/pdfua/ns/id/}"
_DC = "{http://purl.org/dc/elements/1.1/}"
# Information dictionary entry -> the XMP property that must say the same (ISO 19005-2, 6.6.3).
_INFO_XMP = {"/Title": _DC + "title", "/Author": _DC + "creator",
             "/Subject": _DC + "description", "/Keywords": "{http://ns.adobe.com/pdf/1.3/}Keywords",
             "/Creator": "{http://ns.adobe.com/xap/1.0/}CreatorTool",
             "/Producer": "{http://ns.adobe.com/pdf/1.3/}Producer"}
# Our properties every document carries (a formulation adds issuer and ministry).
REQUIRED_OWN = ("kind", "year", "mechanism", "catalog", "catalogVersion", "sourceSha256")
_FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


@dataclass(frozen=True)
class Finding:
    check: str
    ok: bool
    detail: str = ""

    def __str__(self) -> str:
        mark = "✓" if self.ok else "✗"
        return f"{mark} {self.check}" + (f": {self.detail}" if self.detail else "")


@dataclass
class Report:
    variant: str  # what was checked for
    findings: list[Finding]
    # Structure roles and how often each occurs (H1, Table, TH…), for callers that compare
    # them with the HTML the document was laid out from.
    roles: Counter
    metadata: dict[str, str]

    @property
    def ok(self) -> bool:
        return all(f.ok for f in self.findings)

    def failures(self) -> list[Finding]:
        return [f for f in self.findings if not f.ok]


def _xmp(pdf) -> dict[str, object]:
    if "/Metadata" not in pdf.Root:
        return {}  # (opening it would make one)
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        return {key: meta[key] for key in meta}


def _text(value) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def _roles(pdf) -> Counter:
    import pikepdf

    roles: Counter = Counter()
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return roles
    pending, seen = [root.get("/K")], set()
    while pending:
        node = pending.pop()
        if isinstance(node, pikepdf.Array):
            pending.extend(node)
            continue
        if not isinstance(node, pikepdf.Dictionary):
            continue  # a marked-content id
        if node.is_indirect:
            if node.objgen in seen:
                continue
            seen.add(node.objgen)
        if "/S" in node:
            roles[str(node.S)[1:]] += 1
        if "/K" in node:
            pending.append(node.K)
    return roles


def _unembedded_fonts(pdf) -> list[str]:
    """Every font program the file uses must be inside it (the signature's stamp included)."""
    missing = []
    for obj in pdf.objects:
        if not hasattr(obj, "get") or obj.get("/Type") != "/Font":
            continue
        if obj.get("/Subtype") in ("/Type0", "/Type3"):
            continue  # a composite font's program is its descendant's; Type 3 draws glyphs
        descriptor = obj.get("/FontDescriptor")
        if descriptor is None or not any(key in descriptor for key in _FONT_FILES):
            missing.append(str(obj.get("/BaseFont", "?")))
    return missing


def claimed_variant(xmp: dict) -> str:
    """The variant the XMP packet claims, as `--pdf-variant` names it; `none` when none."""
    part, level = xmp.get(_PDFAID + "part"), xmp.get(_PDFAID + "conformance")
    if part and level:
        return f"pdf/a-{part}{str(level).lower()}"
    if xmp.get(_PDFUAID + "part"):
        return f"pdf/ua-{xmp[_PDFUAID + 'part']}"
    return NO_VARIANT


def check_pdf(path: Path, variant: str | None = None) -> Report:
    """Read the PDF at `path` and check what `variant` (pdf_metadata.VARIANTS; by default the
    one the file claims) and our metadata require of it."""
    import pikepdf

    with pikepdf.open(path) as pdf:
        xmp = _xmp(pdf)
        variant = variant or claimed_variant(xmp)
        roles = _roles(pdf)
        findings = _claim_findings(pdf, xmp, variant)
        findings += _document_findings(pdf, xmp, roles)
        own = {key.removeprefix("{" + NAMESPACE + "}"): _text(value)
               for key, value in xmp.items() if key.startswith("{" + NAMESPACE + "}")}
    findings += _own_findings(own)
    return Report(variant, findings, roles, own)


def _claim_findings(pdf, xmp: dict, variant: str) -> list[Finding]:
    expected = claim(variant)
    if expected is None:
        return [Finding(_("sin declaración de norma (--pdf-variant {variant})").format(
            variant=NO_VARIANT), _PDFAID + "part" not in xmp)]
    if expected.standard == "ua":
        found = xmp.get(_PDFUAID + "part")
        return [Finding(_("declara PDF/UA-{part}").format(part=expected.part),
                        found == str(expected.part), _("pdfuaid:part = {found}").format(
                            found=found))]
    part, level = xmp.get(_PDFAID + "part"), xmp.get(_PDFAID + "conformance")
    findings = [Finding(_("declara PDF/A-{part}{level} en XMP").format(
        part=expected.part, level=(expected.conformance or "").lower()),
        (part, level) == (str(expected.part), expected.conformance),
        _("pdfaid:part = {part}, pdfaid:conformance = {level}").format(part=part, level=level))]
    intents = pdf.Root.get("/OutputIntents") or []
    pdfa_intents = [i for i in intents if i.get("/S") == "/GTS_PDFA1"
                    and "/DestOutputProfile" in i]
    findings.append(Finding(_("OutputIntent PDF/A con perfil ICC"), len(pdfa_intents) == 1,
                            ", ".join(str(i.get("/OutputConditionIdentifier", ""))
                                      for i in pdfa_intents)))
    metadata = pdf.Root.get("/Metadata")
    findings.append(Finding(_("paquete XMP sin comprimir"),
                            metadata is not None and "/Filter" not in metadata))
    return findings


def _document_findings(pdf, xmp: dict, roles: Counter) -> list[Finding]:
    root = pdf.Root
    lang = str(root.get("/Lang", ""))
    findings = [Finding(_("idioma /Lang {lang}").format(lang=LANGUAGE), lang == LANGUAGE, lang)]
    preferences = root.get("/ViewerPreferences") or {}
    title = str(pdf.docinfo.get("/Title", ""))
    findings.append(Finding(_("el título se muestra como título de la ventana"),
                            bool(preferences.get("/DisplayDocTitle")) and bool(title), title))
    marked = bool((root.get("/MarkInfo") or {}).get("/Marked"))
    tagged = "/StructTreeRoot" in root and marked
    findings.append(Finding(_("etiquetado (StructTreeRoot, MarkInfo /Marked)"), tagged,
                            ", ".join(f"{role} {count}" for role, count in sorted(roles.items())
                                      if role in ("H1", "H2", "H3", "Table", "TH", "TD", "L"))))
    missing = _unembedded_fonts(pdf)
    findings.append(Finding(_("todas las fuentes incrustadas"), not missing,
                            ", ".join(missing)))
    disagree = [key for key, prop in _INFO_XMP.items()
                if key in pdf.docinfo and str(pdf.docinfo[key]) != _text(xmp.get(prop, ""))]
    findings.append(Finding(_("el diccionario de información y XMP dicen lo mismo"),
                            not disagree, ", ".join(k[1:] for k in disagree)))
    return findings


def _own_findings(own: dict[str, str]) -> list[Finding]:
    absent = [name for name in REQUIRED_OWN if not own.get(name)]
    digest = own.get("sourceSha256", "")
    return [
        Finding(_("metadatos del documento (tipo, año, mecanismo, catálogo y su versión)"),
                not absent, _("faltan: {names}").format(names=", ".join(absent)) if absent
                else ", ".join(f"{k}={own[k]}" for k in REQUIRED_OWN[:5])),
        Finding(_("SHA-256 del archivo fuente"), bool(re.fullmatch(r"[0-9a-f]{64}", digest)),
                digest),
    ]
