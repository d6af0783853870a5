"""A document drawn from its catalog (a guide) reads the catalog's own source: a text of the
catalog is checked once, by the catalog's check, not again by the guide's."""

from __future__ import annotations

from pathlib import Path

from pmg_docs.checks import check_document
from pmg_docs.load.catalogs import CatalogRegistry
from pmg_docs.render.pipeline import guide_document
from tests.support.paths import ROOT

SYSTEM = "calidad-de-servicio-y-experiencia-usuaria"
NOTE = "note: Actualización Comité en relación a las etapas 1 y 2."


def test_a_glyph_of_the_catalog_is_warned_about_once_for_a_guide(tmp_path: Path) -> None:
    text = (ROOT / "catalogs" / "pmg-2024.yaml").read_text(encoding="utf-8")
    assert NOTE in text
    (tmp_path / "pmg-2024.yaml").write_text(
        text.replace(NOTE, NOTE.replace("Comité", "Comité ☃"), 1), encoding="utf-8")
    registry = CatalogRegistry((tmp_path,))
    catalog = registry.get("pmg-2024")
    assert catalog is not None and catalog.source.path.parent == tmp_path

    found = [*check_document(catalog), *check_document(guide_document(SYSTEM, "pmg-2024",
                                                                        registry))]

    snowman = [d for d in found if "U+2603" in d.message]
    assert len(snowman) == 1
    assert snowman[0].file.endswith("pmg-2024.yaml") and snowman[0].path[-1] == "note"
