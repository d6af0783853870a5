"""`pmg validate` says, at its line, what `pmg render` would refuse in a prose text: an insertion
there is not (in the templates folder in force or the package's) or an argument it does not
take. A user's own insertion is known when its templates folder is."""

from __future__ import annotations

import shutil

from pmg_docs.checks import validate_paths
from pmg_docs.load import CatalogRegistry
from tests.support.paths import ROOT

CALLS = "\n\n[[propia]]\n\n[[no-existe]]\n\n[[requisitos:no-es-un-sistema]]\n\n[[objetivos:x]]\n"


def _folder(tmp_path):
    source = tmp_path / "documento.md"
    shutil.copy(ROOT / "examples" / "2024" / "marco" / "documento-tecnico.md", source)
    lines = source.read_text(encoding="utf-8").count("\n")
    with source.open("a", encoding="utf-8") as text:
        text.write(CALLS)
    templates = tmp_path / "plantillas"
    (templates / "insertions").mkdir(parents=True)
    (templates / "insertions" / "propia.html.j2").write_text(
        "{#- pmg: insertion -#}\n<p>Propia</p>\n", encoding="utf-8")
    return source, templates, lines


def _said(found):
    return [(d.line, d.message.split(":")[0]) for d in found.errors]


def test_validate_finds_each_call_render_would_refuse_at_its_line(tmp_path):
    source, templates, lines = _folder(tmp_path)
    found, _files = validate_paths([source], CatalogRegistry(), templates)
    assert _said(found) == [(lines + 5, "[[no-existe]]"),
                            (lines + 7, "[[requisitos"),
                            (lines + 9, "[[objetivos")]
    messages = [d.message for d in found.errors]
    assert "no es una inserción" in messages[0] and "propia" in messages[0]
    assert "no-es-un-sistema" in messages[1] and "estado-verde" in messages[1]
    assert "no recibe argumento" in messages[2]


def test_a_users_insertion_is_unknown_without_its_templates_folder(tmp_path):
    source, _templates, lines = _folder(tmp_path)
    found, _files = validate_paths([source], CatalogRegistry())
    assert (lines + 3, "[[propia]]") in _said(found)
