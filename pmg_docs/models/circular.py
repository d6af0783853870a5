"""A circular of the Minister of Finance: its letter heading in front matter, its text in Markdown.

The front matter holds what the letter's heading and closing print (Reg. N°, CIRC. N°, ANT.,
MAT., place and date, DE, A, signatory) and who receives it (Distribución); `body` is the
Markdown after the front matter, with insertions that print parts of the catalog.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from ..i18n import N_, _
from .base import Id, LetterText, Model, Text

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _date(value: object) -> object:
    # The loader hands dates over as text (see front_matter.py), so that a wrong one is located.
    if isinstance(value, str):
        if not _ISO_DATE.match(value.strip()):
            raise ValueError(_("se encontró «{value}»; se espera una fecha escrita AAAA-MM-DD, "
                               "por ejemplo 2011-09-15").format(value=value))
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(_("se encontró «{value}», que no es una fecha del calendario; se "
                               "espera una fecha real escrita AAAA-MM-DD").format(
                                   value=value)) from None
    return value


LetterDate = Annotated[dt.date, BeforeValidator(_date)]


class Person(Model):
    name: Text = Field(description=N_(
        "Nombre de la persona como lo imprime la carta: «FELIPE LARRAÍN BASCUÑÁN»."))
    title: Text = Field(title=N_("cargo"), description=N_(
        "Su cargo: «MINISTRO DE HACIENDA»."))


class HeadRecipient(Model):
    """The head of a service who gets a copy, under the minister the service depends on."""

    institution: Id = Field(description=N_(
        "El id del servicio en el catálogo (`ministries[].institutions`): "
        "`superintendencia-de-salud`."))
    # As the Distribución prints it: "Sr. Superintendente de Salud".
    to: Text = Field(description=N_(
        "Cómo lo nombra la Distribución: «Sr. Superintendente de Salud»."))


class MinisterRecipient(Model):
    ministry: Id = Field(description=N_(
        "El id del ministerio en el catálogo (`ministries`): `salud`."))
    # As the Distribución prints it: "Sr. Ministro de Salud".
    to: Text = Field(description=N_(
        "Cómo lo nombra la Distribución: «Sr. Ministro de Salud»."))
    heads: list[HeadRecipient] = Field(default=[], description=N_(
        "Las jefaturas de los servicios de ese ministerio que reciben copia."))


class Circular(Model):
    kind: Literal["circular"] = Field(description=N_(
        "Siempre `circular`: el archivo es una circular del Ministro de Hacienda."))
    catalog: Id = Field(description=N_(
        "El id del catálogo del que salen los cuadros de la circular: `mei-2012`."))
    registry: Text = Field(description=N_(  # Reg. N°
        "«Reg. N°» de la carta: `037/LIL/RMA`."))
    number: int = Field(ge=1, title=N_("CIRC. N°"), description=N_(
        "Número de la circular («CIRC. N°»): `39`."))
    antecedent: Text = Field(description=N_(  # ANT.
        "«ANT.»: los antecedentes, p. ej. «Art. 9 de la Ley N° 20.212…»."))
    subject: Text = Field(description=N_(  # MAT.
        "«MAT.»: la materia de la circular, p. ej. «Programa Marco de Metas de Eficiencia "
        "Institucional… año 2012»."))
    place: Text = Field(description=N_(
        "Lugar que precede a la fecha: `SANTIAGO`."))
    date: LetterDate = Field(description=N_(
        "Fecha de la circular, AAAA-MM-DD (`2011-09-15`); se imprime «15 SEP 2011»."))
    sender: Person = Field(description=N_(  # DE
        "«DE»: quien envía, con nombre y cargo."))
    addressee: Text = Field(description=N_(  # A
        "«A»: a quién se dirige: «SRES. MINISTROS DE ESTADO»."))
    closing: Text = Field(default="Saluda atentamente a Ud.", description=N_(
        "Fórmula de despedida antes de la firma."))
    signatory: Person = Field(description=N_(
        "Quien firma, con nombre y cargo."))
    recipients: list[MinisterRecipient] = Field(min_length=1, description=N_(
        "«Distribución»: cada ministro y, bajo él, las jefaturas de servicio que reciben "
        "copia."))
    body: LetterText = Field(description=N_(
        "El texto de la circular: el Markdown después del encabezado (`---`), con sus puntos "
        "numerados, cuadros del catálogo (`::: cuadro-sistemas`) y referencias "
        "(`[[sistema:ID]]`)."))
