"""Write templates/reference.docx: the Word styles, lists, theme and language of every DOCX
pmg-docs produces, as the package's style file (templates/styles/estilo.yaml) gives them.

    python scripts/make_reference_docx.py [TARGET]

The writer builds the same file in memory from the style in force
(pmg_docs/writers/docx/reference.py), so this copy is for staff to open in Word and see the styles;
a test checks that it is current. It holds every style, a prose document's too (section headings
3 and 4, the table of contents, footnotes), which only a prose document's DOCX carries. To change
the look, edit the style file (or override its keys in a templates folder): this script holds no
look value.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pmg_docs.style import load_style  # noqa: E402
from pmg_docs.writers.docx.reference import reference_docx  # noqa: E402

TARGET = ROOT / "templates" / "reference.docx"


def build() -> bytes:
    return reference_docx(load_style(), prose=True)


def main(argv: list[str]) -> None:
    target = Path(argv[0]) if argv else TARGET
    target.write_bytes(build())
    print(f"wrote {target}")


if __name__ == "__main__":
    main(sys.argv[1:])
