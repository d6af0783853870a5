"""The style as CSS for the WeasyPrint engine: the page (`@page`: size, margins, footer) and
every other look value as a custom property that `styles/document.css` reads with `var()`.

document.css keeps the rules (which element takes which value, what breaks where); this sheet
holds the values, so no look value is written twice. Templates link it before document.css as
a `data:` URL (`{{ style_sheet }}` in base.html.j2): nothing is written to disk, and the PDF
writer's fetcher serves `data:` URLs.
"""

from __future__ import annotations

import base64

from .model import PAGE, PAGES, Style, pattern_parts

MM_PER_PT = 25.4 / 72


def number(value: float) -> str:
    """A CSS number: at most three decimals, no trailing zeros (`12.0` -> `12`)."""
    return f"{value:.3f}".rstrip("0").rstrip(".")


def _mm(value: float) -> str:
    return "0" if value == 0 else f"{number(value)}mm"


def _pt(value: float) -> str:
    return f"{number(value)}pt"


def _string(text: str) -> str:
    """A CSS string literal of `text` (the style's footer text: staff write it). Any other
    character is a hex escape, ended by a space that CSS consumes with it (so that a space
    the text holds after it stays)."""
    escaped = "".join(ch if ch.isalnum() or ch in " .,;:-–—()/°ºª" else f"\\{ord(ch):x} "
                      for ch in text)
    return f'"{escaped}"'


def footer_content(text: str) -> str:
    """`Página {pagina} de {paginas}` as the `content` of a margin box."""
    counters = {PAGE: "counter(page)", PAGES: "counter(pages)"}
    return " ".join(counters.get(part) or _string(part) for part in pattern_parts(text))


def cell_padding_mm(style: Style) -> float:
    """The side padding of a cell in CSS. Word counts its cell margin from the middle of the
    border's half that belongs to the cell; WeasyPrint, with collapsed borders, from the edge of
    that half: a quarter of the border's width less."""
    tables = style.tablas
    return tables.relleno.horizontal - tables.borde.grosor * MM_PER_PT / 4


def properties(style: Style) -> dict[str, str]:
    """The custom properties document.css reads, by name (without the leading `--`)."""
    text, titles, lists = style.texto, style.titulos, style.listas
    tables, header, letter = style.tablas, style.encabezado, style.carta
    values = {
        "fuente": f'"{style.letra.pdf}", sans-serif',
        "texto-tamano": _pt(text.tamano),
        "texto-interlineado": _pt(text.interlineado),
        "texto-color": f"#{text.color}",
        "parrafo-despues": _mm(text.espacio_despues),
        "encabezado-tamano": _pt(header.tamano),
        "encabezado-interlineado": _pt(header.interlineado),
        "encabezado-color": f"#{header.color}",
        "encabezado-linea": f"{_pt(header.linea.grosor)} solid #{header.linea.color}",
        "lista-sangria": _mm(lists.sangria),
        "lista-sangria-parentesis": _mm(lists.sangria_parentesis),
        "lista-despues": _mm(lists.espacio_despues),
        "tabla-despues": _mm(tables.espacio_despues),
        "celda-borde": f"{_pt(tables.borde.grosor)} solid #{tables.borde.color}",
        "celda-relleno": f"{_mm(tables.relleno.vertical)} {_mm(cell_padding_mm(style))}",
        "celda-parrafos": _mm(tables.espacio_parrafos),
        "fondo-encabezado": f"#{tables.fondo_encabezado}",
        "fondo-destacado": f"#{tables.fondo_destacado}",
        "sin-bordes-relleno": (f"{_mm(tables.sin_bordes.vertical)} "
                               f"{_mm(tables.sin_bordes.derecha)} "
                               f"{_mm(tables.sin_bordes.vertical)} 0"),
        "carta-tamano": _pt(letter.tamano),
        "carta-interlineado": _pt(letter.interlineado),
        "carta-despues": _mm(letter.espacio_despues),
        "lugar-fecha-antes": _mm(letter.lugar_fecha.antes),
        "lugar-fecha-despues": _mm(letter.lugar_fecha.despues),
        "despedida-antes": _mm(letter.despedida.antes),
        "firma-antes": _mm(letter.firma.antes),
        "firma-despues": _mm(letter.firma.despues),
        "distribucion-tamano": _pt(letter.distribucion.tamano),
        "distribucion-interlineado": _pt(letter.distribucion.interlineado),
        "distribucion-despues": _mm(letter.distribucion.espacio_despues),
    }
    # Named as Word names them: «Título», «Título 1» to «Título 4» (which HTML heading takes
    # which level depends on where it stands: document.css).
    headings = {"titulo": titles.titulo} | {
        f"titulo{level}": heading for level, heading in enumerate(titles.levels(), 1)}
    for name, heading in headings.items():
        values[f"{name}-tamano"] = _pt(heading.tamano)
        values[f"{name}-interlineado"] = _pt(heading.interlineado)
        values[f"{name}-antes"] = _mm(heading.antes)
        values[f"{name}-despues"] = _mm(heading.despues)
    index, notes, caption = style.indice, style.notas, style.leyenda
    for level, indent in enumerate(index.sangria.levels(), 1):
        values[f"indice-sangria{level}"] = _mm(indent)
    values["indice-despues"] = _mm(index.espacio_despues)
    values["notas-tamano"] = _pt(notes.tamano)
    values["notas-interlineado"] = _pt(notes.interlineado)
    values["notas-antes"] = _mm(notes.antes)
    values["nota-llamada"] = _pt(notes.llamada)
    values["leyenda-tamano"] = _pt(caption.tamano)
    values["leyenda-interlineado"] = _pt(caption.interlineado)
    values["leyenda-antes"] = _mm(caption.antes)
    values["leyenda-despues"] = _mm(caption.despues)
    return values


def _page_size(style: Style, landscape: bool) -> str:
    width, height = style.pagina.size_mm(landscape)
    return f"{_mm(width)} {_mm(height)}"


def style_css(style: Style) -> str:
    """The stylesheet of the style's values."""
    page, footer = style.pagina, style.pie
    margins = page.margenes
    declarations = "\n".join(f"  --{name}: {value};" for name, value in properties(style).items())
    # A4 is named as CSS names it, so that the page box is exactly what it was before the style
    # file (WeasyPrint's A4 and 210mm × 297mm are the same size).
    landscape = "A4 landscape" if page.tamano == "A4" else _page_size(style, True)
    size = landscape if page.landscape else "A4" if page.tamano == "A4" \
        else _page_size(style, False)
    return (
        f":root {{\n{declarations}\n}}\n"
        "@page {\n"
        f"  size: {size};\n"
        f"  margin: {_mm(margins.superior)} {_mm(margins.derecho)} {_mm(margins.inferior)} "
        f"{_mm(margins.izquierdo)};\n"
        "  @top-center { content: element(running-header); width: 100%; "
        "vertical-align: bottom; padding-bottom: 3mm; }\n"
        f"  @bottom-right {{ content: {footer_content(footer.texto)}; "
        f'font-family: "{style.letra.pdf}", sans-serif; font-size: {_pt(footer.tamano)}; '
        f"line-height: {_pt(footer.interlineado)}; color: #{footer.color}; }}\n"
        "}\n"
        f"@page landscape {{ size: {landscape}; }}\n")


def style_sheet_url(style: Style) -> str:
    """The stylesheet as a `data:` URL, for a template's `<link rel="stylesheet">`."""
    encoded = base64.b64encode(style_css(style).encode("utf-8")).decode("ascii")
    return f"data:text/css;charset=utf-8;base64,{encoded}"
