"""Zip packages (DOCX, XLSX, and the workbook inside a DOCX chart) as reproducible bytes.

A zip entry stores the time it was written; a document pmg-docs writes must be the same bytes
for the same inputs, so every entry is written again with one fixed time and mode.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import SupportsRichComparison

# A fixed zip entry time (2000-01-01), so that equal inputs give equal bytes.
ZIP_TIME = (2000, 1, 1, 0, 0, 0)


def fixed_zip_times(
        data: bytes,
        order: Callable[[zipfile.ZipInfo], SupportsRichComparison] | None = None) -> bytes:
    """The zip `data` with every entry at ZIP_TIME, deflated, mode 0644; in the order `order`
    sorts the entries by, else in the order they had."""
    source = zipfile.ZipFile(io.BytesIO(data))
    entries = source.infolist()
    if order is not None:
        entries = sorted(entries, key=order)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in entries:
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
