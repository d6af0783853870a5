"""The gender-equity measures against the indicator that counts them."""

from __future__ import annotations

from pathlib import Path

from pmg_docs.checks import check_path
from pmg_docs.load import CatalogRegistry

ADUANAS = Path(__file__).resolve().parents[2] / "examples" / "2024" / "aduanas.yaml"
FRACTION = "target: {numerator: 3, denominator: 8, value: 37.5}"


def _findings(tmp_path: Path, target: str) -> list[str]:
    text = ADUANAS.read_text(encoding="utf-8")
    assert FRACTION in text
    path = tmp_path / "aduanas.yaml"
    path.write_text(text.replace(FRACTION, target), encoding="utf-8")
    document, diagnostics = check_path(path, CatalogRegistry())
    assert document is not None
    return [d.message for d in diagnostics]


def test_a_target_stated_as_a_value_alone_has_no_numerator_to_count(tmp_path):
    # It used to stop `pmg validate` with «error interno: TypeError» (float(None)).
    assert _findings(tmp_path, "target: {value: 37.5}") == []


def test_a_numerator_unlike_the_count_of_measures_is_reported(tmp_path):
    messages = _findings(tmp_path, "target: {numerator: 4, denominator: 8, value: 50}")
    assert any(m.startswith("el numerador es 4, pero hay 3 medidas de género") for m in messages)
