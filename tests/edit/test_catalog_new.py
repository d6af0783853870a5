"""`pmg catalog new`: a new year's catalog starts as a copy of last year's, comments included,
with its id and year changed; it is written only when it reads as a catalog."""

from __future__ import annotations

from click.testing import CliRunner

from pmg_docs.cli import main
from pmg_docs.load import CatalogRegistry
from tests.support.paths import ROOT


def pmg(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_a_copy_with_id_and_year_changed(tmp_path):
    target = tmp_path / "pmg-2025.yaml"
    result = pmg("catalog", "new", "pmg-2025", "--from", "pmg-2024", "-o", target)
    assert result.exit_code == 0, result.output
    assert f"escrito {target}" in result.output
    old = (ROOT / "catalogs" / "pmg-2024.yaml").read_text(encoding="utf-8")
    new = target.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(old.splitlines(), new.splitlines()) if a != b]
    assert changed[:3] == [("id: pmg-2024", "id: pmg-2025"), ("year: 2024", "year: 2025"),
                           ('version: "2024.1"', 'version: "2025.1"')]
    # Then the titles the documents print, the year alone changed.
    assert ("    title: FORMULACIÓN DEL PROGRAMA DE MEJORAMIENTO DE LA GESTIÓN AÑO 2024",
            "    title: FORMULACIÓN DEL PROGRAMA DE MEJORAMIENTO DE LA GESTIÓN AÑO 2025") in changed
    for before, after in changed[3:]:
        assert before.lstrip().startswith(("title:", "running_title:"))
        assert after == before.replace("2024", "2025")
    assert len(new.splitlines()) == len(old.splitlines())
    catalog = CatalogRegistry((tmp_path,)).get("pmg-2025").model
    assert (catalog.id, catalog.year) == ("pmg-2025", 2025)
    assert pmg("validate", target).exit_code == 0


def test_refusals(tmp_path):
    target = tmp_path / "pmg-2025.yaml"
    target.write_text("mío", encoding="utf-8")
    exists = pmg("catalog", "new", "pmg-2025", "--from", "pmg-2024", "-o", target)
    assert exists.exit_code == 1 and "ya existe" in exists.stderr
    assert target.read_text(encoding="utf-8") == "mío"
    misnamed = pmg("catalog", "new", "pmg-2025", "--from", "pmg-2024", "-o",
                   tmp_path / "otro.yaml")
    assert misnamed.exit_code == 1
    assert "se espera el archivo pmg-2025.yaml" in misnamed.stderr
    unknown = pmg("catalog", "new", "pmg-2025", "--from", "pmg-1999", "-o", tmp_path / "x.yaml")
    assert unknown.exit_code == 2 and "«pmg-1999» no es un catálogo" in unknown.stderr
    no_folder = pmg("catalog", "new", "pmg-2025", "--from", "pmg-2024")
    assert no_folder.exit_code == 2 and "falta -o ARCHIVO" in no_folder.stderr
    assert not (tmp_path / "otro.yaml").exists()
