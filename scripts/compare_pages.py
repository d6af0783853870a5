"""Render every example document (all that `pmg build examples` makes, the guide, the annex) in
both formats, lay the DOCX out with LibreOffice, and write the pages of both as PNG images to
compare side by side.

    .venv/bin/python scripts/compare_pages.py [OUT_DIR] [--resolution 60]

Prints, for each document, the page count of the PDF and of the DOCX, and the pairs of images:
OUT_DIR/<document>/pdf-N.png (the PDF's page N) next to OUT_DIR/<document>/docx-N.png (the
DOCX's page N as LibreOffice lays it out). tests/writers/test_page_parity.py checks the counts.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests")]

from documents import build_all, every_document  # noqa: E402
from libreoffice import arial_substitute, page_count, soffice, to_pdf  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, default=Path("page-comparison"))
    parser.add_argument("--resolution", type=int, default=60)
    args = parser.parse_args()
    if not soffice():
        print("LibreOffice (soffice) not found: apt-get install libreoffice-writer-nogui")
        return 2
    print(f"Arial is set by LibreOffice with: {arial_substitute() or 'a font of other widths'}")
    with tempfile.TemporaryDirectory(prefix="pmg-pages-") as folder:
        built = build_all(Path(folder))
        differ = 0
        for name in every_document(built):
            target = args.out / name.replace("/", "-")
            target.mkdir(parents=True, exist_ok=True)
            pdf = built / f"{name}.pdf"
            docx_pdf = to_pdf([built / f"{name}.docx"], target / "libreoffice")[
                built / f"{name}.docx"]
            counts = page_count(pdf), page_count(docx_pdf)
            differ += counts[0] != counts[1]
            print(f"{name}: PDF {counts[0]} pages, DOCX (LibreOffice) {counts[1]} pages"
                  f"{'' if counts[0] == counts[1] else '  DIFFERENT'}")
            for source, prefix in ((pdf, "pdf"), (docx_pdf, "docx")):
                subprocess.run(["pdftoppm", "-r", str(args.resolution), "-png", str(source),
                                str(target / prefix)], check=True)
            # pdftoppm numbers pages pdf-1.png, or pdf-01.png past nine pages.
            pages = [sorted(target.glob(f"{prefix}-*.png"),
                            key=lambda image: int(image.stem.split("-")[-1]))
                     for prefix in ("pdf", "docx")]
            for page in range(max(counts)):
                print("   ", "  vs  ".join(str(p[page]) if page < len(p) else "(none)"
                                        for p in pages))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
