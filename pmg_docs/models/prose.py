"""A prose document of the marco (a decree, a documento técnico, a manual): Markdown with front
matter.

The front matter names the catalog and which of its documents this is (`document: decreto`, an
entry of the catalog's `documents:` of kind `prose`); every other field is one that entry
declares (`fields:`: title lines, a decree's number, a date…), checked by its type when the
source is loaded (load/declared.py). `body` is the Markdown after the front matter: headings,
tables, footnotes and insertions of the catalog's content (richtext/prose.py).
"""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from ..i18n import N_
from .base import STRICT, Id, Model, ProseMarkdown


class ProseDocument(Model):
    # The fields the catalog's entry declares are the source's too: the schema, which cannot
    # know the catalog, lets an editor accept them (pmg validate checks them).
    model_config = ConfigDict(**STRICT, json_schema_extra={"additionalProperties": True})

    kind: Literal["prose"] = Field(description=N_(
        "Siempre `prose`: el archivo es un documento en prosa del marco (decreto, documento "
        "técnico, manual)."))
    catalog: Id = Field(description=N_(
        "El id del catálogo del que sale el contenido que el texto inserta: `pmg-2024`."))
    # The catalog's entry for this document (a key of its `documents:`).
    document: Id = Field(description=N_(
        "Qué documento del catálogo es: una clave de su `documents:` de tipo `prose` "
        "(`decreto`). Los demás campos del encabezado son los que esa entrada declara en "
        "`fields` (`numero`, `fecha`…)."))
    body: ProseMarkdown = Field(description=N_(
        "El texto: el Markdown después del encabezado (`---`), con títulos `#`, tablas, notas "
        "al pie e inserciones del catálogo como [[objetivos]]."))
