"""Inputs built to cost: each is refused at its limit with a located error, or rendered at a cost
that grows with its size (bench/scaling.py measures the growth)."""

from __future__ import annotations

import re
import zipfile

import pytest
from click.testing import CliRunner
from lxml import etree

from pmg_docs.cli import main
from tests.support.doc_text import pdf_pages_text

WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CIRCULAR = "examples/circulars/circular-39-2011.md"


def _circular_with(root, tmp_path, extra: str, name: str = "circular.md"):
    text = (root / CIRCULAR).read_text(encoding="utf-8")
    path = tmp_path / name
    path.write_text(text + "\n" + extra, encoding="utf-8")
    return path, text.count("\n") + 2


def _formulation_with_measures(root, tmp_path, descriptions: list[str]):
    text = (root / "examples/2024/aduanas.yaml").read_text(encoding="utf-8")
    head = text.split("\ngender_measures:\n", 1)[0]
    measures = "".join(f"  - kind: capacitacion\n    description: {d}\n" for d in descriptions)
    path = tmp_path / "formulacion.yaml"
    path.write_text(f"{head}\ngender_measures:\n{measures}", encoding="utf-8")
    return path


@pytest.mark.slow
def test_a_circular_full_of_brackets_validates(tmp_path, root):
    # Each "[[" looked for its "]]" to the end of the text: 13 s for this one before. (Spaced:
    # a run of brackets longer than any real word is refused as such, checks/words.py.)
    path, _ = _circular_with(root, tmp_path, "[[ " * 90_000 + "\n\n" + "[[x " * 40_000 + "\n")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 0, result.output


def test_a_circular_of_49_000_list_items_is_refused_at_its_text(tmp_path, root):
    path, _ = _circular_with(root, tmp_path, "- a\n" * 49_000)
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    body_line = (root / CIRCULAR).read_text(encoding="utf-8").split("\n---\n", 1)[0] \
        .count("\n") + 3
    assert any(f"circular.md:{body_line}: " in line and
               "un texto de 49132 líneas; el límite es 20000" in line
               for line in result.output.splitlines()), result.output


def test_10_000_gender_measures_are_refused_at_the_list(tmp_path, root):
    path = _formulation_with_measures(root, tmp_path, [f"Medida {i}." for i in range(10_000)])
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    first_past = path.read_text(encoding="utf-8").split("\n").index(
        "  - kind: capacitacion", 0) + 1 + 2 * 2000
    assert (f"formulacion.yaml:{first_past}: gender_measures: una lista de más de 2000 "
            "elementos") in result.output


def test_a_catalog_note_with_a_noncharacter_is_refused_before_the_annex(tmp_path, root):
    text = (root / "catalogs/pmg-2024.yaml").read_text(encoding="utf-8")
    changed = text.replace("note: Actualización Comité en relación a las etapas 1 y 2.",
                           'note: "Actualización \\uFFFF Comité"')
    assert changed != text
    (tmp_path / "cat").mkdir()
    (tmp_path / "cat" / "pmg-2024.yaml").write_text(changed, encoding="utf-8")
    line = changed[:changed.index("Actualización \\uFFFF")].count("\n") + 1
    result = CliRunner().invoke(main, ["render", str(root / "examples/2024/aduanas.yaml"),
                                       "--catalogs", str(tmp_path / "cat"), "--annex",
                                       "requisitos", "--format", "docx", "-o",
                                       str(tmp_path / "out")])
    assert result.exit_code == 1
    assert (f"pmg-2024.yaml:{line}: systems[1].stages[0].objectives[0].requirements[0].note: "
            "contiene U+FFFF en la posición 14, que no es un carácter de texto") in result.output


@pytest.mark.slow
def test_a_199_000_letter_word_is_refused_at_its_field(tmp_path, root):
    # It rendered (9 s, 20 pages of one word); no real word comes near 1 000 letters, and one
    # of 1 900 000 took the PDF writer past 300 s: refused before layout, at its field.
    word = "Palabra" + "x" * 199_000
    path = _formulation_with_measures(root, tmp_path, [word, "b", "c"])
    result = CliRunner().invoke(main, ["render", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    assert "descripción: una palabra de 199.007 caracteres sin espacios («Palabraxxxxxxxxxxxxx…»)" \
        in result.output
    assert not (tmp_path / "out" / "formulacion.pdf").exists()


@pytest.mark.slow
def test_a_description_of_2_000_line_breaks_renders(tmp_path, root):
    lines = "".join(f"      Línea {i} de la medida.  \n" for i in range(2000))
    text = (root / "examples/2024/aduanas.yaml").read_text(encoding="utf-8")
    head = text.split("\ngender_measures:\n", 1)[0]
    path = tmp_path / "lineas.yaml"
    path.write_text(f"{head}\ngender_measures:\n  - kind: capacitacion\n    description: |\n"
                    f"{lines}  - kind: capacitacion\n    description: b\n"
                    "  - kind: capacitacion\n    description: c\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    pdf = pdf_pages_text(tmp_path / "out" / "lineas.pdf")
    assert "Línea 0 de la medida." in pdf and "Línea 1999 de la medida." in pdf


@pytest.mark.slow
def test_a_circular_whose_catalog_has_1000_systems_renders(tmp_path, root):
    text = (root / "catalogs/mei-2012.yaml").read_text(encoding="utf-8")
    head, rest = text.split("\nsystems:\n", 1)
    systems = "".join(f"  - id: sistema-{n}\n    name: Sistema número {n}\n"
                      "    area: recursos-humanos\n    stages: [{number: 1}]\n"
                      f"    general_objective: Objetivo general del sistema {n}.\n"
                      f"    experts: [Red de expertos {n}]\n" for n in range(1000))
    catalog = head + "\nsystems:\n" + systems + rest[rest.index("\nministries:"):]
    catalog = re.sub(r"  requirements:\n(?:    .*\n|\n)*", "", catalog)
    (tmp_path / "cat").mkdir()
    (tmp_path / "cat" / "mei-2012.yaml").write_text(catalog, encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(root / CIRCULAR), "--catalogs",
                                       str(tmp_path / "cat"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    # python-docx's reader follows a merged cell up one row at a time, recursing (as its merge
    # did): the paragraphs are read from the document's XML instead.
    with zipfile.ZipFile(tmp_path / "out" / "circular-39-2011.docx") as package:
        xml = etree.fromstring(package.read("word/document.xml"))
    docx = "\n".join("".join(p.itertext()) for p in xml.iter(f"{{{WORD}}}p"))
    pdf = pdf_pages_text(tmp_path / "out" / "circular-39-2011.pdf")
    for text in (docx, pdf):
        assert "Sistema número 0." in text and "Sistema número 999." in text
