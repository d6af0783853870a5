"""What a workbook may cost before openpyxl opens it.

A workbook is a zip of XML parts, and both layers can make a small file expensive: a 0.4 MB
zip can inflate to a 400 MB cell, and an XML part can declare entities that expand
exponentially. openpyxl reads a part through `zipfile`, which never yields more bytes than the
entry's declared size, so bounding the declared sizes bounds what the parser is given; the XML
is then scanned for a DTD, which OOXML never uses (ECMA-376 forbids it), before any parser
sees it. Every refusal names the part and says what to do.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from xml.etree import ElementTree

from ..i18n import _

# The workbooks `pmg export` writes hold about 15 parts; Excel's own hold a few dozen. 500
# leaves room for any real workbook (images, comments, many sheets) and refuses an archive
# of thousands of entries made to exhaust the reader.
MAX_ENTRIES = 500
# One part, inflated. A sheet of 20 000 rows of the export's 8 columns is about 4 MB of XML;
# 32 MB is eight times that, and openpyxl's parse of it stays well under 200 MB of memory.
MAX_ENTRY_BYTES = 32 * 1024 * 1024
# All parts together, inflated: a few sheets at their largest.
MAX_TOTAL_BYTES = 96 * 1024 * 1024
# Inflated size over stored size, for parts over RATIO_FROM_BYTES. Spreadsheet XML compresses
# 5 to 20 times (the export's sheets: 6 to 9); 100 refuses a part of repeated filler (a
# whitespace sheet compresses about 1000 times) while small, repetitive parts stay free.
MAX_RATIO = 100
RATIO_FROM_BYTES = 1024 * 1024
# The markers of a DTD, in the encodings an XML part may use (UTF-8, UTF-16 either way).
_DTD_MARKERS = tuple(marker.encode(encoding) for marker in ("<!DOCTYPE", "<!ENTITY")
                     for encoding in ("utf-8", "utf-16-le", "utf-16-be"))
_CHUNK = 1024 * 1024
_WORKBOOK = "xl/workbook.xml"
_WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


class UnsafeWorkbook(Exception):
    """A workbook refused before it is parsed; the message says which part and what to do."""


def check_workbook_archive(path: Path) -> None:
    """Raise UnsafeWorkbook when the zip at `path` would cost more than any real workbook, or
    when one of its XML parts declares a DTD. A file that is no zip passes: openpyxl then
    says it is no workbook."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        return
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES:
            raise UnsafeWorkbook(_(
                "el archivo .xlsx tiene {count} partes, más de las {limit} de cualquier libro "
                "real; se espera un libro guardado por Excel, LibreOffice o pmg export").format(
                count=len(entries), limit=MAX_ENTRIES))
        # The parts that list the sheets first, alone: once they are known small and free of
        # a DTD, they are parsed to name each sheet's part by its title in the messages.
        listing = [e for e in entries if e.filename in (_WORKBOOK, _WORKBOOK_RELS)]
        for entry in listing:
            _check_size(entry, {})
            _check_no_dtd(archive, entry, {})
        names = _sheet_names(archive) if len(listing) == 2 else {}
        total = 0
        for entry in entries:
            _check_size(entry, names)
            total += entry.file_size
            if total > MAX_TOTAL_BYTES:
                raise UnsafeWorkbook(_(
                    "sus partes suman más de {limit} MB descomprimidas; se espera un libro más "
                    "pequeño: divídalo en varios").format(limit=MAX_TOTAL_BYTES // 2**20))
        for entry in entries:
            if entry.filename.endswith((".xml", ".rels", ".vml")) and entry not in listing:
                _check_no_dtd(archive, entry, names)


def _where(entry: zipfile.ZipInfo, names: dict[str, str]) -> str:
    """A part as the reader knows it: its sheet's title when it is a sheet."""
    if entry.filename in names:
        return _("hoja «{sheet}» (parte «{part}»)").format(sheet=names[entry.filename],
                                                          part=entry.filename)
    return _("parte «{part}»").format(part=entry.filename)


def _check_size(entry: zipfile.ZipInfo, names: dict[str, str]) -> None:
    if entry.file_size > MAX_ENTRY_BYTES:
        raise UnsafeWorkbook(_(
            "{where}: ocupa {size} MB descomprimida, más que el límite de {limit} MB; se "
            "espera un libro más pequeño: divídalo en varios, o quite los textos enormes de "
            "sus celdas").format(where=_where(entry, names), size=entry.file_size // 2**20,
                                 limit=MAX_ENTRY_BYTES // 2**20))
    if entry.file_size > RATIO_FROM_BYTES and \
            entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
        raise UnsafeWorkbook(_(
            "{where}: se infla {ratio} veces al descomprimirla, más de las {limit} de un libro "
            "real (una bomba de compresión); se espera un libro guardado por Excel, LibreOffice "
            "o pmg export").format(
            where=_where(entry, names), ratio=entry.file_size // max(entry.compress_size, 1),
            limit=MAX_RATIO))


def _check_no_dtd(archive: zipfile.ZipFile, entry: zipfile.ZipInfo,
                  names: dict[str, str]) -> None:
    """Scan the part in chunks, keeping the last few bytes so a marker cut between two
    chunks is still found."""
    overlap = max(len(marker) for marker in _DTD_MARKERS) - 1
    tail = b""
    try:
        with archive.open(entry) as part:
            while chunk := part.read(_CHUNK):
                window = tail + chunk
                if any(marker in window for marker in _DTD_MARKERS):
                    raise UnsafeWorkbook(_(
                        "{where}: declara un DTD (<!DOCTYPE o <!ENTITY), que un libro de Excel "
                        "nunca lleva y que puede inflar el texto sin límite; se espera el libro "
                        "guardado de nuevo por Excel, LibreOffice o pmg export").format(
                        where=_where(entry, names)))
                tail = window[-overlap:]
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        # zipfile stops at the declared size and checks the CRC: a part that holds more than
        # it declares, or damaged data, ends here.
        raise UnsafeWorkbook(_("{where}: está dañada ({error}); se espera el libro guardado de "
                               "nuevo por Excel, LibreOffice o pmg export").format(
            where=_where(entry, names), error=exc)) from exc


def _sheet_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """{part: sheet title} from the workbook's list of sheets and its relationships; {} when
    either is missing or does not parse (openpyxl then says what is wrong)."""
    try:
        workbook = ElementTree.fromstring(archive.read(_WORKBOOK))
        rels = ElementTree.fromstring(archive.read(_WORKBOOK_RELS))
    except (KeyError, ElementTree.ParseError):
        return {}
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
    names = {}
    for sheet in workbook.iter(f"{{{_MAIN}}}sheet"):
        target = targets.get(sheet.get(f"{{{_RELATIONSHIPS}}}id"), "")
        part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        names[part] = sheet.get("name", "")
    return names
