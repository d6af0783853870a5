"""The README's tables say what the package holds: its layout names every folder of `pmg_docs/`
and nothing that is not there, its kinds table every kind of the registry; and no two folders of
the package import each other, so each room stays below the ones that use it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from pmg_docs import kinds

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
PACKAGE = ROOT / "pmg_docs"


def section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start:end if end != -1 else None]


def first_cells(text: str) -> list[str]:
    """The first cell of every table row of `text`, header and rule left out."""
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    return [row.split(" | ")[0][2:] for row in rows
            if not row.startswith("| ---") and not row.startswith("| folder")
            and not row.startswith("| kind")]


def subpackages() -> set[str]:
    return {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}


def test_the_layout_names_every_folder_of_the_package_and_nothing_else():
    named = [name for cell in first_cells(section("Layout of the project"))
             for name in re.findall(r"`([^`]+)`", cell)]
    assert named, "no table found under «Layout of the project»"
    missing = [name for name in named if not (ROOT / name.rstrip("/")).exists()]
    assert not missing, f"the layout names what does not exist: {missing}"
    folders = {name[len("pmg_docs/"):].rstrip("/") for name in named
               if name.startswith("pmg_docs/") and name.endswith("/")}
    assert subpackages() - folders == set(), "the layout leaves out these folders of pmg_docs"
    data = {p.name for p in PACKAGE.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))
            and not (p / "__init__.py").exists()}
    assert data <= folders, "the layout leaves out these data folders of pmg_docs"


def test_the_kinds_table_lists_every_kind_and_format():
    rows = [line.split(" | ") for line in section(
        "Formats, kinds and what the catalog declares").splitlines()
        if line.startswith("| `")]
    listed = {}
    for row in rows:
        kind, fmt = row[0][2:].strip("`"), row[1].strip("`")
        listed.setdefault(kind, set()).add(fmt)
    assert set(listed) == set(kinds.KINDS)
    for name, entry in kinds.KINDS.items():
        expected = set(entry.formats) if len(entry.formats) > 1 else {"(one)"}
        assert listed[name] == expected, name


def _imports(path, package: list[str]) -> set[str]:
    """The modules of pmg_docs that the file at `path` imports (at any depth in the file)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            found |= {module} | {f"{module}.{a.name}" for a in node.names}
    return {m for m in found if m.startswith("pmg_docs.")}


def test_no_two_folders_of_the_package_import_each_other():
    rooms = subpackages()
    uses: dict[str, set[str]] = {room: set() for room in rooms}
    for room in rooms:
        for path in (PACKAGE / room).rglob("*.py"):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            package = parts[:-1]
            for module in _imports(path, package):
                other = module.split(".")[1]
                if other in rooms and other != room:
                    uses[room].add(other)

    # Every cycle, of any length: a room that reaches itself through the others.
    def reaches(start: str, target: str, seen: set[str]) -> bool:
        for nxt in uses[start]:
            if nxt == target or (nxt not in seen and reaches(nxt, target, seen | {nxt})):
                return True
        return False

    cycles = sorted(room for room in rooms if reaches(room, room, {room}))
    assert not cycles, f"these folders import each other, directly or through others: {cycles}"
