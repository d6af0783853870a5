from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

# Messages are asserted in Spanish, the source language, whatever the machine's locale; set
# before pmg_docs.cli is imported (its help texts are translated when it is).
os.environ["PMG_LANG"] = "es"

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

# Inputs the tests read: broken files with their answers, golden texts, and copies of the
# seed documents (../shared/seeds) so that the tests need nothing outside the repository.
DATA = Path(__file__).resolve().parent / "data"
SEEDS = DATA / "seeds"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_examples(tmp_path_factory) -> Path:
    """Both 2024 examples rendered once, in both formats, by the real writers."""
    from pmg_docs.build import build_tree
    from pmg_docs.render.pipeline import RenderOptions

    out = tmp_path_factory.mktemp("built")
    summary = build_tree(ROOT / "examples", RenderOptions(formats=("pdf", "docx"), out_dir=out))
    assert summary.failed == 0, [str(d) for d in summary.diagnostics]
    return out
