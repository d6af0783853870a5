"""Text of rendered documents, as a reader would get it, for tests to assert on."""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
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


class ListLabels:
    """The marker Word shows before each list paragraph ("1)", "a)", "•"), counted from the
    document's numbering definitions as Word counts them: per list instance (`w:num`), from its
    start, deeper levels restarting under each item."""

    def __init__(self, document):
        self.levels, self.starts = {}, {}
        numbering = document.part.numbering_part.element
        abstract = {}
        for definition in numbering.findall(qn("w:abstractNum")):
            abstract[definition.get(qn("w:abstractNumId"))] = {
                int(level.get(qn("w:ilvl"))): (
                    level.find(qn("w:numFmt")).get(qn("w:val")),
                    level.find(qn("w:lvlText")).get(qn("w:val")),
                    int(level.find(qn("w:start")).get(qn("w:val"))))
                for level in definition.findall(qn("w:lvl"))}
        for num in numbering.findall(qn("w:num")):
            num_id = int(num.get(qn("w:numId")))
            self.levels[num_id] = abstract[num.find(qn("w:abstractNumId")).get(qn("w:val"))]
            self.starts[num_id] = {
                int(o.get(qn("w:ilvl"))): int(o.find(qn("w:startOverride")).get(qn("w:val")))
                for o in num.findall(qn("w:lvlOverride"))
                if o.find(qn("w:startOverride")) is not None}
        counts: dict[int, dict[int, int]] = {}
        # Every paragraph of the body in document order (tables included), as Word counts.
        self.labels = {p: self._count(p, counts) for p in document.element.body.iter(qn("w:p"))}

    def _count(self, p, counts) -> str:
        num_pr = p.pPr.numPr if p.pPr is not None else None
        if num_pr is None or num_pr.numId is None:
            return ""
        num_id, level = num_pr.numId.val, num_pr.ilvl.val if num_pr.ilvl is not None else 0
        levels = self.levels[num_id]
        mine = counts.setdefault(num_id, {})
        start = self.starts[num_id].get(level, levels[level][2])
        mine[level] = mine.get(level, start - 1) + 1
        for deeper in [k for k in mine if k > level]:
            del mine[deeper]
        text = levels[level][1]
        for shown in range(level + 1):
            value = mine.get(shown, 1)
            number = chr(ord("a") + value - 1) if levels[shown][0] == "lowerLetter" else str(value)
            text = text.replace(f"%{shown + 1}", number)
        return text + "\t"

    def label(self, paragraph) -> str:
        return self.labels.get(paragraph._p, "")

    def cell_text(self, cell) -> str:
        """A cell's text as Word shows it, list markers included."""
        return "\n".join(self.label(p) + p.text for p in cell.paragraphs)


def _docx_blocks(parent, labels):
    for item in parent.iter_inner_content():
        if isinstance(item, Paragraph):
            yield labels.label(item) + item.text
        elif isinstance(item, Table):
            seen = []  # a cell merged across rows or columns is read once
            for row in item.rows:
                for cell in row.cells:
                    if any(cell._tc is other for other in seen):
                        continue
                    seen.append(cell._tc)
                    yield from _docx_blocks(cell, labels)


def docx_body_text(path: Path) -> str:
    """The DOCX body in reading order: paragraphs (list items with the marker Word shows), and
    table cells row by row (merged cells once)."""
    document = Document(str(path))
    return "\n".join(_docx_blocks(document, ListLabels(document)))


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
