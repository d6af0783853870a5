"""The style as the values a Typst preamble needs, in Typst's units: the one place the Typst
engine (pmg_docs/writers/typst/) reads the look from.

`typst_values(style)` gives plain data (numbers, strings, tuples): the preamble formats each as
a Typst length (`f"{value}pt"`, `f"{value}mm"`), colour (`rgb("#RRGGBB")`) or string literal.
Lengths are in points (`*_pt`) or millimetres (`*_mm`), named by their unit so that no caller
has to guess. Text the style holds (header and footer) is given as parts: literal strings,
and the placeholders `{pagina}`, `{paginas}`, `{titulo}`, which the preamble turns into
`counter(page).display()`, the page total, and the document's running title; a literal part
goes into Typst as a string literal, never as markup.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .load import logo_file
from .model import Style, pattern_parts


def typst_values(style: Style, templates: Path | None = None) -> Mapping[str, Any]:
    """Everything a Typst preamble needs of `style`. `templates` is the folder the logo is
    looked for in first (the user's), then the package's; `logo_path` is None without a
    logo."""
    from ..resources import templates_dir

    page, text, titles = style.pagina, style.texto, style.titulos
    tables, header, footer, letter = style.tablas, style.encabezado, style.pie, style.carta
    width, height = page.size_mm()
    folders = ([Path(templates)] if templates else []) + [templates_dir()]
    logo = header.logo
    logo_path = logo_file(logo.archivo, folders) if logo is not None else None
    return {
        # The sheet, portrait; a landscape document (`landscape`, or a template's body class
        # "landscape") swaps them (`flipped: true`).
        "landscape": page.landscape,
        "page_width_mm": width,
        "page_height_mm": height,
        "margin_top_mm": page.margenes.superior,
        "margin_bottom_mm": page.margenes.inferior,
        "margin_left_mm": page.margenes.izquierdo,
        "margin_right_mm": page.margenes.derecho,
        "font": style.letra.pdf,
        # Exact line heights: the line box is the line height (see DESIGN.md, "The PDF engine
        # and the look", for how Typst's top and bottom edges give CSS's half-leading).
        "body_size_pt": text.tamano,
        "body_leading_pt": text.interlineado,
        "body_colour": f"#{text.color}",
        "paragraph_after_mm": text.espacio_despues,
        "headings": {
            level: {"size_pt": heading.tamano, "leading_pt": heading.interlineado,
                    "before_mm": heading.antes, "after_mm": heading.despues}
            for level, heading in ((1, titles.titulo), (2, titles.nivel1), (3, titles.nivel2))
        },
        # A prose text's sections, h1 to h4 inside `<div class="prose">` (Word's Heading 1 to
        # 4): level 1 and 2 are the same values as headings 2 and 3 above.
        "section_headings": {
            level: {"size_pt": heading.tamano, "leading_pt": heading.interlineado,
                    "before_mm": heading.antes, "after_mm": heading.despues}
            for level, heading in enumerate(titles.levels(), 1)
        },
        # A prose document's table of contents: the indent of levels 1 to 4.
        "toc_indents_mm": style.indice.sangria.levels(),
        "toc_entry_after_mm": style.indice.espacio_despues,
        "footnote_size_pt": style.notas.tamano,
        "footnote_leading_pt": style.notas.interlineado,
        "footnotes_before_mm": style.notas.antes,
        "footnote_call_size_pt": style.notas.llamada,
        "caption_size_pt": style.leyenda.tamano,
        "caption_leading_pt": style.leyenda.interlineado,
        "caption_before_mm": style.leyenda.antes,
        "caption_after_mm": style.leyenda.despues,
        "list_indent_mm": style.listas.sangria,
        "paren_list_indent_mm": style.listas.sangria_parentesis,
        "list_item_after_mm": style.listas.espacio_despues,
        "table_stroke_pt": tables.borde.grosor,
        "table_stroke_colour": f"#{tables.borde.color}",
        "cell_inset_mm": (tables.relleno.vertical, tables.relleno.horizontal),
        "plain_cell_inset_mm": (tables.sin_bordes.vertical, tables.sin_bordes.derecha),
        "header_fill": f"#{tables.fondo_encabezado}",
        "row_header_fill": f"#{tables.fondo_destacado}",
        "table_after_mm": tables.espacio_despues,
        "cell_paragraph_after_mm": tables.espacio_parrafos,
        "header_parts": tuple(pattern_parts(header.texto)),
        "header_size_pt": header.tamano,
        "header_leading_pt": header.interlineado,
        "header_colour": f"#{header.color}",
        "header_rule_pt": header.linea.grosor,
        "header_rule_colour": f"#{header.linea.color}",
        "logo_path": logo_path,
        "logo_width_mm": header.logo.ancho if header.logo is not None else None,
        "footer_parts": tuple(pattern_parts(footer.texto)),
        "footer_size_pt": footer.tamano,
        "footer_leading_pt": footer.interlineado,
        "footer_colour": f"#{footer.color}",
        "letter_size_pt": letter.tamano,
        "letter_leading_pt": letter.interlineado,
        "letter_after_mm": letter.espacio_despues,
        # A circular's parts: (above, below) in mm.
        "place_date_mm": (letter.lugar_fecha.antes, letter.lugar_fecha.despues),
        "closing_before_mm": letter.despedida.antes,
        "signature_mm": (letter.firma.antes, letter.firma.despues),
        "distribution_after_mm": letter.distribucion.espacio_despues,
        "distribution_size_pt": letter.distribucion.tamano,
        "distribution_leading_pt": letter.distribucion.interlineado,
    }
