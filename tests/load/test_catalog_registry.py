"""A catalog is parsed once per process, and read again as soon as its file changes: `pmg serve`
keeps one process while the analyst edits the catalog."""

from __future__ import annotations

import shutil

import pytest

from pmg_docs.diagnostics import InputError
from pmg_docs.load import CatalogRegistry
from tests.support.paths import ROOT


def test_an_edited_catalog_is_read_again_by_the_next_registry(tmp_path):
    shutil.copy(ROOT / "catalogs" / "pmg-2024.yaml", tmp_path / "pmg-2024.yaml")
    first = CatalogRegistry((tmp_path,)).get("pmg-2024")
    assert first is CatalogRegistry((tmp_path,)).get("pmg-2024")  # unchanged: kept

    path = tmp_path / "pmg-2024.yaml"
    text = path.read_text(encoding="utf-8")
    # Same length, other bytes: a timestamp or a size would not tell the two apart.
    assert "year: 2024" in text
    path.write_text(text.replace("year: 2024", "year: 2025"), encoding="utf-8")
    second = CatalogRegistry((tmp_path,)).get("pmg-2024")
    assert (first.model.year, second.model.year) == (2024, 2025)


def test_a_catalog_broken_after_it_was_read_is_an_error_again(tmp_path):
    path = tmp_path / "pmg-2024.yaml"
    shutil.copy(ROOT / "catalogs" / "pmg-2024.yaml", path)
    CatalogRegistry((tmp_path,)).get("pmg-2024")
    path.write_text(path.read_text(encoding="utf-8").replace("year: 2024", "year: dos mil"),
                    encoding="utf-8")
    with pytest.raises(InputError) as raised:
        CatalogRegistry((tmp_path,)).get("pmg-2024")
    assert raised.value.diagnostics[0].path == ("year",)
