"""`break_long_words` returns the HTML as it is when no run needs breaking, without the
substitution that reads every tag (render/long_words.py): it must give exactly what the
substitution gives, whatever the tags, runs and characters around them."""

from __future__ import annotations

import os

from hypothesis import example, given, settings
from hypothesis import strategies as st

from pmg_docs.render.long_words import _TAG_OR_RUN, LONG, _split, break_long_words
from tests.support.paths import ROOT

# Generated texts per run: `FUZZ_EXAMPLES=5000` searches longer (as in tests/fuzz).
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))


def _substituted(html: str) -> str:
    """The general path: every tag and run through the substitution."""
    return _TAG_OR_RUN.sub(_split, html)


# Runs about as long as LONG, inside and outside tags, unclosed brackets, character references,
# zero-width and non-breaking spaces: the pieces the fast path tells apart.
PIECES = st.one_of(
    st.integers(LONG - 3, LONG + 3).map(lambda n: "x" * n),
    st.integers(1, 5).map(lambda n: "y" * n),
    st.sampled_from(["<", ">", "<p>", "</p>", " ", "\n", "\xa0", "&amp;", "&", "\u200b", "é",
                     '<a href="', '">', "<link href='data:", "'>", "\t"]),
)


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(PIECES, max_size=14).map("".join))
@example("x" * (LONG + 1))
@example("<" + "x" * (LONG + 1))
@example("<" + "x" * (LONG + 1) + ">")
@example("<p>" + "x" * (LONG + 1) + "</p>")
@example("<a <b>" + "x" * (LONG + 1))
@example("> <" + "x" * (LONG + 1) + " >")
def test_the_html_is_what_the_substitution_gives(html):
    assert break_long_words(html) == _substituted(html)


def test_a_document_with_a_long_style_sheet_and_a_long_word_is_broken_only_in_the_word():
    css = "data:text/css;base64," + "QUJD" * 400
    html = f'<link rel="stylesheet" href="{css}"><p>{"z" * (LONG * 2)}</p>'
    assert break_long_words(html) == _substituted(html)
    assert css in break_long_words(html)
    assert "z" * (LONG * 2) not in break_long_words(html)


def test_the_examples_html_is_returned_as_it_is():
    from pmg_docs.checks import check_path
    from pmg_docs.load import CatalogRegistry
    from pmg_docs.render.pipeline import RenderOptions, lay_out

    for name in ("examples/2024/aduanas.yaml", "examples/2011/resultados/osorno.yaml"):
        document, _found = check_path(ROOT / name, CatalogRegistry())
        assert document is not None
        html = lay_out(document, RenderOptions())[0]
        assert break_long_words(html) == _substituted(html) == html
