"""DOCX files laid out by LibreOffice, as a Word user's machine would lay them out: the pages a
person compares with the PDF's."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

# The DOCX names Arial; LibreOffice must set it with a font of Arial's widths (Debian's
# fonts-liberation2, which LibreOffice depends on, or the Croscore Arimo), else its pages say
# nothing about Word's.
ARIAL_METRIC_FONTS = ("Liberation Sans", "Arimo", "Arial")


def soffice() -> str | None:
    return shutil.which("soffice")


def arial_substitute() -> str | None:
    """The font fontconfig gives LibreOffice for Arial, when it has Arial's widths."""
    found = subprocess.run(["fc-match", "-f", "%{family[0]}", "Arial"], capture_output=True,
                           text=True).stdout.strip()
    return found if found in ARIAL_METRIC_FONTS else None


def to_pdf(docx_files: list[Path], out_dir: Path) -> dict[Path, Path]:
    """Each DOCX converted to PDF by LibreOffice in one call, with a profile of its own (so that
    another LibreOffice running on the machine does not hold the conversion up)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    names = [p.stem for p in docx_files]
    if len(set(names)) != len(names):
        raise ValueError(f"two DOCX files share a name: {names}")
    with tempfile.TemporaryDirectory(prefix="pmg-lo-profile-") as profile:
        subprocess.run([soffice(), f"-env:UserInstallation={Path(profile).as_uri()}",
                        "--headless", "--convert-to", "pdf", "--outdir", str(out_dir),
                        *map(str, docx_files)], check=True, capture_output=True, timeout=600)
    return {p: out_dir / f"{p.stem}.pdf" for p in docx_files}


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))
