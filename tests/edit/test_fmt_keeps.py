"""`pmg fmt` rewrites the layout and keeps what is the file's own: its permissions, the link it is
reached through, its line endings and its YAML anchors and aliases."""

from __future__ import annotations

import stat

import pytest
from click.testing import CliRunner

from pmg_docs.cli import main
from pmg_docs.load.located_yaml import parse_yaml_text
from tests.support.paths import ROOT

# A formulation the formatter changes: a single-quoted text it writes plain, and an anchored
# description that another measure repeats with an alias.
HEAD = (ROOT / "examples/2024/aduanas.yaml").read_text(encoding="utf-8") \
    .split("\ngender_measures:\n", 1)[0]
SOURCE = HEAD + """
gender_measures:
  - kind: capacitacion
    description: &medida 'Medida que se repite con un alias.'
  - kind: capacitacion
    description: *medida
  - kind: capacitacion
    description: 'Otra medida.'
"""


def _fmt(*paths):
    result = CliRunner().invoke(main, ["fmt", *map(str, paths)])
    assert result.exit_code == 0, result.output
    return result


def test_the_file_is_reformatted_at_all(tmp_path):
    path = tmp_path / "aduanas.yaml"
    path.write_text(SOURCE, encoding="utf-8")
    _fmt(path)
    assert "description: Otra medida." in path.read_text(encoding="utf-8")


def test_mode_is_kept(tmp_path):
    path = tmp_path / "aduanas.yaml"
    path.write_text(SOURCE, encoding="utf-8")
    path.chmod(0o600)
    _fmt(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "Otra medida." in path.read_text(encoding="utf-8")


def test_a_link_stays_a_link_and_its_target_is_formatted(tmp_path):
    target = tmp_path / "real" / "aduanas.yaml"
    target.parent.mkdir()
    target.write_text(SOURCE, encoding="utf-8")
    link = tmp_path / "aduanas.yaml"
    link.symlink_to(target)
    _fmt(link)
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert "description: Otra medida." in target.read_text(encoding="utf-8")
    assert CliRunner().invoke(main, ["fmt", "--check", str(link)]).exit_code == 0


def test_anchors_and_aliases_are_kept(tmp_path):
    path = tmp_path / "aduanas.yaml"
    path.write_text(SOURCE, encoding="utf-8")
    _fmt(path)
    text = path.read_text(encoding="utf-8")
    assert text.count("&medida") == 1 and text.count("*medida") == 1
    assert text.count("Medida que se repite con un alias.") == 1
    before = parse_yaml_text(SOURCE, "a")[0]
    after = parse_yaml_text(text, "b")[0]
    assert before == after


@pytest.mark.parametrize("name, text", [
    ("aduanas.yaml", SOURCE),
    ("circular.md", (ROOT / "examples/circulars/circular-39-2011.md").read_text(encoding="utf-8")
     .replace("registry: 037/LIL/RMA", "registry: '037/LIL/RMA'")),
])
def test_crlf_line_endings_are_kept(tmp_path, name, text):
    path = tmp_path / name
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    _fmt(path)
    data = path.read_bytes()
    assert data != text.replace("\n", "\r\n").encode("utf-8"), "the layout did change"
    assert data.count(b"\n") == data.count(b"\r\n"), "every line ends in CRLF"
    if name.endswith(".md"):
        # The circular's body is kept byte for byte, CRLF included.
        body = text.split("\n---\n", 1)[1].replace("\n", "\r\n").encode("utf-8")
        assert data.endswith(body)
    assert CliRunner().invoke(main, ["fmt", "--check", str(path)]).exit_code == 0
