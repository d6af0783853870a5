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
    name: Text
    title: Text = Field(title=N_("cargo"))


class HeadRecipient(Model):
    """The head of a service who gets a copy, under the minister the service depends on."""

    institution: Id
    # As the Distribución prints it: "Sr. Superintendente de Salud".
    to: Text


class MinisterRecipient(Model):
    ministry: Id
    # As the Distribución prints it: "Sr. Ministro de Salud".
    to: Text
    heads: list[HeadRecipient] = []


class Circular(Model):
    kind: Literal["circular"]
    catalog: Id
    registry: Text                      # Reg. N°, e.g. 037/LIL/RMA
    number: int = Field(ge=1, title=N_("CIRC. N°"))
    antecedent: Text                    # ANT.
    subject: Text                       # MAT.
    place: Text
    date: LetterDate
    sender: Person                      # DE
    addressee: Text                     # A
    closing: Text = "Saluda atentamente a Ud."
    signatory: Person
    recipients: list[MinisterRecipient] = Field(min_length=1)
    body: LetterText
