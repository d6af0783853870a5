"""Write or check constraints.txt, the exact versions every install of pmg-docs uses.

    .venv/bin/python scripts/lock.py            # after changing a dependency in pyproject.toml
    .venv/bin/python scripts/lock.py --upgrade  # to move every dependency to its newest release
    .venv/bin/python scripts/lock.py --check    # exit 1 when constraints.txt is stale

pyproject.toml keeps ranges (what pmg-docs works with); constraints.txt pins one version of each
package, the package's own dependencies and the test tools included, for every platform at once
(uv's universal resolution writes markers such as `; sys_platform == 'win32'`). The README's
commands and CI install with `pip install -c constraints.txt`, so a new release of any dependency
reaches an install only when someone runs this script and commits what it wrote.

Without --upgrade, uv keeps every version already in constraints.txt that still fits the ranges:
refreshing after adding one dependency moves nothing else.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "constraints.txt"
# The oldest Python pmg-docs runs on: the resolution must hold there too.
PYTHON = "3.11"
HEADER = ("# uv pip compile pyproject.toml --extra test --extra weasyprint --universal "
          "(scripts/lock.py)\n")


def compile_lock(target: Path, *, upgrade: bool) -> None:
    uv = shutil.which("uv") or str(Path(sys.executable).with_name("uv"))
    command = [uv, "pip", "compile", "pyproject.toml", "--extra", "test", "--extra", "weasyprint",
               "--universal",
               "--python-version", PYTHON, "--no-header", "--quiet", "-o", str(target)]
    if upgrade:
        command.append("--upgrade")
    subprocess.run(command, cwd=ROOT, check=True)
    # The header names how the file was made, without the temporary path a check writes to.
    target.write_text(HEADER + target.read_text(encoding="utf-8"), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--upgrade", action="store_true", help="take the newest releases")
    parser.add_argument("--check", action="store_true",
                        help="compare with a fresh resolution instead of writing")
    options = parser.parse_args()
    if not options.check:
        compile_lock(LOCK, upgrade=options.upgrade)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / LOCK.name
        # Start from the committed pins: a check resolves what a refresh would write.
        shutil.copyfile(LOCK, fresh)
        compile_lock(fresh, upgrade=False)
        if fresh.read_text(encoding="utf-8") != LOCK.read_text(encoding="utf-8"):
            print("constraints.txt is stale: run scripts/lock.py and commit it", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
