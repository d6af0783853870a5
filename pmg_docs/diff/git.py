"""Files as they were at a git revision, read with the `git` command of the machine.

Only plumbing that any git has: `rev-parse`, `diff --name-only`, `ls-files`, `show REV:PATH`.
Errors (no git, not a repository, an unknown revision) become InputError with what to do.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from ..diagnostics import Diagnostic, InputError
from ..i18n import _
from ..load.text import read_text

TIMEOUT_SECONDS = 60


class Repository:
    """The git repository around `where` (the working folder by default)."""

    def __init__(self, where: Path | None = None):
        self.cwd = Path(where or Path.cwd())
        self.root = Path(self._git("rev-parse", "--show-toplevel").strip())

    def _git(self, *args: str, check: bool = True) -> str:
        return self._run(*args, check=check).decode("utf-8", "surrogateescape")

    def _run(self, *args: str, check: bool = True) -> bytes:
        try:
            done = subprocess.run(["git", *args], cwd=self.cwd, capture_output=True,
                                  timeout=TIMEOUT_SECONDS)
        except FileNotFoundError:
            raise InputError([Diagnostic("git", None, (), _(
                "el comando git no está instalado; se espera git en el PATH para comparar "
                "revisiones"))]) from None
        except subprocess.TimeoutExpired:
            raise InputError([Diagnostic("git", None, (), _(
                "git {command} tardó más de {seconds} s").format(
                command=args[0], seconds=TIMEOUT_SECONDS))]) from None
        if check and done.returncode != 0:
            message = done.stderr.decode("utf-8", "replace").strip().splitlines()
            # git's own words (in git's language), after ours.
            raise InputError([Diagnostic("git", None, (), _("git {command} falló: {reason}").format(
                command=args[0], reason=message[0] if message else "—"))])
        return done.stdout

    def commit(self, revision: str) -> str:
        """The commit a revision names; refuses what git would read as an option."""
        if not revision or revision.startswith("-"):
            raise InputError([Diagnostic("git", None, (), _(
                "«{revision}» no es una revisión; se espera un commit, una rama o una etiqueta, "
                "como HEAD~1").format(revision=revision))])
        found = self._git("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}",
                          check=False).strip()
        if not found:
            raise InputError([Diagnostic("git", None, (), _(
                "«{revision}» no es una revisión del repositorio en {root}; se espera un commit, "
                "una rama o una etiqueta, como HEAD~1 o main").format(revision=revision,
                                                                      root=self.root))])
        return found

    def changed(self, old: str, new: str | None, paths=()) -> list[str]:
        """Paths (relative to the root) that differ between two commits, or between a commit
        and the working tree (new files not yet added included) when `new` is None."""
        spec = ["--", *[str(p) for p in paths]]
        revisions = [old] if new is None else [old, new]
        names = self._git("diff", "--name-only", "--no-renames", "-z", *revisions,
                          *spec).split("\0")
        if new is None:
            untracked = self._git("ls-files", "--others", "--exclude-standard", "-z",
                                  "--full-name", *spec).split("\0")
            names += untracked
        return sorted({name for name in names if name})

    def read(self, revision: str | None, name: str, shown: str) -> str | None:
        """The text of `name` at a commit (None: the working tree); None if it is not there.
        `shown` names the file in messages."""
        if revision is None:
            path = self.root / name
            return read_text(path) if path.is_file() else None
        listed = self._git("ls-tree", "--full-tree", "--name-only", "-z", revision, "--", name,
                           check=False).split("\0")
        if name not in listed:
            return None
        raw = self._run("show", f"{revision}:{name}")
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError([Diagnostic(shown, None, (), _(
                "no es texto UTF-8 en {revision} (byte {byte}); se espera UTF-8").format(
                revision=revision[:12], byte=exc.start))]) from None
