"""The one writer (pmg_docs/output.py), in this process: what it writes, what it refuses, and
the one message shape of a refusal. The commands' side is tests/cli/test_unwritable_outputs.py."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from pmg_docs.diagnostics import EXIT_INPUT, OutputError
from pmg_docs.output import document_name, write_document, write_file


def test_a_file_is_written_whole_with_its_folders_and_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "informe.pdf"
    assert write_file(target, b"%PDF") == target
    assert target.read_bytes() == b"%PDF"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert sorted(p.name for p in target.parent.iterdir()) == ["informe.pdf"]


def test_a_rewrite_keeps_the_mode_it_is_given(tmp_path: Path) -> None:
    target = tmp_path / "fuente.yaml"
    write_file(target, b"uno", mode=0o600)
    write_file(target, b"dos", mode=0o600)
    assert target.read_bytes() == b"dos"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_the_naming_rule() -> None:
    assert document_name(Path("2024/ips.yaml"), "pdf") == Path("2024/ips.pdf")
    assert document_name(Path("requisitos-estado-verde"), "docx") == \
        Path("requisitos-estado-verde.docx")


def _refusal(exc: pytest.ExceptionInfo[OutputError], path: Path) -> str:
    """The reason of a refusal, after checking its shape: located, exit 1."""
    assert exc.value.exit_code == EXIT_INPUT
    prefix = f"{path}: no se puede escribir: "
    message = str(exc.value.diagnostic)
    assert message.startswith(prefix), message
    reason, _, remedy = message[len(prefix):].partition("; ")
    assert remedy
    return reason


def test_a_target_that_is_a_link_is_refused_and_left_alone(tmp_path: Path) -> None:
    victim = tmp_path / "ajeno"
    victim.write_text("de otra persona")
    link = tmp_path / "firmado.pdf"
    link.symlink_to(victim)
    with pytest.raises(OutputError) as refused:
        write_file(link, b"%PDF")
    assert _refusal(refused, link).startswith("es un enlace simbólico")
    assert link.is_symlink() and victim.read_text() == "de otra persona"


def test_a_folder_link_below_the_output_folder_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "fuera"
    elsewhere.mkdir()
    out = tmp_path / "salida"
    out.mkdir()
    (out / "2024").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(OutputError) as refused:
        write_document(out, Path("2024/ips.pdf"), b"%PDF")
    assert _refusal(refused, out / "2024").startswith("es un enlace simbólico")
    assert list(elsewhere.iterdir()) == []


def test_the_output_folder_itself_may_be_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "salida").symlink_to(real, target_is_directory=True)
    write_document(tmp_path / "salida", Path("ips.pdf"), b"%PDF")
    assert (real / "ips.pdf").read_bytes() == b"%PDF"


def test_a_path_that_leaves_the_output_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError) as refused:
        write_document(tmp_path / "salida", Path("../ips.pdf"), b"%PDF")
    assert _refusal(refused, tmp_path / "salida" / ".." / "ips.pdf").startswith(
        "la ruta saldría de la carpeta de salida")
    assert not (tmp_path / "ips.pdf").exists()


def test_a_folder_through_a_file_is_refused_for_root_too(tmp_path: Path) -> None:
    blocker = tmp_path / "bloqueo"
    blocker.write_text("archivo")
    with pytest.raises(OutputError) as refused:
        write_file(blocker / "salida" / "libro.xlsx", b"PK")
    assert _refusal(refused, blocker / "salida") == \
        "una parte de la ruta es un archivo, no una carpeta"


def test_a_device_is_never_replaced(tmp_path: Path) -> None:
    if not os.path.exists("/dev/null"):
        pytest.skip("needs /dev/null")
    with pytest.raises(OutputError) as refused:
        write_file(Path("/dev/null"), b"x")
    assert _refusal(refused, Path("/dev/null")) == "ya existe y no es un archivo común"
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


def test_a_file_held_open_on_windows_says_so(tmp_path: Path) -> None:
    """Windows refuses to replace a DOCX open in Word (or a PDF in a reader) with
    ERROR_SHARING_VIOLATION or ERROR_ACCESS_DENIED; the message names that, not a permission.
    The error is made as Windows raises it (winerror set), since this machine cannot hold a
    file open that way."""
    from pmg_docs.output import os_problem

    target = tmp_path / "aduanas.docx"
    target.write_bytes(b"PK")
    for code in (5, 32):
        exc = PermissionError(13, "Permission denied")
        exc.winerror = code  # type: ignore[attr-defined]
        message = str(os_problem(target, exc).diagnostic)
        assert message.startswith(f"{target}: no se puede escribir: el archivo está abierto en "
                                  "otro programa (Word, Excel o el lector de PDF)"), message
        assert "Ciérrelo allí y vuelva a ejecutar el comando" in message
    # Elsewhere, and for a file not there yet, the reason is the system's.
    assert "no hay permiso" in str(os_problem(target, PermissionError(13, "x")).diagnostic)
    exc = PermissionError(13, "x")
    exc.winerror = 5  # type: ignore[attr-defined]
    assert "no hay permiso" in str(os_problem(tmp_path / "nuevo.docx", exc).diagnostic)
