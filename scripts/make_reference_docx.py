"""Write templates/reference.docx: the Word styles, lists, theme and language of every DOCX
pmg-docs produces.

    python scripts/make_reference_docx.py [TARGET]

Staff may instead open the file in Word and restyle it (Inicio › Estilos › Modificar): the
writer applies these styles by name (pmg_docs/writers/docx/styles.py) and sets no font, size,
colour or spacing of its own, so every document follows. Run this script when the house style
changes in code; a test checks that the committed file is what it writes.

Sizes and spacing mirror templates/styles/document.css rule by rule, and the font is Arial,
whose widths the PDF's Arimo shares glyph by glyph: both formats break lines and pages alike.
Lines have an exact height (CSS `line-height` in points) so that Word, LibreOffice and
WeasyPrint agree on it whatever the font's own line gap.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pmg_docs.writers.docx import styles as names  # noqa: E402
from pmg_docs.writers.docx.package import FIXED_DATETIME, package_order  # noqa: E402
from pmg_docs.writers.zips import fixed_zip_times  # noqa: E402

TARGET = ROOT / "templates" / "reference.docx"
FONT = "Arial"
LANGUAGE = "es-CL"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
# Colours of document.css.
GREY_TEXT, RULE, BORDER = "555555", "999999", "7F7F7F"
HEADER_FILL, BODY_HEADER_FILL = "D9E2F3", "EEF2F9"
# Half the text width of portrait A4 (178 mm): where a letter's right-hand blocks start.
RIGHT_HALF_MM = 89


def tw(mm: float) -> int:
    """Millimetres in twentieths of a point."""
    return round(mm * 1440 / 25.4)


# Paragraph styles: (name, id, based on, size pt, line pt, before mm, after mm, extra pPr, rPr).
# Built-in styles keep their built-in names (Word shows them in the user's language).
BODY, LETTER = (9.5, 12), (10.5, 13.5)
PARAGRAPHS = [
    (names.NORMAL, "Normal", None, *BODY, 0, 1.5, "", ""),
    (names.TITLE, "Title", "Normal", 13, 16, 0, 6, '<w:keepNext/><w:jc w:val="center"/>',
     "<w:b/>"),
    ("heading 1", "Heading1", "Normal", 11, 14, 6, 2, '<w:keepNext/><w:outlineLvl w:val="0"/>',
     "<w:b/>"),
    ("heading 2", "Heading2", "Normal", 10, 13, 5, 2, '<w:keepNext/><w:outlineLvl w:val="1"/>',
     "<w:b/>"),
    ("header", "Header", "Normal", 8, 10, 0, 0,
     f'<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="3" w:color="{RULE}"/></w:pBdr>'
     '<w:jc w:val="right"/>', f'<w:color w:val="{GREY_TEXT}"/>'),
    ("footer", "Footer", "Normal", 8, 10, 0, 0, '<w:jc w:val="right"/>',
     f'<w:color w:val="{GREY_TEXT}"/>'),
    (names.LIST_PARAGRAPH, "ListParagraph", "Normal", *BODY, 0, 1, "", ""),
    (names.CENTERED, "Textocentrado", "Normal", *BODY, 0, 1.5, '<w:jc w:val="center"/>', ""),
    (names.RIGHT, "Textoaladerecha", "Normal", *BODY, 0, 1.5, '<w:jc w:val="right"/>', ""),
    (names.PAGE_BREAK, "Saltodepgina", "Normal", 1, 1, 0, 0, "<w:pageBreakBefore/>", ""),
    # A table's 3 mm margin: the paragraph's own point of height and 3 mm less that point.
    (names.TABLE_GAP, "Espaciotrastabla", "Normal", 1, 1, 0, 3 - 25.4 / 72, "", ""),
    (names.CELL, "Celda", "Normal", *BODY, 0, 0, "", ""),
    (names.CELL_NUMBER, "Celdanmero", "Celda", *BODY, 0, 0, '<w:jc w:val="right"/>', ""),
    (names.CELL_CENTER, "Celdacentrada", "Celda", *BODY, 0, 0, '<w:jc w:val="center"/>', ""),
    (names.CELL_TEXT, "Textoencelda", "Celda", *BODY, 0, 1, "", ""),
    (names.LETTER_CELL, "Celdadecarta", "Normal", *LETTER, 0, 0, "", ""),
    (names.LETTER_TEXT, "Textodecarta", "Normal", *LETTER, 0, 3, '<w:jc w:val="both"/>', ""),
    (names.LETTER_HEADING, "Membrete", "Normal", *LETTER, 0, 1.5,
     f'<w:ind w:left="{tw(RIGHT_HALF_MM)}"/>', ""),
    # The date stands apart from the DE / A lines that follow it.
    (names.PLACE_DATE, "Lugaryfecha", "Membrete", *LETTER, 6, 8,
     f'<w:ind w:left="{tw(RIGHT_HALF_MM)}"/>', ""),
    (names.CAPTION, "Ttulodecuadro", "Normal", *LETTER, 5, 2,
     '<w:keepNext/><w:keepLines/><w:jc w:val="center"/>', ""),
    (names.CLOSING, "Despedida", "Normal", *LETTER, 6, 1.5, "", ""),
    # The signature keeps its lines together; the room under it leads to the distribution.
    (names.SIGNATURE, "Firma", "Normal", *LETTER, 18, 12,
     f'<w:keepLines/><w:ind w:left="{tw(RIGHT_HALF_MM)}"/><w:jc w:val="center"/>', ""),
    # The distribution list stays on one page: each of its paragraphs keeps with the next.
    (names.DISTRIBUTION, "Distribucin", "Normal", 9, 11.5, 0, 1, "<w:keepNext/>", ""),
]
CHARACTERS = [(names.STRONG, "Strong", "<w:b/><w:bCs/>"),
              (names.EMPHASIS, "Emphasis", "<w:i/><w:iCs/>"),
              (names.STRONG_EMPHASIS, "nfasisfuerte", "<w:b/><w:bCs/><w:i/><w:iCs/>")]


# What goes before <w:spacing> in a <w:pPr> (the schema fixes the order); the rest goes after.
BEFORE_SPACING = re.compile(r"<w:(?:keepNext|keepLines|pageBreakBefore)/>|<w:pBdr>.*?</w:pBdr>")


def _ppr(before_mm, after_mm, line_pt, extra) -> str:
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


def _borders(kind: str) -> str:
    sides = ("top", "left", "bottom", "right", "insideH", "insideV")
    if kind == "none":
        return "<w:tblBorders>" + "".join(f'<w:{s} w:val="nil"/>' for s in sides) + \
            "</w:tblBorders>"
    return "<w:tblBorders>" + "".join(
        f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="{BORDER}"/>' for s in sides) + \
        "</w:tblBorders>"


def _conditional(kind: str, fill: str, centre_text=False) -> str:
    ppr = '<w:pPr><w:jc w:val="center"/></w:pPr>' if centre_text else ""
    return (f'<w:tblStylePr w:type="{kind}">{ppr}<w:rPr><w:b/><w:bCs/></w:rPr>'
            f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{fill}"/></w:tcPr>'
            "</w:tblStylePr>")


def table_style(name, style_id, borders, margins_mm, centred_header=False) -> str:
    top, side_left, bottom, side_right = (tw(m) for m in margins_mm)
    conditionals = ""
    if borders != "none":
        # The header row, the first column, the total row and every other column (labels
        # beside values: the identification table).
        total = (f'<w:tblStylePr w:type="lastRow"><w:tcPr><w:shd w:val="clear" w:color="auto" '
                 f'w:fill="{BODY_HEADER_FILL}"/></w:tcPr></w:tblStylePr>')
        conditionals = (_conditional("firstRow", HEADER_FILL, centre_text=centred_header)
                        + total + _conditional("firstCol", BODY_HEADER_FILL)
                        + _conditional("band1Vert", BODY_HEADER_FILL))
    return (f'<w:style {W} w:type="table" w:styleId="{style_id}"><w:name w:val="{name}"/>'
            '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>'
            '<w:pPr><w:spacing w:after="0"/></w:pPr>'
            '<w:tblPr><w:tblStyleRowBandSize w:val="1"/><w:tblStyleColBandSize w:val="1"/>'
            f'<w:jc w:val="center"/>{_borders(borders)}'
            f'<w:tblCellMar><w:top w:w="{top}" w:type="dxa"/><w:left w:w="{side_left}" '
            f'w:type="dxa"/><w:bottom w:w="{bottom}" w:type="dxa"/><w:right w:w="{side_right}" '
            'w:type="dxa"/></w:tblCellMar></w:tblPr>'
            f'{conditionals}</w:style>')


TABLES = [
    table_style(names.TABLE, "TablaPMG", "grid", (1.2, 1.5, 1.2, 1.5)),
    table_style(names.TABLE_CUADRO, "Tabladecuadro", "grid", (1.2, 1.5, 1.2, 1.5),
                centred_header=True),
    table_style(names.TABLE_PLAIN, "Tablasinbordes", "none", (0.4, 0, 0.4, 1)),
]
# Word needs these two to exist; python-docx's template has them.
KEPT_STYLES = {"DefaultParagraphFont", "TableNormal", "NoList"}

DOC_DEFAULTS = (
    f'<w:docDefaults {W}><w:rPrDefault><w:rPr>'
    f'<w:rFonts w:ascii="{FONT}" w:eastAsia="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/>'
    f'<w:sz w:val="19"/><w:szCs w:val="19"/><w:lang w:val="{LANGUAGE}" w:eastAsia="{LANGUAGE}" '
    f'w:bidi="{LANGUAGE}"/></w:rPr></w:rPrDefault>'
    # Widows and orphans of two lines, as WeasyPrint lays out by default.
    '<w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr>'
    "</w:pPrDefault></w:docDefaults>")


# Lists: (name, format, marker, step mm). Level n indents its text (n + 1) steps.
LISTS = [(names.BULLETS, "bullet", "•", 5), (names.DECIMAL, "decimal", "%{n}.", 5),
         (names.DECIMAL_PAREN, "decimal", "%{n})", 7),
         (names.LETTER_PAREN, "lowerLetter", "%{n})", 7)]


def numbering_xml() -> str:
    abstracts, nums = [], []
    for number, (name, fmt, marker, step) in enumerate(LISTS):
        levels = "".join(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{marker.format(n=level + 1)}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{tw(step * (level + 1))}" w:hanging="{tw(step)}"/></w:pPr>'
            f'<w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:hint="default"/></w:rPr>'
            "</w:lvl>" for level in range(9))
        abstracts.append(
            f'<w:abstractNum w:abstractNumId="{number}"><w:nsid w:val="5047{number:04X}"/>'
            f'<w:multiLevelType w:val="hybridMultilevel"/><w:name w:val="{name}"/>{levels}'
            "</w:abstractNum>")
        nums.append(f'<w:num w:numId="{number + 1}"><w:abstractNumId w:val="{number}"/></w:num>')
    return f"<w:numbering {W}>{''.join(abstracts)}{''.join(nums)}</w:numbering>"


def _styles(document) -> None:
    root = document.styles.element
    for style in root.findall("{*}style"):
        if style.get("{%s}styleId" % root.nsmap["w"]) not in KEPT_STYLES:
            root.remove(style)
    root.replace(root.find("{*}docDefaults"), parse_xml(DOC_DEFAULTS))
    for spec in PARAGRAPHS:
        root.append(parse_xml(paragraph_style(*spec)))
    for spec in CHARACTERS:
        root.append(parse_xml(character_style(*spec)))
    for xml in TABLES:
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


def _theme(document) -> None:
    part = document.part.part_related_by(RT.THEME)
    xml = part.blob.decode("utf-8")
    xml = re.sub(r'(<a:(?:major|minor)Font>\s*<a:latin typeface=")[^"]*"', rf'\1{FONT}"', xml)
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


def build() -> bytes:
    import io

    document = Document()
    _styles(document)
    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for child in parse_xml(numbering_xml()):
        numbering.append(child)
    _settings(document)
    _theme(document)
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


def main(argv: list[str]) -> None:
    target = Path(argv[0]) if argv else TARGET
    target.write_bytes(build())
    print(f"wrote {target}")


if __name__ == "__main__":
    main(sys.argv[1:])
