"""What every model shares: unknown keys are errors and values are not silently coerced."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from ..i18n import N_, _
from .vocabulary import field_title

# Strict: "20" is not a number and 1 is not a text. Unknown keys are errors, so a typo in a key
# is reported instead of silently ignored. Every field is titled from the vocabulary.
STRICT = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False, frozen=True,
                    field_title_generator=field_title)


class Model(BaseModel):
    model_config = STRICT


# What `pmg new` writes where only the person can say what goes (a ministry, a description):
# checks/placeholders.py refuses a document that still says it.
TO_FILL = "POR DEFINIR"

# Ids are short lowercase slugs: they appear in file names, diffs and command lines.
ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
# The catalog a service's document of the year names (plan, report): one description for all.
YearCatalog = Annotated[Id, Field(description=N_(
    "El id del catálogo (Programa Marco) del año: `pmg-2024`."))]


# Control characters (a bell, a NUL typed as "\0", a terminal's escape) cannot go into a DOCX,
# print as nothing in a PDF and could drive a terminal that shows a message; lone surrogates and
# U+FFFE/U+FFFF are no characters at all. XML (and so a DOCX) admits none of them.
NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _printable(text: str) -> str:
    found = NOT_TEXT.search(text)
    if found is not None:
        char = found.group()
        if unicodedata.category(char) == "Cc":
            raise ValueError(_("contiene el carácter de control U+{code:04X} en la posición "
                               "{index}; se espera texto imprimible").format(
                code=ord(char), index=found.start()))
        raise ValueError(_("contiene U+{code:04X} en la posición {index}, que no es un carácter "
                           "de texto; se espera texto imprimible").format(
            code=ord(char), index=found.start()))
    return text


class _Markdown:
    """Marks a text field written in Markdown (checks/markdown.py looks for it)."""

    def __repr__(self) -> str:
        return "MARKDOWN"


MARKDOWN = _Markdown()

Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000),
                 AfterValidator(_printable)]
def _lines_at_most(limit: int) -> AfterValidator:
    def check(text: str) -> str:
        lines = text.count("\n") + (not text.endswith("\n"))
        if lines > limit:
            raise ValueError(_("un texto de {lines} líneas; el límite es {limit}, muy por encima "
                               "de cualquier documento real (cada línea se diagrama por "
                               "separado)").format(lines=lines, limit=limit))
        return text
    return AfterValidator(check)


# Markdown: a description, a note, a justification (real ones: a few thousand characters, some
# tens of lines), and a circular's whole text (Circular N° 39: 9 000 characters, 131 lines).
# The limits stand about 100 times above the largest real text.
RichText = Annotated[str, StringConstraints(min_length=1, max_length=200_000),
                     AfterValidator(_printable), _lines_at_most(2_000), MARKDOWN]
LetterText = Annotated[str, StringConstraints(min_length=1, max_length=2_000_000),
                       AfterValidator(_printable), _lines_at_most(20_000), MARKDOWN]
# A prose document's whole text (models/prose.py): Markdown with headings, tables and footnotes
# (richtext/prose.py), so not marked MARKDOWN, whose check warns about those as unsupported.
ProseMarkdown = Annotated[str, StringConstraints(min_length=1, max_length=2_000_000),
                          AfterValidator(_printable), _lines_at_most(20_000)]
# A short label that is no id: a version ("2024.1"), a requirement's code ("E1-01-RT1").
Label = Annotated[str, StringConstraints(min_length=1, max_length=40), AfterValidator(_printable)]
Weight = Annotated[float, Field(ge=0, le=100)]
# A quantity a target states (a numerator, a denominator, a value): up to 10^15, above any amount
# in pesos of the national budget, so that what is computed from it stays a number that prints.
# Below 10^-6 (but not 0) a quantity is no amount of these documents, which print at most four
# decimals: refused, so that no ratio of two amounts overflows (10^15 / 10^-320 is infinite).
MAX_AMOUNT, MIN_AMOUNT = 1e15, 1e-6


def _not_tiny(value: float) -> float:
    if value and abs(value) < MIN_AMOUNT:
        raise ValueError(_("{value!r} es casi 0; se espera 0 o un número de al menos 0.000001 "
                           "(los documentos imprimen hasta 4 decimales)").format(value=value))
    return value


Amount = Annotated[float, Field(ge=0, le=MAX_AMOUNT), AfterValidator(_not_tiny)]
SignedAmount = Annotated[float, Field(ge=-MAX_AMOUNT, le=MAX_AMOUNT), AfterValidator(_not_tiny)]


class Identified(Model):
    """An item named by an id. Listed last among a model's bases, so that `id` comes first in
    its fields: the order `pmg fmt` writes keys in."""

    id: Id = Field(description=N_(
        "Identificador con que otros archivos lo nombran: minúsculas, dígitos y guiones, sin "
        "tildes ni espacios (`transformacion-digital`, `tiempo-concesion-pgu`)."))
