"""Smaller faults of the adversarial review: files that lie about their size, text that would
drive a terminal, characters the font lacks, a service name longer than the running header,
file names that clash on a case-insensitive disk."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from pmg_docs.cli import main
from tests.support.paths import ROOT

ADUANAS = ROOT / "examples" / "2024" / "aduanas.yaml"


def _aduanas(tmp_path: Path, old: str, new: str, name: str = "aduanas.yaml") -> Path:
    text = ADUANAS.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.skipif(not Path("/proc/self/pagemap").exists(), reason="needs Linux's /proc")
def test_a_file_that_reports_size_0_is_still_held_to_the_limit():
    # /proc files report a size of 0 whatever they hold; this one holds far more than 2 MB.
    result = CliRunner().invoke(main, ["validate", "/proc/self/pagemap"])
    assert result.exit_code == 1
    assert ("/proc/self/pagemap: el archivo tiene más de 2097152 bytes, el límite de un documento "
            "pmg") in result.output


# --- the terminal ------------------------------------------------------------------------------

def test_an_escape_sequence_in_a_catalogs_version_never_reaches_the_terminal(tmp_path):
    catalog = (ROOT / "catalogs" / "pmg-2024.yaml").read_text(encoding="utf-8")
    folder = tmp_path / "catalogos"
    folder.mkdir()
    (folder / "pmg-2024.yaml").write_text(
        catalog.replace('version: "2024.1"', 'version: "\\e]0;pwned\\a\\e[2J2024.1"'),
        encoding="utf-8")
    for command in (["catalog", "list"], ["catalog", "show", "pmg-2024"],
                    ["validate", str(folder)]):
        result = CliRunner().invoke(main, [*command, "--catalogs", str(folder)])
        assert "\x1b" not in result.output and "\x07" not in result.output, command
    assert "pmg-2024.yaml:9: version: contiene el carácter de control U+001B" in result.output


def test_a_message_quoting_a_value_shows_its_control_characters_escaped(tmp_path):
    path = _aduanas(tmp_path, "kind: formulation", 'kind: "\\e]0;pwned\\aformulation"')
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert "\x1b" not in result.output
    assert "«\\x1b]0;pwned\\x07formulation» no es un tipo de documento" in result.output


# --- characters the documents' font lacks ------------------------------------------------------

GLYPHS = {
    "emoji": ("🚀", "U+1F680 ROCKET"),
    "arabic": ("ا", "U+0627 ARABIC LETTER ALEF"),
    "arabic digits": ("٣", "U+0663 ARABIC-INDIC DIGIT THREE"),
    "chinese": ("漢", "U+6F22 CJK UNIFIED IDEOGRAPH-6F22"),
    "fullwidth digits": ("１２", "U+FF11 FULLWIDTH DIGIT ONE"),
}


@pytest.mark.parametrize("case", sorted(GLYPHS))
def test_a_character_the_font_lacks_is_a_located_warning_naming_it(tmp_path, case):
    char, named = GLYPHS[case]
    path = _aduanas(tmp_path, "Capacitación avanzada en primera acogida",
                    f"Capacitación {char} avanzada en primera acogida")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert (f"aduanas.yaml:53: Medida de género N°1 › descripción: aviso: «{char[0]}» ({named})"
            in result.output)
    assert ("la fuente de los documentos no lo tiene" if len(char) == 1 else
            "la fuente de los documentos no los tiene") in result.output
    strict = CliRunner().invoke(main, ["render", str(path), "--strict", "-o",
                                       str(tmp_path / "out")])
    assert strict.exit_code == 1
    assert not (tmp_path / "out").exists()


def test_the_warning_points_at_the_line_of_a_circulars_text(tmp_path):
    text = (ROOT / "examples/circulars/circular-39-2011.md").read_text(encoding="utf-8")
    lines = text.splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("2) "))
    lines[number] = lines[number] + " 🚀"
    path = tmp_path / "circular.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert f"circular.md:{number + 1}: texto: aviso: «🚀» (U+1F680 ROCKET)" in result.output


def test_the_characters_taken_as_covered_are_in_every_face_of_the_font():
    from pmg_docs.checks.glyphs import SURELY_COVERED, font_characters

    assert SURELY_COVERED <= font_characters()


def test_ordinary_spanish_text_gets_no_warning():
    result = CliRunner().invoke(main, ["validate", str(ROOT / "examples"),
                                       str(ROOT / "catalogs")])
    assert result.exit_code == 0
    assert "aviso:" not in result.output


# --- the running header ------------------------------------------------------------------------

@pytest.mark.slow
def test_a_long_service_name_stays_inside_the_running_header(tmp_path):
    name = ("SERVICIO NACIONAL DE ADUANAS Y DE LA COORDINACIÓN INTERSECTORIAL DE FISCALIZACIÓN "
            "FRONTERIZA, PORTUARIA Y AEROPORTUARIA DE LA REPÚBLICA ") * 4
    path = _aduanas(tmp_path, "name: SERVICIO NACIONAL DE ADUANAS", f"name: {name.strip()}")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["render", str(path), "--format", "pdf", "-o", str(out)])
    assert result.exit_code == 0, result.output
    layout = subprocess.run(["pdftotext", "-bbox", "-f", "2", "-l", "2", str(out / "aduanas.pdf"),
                             "-"], capture_output=True, text=True, check=True).stdout
    page = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', layout)
    width = float(page[1])
    words = [(float(x0), float(y0), float(x1), text) for x0, y0, x1, text in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
        layout)]
    # The page's top margin is 22 mm (62 pt): the header's words are above it.
    header = [w for w in words if w[1] < 62]
    assert header and header[0][3] == "Formulación"
    assert all(0 <= x0 and x1 <= width for x0, _y, x1, _t in header)
    assert all(y >= 0 for _x, y, _x1, _t in header)
    assert len({round(y) for _x, y, _x1, _t in header}) <= 2, "two lines at most"
    assert header[-1][3].endswith("…"), "the name is cut short"


# --- names that one disk tells apart and another does not ---------------------------------------

def test_names_equal_but_for_case_clash(tmp_path):
    folder = tmp_path / "formulaciones"
    folder.mkdir()
    for name in ("aduanas.yaml", "ADUANAS.yaml"):
        (folder / name).write_text(ADUANAS.read_text(encoding="utf-8"), encoding="utf-8")
    built = CliRunner().invoke(main, ["build", str(folder), "-o", str(tmp_path / "out")])
    assert built.exit_code == 1
    assert "escribiría los mismos documentos que" in built.output
    rendered = CliRunner().invoke(main, ["render", str(folder / "aduanas.yaml"),
                                         str(folder / "ADUANAS.yaml"), "-o",
                                         str(tmp_path / "out2")])
    assert rendered.exit_code == 1
    assert not (tmp_path / "out2").exists()
