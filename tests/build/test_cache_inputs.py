"""A cache entry naming an input outside the folders a build reads from (a planted
`/proc/self/pagemap`, which says it is empty and reads without end) is stale without that
input being opened: the build redoes the document instead of hanging."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pmg_docs.build import build_tree
from pmg_docs.build.cache import CACHE_NAME, BuildCache, Entry, file_hash
from pmg_docs.render.pipeline import RenderOptions
from tests.support.paths import ROOT

PAGEMAP = Path("/proc/self/pagemap")


def _cache(tmp_path: Path, inputs: dict[str, str]) -> BuildCache:
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    cache_ = BuildCache.load(tmp_path / "out", (tmp_path / "repo",))
    cache_.entries["a.yaml"] = Entry(source="s", options="o", inputs=inputs, outputs={})
    return cache_


def test_an_input_inside_the_folders_read_is_hashed(tmp_path):
    cache_ = _cache(tmp_path, {})
    inside = tmp_path / "repo" / "catalog.yaml"
    inside.write_text("id: x\n", encoding="utf-8")
    cache_.entries["a.yaml"].inputs[str(inside)] = file_hash(inside) or ""
    assert cache_.is_fresh("a.yaml", "s", "o", tmp_path / "out")


def test_an_input_outside_the_folders_read_is_stale_and_never_opened(tmp_path):
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("id: x\n", encoding="utf-8")
    cache_ = _cache(tmp_path, {str(outside): file_hash(outside) or ""})
    assert not cache_.is_fresh("a.yaml", "s", "o", tmp_path / "out")
    assert outside not in cache_._hashes


def test_a_link_out_of_the_folders_read_does_not_count_as_inside(tmp_path):
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("id: x\n", encoding="utf-8")
    cache_ = _cache(tmp_path, {})
    link = tmp_path / "repo" / "link.yaml"
    link.symlink_to(outside)
    cache_.entries["a.yaml"].inputs[str(link)] = file_hash(outside) or ""
    assert not cache_.is_fresh("a.yaml", "s", "o", tmp_path / "out")


@pytest.mark.skipif(not PAGEMAP.exists(), reason="a Linux kernel file")
def test_a_kernel_file_that_reads_more_than_its_size_has_no_hash():
    assert PAGEMAP.stat().st_size == 0
    assert file_hash(PAGEMAP) is None


@pytest.mark.slow
@pytest.mark.skipif(not PAGEMAP.exists(), reason="a Linux kernel file")
def test_a_planted_pagemap_costs_a_rebuild_not_a_hang(tmp_path):
    (tmp_path / ".git").mkdir()
    shutil.copy(ROOT / "examples" / "2024" / "ips.yaml", tmp_path / "ips.yaml")
    options = RenderOptions(out_dir=tmp_path / "out", formats=("docx",))
    assert build_tree(tmp_path, options).built == 1
    saved = tmp_path / "out" / CACHE_NAME
    data = json.loads(saved.read_text(encoding="utf-8"))
    data["entries"]["ips.yaml"]["inputs"][str(PAGEMAP)] = "0" * 64
    saved.write_text(json.dumps(data), encoding="utf-8")
    summary = build_tree(tmp_path, options)
    assert (summary.built, summary.skipped, summary.failed) == (1, 0, 0)
    assert str(PAGEMAP) not in saved.read_text(encoding="utf-8")
