"""`pmg sign` and `pmg verify`: PAdES signatures on rendered PDFs (see signing/sign.py)."""

from __future__ import annotations

from pathlib import Path

import click

from ..diagnostics import PmgError
from ..i18n import _

_PDF = click.Path(exists=True, dir_okay=False, path_type=Path)


def _quiet_pyhanko() -> None:
    # pyHanko logs every path it fails to build as a traceback; the report says it in a line.
    import logging

    for name in ("pyhanko", "pyhanko_certvalidator"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


@click.command(help=_("Firma un PDF (PAdES) como actualización incremental: el PDF/A queda "
                      "intacto."))
@click.argument("pdf", type=_PDF)
@click.option("--key", "key", type=_PDF, required=True,
              help=_("Clave privada de quien firma (PEM o DER)."))
@click.option("--cert", "cert", type=_PDF, required=True,
              help=_("Certificado de quien firma (PEM o DER)."))
@click.option("--key-password", envvar="PMG_KEY_PASSWORD", metavar=_("CONTRASEÑA"),
              help=_("Contraseña de la clave, si está cifrada (o la variable "
                     "PMG_KEY_PASSWORD)."))
@click.option("--reason", metavar=_("MOTIVO"), help=_("Motivo de la firma, p. ej. «Aprobación»."))
@click.option("--location", metavar=_("LUGAR"), help=_("Lugar de la firma, p. ej. «Santiago»."))
@click.option("--field", "field", metavar=_("ID"),
              help=_("Firma visible en el lugar que la plantilla reserva con ese id (la "
                     "circular reserva «firma»); sin él, la firma es invisible."))
@click.option("--tsa", "tsa", metavar="URL",
              help=_("Sella la firma con la hora de esa autoridad de sellado de tiempo "
                     "(RFC 3161, http o https): prueba cuándo se firmó."))
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False, path_type=Path),
              help=_("PDF firmado (por omisión NOMBRE-firmado.pdf junto al original, que no "
                     "se modifica)."))
def sign(pdf, key, cert, key_password, reason, location, field, tsa, output) -> None:
    from ..signing.sign import DEFAULT_FIELD, SigningError, sign_pdf

    _quiet_pyhanko()
    target = output or pdf.with_name(f"{pdf.stem}-firmado.pdf")
    try:
        sign_pdf(pdf, target, key, cert, password=key_password, reason=reason,
                 location=location, place=field, field=field or DEFAULT_FIELD, tsa=tsa)
    except SigningError as exc:
        raise PmgError(f"{pdf}: {exc}") from None
    click.echo(_("firmado: {target}").format(target=target))


@click.command(help=_(
    "Informa, por cada firma de un PDF, quién firmó, cuándo, qué cubre, si se añadió algo después "
    "y si está permitido, y si el certificado llega a una raíz de confianza; y si el archivo sigue "
    "siendo el PDF/A etiquetado que declara. Sale con 1 si no hay firmas o alguna no es válida, "
    "intacta y de confianza, o si falta algo de lo que el archivo declara."))
@click.argument("pdf", type=_PDF)
@click.option("--trust", "trust", multiple=True, type=_PDF,
              help=_("Certificado raíz en que confiar (PEM o DER); puede repetirse. Sin él, "
                     "los que nombra `trust` en pmg.toml."))
@click.option("--json", "as_json", is_flag=True,
              help=_("Informe en JSON (firmas y comprobaciones del archivo)."))
def verify(pdf, trust, as_json) -> None:
    import json

    import pikepdf

    from ..signing.pdf_checks import check_pdf
    from ..signing.verify import TrustRootError, verify_signatures
    from .common import settings

    _quiet_pyhanko()
    # The institution's roots, named once in pmg.toml; --trust replaces them.
    roots = list(trust) or list(settings().trust)
    try:
        result = verify_signatures(pdf.read_bytes(), roots)
    except TrustRootError as exc:
        raise PmgError(str(exc)) from None
    report = None
    if not result.unreadable:
        try:
            report = check_pdf(pdf)
        except pikepdf.PasswordError:
            result.unreadable = _("el PDF está protegido con contraseña")
        except pikepdf.PdfError as exc:
            result.unreadable = str(exc)
    if as_json:
        data = {"file": str(pdf), **result.as_json()}
        if report is not None:
            data["archive"] = {"variant": report.variant, "ok": report.ok,
                               "failures": [str(f) for f in report.failures()]}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        _print_verification(pdf, result, report)
    if not result.ok or report is None or not report.ok:
        raise PmgError("")  # the report above says what


def _print_verification(pdf, result, report) -> None:
    click.echo(str(pdf))
    if result.unreadable:
        click.echo(_("  no es un PDF legible: {error}").format(error=result.unreadable))
        return
    if not result.signatures:
        click.echo(_("  sin firmas"))
    for status in result.signatures:
        _print_signature(status)
    click.echo(_("  archivo ({variant}):").format(variant=report.variant))
    for finding in report.findings:
        click.echo(f"    {finding}")


def _print_signature(status) -> None:
    click.echo(_("  firma «{field}»: {signer}").format(field=status.field,
                                                       signer=status.signer))
    click.echo(_("    emitido por: {issuer}").format(issuer=status.issuer))
    click.echo(_("    fecha: {time} (la que declara quien firma)").format(
        time=status.time or "—"))
    if status.timestamp is not None:
        click.echo(_("    sello de tiempo: {time}, de {authority}: {verdict}").format(
            time=status.timestamp, authority=status.timestamp_authority,
            verdict=_("válido y de confianza") if status.timestamp_ok else
            _("NO válido o su autoridad no es de confianza")))
    if not status.valid_at_signing:
        click.echo(_("    el certificado no estaba vigente en esa fecha"))
    click.echo(_("    cubre: {what} ({covered} de {total} bytes)").format(
        what=_coverage(status.coverage), covered=status.covered_bytes, total=status.file_bytes))
    click.echo(_("    integridad: {integrity}").format(
        integrity=_("intacta") if status.intact else
        _("NO intacta: el contenido firmado cambió o la firma no corresponde")))
    click.echo(_("    añadido después: {added}").format(added=_added_after(status)))
    click.echo(_("    confianza: {trust}").format(
        trust=_("certificado validado con las raíces dadas") if status.trusted else
        _("NO confiable: {problem}").format(problem=status.trust_problem)))
    click.echo(_("    veredicto: {verdict}").format(
        verdict=_("válida") if status.ok else _("NO válida")))


def _coverage(coverage: str) -> str:
    if coverage == "ENTIRE_FILE":
        return _("todo el archivo, salvo el lugar de la propia firma")
    if coverage == "ENTIRE_REVISION":
        return _("el archivo hasta esta firma; lo que sigue se añadió después")
    return _("solo una parte del archivo")


def _added_after(status) -> str:
    if status.added_after == "NONE":
        return _("nada")
    if status.added_after == "LTA_UPDATES":
        return _("solo datos de validación o sellos de tiempo (permitido)")
    if status.addition_allowed:
        return _("otras firmas (permitido)")
    return _("cambios NO permitidos ({level}): el documento cambió después de firmarse").format(
        level=status.added_after)
