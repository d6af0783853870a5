"""Text of rendered documents, as a reader would get it, for tests to assert on."""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from pathlib import Path

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

FOOTER = re.compile(r"^Página \d+ de \d+$")


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def pdf_pages_text(path: Path) -> str:
    """The PDF's text as poppler's pdftotext gives it (what `pdftotext file.pdf -` shows a person).

    pdfminer.six lost a whole page's text when a glyph came from a fallback font; poppler does
    not, and is the same tool staff use to look at the pages."""
    completed = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                               capture_output=True, check=True)
    return completed.stdout.decode("utf-8")


def pdf_body_text(path: Path, running_header: str) -> str:
    """The PDF's text without its page furniture (running header, "Página X de Y")."""
    lines = []
    for line in pdf_pages_text(path).splitlines():
        stripped = normalize(line)
        if FOOTER.match(stripped) or stripped == normalize(running_header):
            continue
        lines.append(line)
    return "\n".join(lines)


def _docx_blocks(parent):
    for item in parent.iter_inner_content():
        if isinstance(item, Paragraph):
            yield item.text
        elif isinstance(item, Table):
            seen = []  # a cell merged across rows or columns is read once
            for row in item.rows:
                for cell in row.cells:
                    if any(cell._tc is other for other in seen):
                        continue
                    seen.append(cell._tc)
                    yield from _docx_blocks(cell)


def docx_body_text(path: Path) -> str:
    """The DOCX body in reading order: paragraphs, and table cells row by row (merged cells once)."""
    return "\n".join(_docx_blocks(Document(str(path))))


def docx_header_footer(path: Path) -> tuple[str, str]:
    section = Document(str(path)).sections[0]
    return (section.header.paragraphs[0].text, section.footer.paragraphs[0].text)


def tokens(text: str) -> Counter:
    # A line may break after a slash ("Indicadores/ Sistemas"): split there in both formats.
    # pdftotext takes a lone dash ending a line ("Electrónico -") for a hyphenation and drops
    # it, so lone dashes are not counted.
    return Counter(t for t in re.split(r"\s+|(?<=/)", text) if t and t not in ("-", "–"))


def contains_in_order(haystack: str, needle: str) -> bool:
    return normalize(needle) in normalize(haystack)


def find_in_order(text: str, values: list[str]) -> None:
    """Each value occurs in `text` after the previous one, on whole-word boundaries."""
    flat = normalize(text)
    position = 0
    for value in values:
        pattern = r"(?<!\S)" + re.escape(normalize(value)) + r"(?!\S)"
        match = re.compile(pattern).search(flat, position)
        assert match, f"{value!r} not found after position {position}: ...{flat[position:position + 200]}"
        position = match.end()
