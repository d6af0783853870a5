"""Located messages about input: what is wrong, where, and what is expected.

Every layer reports problems as `Diagnostic`s and gathers them, so that one run tells the user
everything that is wrong, each as `file:line: field.path: message`.

What stops a command is an exception of one tree, rooted in `click.ClickException`: each class
carries its exit code (input 1, usage 2, a bug 3) and how it is shown, and the command line's
entry point (cli/__init__.py, `run`) is the one place that turns them into an exit.

    click.ClickException
      PmgError            exit 1: what the user asked for cannot be done; the message says why
        InputError        exit 1: the input has errors, each a located Diagnostic
          OutputError     exit 1: a file cannot be written where it belongs (output.py)
        PdfLibraryMissing exit 1: the WeasyPrint engine cannot be used; the PDF was not made
        UsageProblem      exit 2: the command line (or pmg.toml) is wrong
        InternalError     exit 3: a bug in pmg-docs, already reported
      click.UsageError    exit 2: click's own (a missing argument, a bad value)
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

import click

from ..i18n import _

# Exit codes, by class of failure (documented in the README and in `pmg --help`).
EXIT_OK = 0
EXIT_INPUT = 1      # the input has errors, each printed as file:line: field: message
EXIT_USAGE = 2      # the command line (or pmg.toml) is wrong; click's usage errors use 2 too
EXIT_INTERNAL = 3   # a bug in pmg-docs


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


# Where a value is in a source's data: keys and list indexes, counted from 0
# (`("objectives", 2, "weight")`).
FieldPath = tuple[str | int, ...]


def format_path(path: FieldPath) -> str:
    """`("objectives", 0, "weight")` -> `objectives[0].weight`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


@dataclass(frozen=True)
class Diagnostic:
    file: str
    line: int | None
    # The field path in the file's data, counted from 0: ("objectives", 2, "weight").
    path: FieldPath
    message: str
    severity: Severity = Severity.ERROR
    # The same place as the document names it, counted from 1 ("Objetivo N°3 › ponderación"),
    # where the document's format has a `describe` part (load/document.py, diagnostics/places.py).
    item: str | None = None

    @property
    def where(self) -> str:
        """`file:line`, or the file alone."""
        return self.file if self.line is None else f"{self.file}:{self.line}"

    @property
    def place(self) -> str:
        """The item as the document names it, else the field path."""
        return self.item or format_path(self.path)

    def __str__(self) -> str:
        prefix = "" if self.severity is Severity.ERROR else _("aviso: ")
        if self.place:
            return terminal_safe(f"{self.where}: {self.place}: {prefix}{self.message}")
        return terminal_safe(f"{self.where}: {prefix}{self.message}")


# What a terminal would act on rather than show: control characters (ESC starts the sequences
# that recolour, retitle or rewrite a terminal) and the marks that reorder the text around them.
_TERMINAL_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f"
                                "\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """`text` with every control character shown as its escape (`\\x1b`), never acted on: file
    names and values quoted in messages come from files anyone may have written."""
    return _TERMINAL_CONTROLS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"),
                                  text)


@dataclass
class Diagnostics:
    """An ordered collection of diagnostics, gathered across files and layers."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, diagnostic: Diagnostic) -> None:
        self.items.append(diagnostic)

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.items.extend(diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.WARNING]

    def has_errors(self, strict: bool = False) -> bool:
        return blocking(self.items, strict)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


class UnknownId(ValueError):
    """An id named on the command line (a catalog, a system) that does not exist."""

    def __init__(self, message: str, param: str):
        super().__init__(message)
        self.param = param  # which argument of the command named it


def blocks(diagnostic: Diagnostic, strict: bool) -> bool:
    """Whether a finding stops its document: an error does, and so does a warning under
    --strict. The one answer every command gives."""
    return diagnostic.severity is Severity.ERROR or strict


def blocking(diagnostics: Iterable[Diagnostic], strict: bool) -> bool:
    """Whether any of the findings stops its document (see `blocks`)."""
    return any(blocks(d, strict) for d in diagnostics)


# --- what stops a command ----------------------------------------------------------------------

class PmgError(click.ClickException):
    """What the user asked for cannot be done; the message, in the user's words, says why and
    what to do. Shown as it is (click would prefix «Error:»), on standard error."""

    exit_code = EXIT_INPUT

    def format_message(self) -> str:
        return self.message

    def show(self, file: IO[Any] | None = None) -> None:
        if self.message:
            click.echo(terminal_safe(self.message), file=file, err=file is None)


class InputError(PmgError):
    """Input that cannot be used; carries the diagnostics that explain why, and, for a source
    whose shape is wrong, what of it could still be checked (a Document, see load/partial.py).
    Shown as one located line per diagnostic, then `outcome` (what was not done) if given."""

    def __init__(self, diagnostics: Iterable[Diagnostic], partial: Any = None,
                 outcome: str = ""):
        self.diagnostics = list(diagnostics)
        self.partial = partial
        self.outcome = outcome
        super().__init__("\n".join([*(str(d) for d in self.diagnostics), *([outcome] if outcome
                                                                           else [])]))


class OutputError(InputError):
    """A file cannot be written where it belongs (output.py says where and why); `reason` is
    the why alone, for a message that says what was lost (the build's cache)."""

    def __init__(self, diagnostic: Diagnostic, reason: str = ""):
        super().__init__([diagnostic])
        self.diagnostic = diagnostic
        self.reason = reason or diagnostic.message


class UsageProblem(PmgError):
    """The command line, or the pmg.toml that completes it, cannot be used: shown as click
    shows its own usage errors («Error: …»), which exit 2 too."""

    exit_code = EXIT_USAGE

    def show(self, file: IO[Any] | None = None) -> None:
        if self.message:
            click.ClickException.show(self, file)


class PdfLibraryMissing(PmgError):
    """The WeasyPrint engine was asked for (`--pdf-engine weasyprint`, pmg.toml's `pdf_engine`)
    and cannot be used: the extra is not installed, or WeasyPrint cannot load its system
    libraries (Pango, GObject). The user's to fix, so the message says how, and how to get the
    PDF with the default engine meanwhile; the other formats are written all the same
    (render/pipeline.py). The Typst engine needs no system library."""

    def __init__(self) -> None:
        super().__init__(_(
            "no se escribió el PDF: el motor weasyprint no está disponible en este equipo (le "
            "falta el paquete `pmg-docs[weasyprint]` o la biblioteca Pango que usa). Instálelos "
            "y vuelva a ejecutar el comando: `pip install -e '.[weasyprint]'` y, en Linux, "
            "`sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0`; en "
            "macOS, `brew install pango`. O use el motor por omisión, que no necesita Pango: "
            "`--pdf-engine typst` (o quite `pdf_engine` de pmg.toml)."))


class InternalError(PmgError):
    """A bug in pmg-docs hit while the command went on with the rest, reported already."""

    exit_code = EXIT_INTERNAL


def display_name(path: Path) -> str:
    """The path as the user should see it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(_resolved(os.getcwd())))
    except ValueError:
        return str(path)


@lru_cache(maxsize=8)
def _resolved(folder: str) -> Path:
    # The working folder resolved once, not for every file named (a build names each source
    # several times); keyed by the folder, so a change of folder is seen.
    return Path(folder).resolve()


# --- the wording every check shares ------------------------------------------------------------

def unknown(what: str, got: object, known: Iterable[str], where: str = "") -> str:
    """A reference to nothing: `«monitoreo-x» no es un sistema del catálogo pmg-2024; se espera
    uno de: a, b`. `what` names the kind of thing with its article ("un sistema")."""
    known = [str(k) for k in known]
    listed = ", ".join(known) or _("(ninguno)")
    place = f" {where}" if where else ""
    close = closest(got, known)
    if close is not None:
        return _("«{got}» no es {what}{place}; ¿quiso decir «{close}»? Se espera uno de: "
                 "{known}").format(got=got, what=what, place=place, close=close, known=listed)
    return _("«{got}» no es {what}{place}; se espera uno de: {known}").format(
        got=got, what=what, place=place, known=listed)


def closest(got: object, known: Iterable[str]) -> str | None:
    """The one of `known` that `got` most likely misspells (`wieght` -> `weight`), or None when
    none is close: a suggestion must be right far more often than not, so the cutoff is high
    (one letter swapped, missing or doubled in a word of six)."""
    if not isinstance(got, str) or not got:
        return None
    found = difflib.get_close_matches(got.lower(), list(known), n=1, cutoff=0.75)
    return found[0] if found else None


def repeated(what: str, first_line: int | None) -> str:
    """The second occurrence of what must appear once: `«x» aparece dos veces (también en la
    línea 12); se espera una sola vez`."""
    if first_line is None:
        return _("{what} aparece dos veces; se espera una sola vez").format(what=what)
    return _("{what} aparece dos veces (también en la línea {line}); se espera una sola "
             "vez").format(what=what, line=first_line)
