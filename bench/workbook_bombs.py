"""Time and peak memory of `pmg import xlsx` refusing the workbook bombs of issue 26: a 400 MB
cell, 1.5 GB of whitespace, a DTD entity bomb. Each bomb is built small on disk with the tests'
own builder (tests/edit/test_workbook_bombs.py) and imported by the `pmg` command in its own
process under /usr/bin/time (Linux), so the figures are the whole command's.

    .venv/bin/python bench/workbook_bombs.py

Target (issue 26): each refused in < 2 s and < 200 MB.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.edit.test_workbook_bombs import SHEET, SHEET_HEAD, SHEET_TAIL, write_bomb  # noqa: E402

MB = 1024 * 1024
DTD = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 '
       b'"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>')
BOMBS = {
    "a 400 MB cell": (SHEET_HEAD + b'<row r="1"><c r="A1" t="inlineStr"><is><t>', b"a",
                      400 * MB, b"</t></is></c></row>" + SHEET_TAIL),
    "1.5 GB of whitespace": (SHEET_HEAD, b" ", 1536 * MB, SHEET_TAIL),
    "a DTD entity bomb": (DTD + SHEET_HEAD.split(b"\n", 1)[1], b" ", MB, SHEET_TAIL),
}


def main() -> None:
    pmg = Path(sys.executable).parent / ("pmg.exe" if os.name == "nt" else "pmg")
    print(f"load average {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        for name, (head, filler, count, tail) in BOMBS.items():
            book = write_bomb(tmp / "bomb.xlsx", SHEET, head, filler, count, tail)
            run = subprocess.run(["/usr/bin/time", "-f", "%e %M", str(pmg), "import", "xlsx",
                                  str(book), "-o", str(tmp / "out")],
                                 capture_output=True, text=True, timeout=300)
            seconds, kilobytes = run.stderr.strip().splitlines()[-1].split()
            print(f"{name}: {book.stat().st_size // 1024} KB on disk, exit {run.returncode}, "
                  f"{float(seconds):.2f} s, {int(kilobytes) // 1024} MB peak")


if __name__ == "__main__":
    main()
