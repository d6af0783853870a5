"""Write docs/campos.md, the reference of every source field and of what each template receives,
from the models and the views (pmg_docs/edit/field_reference.py). Run after changing a model or
a view: `.venv/bin/python scripts/field_reference.py`; tests/edit/test_field_reference.py fails
while the file is stale."""

from __future__ import annotations

from pathlib import Path

from pmg_docs.edit.field_reference import REFERENCE, reference_text

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    target = ROOT / REFERENCE
    target.parent.mkdir(exist_ok=True)
    target.write_text(reference_text(ROOT), encoding="utf-8", newline="\n")
    print(f"escrito {REFERENCE}")


if __name__ == "__main__":
    main()
