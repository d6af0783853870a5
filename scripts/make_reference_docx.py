"""Write templates/reference.docx, the Word styles of every DOCX pmg-docs produces.

Run once when the house style changes: `python scripts/make_reference_docx.py`. Staff may also
open the file in Word and restyle it (Normal, Heading 1-3, List Paragraph, Header, Footer,
Table Grid) without touching code; the writer only refers to styles by name.
"""

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor

# The PDF embeds its own font; a DOCX is opened in Word on the user's machine, so it names a font
# every office machine has.
FONT = "Arial"
TARGET = Path(__file__).resolve().parent.parent / "templates" / "reference.docx"


def main() -> None:
    document = Document()
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(9.5)
    normal.paragraph_format.space_after = Pt(3)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing = 1.1
    for name, size, before, after in (("Heading 1", 13, 0, 12), ("Heading 2", 11, 12, 4),
                                      ("Heading 3", 10, 10, 4)):
        style = styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)
        style.paragraph_format.keep_with_next = True
    styles["Heading 1"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for name in ("Header", "Footer"):
        styles[name].font.size = Pt(8)
        styles[name].font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    styles["List Paragraph"].paragraph_format.space_after = Pt(1)
    document.core_properties.author = "pmg-docs"
    document.save(TARGET)
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
