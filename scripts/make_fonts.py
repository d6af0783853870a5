"""Write pmg_docs/fonts/: the PDF's typeface, Arimo, as four static fonts (regular, bold, italic,
bold italic) derived from the pinned PyPI package `fontpkg-arimo` (variable fonts, OFL 1.1).

    .venv/bin/python scripts/make_fonts.py        (needs the test extras: pip install -e '.[test]')

Why not embed the package's variable fonts directly: WeasyPrint then instantiates the weight
axis on every PDF it writes, about 0.1 s of CPU per document (+30 % on a 2024 formulation,
bench/writers_cpu.py). Static instances, made once here with fontTools' instancer, cost nothing
at run time and are byte for byte reproducible (a test checks the committed files against this
script). Arimo's widths equal Arial's glyph by glyph at both weights, so the PDF breaks lines
where Word does with the DOCX's Arial. Arimo has no Reserved Font Name: the OFL lets modified
versions keep the name.
"""

from __future__ import annotations

import io
from pathlib import Path

from fontTools.ttLib import TTFont
from fontTools.varLib import instancer

TARGET = Path(__file__).resolve().parent.parent / "pmg_docs" / "fonts"
# (file written, variable font, weight)
INSTANCES = [("Arimo-Regular.ttf", "Arimo[wght].ttf", 400),
             ("Arimo-Bold.ttf", "Arimo[wght].ttf", 700),
             ("Arimo-Italic.ttf", "Arimo-Italic[wght].ttf", 400),
             ("Arimo-BoldItalic.ttf", "Arimo-Italic[wght].ttf", 700)]


def build() -> dict[str, bytes]:
    """The name and bytes of every file of pmg_docs/fonts."""
    import fontpkg_arimo

    source = fontpkg_arimo.ROOT / "files"
    files = {}
    for name, variable, weight in INSTANCES:
        # The source's own timestamp, not the clock's: the same bytes on every run.
        font = instancer.instantiateVariableFont(
            TTFont(source / variable, recalcTimestamp=False), {"wght": weight},
            updateFontNames=True)
        # fontTools packs the layout tables with HarfBuzz's repacker when uharfbuzz is
        # installed (pyHanko's [opentype] brings it), and the bytes differ: always its own.
        font.cfg["fontTools.ttLib.tables.otBase:USE_HARFBUZZ_REPACKER"] = False
        out = io.BytesIO()
        font.save(out)
        files[name] = out.getvalue()
    files["OFL.txt"] = (fontpkg_arimo.ROOT / "LICENSE").read_bytes()
    faces = [files[name] for name, _variable, _weight in INSTANCES]
    files[DRAWN] = drawn_ranges(faces)
    files[WIDTHS] = widest_advances(faces)
    return files


# The characters every face draws, as ranges of code points, one `first-last` (hex) a line: the
# Typst writer reads this to write as "[U+…]" what no face can draw (writers/typst/markup.py),
# without reading the fonts' tables with fontTools in every process (~50 ms at start).
DRAWN = "drawn.txt"


def drawn_ranges(faces: list[bytes]) -> bytes:
    maps = [set(TTFont(io.BytesIO(face), lazy=True).getBestCmap()) for face in faces]
    runs: list[list[int]] = []
    for code in sorted(set.intersection(*maps)):
        if runs and runs[-1][1] + 1 == code:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "".join(f"{first:04X}-{last:04X}\n" for first, last in runs).encode("ascii")


# The widest advance any face gives each character it draws, in font units, one `code advance`
# (hex, decimal) a line after a first line `units-per-em widest-of-all`: the Typst writer bounds
# a table cell's height from it (writers/typst/heights.py), again without fontTools at start.
WIDTHS = "widths.txt"


def widest_advances(faces: list[bytes]) -> bytes:
    fonts = [TTFont(io.BytesIO(face), lazy=True) for face in faces]
    per_em = {font["head"].unitsPerEm for font in fonts}
    assert len(per_em) == 1, "the faces of one family share their units per em"
    widest: dict[int, int] = {}
    top = 0
    for font in fonts:
        metrics = font["hmtx"].metrics
        for code, glyph in font.getBestCmap().items():
            widest[code] = max(widest.get(code, 0), metrics[glyph][0])
        top = max(top, max(advance for advance, _ in metrics.values()))
    lines = [f"{per_em.pop()} {top}"] + [f"{code:04X} {widest[code]}" for code in sorted(widest)]
    return ("\n".join(lines) + "\n").encode("ascii")


def main() -> None:
    TARGET.mkdir(exist_ok=True)
    for name, data in build().items():
        (TARGET / name).write_bytes(data)
        print(f"wrote {TARGET / name}")


if __name__ == "__main__":
    main()
