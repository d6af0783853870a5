"""Files as they were at a git revision, read with the `git` command of the machine.

Only plumbing that any git has: `rev-parse`, `diff --name-only`, `ls-files`, `show REV:PATH`.
Errors (no git, not a repository, an unknown revision) become InputError with what to do.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from ...diagnostics import Diagnostic, InputError
from ...load.text import read_text

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
            raise InputError([Diagnostic("git", None, (), "the git command is not installed; "
                                         "expected git on the PATH to compare revisions")]) from None
        except subprocess.TimeoutExpired:
            raise InputError([Diagnostic("git", None, (), f"git {args[0]} took longer than "
                                         f"{TIMEOUT_SECONDS} s")]) from None
        if check and done.returncode != 0:
            message = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise InputError([Diagnostic("git", None, (), (message[0] if message else
                                         f"git {args[0]} failed"))])
        return done.stdout

    def commit(self, revision: str) -> str:
        """The commit a revision names; refuses what git would read as an option."""
        if not revision or revision.startswith("-"):
            raise InputError([Diagnostic("git", None, (), f"{revision!r} is not a revision; "
                                         "expected a commit, branch or tag such as HEAD~1")])
        found = self._git("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}",
                          check=False).strip()
        if not found:
            raise InputError([Diagnostic("git", None, (), f"{revision!r} is not a revision of "
                                         f"the repository at {self.root}; expected a commit, "
                                         "branch or tag such as HEAD~1 or main")])
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
            raise InputError([Diagnostic(shown, None, (), f"not UTF-8 text at {revision[:12]} "
                                         f"(byte {exc.start}); expected UTF-8")]) from None
