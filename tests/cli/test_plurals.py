"""Issue 27: counts read right when they are 1 («1 formulación», «con 1 decimal»), through
ngettext."""

from __future__ import annotations

import shutil

from click.testing import CliRunner

from pmg_docs.cli import main
from tests.support.sources import EXAMPLES


def test_an_export_of_one_formulation_says_so(tmp_path):
    folder = tmp_path / "año"
    folder.mkdir()
    shutil.copy(EXAMPLES / "2024" / "aduanas.yaml", folder)
    book = tmp_path / "libro.xlsx"
    result = CliRunner().invoke(main, ["export", str(folder), "-o", str(book)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == f"escrito {book}: 1 formulación"


def test_a_target_compared_at_one_decimal_says_one_decimal(tmp_path):
    # The catalog compares Equidad de Género's target at one decimal.
    source = tmp_path / "aduanas.yaml"
    text = (EXAMPLES / "2024" / "aduanas.yaml").read_text(encoding="utf-8")
    source.write_text(text.replace("value: 37.5}", "value: 37.4}"), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(source)])
    assert result.stdout.splitlines()[0] == (
        f"{source}:17: Objetivo N°1 › Indicador «Medidas de Equidad de Género» › meta › valor: "
        "el valor es 37.4, pero 3 / 8 × 100 = 37.5; se espera que coincidan con 1 decimal")
