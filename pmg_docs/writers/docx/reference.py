"""The style (pmg_docs/style) as Word styles: the reference DOCX every DOCX starts from (its styles,
lists, theme and language), built from the style file.

The writer applies these styles by name (pmg_docs/writers/docx/styles.py) and sets no font, size,
colour or spacing of its own. Sizes and spacing follow the same values as the PDF's stylesheet
(pmg_docs/style/css.py), and Word's font is the PDF font's twin in widths (Arial for Arimo), so
both formats break lines and pages alike. Lines have an exact height (the style's `interlineado`)
so that Word, LibreOffice and WeasyPrint agree on it whatever the font's own line gap.

Built in memory once per style and process (`reference_docx`); scripts/make_reference_docx.py
writes the package style's copy to templates/reference.docx, for staff to open in Word.
"""

from __future__ import annotations

import io
import re
from functools import lru_cache

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml

from ...style.model import Style
from ..zips import fixed_zip_times
from . import styles as names
from .package import FIXED_DATETIME, package_order

LANGUAGE = "es-CL"
MM_PER_PT = 25.4 / 72
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
# Word's own page-break and table-gap paragraphs are one point high (the least it draws).
TINY_PT = 1
# How far the header's rule sits under its text, in points (Word's `w:space`).
HEADER_RULE_SPACE_PT = 3


def tw(mm: float) -> int:
    """Millimetres in twentieths of a point."""
    return round(mm * 1440 / 25.4)


def _eighths(points: float) -> int:
    """A line width in eighths of a point (Word's border `w:sz`)."""
    return round(points * 8)


# What goes before <w:spacing> in a <w:pPr> (the schema fixes the order); the rest goes after.
BEFORE_SPACING = re.compile(r"<w:(?:keepNext|keepLines|pageBreakBefore)/>|<w:pBdr>.*?</w:pBdr>")


def _ppr(before_mm: float, after_mm: float, line_pt: float, extra: str) -> str:
    spacing = (f'<w:spacing w:before="{tw(before_mm)}" w:after="{tw(after_mm)}" '
               f'w:line="{round(line_pt * 20)}" w:lineRule="exact"/>')
    return (f"<w:pPr>{''.join(BEFORE_SPACING.findall(extra))}{spacing}"
            f"{BEFORE_SPACING.sub('', extra)}</w:pPr>")


def paragraph_style(name, style_id, based_on, size, line, before, after, ppr, rpr) -> str:
    default = ' w:default="1"' if style_id == "Normal" else ""
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return (f'<w:style {W} w:type="paragraph"{default} w:styleId="{style_id}">'
            f'<w:name w:val="{name}"/>{based}<w:qFormat/>{_ppr(before, after, line, ppr)}'
            f'<w:rPr>{rpr}<w:sz w:val="{round(size * 2)}"/><w:szCs w:val="{round(size * 2)}"/>'
            '</w:rPr></w:style>')


def character_style(name, style_id, rpr) -> str:
    return (f'<w:style {W} w:type="character" w:styleId="{style_id}"><w:name w:val="{name}"/>'
            f'<w:qFormat/><w:rPr>{rpr}</w:rPr></w:style>')


def paragraph_styles(style: Style) -> list[tuple]:
    """(name, id, based on, size pt, line pt, before mm, after mm, extra pPr, rPr) of each
    paragraph style. Built-in styles keep their built-in names (Word shows them in the user's
    language)."""
    text, titles, header, footer = style.texto, style.titulos, style.encabezado, style.pie
    letter, tables, lists = style.carta, style.tablas, style.listas
    body = (text.tamano, text.interlineado)
    letter_size = (letter.tamano, letter.interlineado)
    after = text.espacio_despues
    # Where a letter's right-hand blocks start: half the text width (the PDF's 50 %).
    half = tw(style.pagina.text_width_mm(style.pagina.landscape) / 2)
    rule = header.linea
    heading_rpr = "<w:b/>"
    return [
        (names.NORMAL, "Normal", None, *body, 0, after, "", _colour(text.color)),
        (names.TITLE, "Title", "Normal", titles.titulo.tamano, titles.titulo.interlineado,
         titles.titulo.antes, titles.titulo.despues, '<w:keepNext/><w:jc w:val="center"/>',
         heading_rpr),
        ("heading 1", "Heading1", "Normal", titles.nivel1.tamano, titles.nivel1.interlineado,
         titles.nivel1.antes, titles.nivel1.despues,
         '<w:keepNext/><w:outlineLvl w:val="0"/>', heading_rpr),
        ("heading 2", "Heading2", "Normal", titles.nivel2.tamano, titles.nivel2.interlineado,
         titles.nivel2.antes, titles.nivel2.despues,
         '<w:keepNext/><w:outlineLvl w:val="1"/>', heading_rpr),
        ("header", "Header", "Normal", header.tamano, header.interlineado, 0, 0,
         f'<w:pBdr><w:bottom w:val="single" w:sz="{_eighths(rule.grosor)}" '
         f'w:space="{HEADER_RULE_SPACE_PT}" w:color="{rule.color}"/></w:pBdr>'
         '<w:jc w:val="right"/>', f'<w:color w:val="{header.color}"/>'),
        ("footer", "Footer", "Normal", footer.tamano, footer.interlineado, 0, 0,
         '<w:jc w:val="right"/>', f'<w:color w:val="{footer.color}"/>'),
        (names.LIST_PARAGRAPH, "ListParagraph", "Normal", *body, 0, lists.espacio_despues, "",
         ""),
        (names.CENTERED, "Textocentrado", "Normal", *body, 0, after, '<w:jc w:val="center"/>',
         ""),
        (names.RIGHT, "Textoaladerecha", "Normal", *body, 0, after, '<w:jc w:val="right"/>', ""),
        (names.PAGE_BREAK, "Saltodepgina", "Normal", TINY_PT, TINY_PT, 0, 0,
         "<w:pageBreakBefore/>", ""),
        # A table's margin: the paragraph's own point of height and that margin less that point.
        (names.TABLE_GAP, "Espaciotrastabla", "Normal", TINY_PT, TINY_PT, 0,
         tables.espacio_despues - TINY_PT * MM_PER_PT, "", ""),
        (names.CELL, "Celda", "Normal", *body, 0, 0, "", ""),
        (names.CELL_NUMBER, "Celdanmero", "Celda", *body, 0, 0, '<w:jc w:val="right"/>', ""),
        (names.CELL_CENTER, "Celdacentrada", "Celda", *body, 0, 0, '<w:jc w:val="center"/>', ""),
        (names.CELL_TEXT, "Textoencelda", "Celda", *body, 0, tables.espacio_parrafos, "", ""),
        (names.LETTER_CELL, "Celdadecarta", "Normal", *letter_size, 0, 0, "", ""),
        (names.LETTER_TEXT, "Textodecarta", "Normal", *letter_size, 0, letter.espacio_despues,
         '<w:jc w:val="both"/>', ""),
        (names.LETTER_HEADING, "Membrete", "Normal", *letter_size, 0, after,
         f'<w:ind w:left="{half}"/>', ""),
        # The date stands apart from the DE / A lines that follow it.
        (names.PLACE_DATE, "Lugaryfecha", "Membrete", *letter_size, letter.lugar_fecha.antes,
         letter.lugar_fecha.despues, f'<w:ind w:left="{half}"/>', ""),
        (names.CAPTION, "Ttulodecuadro", "Normal", style.leyenda.tamano,
         style.leyenda.interlineado, style.leyenda.antes, style.leyenda.despues,
         '<w:keepNext/><w:keepLines/><w:jc w:val="center"/>', ""),
        (names.CLOSING, "Despedida", "Normal", *letter_size, letter.despedida.antes, after, "",
         ""),
        # The signature keeps its lines together; the room under it leads to the distribution.
        (names.SIGNATURE, "Firma", "Normal", *letter_size, letter.firma.antes,
         letter.firma.despues,
         f'<w:keepLines/><w:ind w:left="{half}"/><w:jc w:val="center"/>', ""),
        # The distribution list stays on one page: each of its paragraphs keeps with the next.
        (names.DISTRIBUTION, "Distribucin", "Normal", letter.distribucion.tamano,
         letter.distribucion.interlineado, 0, letter.distribucion.espacio_despues,
         "<w:keepNext/>", ""),
    ]


def prose_paragraph_styles(style: Style) -> list[tuple]:
    """The paragraph styles only a prose document (a decree, a documento técnico) uses, as
    `paragraph_styles` gives them: its section headings of levels 3 and 4, the levels of its
    table of contents, its footnotes. Only a prose document's DOCX carries them
    (`reference_docx(style, prose=True)`), so every other DOCX keeps the styles it had."""
    titles, index, notes = style.titulos, style.indice, style.notas
    body = (style.texto.tamano, style.texto.interlineado)
    headings = [
        (f"heading {level}", f"Heading{level}", "Normal", heading.tamano, heading.interlineado,
         heading.antes, heading.despues, f'<w:keepNext/><w:outlineLvl w:val="{level - 1}"/>',
         "<w:b/>")
        for level, heading in enumerate(titles.levels(), 1) if level > 2]
    # Word's own TOC styles ("TDC 1"…): updating the TOC field keeps using them.
    toc = [(names.TOC_STYLE.format(level=level), f"TOC{level}", "Normal", *body, 0,
            index.espacio_despues, f'<w:ind w:left="{tw(indent)}"/>', "")
           for level, indent in enumerate(index.sangria.levels(), 1)]
    # The notes stand apart from the text above them; between two notes, Word's contextual
    # spacing drops that room (and the list's own space after an item).
    footnotes = [(names.FOOTNOTE_TEXT, "FootnoteText", "Normal", notes.tamano, notes.interlineado,
                  notes.antes, style.listas.espacio_despues, "<w:contextualSpacing/>", "")]
    return headings + toc + footnotes


def _colour(value: str) -> str:
    # Black is Word's own default: said only when the style asks for another colour, so that
    # the default style gives the same Normal style as before the style file.
    return "" if value == "000000" else f'<w:color w:val="{value}"/>'


CHARACTERS = [(names.STRONG, "Strong", "<w:b/><w:bCs/>"),
              (names.EMPHASIS, "Emphasis", "<w:i/><w:iCs/>"),
              (names.STRONG_EMPHASIS, "nfasisfuerte", "<w:b/><w:bCs/><w:i/><w:iCs/>")]


def _borders(style: Style, kind: str) -> str:
    sides = ("top", "left", "bottom", "right", "insideH", "insideV")
    if kind == "none":
        return "<w:tblBorders>" + "".join(f'<w:{s} w:val="nil"/>' for s in sides) + \
            "</w:tblBorders>"
    border = style.tablas.borde
    return "<w:tblBorders>" + "".join(
        f'<w:{s} w:val="single" w:sz="{_eighths(border.grosor)}" w:space="0" '
        f'w:color="{border.color}"/>' for s in sides) + "</w:tblBorders>"


def _conditional(kind: str, fill: str, centre_text=False) -> str:
    ppr = '<w:pPr><w:jc w:val="center"/></w:pPr>' if centre_text else ""
    return (f'<w:tblStylePr w:type="{kind}">{ppr}<w:rPr><w:b/><w:bCs/></w:rPr>'
            f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{fill}"/></w:tcPr>'
            "</w:tblStylePr>")


def table_style(style: Style, name, style_id, borders, margins_mm, centred_header=False) -> str:
    top, side_left, bottom, side_right = (tw(m) for m in margins_mm)
    conditionals = ""
    header_fill, body_fill = style.tablas.fondo_encabezado, style.tablas.fondo_destacado
    if borders != "none":
        # The header row, the first column, the total row and every other column (labels
        # beside values: the identification table).
        total = (f'<w:tblStylePr w:type="lastRow"><w:tcPr><w:shd w:val="clear" w:color="auto" '
                 f'w:fill="{body_fill}"/></w:tcPr></w:tblStylePr>')
        conditionals = (_conditional("firstRow", header_fill, centre_text=centred_header)
                        + total + _conditional("firstCol", body_fill)
                        + _conditional("band1Vert", body_fill))
    return (f'<w:style {W} w:type="table" w:styleId="{style_id}"><w:name w:val="{name}"/>'
            '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>'
            '<w:pPr><w:spacing w:after="0"/></w:pPr>'
            '<w:tblPr><w:tblStyleRowBandSize w:val="1"/><w:tblStyleColBandSize w:val="1"/>'
            f'<w:jc w:val="center"/>{_borders(style, borders)}'
            f'<w:tblCellMar><w:top w:w="{top}" w:type="dxa"/><w:left w:w="{side_left}" '
            f'w:type="dxa"/><w:bottom w:w="{bottom}" w:type="dxa"/><w:right w:w="{side_right}" '
            'w:type="dxa"/></w:tblCellMar></w:tblPr>'
            f'{conditionals}</w:style>')


def table_styles(style: Style) -> list[str]:
    padding, plain = style.tablas.relleno, style.tablas.sin_bordes
    grid = (padding.vertical, padding.horizontal, padding.vertical, padding.horizontal)
    return [
        table_style(style, names.TABLE, "TablaPMG", "grid", grid),
        table_style(style, names.TABLE_CUADRO, "Tabladecuadro", "grid", grid,
                    centred_header=True),
        table_style(style, names.TABLE_PLAIN, "Tablasinbordes", "none",
                    (plain.vertical, 0, plain.vertical, plain.derecha)),
    ]


# Word needs these two to exist; python-docx's template has them.
KEPT_STYLES = {"DefaultParagraphFont", "TableNormal", "NoList"}


def doc_defaults(style: Style) -> str:
    font = style.letra.word
    size = round(style.texto.tamano * 2)
    return (
        f'<w:docDefaults {W}><w:rPrDefault><w:rPr>'
        f'<w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}" w:cs="{font}"/>'
        f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/><w:lang w:val="{LANGUAGE}" '
        f'w:eastAsia="{LANGUAGE}" w:bidi="{LANGUAGE}"/></w:rPr></w:rPrDefault>'
        # Widows and orphans of two lines, as WeasyPrint lays out by default.
        '<w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:after="0" w:line="240" '
        'w:lineRule="auto"/></w:pPr>'
        "</w:pPrDefault></w:docDefaults>")


def list_kinds(style: Style) -> list[tuple[str, str, str, float]]:
    """(name, format, marker, step mm) of each list; level n indents its text (n + 1) steps."""
    step, paren = style.listas.sangria, style.listas.sangria_parentesis
    return [(names.BULLETS, "bullet", "•", step), (names.DECIMAL, "decimal", "%{n}.", step),
            (names.DECIMAL_PAREN, "decimal", "%{n})", paren),
            (names.LETTER_PAREN, "lowerLetter", "%{n})", paren)]


def numbering_xml(style: Style) -> str:
    font = style.letra.word
    abstracts, nums = [], []
    for number, (name, fmt, marker, step) in enumerate(list_kinds(style)):
        levels = "".join(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{marker.format(n=level + 1)}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{tw(step * (level + 1))}" w:hanging="{tw(step)}"/></w:pPr>'
            f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:hint="default"/></w:rPr>'
            "</w:lvl>" for level in range(9))
        abstracts.append(
            f'<w:abstractNum w:abstractNumId="{number}"><w:nsid w:val="5047{number:04X}"/>'
            f'<w:multiLevelType w:val="hybridMultilevel"/><w:name w:val="{name}"/>{levels}'
            "</w:abstractNum>")
        nums.append(f'<w:num w:numId="{number + 1}"><w:abstractNumId w:val="{number}"/></w:num>')
    return f"<w:numbering {W}>{''.join(abstracts)}{''.join(nums)}</w:numbering>"


def _styles(document, style: Style, prose: bool) -> None:
    root = document.styles.element
    for element in root.findall("{*}style"):
        if element.get("{%s}styleId" % root.nsmap["w"]) not in KEPT_STYLES:
            root.remove(element)
    root.replace(root.find("{*}docDefaults"), parse_xml(doc_defaults(style)))
    for spec in paragraph_styles(style) + (prose_paragraph_styles(style) if prose else []):
        root.append(parse_xml(paragraph_style(*spec)))
    for spec in CHARACTERS:
        root.append(parse_xml(character_style(*spec)))
    for xml in table_styles(style):
        root.append(parse_xml(xml))


def _settings(document) -> None:
    root = document.settings.element
    for tag in ("rsids", "savePreviewPicture", "proofState"):
        for element in root.findall("{*}" + tag):
            root.remove(element)
    w = root.nsmap["w"]
    root.find("{*}themeFontLang").set(f"{{{w}}}val", LANGUAGE)
    root.find("{*}decimalSymbol").set(f"{{{w}}}val", ",")
    root.find("{*}listSeparator").set(f"{{{w}}}val", ";")
    compat = root.find("{*}compat")
    # A justified line that ends in a line break is not stretched (as in the PDF).
    compat.insert(0, parse_xml(f"<w:doNotExpandShiftReturn {W}/>"))
    for setting in compat.findall("{*}compatSetting"):
        if setting.get(f"{{{w}}}name") == "compatibilityMode":
            setting.set(f"{{{w}}}val", "15")


def _theme(document, font: str) -> None:
    part = document.part.part_related_by(RT.THEME)
    xml = part.blob.decode("utf-8")
    xml = re.sub(r'(<a:(?:major|minor)Font>\s*<a:latin typeface=")[^"]*"', rf'\1{font}"', xml)
    part._blob = xml.encode("utf-8")


def _drop_parts(document) -> None:
    # No thumbnail (python-docx's is a blank page) and no Word 2010 copy of old styles.
    package_rels = document.part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package_rels[rel_id]
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            del document.part.rels[rel_id]


# A process renders with one style or two (the package's, a user's): a few entries suffice.
@lru_cache(maxsize=8)
def reference_docx(style: Style, prose: bool = False) -> bytes:
    """The reference DOCX of `style`: equal styles give equal bytes. `prose`: with the styles
    of a prose document too (prose_paragraph_styles)."""
    document = Document()
    _styles(document, style, prose)
    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for child in parse_xml(numbering_xml(style)):
        numbering.append(child)
    _settings(document)
    _theme(document, style.letra.word)
    _drop_parts(document)
    props = document.core_properties
    props.author = props.last_modified_by = "pmg-docs"
    props.title = "Estilos de los documentos PMG"
    props.language = LANGUAGE
    props.created = props.modified = FIXED_DATETIME
    props.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return fixed_zip_times(buffer.getvalue(), package_order)
