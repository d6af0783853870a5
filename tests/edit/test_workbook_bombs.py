"""`pmg import xlsx` refuses a workbook that would cost more than any real one before it pays
that cost: a zip that inflates to a huge part, a part of whitespace, a DTD or an entity bomb
in a sheet, an archive of thousands of entries. Each bomb is built for real, small on disk, and
imported by the `pmg` command in its own process: a located Spanish message and exit 1.
(The time and memory each refusal takes are measured by hand, not asserted: see the README's
Security section.)"""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from pmg_docs.load import workbook_guard

PMG = Path(sys.executable).parent / "pmg"
SHEET = "xl/worksheets/sheet1.xml"
SHEET_HEAD = (b'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxml'
              b'formats.org/spreadsheetml/2006/main"><dimension ref="A1:A1"/><sheetData>')
SHEET_TAIL = b"</sheetData></worksheet>"


def base_parts() -> dict[str, bytes]:
    """The parts of a small, real workbook (one sheet, «Servicios»)."""
    workbook = Workbook()
    workbook.active.title = "Servicios"
    workbook.active.append(["Archivo"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_bomb(path: Path, name: str, head: bytes, filler: bytes, count: int,
               tail: bytes) -> Path:
    """A workbook whose part `name` is `head`, `filler` `count` times, then `tail`, streamed
    into the zip so that neither the test nor the file holds the inflated text."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for part, data in base_parts().items():
            if part != name:
                archive.writestr(part, data)
        with archive.open(name, "w", force_zip64=True) as stream:
            stream.write(head)
            block = filler * (1024 * 1024 // len(filler))
            for _ in range(count * len(filler) // len(block)):
                stream.write(block)
            stream.write(tail)
    return path


def import_xlsx(book: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(PMG), "import", "xlsx", str(book), "-o", str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=120)


def refused(result: subprocess.CompletedProcess, book: Path, *words: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert f"{book.name}: " in result.stderr
    for word in words:
        assert word in result.stderr
    assert not (book.parent / "out").exists()


@pytest.mark.slow
def test_a_400_mb_shared_string_is_refused_before_it_is_read(tmp_path):
    book = write_bomb(tmp_path / "celda.xlsx", "xl/sharedStrings.xml",
                      b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                      b'count="1" uniqueCount="1"><si><t>', b"a", 400 * 2**20, b"</t></si></sst>")
    assert book.stat().st_size < 2**20
    refused(import_xlsx(book, tmp_path), book, "«xl/sharedStrings.xml»", "400 MB",
            "divídalo en varios")


@pytest.mark.slow
def test_a_400_mb_inline_string_is_refused_before_it_is_read(tmp_path):
    book = write_bomb(tmp_path / "celda.xlsx", SHEET,
                      SHEET_HEAD + b'<row r="2"><c r="A2" t="inlineStr"><is><t>', b"a",
                      400 * 2**20, b"</t></is></c></row>" + SHEET_TAIL)
    refused(import_xlsx(book, tmp_path), book, f"hoja «Servicios» (parte «{SHEET}»)", "400 MB")


@pytest.mark.slow
def test_a_sheet_of_whitespace_is_refused_as_a_compression_bomb(tmp_path):
    # 20 MB: under the size limit, so the ratio is what refuses it (about 1000 to 1).
    book = write_bomb(tmp_path / "blancos.xlsx", SHEET, SHEET_HEAD, b" ", 20 * 2**20,
                      SHEET_TAIL)
    refused(import_xlsx(book, tmp_path), book, f"«{SHEET}»", "bomba de compresión")


@pytest.mark.slow
def test_an_entity_bomb_is_refused_before_it_is_parsed(tmp_path):
    entities = b"".join(b'<!ENTITY e%d "' % n + (b"&e%d;" % (n - 1)) * 10 + b'">'
                        for n in range(1, 10))
    head = (b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY e0 "lol">' + entities + b"]>"
            + SHEET_HEAD.split(b"?>", 1)[1] + b'<row r="1"><c r="A1" t="inlineStr"><is><t>')
    book = write_bomb(tmp_path / "entidades.xlsx", SHEET, head, b"&e9;", 1,
                      b"</t></is></c></row>" + SHEET_TAIL)
    refused(import_xlsx(book, tmp_path), book, f"hoja «Servicios» (parte «{SHEET}»)", "DTD")


@pytest.mark.slow
def test_a_doctype_anywhere_is_refused(tmp_path):
    parts = base_parts()
    parts["xl/workbook.xml"] = (b'<!DOCTYPE workbook SYSTEM "file:///etc/passwd">'
                                + parts["xl/workbook.xml"])
    book = tmp_path / "doctype.xlsx"
    with zipfile.ZipFile(book, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    refused(import_xlsx(book, tmp_path), book, "«xl/workbook.xml»", "<!DOCTYPE")


def test_a_marker_cut_between_two_chunks_is_found(tmp_path, monkeypatch):
    monkeypatch.setattr(workbook_guard, "_CHUNK", 7)
    parts = base_parts()
    parts["docProps/app.xml"] = b"<?xml version='1.0'?>\n" + "<!ENTITY x 'y'>".encode("utf-16-le")
    book = tmp_path / "cortado.xlsx"
    with zipfile.ZipFile(book, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with pytest.raises(workbook_guard.UnsafeWorkbook, match="docProps/app.xml"):
        workbook_guard.check_workbook_archive(book)


def test_an_archive_of_thousands_of_entries_is_refused(tmp_path):
    book = tmp_path / "partes.xlsx"
    with zipfile.ZipFile(book, "w") as archive:
        for name, data in base_parts().items():
            archive.writestr(name, data)
        for n in range(workbook_guard.MAX_ENTRIES):
            archive.writestr(f"xl/media/{n}.bin", b"")
    with pytest.raises(workbook_guard.UnsafeWorkbook, match="partes"):
        workbook_guard.check_workbook_archive(book)


def test_a_part_holding_more_than_it_declares_is_refused_as_damaged(tmp_path):
    book = tmp_path / "miente.xlsx"
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in base_parts().items():
            archive.writestr(name, data)
    # Make the sheet's header (local and central) declare 10 bytes less than it holds.
    data = bytearray(book.read_bytes())
    with zipfile.ZipFile(book) as archive:
        info = archive.getinfo(SHEET)
    for at in (info.header_offset + 22, data.rfind(SHEET.encode()) - 46 + 24):
        declared = int.from_bytes(data[at:at + 4], "little")
        data[at:at + 4] = (declared - 10).to_bytes(4, "little")
    book.write_bytes(bytes(data))
    with pytest.raises(workbook_guard.UnsafeWorkbook, match="está dañada"):
        workbook_guard.check_workbook_archive(book)


def test_a_real_workbook_and_a_file_that_is_no_zip_pass_the_guard(tmp_path):
    book = tmp_path / "libro.xlsx"
    with zipfile.ZipFile(book, "w") as archive:
        for name, data in base_parts().items():
            archive.writestr(name, data)
    workbook_guard.check_workbook_archive(book)
    (tmp_path / "texto.xlsx").write_text("no es un zip")
    workbook_guard.check_workbook_archive(tmp_path / "texto.xlsx")


@pytest.mark.slow
def test_a_sheet_that_does_not_parse_is_a_located_error(tmp_path):
    parts = base_parts()
    parts[SHEET] = SHEET_HEAD + b'<row r="1"><c r="A1" t="inlineStr"><is><t>Archivo</t></row>'
    book = tmp_path / "roto.xlsx"
    with zipfile.ZipFile(book, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    refused(import_xlsx(book, tmp_path), book, "hoja «Servicios»: no se puede leer: mismatched tag")
