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
@click.option("--key-password", envvar="PMG_KEY_PASSWORD",
              help=_("Contraseña de la clave, si está cifrada (o la variable "
                     "PMG_KEY_PASSWORD)."))
@click.option("--reason", help=_("Motivo de la firma, p. ej. «Aprobación»."))
@click.option("--location", help=_("Lugar de la firma, p. ej. «Santiago»."))
@click.option("--field", "field",
              help=_("Firma visible en el lugar que la plantilla reserva con ese id (la "
                     "circular reserva «firma»); sin él, la firma es invisible."))
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False, path_type=Path),
              help=_("PDF firmado (por omisión NOMBRE-firmado.pdf junto al original, que no "
                     "se modifica)."))
def sign(pdf, key, cert, key_password, reason, location, field, output) -> None:
    from ..signing.sign import DEFAULT_FIELD, SigningError, sign_pdf

    _quiet_pyhanko()
    target = output or pdf.with_name(f"{pdf.stem}-firmado.pdf")
    try:
        sign_pdf(pdf, target, key, cert, password=key_password, reason=reason,
                 location=location, place=field, field=field or DEFAULT_FIELD)
    except SigningError as exc:
        raise PmgError(f"{pdf}: {exc}") from None
    click.echo(_("firmado: {target}").format(target=target))


@click.command(help=_(
    "Informa quién firmó un PDF, cuándo, si lo firmado está intacto y si el archivo sigue siendo "
    "el PDF/A etiquetado que declara. Sale con 1 si no hay firmas o alguna no está intacta, o si "
    "falta algo de lo que el archivo declara."))
@click.argument("pdf", type=_PDF)
@click.option("--trust", "trust", multiple=True, type=_PDF,
              help=_("Certificado raíz en que confiar (PEM o DER); puede repetirse."))
def verify(pdf, trust) -> None:
    from ..signing.pdf_checks import check_pdf
    from ..signing.verify import verify_signatures

    _quiet_pyhanko()
    result = verify_signatures(pdf.read_bytes(), list(trust))
    click.echo(str(pdf))
    if result.unreadable:
        click.echo(_("  no es un PDF legible: {error}").format(error=result.unreadable))
        raise PmgError("")
    if not result.signatures:
        click.echo(_("  sin firmas"))
    for status in result.signatures:
        click.echo(_("  firma «{field}»: {signer}").format(field=status.field,
                                                           signer=status.signer))
        click.echo(_("    fecha: {time} (la que declara quien firma)").format(
            time=status.time or "—"))
        integrity = _("intacta") if status.intact else _("NO intacta: el contenido firmado "
                                                           "cambió o la firma no corresponde")
        if status.intact and not status.covers_whole_file:
            integrity += _("; el archivo tiene cambios posteriores a esta firma")
        click.echo(_("    integridad: {integrity}").format(integrity=integrity))
        click.echo(_("    confianza: {trust}").format(
            trust=_("certificado validado con las raíces dadas") if status.trusted else
            _("certificado no validado (indique las raíces de su institución con --trust)")))
    import pikepdf

    try:
        report = check_pdf(pdf)
    except pikepdf.PdfError as exc:
        click.echo(_("  no es un PDF legible: {error}").format(error=exc))
        raise PmgError("") from None
    click.echo(_("  archivo ({variant}):").format(variant=report.variant))
    for finding in report.findings:
        click.echo(f"    {finding}")
    if not result.intact or not report.ok:
        raise PmgError("")  # the report above says what
