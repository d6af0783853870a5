"""Every command that writes a file, against the three ways a write fails: an output folder that
cannot be made, an output that is a symbolic link, a full disk. Each must answer the same way,
through the one writer (pmg_docs/output.py) and the one exit policy (pmg_docs/cli `run`):

    <ruta>: no se puede escribir: <por qué>; <qué hacer>

on standard error, exit 1, no traceback, and nothing half-written (no `.part` file left, no
target made, a linked file untouched).

How each failure is made real, for root (as the tests run here and in CI) as for anyone else,
without mocking the operating system:

- **A folder that cannot be made**: the output folder's path runs through a regular file
  (`bloqueo/salida` where `bloqueo` is a file). No one can create a folder inside a file, root
  included, so the system answers ENOTDIR. Permission bits would not do: root ignores them.
- **A symbolic link**: the file the command would write is a link to someone else's file. pmg
  refuses to write through it (the user's own output folder may be a link; what is below it, or
  the file named with `-o`, may not).
- **A full disk**: a real, tiny tmpfs, mounted in a mount namespace of the test's own
  (`unshare --user --map-root-user --mount`: no root on the host is needed where unprivileged
  user namespaces are allowed, and root needs nothing more) and filled to the last block
  before the command runs, so the write gets ENOSPC from the kernel. The mount is gone when
  the command ends. /dev/full cannot stand in: pmg writes a temporary file beside the target
  and renames it into place, and it refuses a target that is a device, so /dev/full is never
  written to. Where namespaces are not allowed, this case is skipped and says why.
"""

from __future__ import annotations

import datetime as dt
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.paths import ROOT

pytestmark = pytest.mark.slow  # each case runs the real `pmg` in a process of its own

EXAMPLES = ROOT / "examples"
IPS = EXAMPLES / "2024" / "ips.yaml"
CIRCULAR = EXAMPLES / "circulars" / "circular-39-2011.md"
PMG = [sys.executable, "-c", "from pmg_docs.cli import run; run()"]
# What follows the path in every answer: the shape the whole module asserts.
SHAPE = r": no se puede escribir: (?P<reason>[^;\n]+); (?P<remedy>[^\n]+)$"


def _pmg(*args: object, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*PMG, *map(str, args)], capture_output=True, text=True, cwd=cwd,
                          timeout=300)


@dataclass(frozen=True)
class Inputs:
    """What the commands read: a folder with one source, a workbook, a PDF and a signing key."""

    sources: Path
    book: Path
    imported: str  # the name `pmg import xlsx` gives the first formulation it writes
    pdf: Path
    key: Path
    cert: Path


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Inputs:
    folder = tmp_path_factory.mktemp("inputs")
    sources = folder / "fuentes"
    sources.mkdir()
    shutil.copy(IPS, sources / "ips.yaml")
    book = folder / "compromisos.xlsx"
    assert _pmg("export", EXAMPLES / "2024", "-o", book).returncode == 0
    imported = folder / "importadas"
    done = _pmg("import", "xlsx", book, "-o", imported)
    assert done.returncode == 0, done.stderr
    # The first file it writes: the one a failing disk or folder stops it at.
    first = Path(re.findall(r"^escrito (.+)$", done.stdout, re.MULTILINE)[0])
    rendered = folder / "pdf"
    assert _pmg("render", CIRCULAR, "--format", "pdf", "-o", rendered).returncode == 0
    key, cert = _keys(folder)
    return Inputs(sources, book, first.relative_to(imported).as_posix(), rendered / "circular-39-2011.pdf", key, cert)


def _keys(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate and its key, for this run only."""

    from cryptography.hazmat.primitives.asymmetric import rsa

    from tests.support.certificates import certificate, write_pair

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = dt.datetime.now(dt.timezone.utc)
    cert = certificate("Prueba", key, None, ca=False, start=now - dt.timedelta(days=1),
                       end=now + dt.timedelta(days=30))
    return write_pair(folder, "prueba", key, cert)


@dataclass(frozen=True)
class Command:
    """A command that writes: its arguments for an output folder `out`, and the file it
    writes there."""

    arguments: Callable[[Inputs, Path], list[object]]
    written: Callable[[Inputs], str]


COMMANDS = {
    "render": Command(lambda i, out: ["render", i.sources / "ips.yaml", "--format", "docx",
                                      "-o", out], lambda i: "ips.docx"),
    "build": Command(lambda i, out: ["build", i.sources, "--format", "docx", "-o", out],
                     lambda i: "ips.docx"),
    "guide": Command(lambda i, out: ["guide", "estado-verde", "--catalog", "pmg-2024",
                                     "--format", "docx", "-o", out],
                     lambda i: "requisitos-estado-verde.docx"),
    "report": Command(lambda i, out: ["report", EXAMPLES / "2024", "--format", "xlsx",
                                      "-o", out], lambda i: "resultados-2024.xlsx"),
    "export": Command(lambda i, out: ["export", EXAMPLES / "2024", "--force", "-o",
                                      out / "compromisos.xlsx"],
                      lambda i: "compromisos.xlsx"),
    "import xlsx": Command(lambda i, out: ["import", "xlsx", i.book, "--force", "-o", out],
                           lambda i: i.imported),
    "sign": Command(lambda i, out: ["sign", i.pdf, "--key", i.key, "--cert", i.cert,
                                    "-o", out / "firmado.pdf"], lambda i: "firmado.pdf"),
}


def _answer(stderr: str, path: Path) -> re.Match[str]:
    """The one located line about `path`, in the shape every command gives."""
    found = re.search("^" + re.escape(str(path)) + SHAPE, stderr, re.MULTILINE)
    assert found, stderr
    return found


def _refused_cleanly(result: subprocess.CompletedProcess[str], folder: Path) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "error interno" not in result.stderr
    assert not list(folder.rglob("*.part")), "a temporary file was left behind"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_an_output_folder_that_cannot_be_made(name: str, inputs: Inputs,
                                              tmp_path: Path) -> None:
    blocker = tmp_path / "bloqueo"
    blocker.write_text("un archivo, no una carpeta")
    out = blocker / "salida"
    command = COMMANDS[name]
    result = _pmg(*command.arguments(inputs, out))
    _refused_cleanly(result, tmp_path)
    answer = _answer(result.stderr, out)
    assert answer["reason"] == "una parte de la ruta es un archivo, no una carpeta"
    assert blocker.read_text() == "un archivo, no una carpeta"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_an_output_that_is_a_symbolic_link(name: str, inputs: Inputs, tmp_path: Path) -> None:
    victim = tmp_path / "ajeno.txt"
    victim.write_text("el archivo de otra persona")
    out = tmp_path / "salida"
    command = COMMANDS[name]
    link = out / command.written(inputs)
    link.parent.mkdir(parents=True)
    link.symlink_to(victim)
    result = _pmg(*command.arguments(inputs, out))
    _refused_cleanly(result, tmp_path)
    answer = _answer(result.stderr, link)
    assert answer["reason"] == "es un enlace simbólico, y pmg no escribe a través de enlaces"
    assert link.is_symlink() and victim.read_text() == "el archivo de otra persona"


def _full_disk_available(tmp_path: Path) -> list[str]:
    """The `unshare` command line that gives a private mount namespace, or a skip."""
    if not sys.platform.startswith("linux") or shutil.which("unshare") is None:
        pytest.skip("a full disk is made with a Linux mount namespace (unshare, util-linux)")
    unshare = ["unshare", "--user", "--map-root-user", "--mount", "--"]
    probe = tmp_path / "probe"
    probe.mkdir()
    tried = subprocess.run([*unshare, "mount", "-t", "tmpfs", "tmpfs", str(probe)],
                           capture_output=True, text=True)
    probe.rmdir()
    if tried.returncode != 0:
        pytest.skip(f"cannot mount a file system in a namespace here: {tried.stderr[:200]}")
    return unshare


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_full_disk(name: str, inputs: Inputs, tmp_path: Path) -> None:
    unshare = _full_disk_available(tmp_path)
    disk = tmp_path / "disco"
    disk.mkdir()
    out = disk / "salida"
    command = COMMANDS[name]
    pmg = shlex.join([*PMG, *map(str, command.arguments(inputs, out))])
    # Fill the disk to its last block (`head` fails when it is full, as it must), then write.
    script = (f"mount -t tmpfs -o size=256k tmpfs {shlex.quote(str(disk))} && "
              f"{{ head -c 1M /dev/zero > {shlex.quote(str(disk / 'relleno'))}; true; }} && "
              f"{pmg}; echo \"exit=$?\" >&2; "
              f"find {shlex.quote(str(disk))} -name '*.part' | sed 's/^/LEFT> /' >&2; "
              f"find {shlex.quote(str(out))} -type f -size +0 | sed 's/^/MADE> /' >&2")
    result = subprocess.run([*unshare, "sh", "-c", script], capture_output=True, text=True,
                            timeout=300)
    assert "exit=1" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and "error interno" not in result.stderr
    assert "LEFT>" not in result.stderr and "MADE>" not in result.stderr
    answer = _answer(result.stderr, out / command.written(inputs))
    assert answer["reason"] == "no queda espacio en el disco"
