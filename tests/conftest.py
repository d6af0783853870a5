from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support.paths import ROOT

# Messages are asserted in Spanish, the source language, whatever the machine's locale; set
# before pmg_docs.cli is imported (its help texts are translated when it is).
os.environ["PMG_LANG"] = "es"


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
