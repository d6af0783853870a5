"""`render_markdown` lays a text of plain paragraphs out without the parser (richtext): the
HTML must be the parser's, for any text, plain or not."""

from __future__ import annotations

import os

from hypothesis import example, given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from pmg_docs.richtext import _NOT_PLAIN, _parser, render_markdown
from tests.support.paths import ROOT

# Generated texts per run: `FUZZ_EXAMPLES=5000` searches longer (as in tests/fuzz).
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))

# Words, and every character or line start the shortcut must tell apart.
PIECES = st.one_of(
    st.sampled_from(["palabra", "Año", "2023", "1", "12", "a", "z", "B"]),
    st.sampled_from([" ", "  ", "\n", "\n\n", "\n \n", "\t", "\xa0", "\u2028", "\u3000", "\r",
                     "\r\n", "\x00", "\x0b", "\x0c", "\x85", "\x1f"]),
    st.sampled_from(list("*_\\&<>\"'.)-+#`[]!~=|:/%(") + ["&amp;", "**", "- ", "+ ", "1. ",
                                                            "2) ", "a) ", "c)", "1.", "\n- ",
                                                            "\n1. ", "\na) ", "\n2. "]),
)


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(PIECES, max_size=16).map("".join))
@example("")
@example("\n\n")
@example("Uno.\n\nDos «citas» \"dobles\" <y> 'simples'.\n")
@example("x\n1. y")
@example("x\n2. y")
@example("1234567890. diez cifras no abren una lista\nA) ni una mayúscula")
def test_the_html_is_the_parsers(text):
    assert render_markdown(text) == Markup(_parser().render(text))


def test_the_examples_descriptions_take_the_shortcut_and_print_as_the_parser_prints_them():
    from ruamel.yaml import YAML

    def texts(node):
        if isinstance(node, dict):
            for value in node.values():
                yield from texts(value)
        elif isinstance(node, list):
            for value in node:
                yield from texts(value)
        elif isinstance(node, str) and " " in node:
            yield node

    found = [t for path in sorted((ROOT / "examples").rglob("*.yaml"))
             for t in texts(YAML(typ="safe").load(path.read_text(encoding="utf-8")))]
    plain = [t for t in found if _NOT_PLAIN.search(t) is None]
    assert len(plain) > len(found) / 2  # the shortcut is the common way
    for text in found:
        assert render_markdown(text) == Markup(_parser().render(text))
