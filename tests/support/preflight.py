"""Apache PDFBox Preflight, an outside PDF/A-1b validator (Debian's `libpdfbox2-java`, with the
two Java EE APIs it needs that Java 11 dropped: `libactivation-java`, `libjaxb-api-java`).

It validates only PDF/A-1b, so the tests render the `pdf/a-1b` variant for it; what it checks
there (fonts and their widths, XMP and its extension schemas, annotations, signatures) holds for
the other variants too. Off CI a machine without it skips; on CI (`CI=true`) it must be there,
installed by .ci/run, and its absence fails the test.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from lxml import etree

JARS = Path("/usr/share/java")
_CLASSPATH = ("preflight.jar", "pdfbox2.jar", "fontbox2.jar", "xmpbox.jar",
              "commons-logging.jar", "javax.activation.jar", "jaxb-api.jar")
_MAIN = "org.apache.pdfbox.preflight.Validator_A1b"
# A JVM's start and ~0.1-0.5 s a file: bounded so that a hung validator fails the test.
_SECONDS = 300


def missing() -> str | None:
    """What is missing to run Preflight here, or None."""
    if shutil.which("java") is None:
        return "java"
    absent = [name for name in _CLASSPATH if not (JARS / name).is_file()]
    return ", ".join(absent) or None


def require() -> None:
    """Skip without Preflight, except on CI, where it must be installed."""
    lacking = missing()
    if lacking is None:
        return
    message = f"PDFBox Preflight no está instalado (falta {lacking}; ver .ci/run)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def preflight(pdfs: list[Path]) -> dict[Path, list[str]]:
    """Each PDF's Preflight errors (`code: details`); an empty list when it is valid PDF/A-1b.
    One JVM validates them all (Preflight's «group» mode)."""
    classpath = os.pathsep.join(str(JARS / name) for name in _CLASSPATH)
    with tempfile.TemporaryDirectory() as folder:
        listing = Path(folder) / "pdfs.txt"
        listing.write_text("".join(f"{p.resolve()}\n" for p in pdfs), encoding="utf-8")
        subprocess.run(["java", "-cp", classpath, _MAIN, "xml", "group", str(listing)],
                       check=True, capture_output=True, timeout=_SECONDS)
        report = etree.parse(str(listing) + ".preflight.xml").getroot()
    results = report.findall("preflight")
    assert len(results) == len(pdfs), etree.tostring(report)
    found = {}
    for pdf, result in zip(pdfs, results, strict=True):
        assert result.get("name") == pdf.name, (result.get("name"), pdf)
        valid = result.findtext("isValid") == "true"
        errors = [f"{e.findtext('code')}: {e.findtext('details')}"
                  for e in result.iter("error")]
        found[pdf] = [] if valid else errors or ["no válido, sin detalle"]
    return found
