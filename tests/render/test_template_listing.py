"""The template files a document is made of are listed once and remembered (render/jinja.py,
`template_files`), yet an edited, added, removed or shadowing template is seen at once: a
build's cache and the preview depend on the listing being right."""

from __future__ import annotations

import os

from pmg_docs.render import jinja
from pmg_docs.render.jinja import template_files
from pmg_docs.resources import templates_dir


def _write(path, text):
    """Write `text` with a modification time of its own (a file system may keep times in whole
    seconds, and a test edits faster than that)."""
    path.write_text(text, encoding="utf-8")
    stamp = (os.stat(path).st_mtime_ns // 10**9 + len(text)) * 10**9
    os.utime(path, ns=(stamp, stamp))


def test_an_edited_template_is_listed_again(tmp_path):
    _write(tmp_path / "carta.html.j2", '{% include "pie.html.j2" %}')
    _write(tmp_path / "pie.html.j2", "pie")
    _write(tmp_path / "firma.html.j2", "firma")
    first = template_files("carta", tmp_path)
    assert first == [tmp_path / "carta.html.j2", tmp_path / "pie.html.j2"]
    assert template_files("carta", tmp_path) == first  # remembered

    _write(tmp_path / "carta.html.j2", '{% include "pie.html.j2" %}{% include "firma.html.j2" %}')
    assert template_files("carta", tmp_path) == [
        tmp_path / "carta.html.j2", tmp_path / "firma.html.j2", tmp_path / "pie.html.j2"]

    (tmp_path / "firma.html.j2").unlink()
    assert template_files("carta", tmp_path) == [tmp_path / "carta.html.j2",
                                                  tmp_path / "pie.html.j2"]


def test_a_template_added_to_the_users_folder_shadows_the_packages(tmp_path):
    package = template_files("formulacion-2024", tmp_path)
    assert package[0] == templates_dir() / "formulacion-2024.html.j2"
    _write(tmp_path / "base.html.j2", "<p>propia</p>")
    shadowed = template_files("formulacion-2024", tmp_path)
    assert tmp_path / "base.html.j2" in shadowed
    assert templates_dir() / "base.html.j2" not in shadowed


def test_the_remembered_listings_are_bounded(tmp_path):
    _write(tmp_path / "x.html.j2", "x")
    for number in range(jinja.MAX_LISTINGS + 10):
        template_files(f"no-existe-{number}", tmp_path)
    assert len(jinja._LISTINGS) <= jinja.MAX_LISTINGS


def test_a_rendered_template_is_listed_as_a_parse_of_its_own_lists_it(tmp_path):
    # Rendering remembers what each template it parsed names (`_ListedSandbox`); the listing
    # made from that must be the one a parse of each file gives.
    from pmg_docs.render.sandbox import render_limited

    _write(tmp_path / "carta.html.j2", '{% extends "marco.html.j2" %}{% block b %}'
                                       '{% include ["otra.html.j2", "pie.html.j2"] %}'
                                       '{% if false %}{% include "nunca.html.j2" %}{% endif %}'
                                       '{% endblock %}')
    _write(tmp_path / "marco.html.j2", '{% from "macros.html.j2" import m %}{% block b %}'
                                       '{% endblock %}{{ m() }}')
    _write(tmp_path / "macros.html.j2", '{% macro m() %}{% include "pie.html.j2" %}{% endmacro %}')
    _write(tmp_path / "pie.html.j2", "pie")
    _write(tmp_path / "nunca.html.j2", '{% include "firma.html.j2" %}')
    _write(tmp_path / "firma.html.j2", "firma")
    sources = {path.read_text(encoding="utf-8") for path in tmp_path.iterdir()}
    jinja._NAMES_IN.clear()  # "pie", "firma": texts other tests' templates may have had

    assert render_limited(jinja.environment(tmp_path), "carta.html.j2", {}) == "piepie"
    # Every file the render parsed is remembered (nunca.html.j2 was never reached).
    assert {source for source in sources if source in jinja._NAMES_IN} == sources - {
        (tmp_path / name).read_text(encoding="utf-8") for name in ("nunca.html.j2",
                                                                   "firma.html.j2")}
    remembered = template_files("carta", tmp_path)

    for source in sources:
        jinja._NAMES_IN.pop(source, None)
    jinja._LISTINGS.clear()
    assert template_files("carta", tmp_path) == remembered == [
        tmp_path / name for name in ("carta.html.j2", "nunca.html.j2", "firma.html.j2",
                                     "pie.html.j2", "marco.html.j2", "macros.html.j2")]
