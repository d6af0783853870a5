"""What every model shares: unknown keys are errors and values are not silently coerced."""

from __future__ import annotations

import unicodedata
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from ..i18n import _

# Strict: "20" is not a number and 1 is not a text. Unknown keys are errors, so a typo in a key
# is reported instead of silently ignored.
STRICT = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False, frozen=True)


class Model(BaseModel):
    model_config = STRICT


# Ids are short lowercase slugs: they appear in file names, diffs and command lines.
ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]


def _printable(text: str) -> str:
    # Control characters (a bell, a NUL typed as "\0") cannot go into a DOCX and print as
    # nothing in a PDF: they are always a mistake.
    for index, char in enumerate(text):
        if char not in "\n\t\r" and unicodedata.category(char) == "Cc":
            raise ValueError(_("contiene el carácter de control U+{code:04X} en la posición "
                               "{index}; se espera texto imprimible").format(code=ord(char),
                                                                            index=index))
    return text


class _Markdown:
    """Marks a text field written in Markdown (checks/markdown.py looks for it)."""

    def __repr__(self) -> str:
        return "MARKDOWN"


MARKDOWN = _Markdown()

Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000),
                 AfterValidator(_printable)]
RichText = Annotated[str, StringConstraints(min_length=1, max_length=200_000),
                     AfterValidator(_printable), MARKDOWN]
Weight = Annotated[float, Field(ge=0, le=100)]


class Identified(Model):
    """An item named by an id. Listed last among a model's bases, so that `id` comes first in
    its fields: the order `pmg fmt` writes keys in."""

    id: Id
