"""Nothing a user writes becomes Typst code: text reaches the Typst writer only as string
literals, so Typst's markup and code characters print as typed, in every place of a document
(running header, title, headings, paragraphs, list items, header and body cells, image text),
and every field of the hostile-input corpus (tests/data/bad_inputs) prints as text. Real PDFs,
read back with pdftotext and pikepdf."""

from __future__ import annotations

import html
import io
import re
import unicodedata

import pikepdf
import pytest

from pmg_docs.models.base import NOT_TEXT
from pmg_docs.writers.pdf_metadata import PdfMetadata
from pmg_docs.writers.typst import write_pdf
from tests.support.doc_text import FOOTER
from tests.support.paths import DATA

# Typst's markup (# [ ] $ \ @ < > * _ = ` ~ -- ...), its comments and its string quotes.
TYPED = r'# [ ] $ \ @ < > * _ = { } /* // "x" `y` ~ -- ... #let a = 1 #"q" #read("/etc/passwd")'
METADATA = PdfMetadata(kind="formulation", format="2024", year=2024, mechanism="PMG",
                       catalog="pmg-2024", catalog_version="1", source_sha256="0" * 64,
                       issuer=TYPED, description=TYPED)


def _text(pdf: bytes, tmp_path) -> str:
    import subprocess

    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")


def _document(body: str, header: str = "", title: str = "Documento") -> str:
    return (f"<!DOCTYPE html><html lang=\"es-CL\"><head><title>{html.escape(title)}</title></head>"
            f"<body><div class=\"running-header\">{html.escape(header)}</div>{body}</body></html>")


def test_typst_characters_print_exactly_as_typed_everywhere(tmp_path):
    typed = html.escape(TYPED)
    body = (f"<h1>{typed}</h1><h2>{typed}</h2><p>{typed}</p><p><strong>{typed}</strong></p>"
            f"<ul><li>{typed}</li></ul><ol class=\"paren-markers\"><li>{typed}</li></ol>"
            f"<table><thead><tr><th>{typed}</th></tr></thead>"
            f"<tbody><tr><th>{typed}</th></tr><tr><td>{typed}</td></tr></tbody></table>")
    pdf, refused = write_pdf(_document(body, header=TYPED, title=TYPED), metadata=METADATA)
    assert refused == []
    lines = [line.strip() for line in _text(pdf, tmp_path).splitlines() if line.strip()]
    # The header, two headings, two paragraphs, two items (after their markers), three cells.
    assert lines.count(TYPED) == 8, lines
    assert sum(line.endswith(TYPED) for line in lines) == 10, lines
    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert str(document.docinfo["/Title"]) == TYPED
        assert str(document.docinfo["/Author"]) == TYPED
        assert str(document.docinfo["/Subject"]) == TYPED


def _corpus_fields() -> list[str]:
    """Every value of every line of the hostile-input corpus that a document could hold: text
    after `key:` or `- `, as typed (quotes included), without characters no source may hold."""
    fields = []
    for path in sorted((DATA / "bad_inputs").glob("*.yaml")):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # not-utf8.yaml: refused before any writer sees it
        for line in text.splitlines():
            value = re.sub(r"^\s*(-\s+)?([\w-]+:\s*)?", "", line).strip()
            if value and not NOT_TEXT.search(value):
                fields.append(value[:3000])
    return fields


def _visible(text: str) -> str:
    # A PDF's text layer holds what is drawn: composed accents, no invisible marks.
    return "".join(c for c in unicodedata.normalize("NFC", text)
                   if unicodedata.category(c) != "Cf")


@pytest.mark.slow
def test_every_field_of_the_hostile_corpus_prints_as_text(tmp_path):
    fields = _corpus_fields()
    assert len(fields) > 500
    body = "".join(f"<p>{html.escape(field)}</p>" for field in fields)
    pdf, refused = write_pdf(_document(body))
    assert refused == []
    # Line breaks (a long number breaks anywhere) and page furniture are not the fields' text.
    lines = [line for line in _text(pdf, tmp_path).splitlines() if not FOOTER.match(line)]
    printed = re.sub(r"\s+", "", _visible("".join(lines)))
    # The package's font has no emoji: it is written as its code point, never dropped.
    expected = {f: re.sub(r"\s+", "", _visible(f.replace("🚀", "[U+1F680]"))) for f in fields}
    missing = [f for f, text in expected.items() if text not in printed]
    assert missing == []
    for field in ("<script>alert('x')</script>", "{% include '/etc/passwd' %}", "# No es un título"):
        assert any(field in f for f in fields)
