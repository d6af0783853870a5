"""The Word styles of pmg-docs documents: their names, and which HTML element or class takes which.

`templates/reference.docx` defines every style named here (scripts/make_reference_docx.py
writes it); the writer only applies them by name, so restyling one in the reference DOCX restyles
every document. Built-in Word styles keep their built-in names ("heading 1", "Title", "Strong"):
Word and LibreOffice show them in the user's language ("Título 1", "Título", "Texto en negrita")
and keep their meaning (navigation pane, table of contents). Styles of our own are named in
Spanish. `templates/styles/document.css` gives the PDF the same sizes and spacing, rule by rule.
"""

from __future__ import annotations

# Paragraph styles -------------------------------------------------------------------------------
NORMAL = "Normal"
TITLE = "Title"                      # <h1>: the document's title ("Título")
HEADINGS = {"h1": TITLE, "h2": "Heading 1", "h3": "Heading 2"}
# Inside a prose text (`<div class="prose">`): its headings, h1 to h4.
PROSE_CLASS = "prose"
PROSE_HEADINGS = {"h1": "Heading 1", "h2": "Heading 2", "h3": "Heading 3", "h4": "Heading 4"}
TOC_CLASS = "toc"                    # <nav class="toc">: a table of contents (toc.py)
TOC_STYLE = "toc {level}"            # its entries of level 1 to 4 ("TDC 1"…)
TOC_LEVELS = 4
FOOTNOTE_TEXT = "footnote text"      # the notes at the end of a prose text ("Texto nota pie")
# A document with any of these classes is a prose one: its DOCX carries the styles above
# (reference.py: prose_paragraph_styles).
PROSE_CLASSES = frozenset({PROSE_CLASS, TOC_CLASS, "footnotes"})
HEADER = "Header"                    # the running header ("Encabezado")
FOOTER = "Footer"                    # "Página X de Y" ("Pie de página")
LIST_PARAGRAPH = "List Paragraph"    # a list item in running text ("Párrafo de lista")
PAGE_BREAK = "Salto de página"       # an empty paragraph that starts a new page
TABLE_GAP = "Espacio tras tabla"     # the room under a table (Word joins tables that touch)

CELL = "Celda"                       # the text of a table cell
CELL_NUMBER = "Celda número"         # a figure, aligned right
CELL_CENTER = "Celda centrada"
CELL_TEXT = "Texto en celda"         # paragraphs and list items of a cell that holds several
LETTER_CELL = "Celda de carta"       # a cell of a borderless table in a letter (DE / A)

LETTER_TEXT = "Texto de carta"       # a circular's paragraphs and numbered points, justified
LETTER_HEADING = "Membrete"          # Reg. N°, CIRC. N°, ANT., MAT., on the right half
PLACE_DATE = "Lugar y fecha"
CAPTION = "Título de cuadro"         # "Cuadro N" and its title, kept with its table
CLOSING = "Despedida"
SIGNATURE = "Firma"
DISTRIBUTION = "Distribución"

CENTERED = "Texto centrado"          # a paragraph marked `center` that no other class styles
RIGHT = "Texto a la derecha"

# Character styles ------------------------------------------------------------------------------
STRONG = "Strong"                    # <strong>, <b> ("Texto en negrita")
EMPHASIS = "Emphasis"                # <em>, <i> ("Énfasis")
STRONG_EMPHASIS = "Énfasis fuerte"   # both at once: a run takes one character style

# Table styles ----------------------------------------------------------------------------------
TABLE = "Tabla PMG"                  # borders, header row, first column, total row
TABLE_CUADRO = "Tabla de cuadro"     # a circular's Cuadro: header row centred
TABLE_PLAIN = "Tabla sin bordes"     # a letter's DE / A lines

# Which style a class names, for the paragraphs of a block carrying it or inside one that does;
# the nearest class wins (a `caption` inside a `letter-body` is a caption).
BLOCK_CLASS_STYLES = {
    "caption": CAPTION,
    "place-date": PLACE_DATE,
    "closing": CLOSING,
    "signature": SIGNATURE,
    "letter-heading": LETTER_HEADING,
    "letter-body": LETTER_TEXT,
    "distribution": DISTRIBUTION,
    "footnotes": FOOTNOTE_TEXT,
}
# Alignment classes, when no class above styles the paragraph.
ALIGN_CLASS_STYLES = {"center": CENTERED, "right": RIGHT}
# A cell's alignment class; `stage` labels a group of rows (centred across and down).
CELL_CLASS_STYLES = {"number": CELL_NUMBER, "center": CELL_CENTER, "stage": CELL_CENTER}
TABLE_CLASS_STYLES = {"plain": TABLE_PLAIN, "cuadro": TABLE_CUADRO}

# The list kinds of numbering.xml, by the abstract numbering's name in the reference DOCX.
BULLETS = "Viñetas"
DECIMAL = "Números 1."
DECIMAL_PAREN = "Números 1)"
LETTER_PAREN = "Letras a)"


def all_styles() -> list[str]:
    """Every paragraph, character and table style the writer may apply."""
    names = [NORMAL, *HEADINGS.values(), HEADER, FOOTER, LIST_PARAGRAPH, PAGE_BREAK, TABLE_GAP,
             CELL, CELL_NUMBER, CELL_CENTER, CELL_TEXT, LETTER_CELL, *BLOCK_CLASS_STYLES.values(),
             *ALIGN_CLASS_STYLES.values(), STRONG, EMPHASIS, STRONG_EMPHASIS, TABLE,
             *TABLE_CLASS_STYLES.values(), *PROSE_HEADINGS.values(),
             *(TOC_STYLE.format(level=level) for level in range(1, TOC_LEVELS + 1))]
    return list(dict.fromkeys(names))
