"""`pmg validate FOLDER` checks a catalog of the folder as a file and again as the catalog of
each source that names it; a problem of the catalog is said, and counted, once."""

from __future__ import annotations

from pmg_docs.checks import validate_paths
from pmg_docs.load import CatalogRegistry
from tests.support.paths import ROOT


def test_a_catalog_problem_is_said_once_however_many_sources_name_it(tmp_path):
    catalogs = tmp_path / "catalogos"
    catalogs.mkdir()
    text = (ROOT / "catalogs" / "pmg-2024.yaml").read_text(encoding="utf-8")
    (catalogs / "pmg-2024.yaml").write_text(
        text.replace("\nyear: 2024\n", "\nyear: 2024\nsobrante: 1\n", 1), encoding="utf-8")
    source = (ROOT / "examples" / "2024" / "aduanas.yaml").read_text(encoding="utf-8")
    for name in ("aduanas.yaml", "otra.yaml"):
        (tmp_path / name).write_text(source, encoding="utf-8")
    found, files = validate_paths([tmp_path], CatalogRegistry((catalogs,)))
    assert files == 3
    said = [str(d) for d in found.errors if "sobrante" in str(d)]
    assert len(said) == 1, said
    assert "pmg-2024.yaml:" in said[0]
