"""The look of every document, as data: the typed, frozen form of `styles/estilo.yaml`.

Field names are the file's keys (Spanish, as ministry staff write them), so that a located
error names the key the user wrote and a misspelt one gets its «¿quiso decir…?». Units are the
file's: sizes and line heights in points, lengths in millimetres, line widths in points,
colours as RRGGBB. The derivations (css.py, typst.py, writers/docx/reference.py) turn them
into each writer's units; nothing else in pmg-docs holds a look value.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from ..i18n import _


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, allow_inf_nan=False)


# Bounds are what a page can hold: a body size of 200 pt or a 1 m margin is a typo, and a
# bounded value keeps every derived figure (twips, Typst lengths) within what the writers take.
Points = Annotated[float, Field(gt=0, le=72)]
Millimetres = Annotated[float, Field(ge=0, le=100)]
LineWidth = Annotated[float, Field(ge=0, le=6)]
Colour = Annotated[str, StringConstraints(pattern=r"^[0-9A-Fa-f]{6}$"),
                   AfterValidator(str.upper)]

# A page-number pattern may name these, and nothing else in braces.
PAGE = "{pagina}"
PAGES = "{paginas}"
TITLE = "{titulo}"
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _pattern(allowed: tuple[str, ...]) -> AfterValidator:
    def check(text: str) -> str:
        for found in _PLACEHOLDER.findall(text):
            if found not in allowed:
                raise ValueError(_("«{found}» no es un dato que se pueda poner aquí; se espera "
                                   "{allowed}").format(found=found, allowed=", ".join(allowed)))
        if "{" in _PLACEHOLDER.sub("", text) or "}" in _PLACEHOLDER.sub("", text):
            raise ValueError(_("tiene una llave sin cerrar; se espera {allowed}").format(
                allowed=", ".join(allowed)))
        return text
    return AfterValidator(check)


# Short lines of plain text: they go into one line at the top or foot of a page.
_Line = Annotated[str, StringConstraints(max_length=200, pattern=r"^[^\x00-\x1f\x7f]*$")]
FooterText = Annotated[_Line, _pattern((PAGE, PAGES))]
HeaderText = Annotated[_Line, _pattern((TITLE,))]
# An image file of the templates folder, named relative to it (writers read only files inside).
ImageName = Annotated[str, StringConstraints(
    min_length=1, max_length=200, pattern=r"^[^\x00-\x1f\\:]+\.(?i:png|jpe?g)$")]


class Margins(_Part):
    superior: Millimetres
    inferior: Millimetres
    izquierdo: Millimetres
    derecho: Millimetres


class Page(_Part):
    tamano: Literal["A4", "carta"]
    # The orientation of every document; a template still asks for a landscape one with
    # class "landscape" on <body> (the year's report).
    orientacion: Literal["vertical", "horizontal"]
    margenes: Margins
    distancia_encabezado: Millimetres
    distancia_pie: Millimetres

    @property
    def landscape(self) -> bool:
        return self.orientacion == "horizontal"

    def size_mm(self, landscape: bool = False) -> tuple[float, float]:
        """(width, height) of the sheet in millimetres."""
        width, height = PAGE_SIZES_MM[self.tamano]
        return (height, width) if landscape else (width, height)

    def text_width_mm(self, landscape: bool = False) -> float:
        return self.size_mm(landscape)[0] - self.margenes.izquierdo - self.margenes.derecho


# ISO A4 and US Letter, portrait (width, height) in mm.
PAGE_SIZES_MM = {"A4": (210.0, 297.0), "carta": (215.9, 279.4)}


class Fonts(_Part):
    # The PDF embeds the package's own font (pmg_docs/fonts): only one it carries can be named.
    pdf: Literal["Arimo"]
    word: Annotated[str, StringConstraints(min_length=1, max_length=60,
                                           pattern=r"^[A-Za-z0-9 ]+$")]


class Text(_Part):
    tamano: Points
    interlineado: Points
    color: Colour
    espacio_despues: Millimetres


class Heading(_Part):
    tamano: Points
    interlineado: Points
    antes: Millimetres
    despues: Millimetres


class Headings(_Part):
    titulo: Heading
    nivel1: Heading
    nivel2: Heading
    # A prose document's sections go two levels deeper (its h3 and h4).
    nivel3: Heading
    nivel4: Heading

    def levels(self) -> tuple[Heading, Heading, Heading, Heading]:
        """The section headings, level 1 first (Word's Heading 1 to 4)."""
        return (self.nivel1, self.nivel2, self.nivel3, self.nivel4)


class IndexIndents(_Part):
    nivel1: Annotated[float, Field(ge=0, le=60)]
    nivel2: Annotated[float, Field(ge=0, le=60)]
    nivel3: Annotated[float, Field(ge=0, le=60)]
    nivel4: Annotated[float, Field(ge=0, le=60)]

    def levels(self) -> tuple[float, float, float, float]:
        return (self.nivel1, self.nivel2, self.nivel3, self.nivel4)


class Index(_Part):
    """A prose document's table of contents (ÍNDICE)."""

    sangria: IndexIndents
    espacio_despues: Millimetres


class Notes(_Part):
    """A prose document's footnotes: the notes at the end of the text, and the number that
    calls one."""

    tamano: Points
    interlineado: Points
    antes: Millimetres
    llamada: Points


class Caption(_Part):
    """A table's title («Cuadro 1: …»), in a circular or a prose document."""

    tamano: Points
    interlineado: Points
    antes: Millimetres
    despues: Millimetres


class Lists(_Part):
    sangria: Annotated[float, Field(gt=0, le=30)]
    sangria_parentesis: Annotated[float, Field(gt=0, le=30)]
    espacio_despues: Millimetres


class Rule(_Part):
    grosor: LineWidth
    color: Colour


class Padding(_Part):
    vertical: Annotated[float, Field(ge=0, le=20)]
    horizontal: Annotated[float, Field(ge=0, le=20)]


class PlainPadding(_Part):
    vertical: Annotated[float, Field(ge=0, le=20)]
    derecha: Annotated[float, Field(ge=0, le=20)]


class Tables(_Part):
    borde: Rule
    relleno: Padding
    fondo_encabezado: Colour
    fondo_destacado: Colour
    espacio_despues: Annotated[float, Field(ge=1, le=100)]
    espacio_parrafos: Millimetres
    sin_bordes: PlainPadding


class Logo(_Part):
    archivo: ImageName
    ancho: Annotated[float, Field(gt=0, le=80)]


class Header(_Part):
    texto: HeaderText
    tamano: Points
    interlineado: Points
    color: Colour
    linea: Rule
    logo: Logo | None


class Footer(_Part):
    texto: FooterText
    tamano: Points
    interlineado: Points
    color: Colour


class Spacing(_Part):
    antes: Millimetres
    despues: Millimetres


class Before(_Part):
    antes: Millimetres


class Distribution(_Part):
    tamano: Points
    interlineado: Points
    espacio_despues: Millimetres


class Letter(_Part):
    tamano: Points
    interlineado: Points
    espacio_despues: Millimetres
    lugar_fecha: Spacing
    despedida: Before
    firma: Spacing
    distribucion: Distribution


class Style(_Part):
    """The whole look. Equal styles are equal values (frozen, hashable): a derived reference
    DOCX is cached by its style."""

    pagina: Page
    letra: Fonts
    texto: Text
    titulos: Headings
    indice: Index
    notas: Notes
    leyenda: Caption
    listas: Lists
    tablas: Tables
    encabezado: Header
    pie: Footer
    carta: Letter


def pattern_parts(text: str) -> list[str]:
    """`"Página {pagina} de {paginas}"` -> `["Página ", "{pagina}", " de ", "{paginas}"]`: the
    literal texts and the placeholders, in order, empty texts left out."""
    parts: list[str] = []
    position = 0
    for found in _PLACEHOLDER.finditer(text):
        parts += [text[position:found.start()], found.group()]
        position = found.end()
    parts.append(text[position:])
    return [part for part in parts if part]
