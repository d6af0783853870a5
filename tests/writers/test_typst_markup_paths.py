"""The Typst writer's short paths for the common case (a cell of text only, a text with nothing
to escape) write exactly what the general paths write: the Typst source, hence the PDF, does
not depend on which path a text took. bench/markup_cpu.py checks the same over the examples and
a synthetic year; these check any text, including white space, long words, quotes, backslashes,
characters the font does not draw and non-breaking spaces."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from pmg_docs.writers.html_tree import collapse
from pmg_docs.writers.typst.heights import Heights, _lines, _pieces
from pmg_docs.writers.typst.markup import (
    LONG_WORD,
    Context,
    Inline,
    MarkupWriter,
    _breakable,
    collapsed,
    cut_long_words,
    literal,
)
from pmg_docs.writers.typst.preamble import style_look
from pmg_docs.writers.typst.tables import TALL_WORDS, _may_be_tall

# Characters that take every path: white space HTML collapses (not a form feed, which lxml
# refuses in a text) and what it keeps (no-break
# space), Typst's escapes, letters, a character no face draws (an emoji), a zero-width space.
PIECES = st.text(alphabet=st.sampled_from(list(" \t\n\r\u00a0\"\\abcñ#[]\u200b\U0001F680")),
                 max_size=120)
# Long words (cut into boxes) need runs of letters past markup.LONG_WORD.
TEXTS = st.one_of(PIECES, st.lists(st.sampled_from(["a" * 45, " ", "x\"y", "\t"]), max_size=6)
                  .map("".join))


def _escaped_in_full(text: str) -> str:
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
               .replace("\r", "\\r").replace("\t", "\\t"))
    return f'"{escaped}"'


@given(TEXTS)
@settings(max_examples=300, deadline=None)
def test_a_literal_is_the_same_whether_or_not_it_needs_escapes(text):
    assert literal(text) == _escaped_in_full(text)


@given(st.lists(TEXTS, min_size=1, max_size=4))
@settings(max_examples=200, deadline=None)
def test_a_text_only_cell_is_written_as_the_inline_walk_writes_it(texts):
    writer = MarkupWriter([], Path("."))
    for text in texts + texts:  # twice: the second time from the document's cache
        cell = etree.Element("td")
        cell.text = text
        walked = Inline(writer)
        walked.walk(cell)
        assert writer.inline(cell) == walked.markup()


@given(TEXTS, st.floats(min_value=0.05, max_value=1.0))
@settings(max_examples=200, deadline=None)
def test_a_text_only_cell_is_bounded_as_its_lines_are(text, share):
    heights = Heights(style_look(None)["heights"], landscape=False)
    cell = etree.Element("td")
    cell.text = text
    # The same cell with an element inside that adds no text: the general path.
    general = etree.Element("td")
    general.text = text
    etree.SubElement(general, "b")
    assert _lines(_pieces(cell)) == _lines(_pieces(general))
    assert heights.cell(cell, share) == heights.cell(general, share)


@given(st.one_of(TEXTS, st.text(alphabet=st.sampled_from(list(" \t\n\r\f\u00a0ab")))))
@settings(max_examples=300, deadline=None)
def test_text_with_nothing_to_collapse_is_spared_the_search_and_the_same(text):
    assert collapsed(text) == collapse(text)
    assert collapsed(None) == collapse(None) == ""


# Long runs of no-break spaces too: white space to str.split, as to _LONG_WORD's `\s`.
@given(st.one_of(TEXTS, st.lists(st.sampled_from(["a" * 39, "b", " ", "\u00a0" * 41,
                                                  "\u200b", "c" * 40]), max_size=5)
                 .map("".join)))
@settings(max_examples=300, deadline=None)
def test_a_text_without_long_words_is_written_as_the_search_for_them_writes_it(text):
    assert _breakable(text) == (cut_long_words(text) if text else "")


@given(st.lists(st.sampled_from(["a", "b" * (LONG_WORD - 1), "c" * LONG_WORD, " ", "\n",
                                 "\u00a0"]), max_size=2 * TALL_WORDS).map("".join))
@settings(max_examples=300, deadline=None)
def test_a_short_text_only_cell_is_never_tall_as_its_words_say(text):
    cell = etree.Element("td")
    cell.text = text
    words = text.split()
    assert _may_be_tall(cell) == (len(words) >= TALL_WORDS
                                  or max(map(len, words), default=0) >= LONG_WORD)


def _table(rows: str, classes: str = "") -> str:
    return (f'<table class="{classes}"><colgroup><col style="width: 30%"><col style="width: 70%">'
            f"</colgroup>{rows}</table>")


# Cells of the same classes in rows and tables of different kinds: a cell's look is worked out
# once per kind of table and cell (TableWriter.looks), never taken from another kind's.
TABLES = [
    _table('<thead><tr><th class="number">A</th><th>B</th></tr></thead><tbody><tr>'
           '<th class="number">1,5%</th><td class="number phrase">2 de 3</td></tr>'
           '<tr class="total"><th class="number">3</th><td class="number">4 5</td></tr></tbody>'),
    _table('<tbody><tr><th class="number">1,5%</th><td class="number">4 5</td></tr></tbody>',
           "plain"),
    _table('<thead><tr><th class="number">A</th><th class="code">E1</th></tr></thead><tbody>'
           '<tr><td class="code">E1-02 RT4</td><td class="center">x</td></tr></tbody>',
           "requirements cuadro"),
    _table('<tbody class="together"><tr><th rowspan="2" class="stage">1</th><td>a</td></tr>'
           '<tr><td colspan="1" class="number">7</td></tr></tbody>', "splits"),
]


def test_a_table_is_written_alike_first_in_its_document_or_after_others():
    import lxml.html

    from pmg_docs.writers.typst.heights import Heights

    look = style_look(None)

    def written(order):
        writer = MarkupWriter([], Path("."), Heights(look["heights"], False))
        return {i: writer.tables.write(lxml.html.fragment_fromstring(TABLES[i]), Context())
                for i in order}

    alone = {i: written([i])[i] for i in range(len(TABLES))}
    assert written(range(len(TABLES))) == alone
    assert written(reversed(range(len(TABLES)))) == alone
    # What the cells' looks are: the header row's fill, a body <th>'s, a total row's; none in a
    # plain table; a Cuadro's header centred; a requirement code on one line; a phrase wraps.
    assert alone[0].count("fill: pmg-fills.header") == 2
    assert 'fill: pmg-fills.body-header, align: right, breakable: false, pmg-th("1,5%"))' \
        in alone[0]
    assert 'fill: pmg-fills.total, align: right, breakable: false, pmg-th("3"))' in alone[0]
    assert 'fill: pmg-fills.total, align: right, breakable: false, pmg-nowrap("4 5"))' \
        in alone[0]
    assert 'align: right, breakable: false, "2 de 3")' in alone[0]
    assert "pmg-fills" not in alone[1]
    assert 'table.cell(align: right, breakable: false, pmg-th("1,5%"))' in alone[1]
    assert 'align: center, pmg-th(pmg-nowrap("E1")))' in alone[2]
    assert 'pmg-nowrap("E1-02 RT4")' in alone[2]
    assert "rowspan: 2, fill: pmg-fills.body-header, align: center + horizon" in alone[3]


def test_a_table_written_in_place_is_laid_out_as_pmg_table_lays_it_out():
    """A table proven to fit is written as Typst's `table` in place (tables.py), one that
    is not goes through the preamble's `pmg-table`, which measures what it keeps before it
    keeps it: when both fit, the PDF is the same byte for byte. Without bounds (heights.py)
    every cell of many words is measured, so the same tables take `pmg-table`."""
    import lxml.html

    from pmg_docs.resources import templates_dir
    from pmg_docs.writers.pdf_metadata import DEFAULT_VARIANT
    from pmg_docs.writers.typst import typst_source
    from pmg_docs.writers.typst.compile import compile_pdf

    words = " ".join(["palabra"] * (TALL_WORDS + 5))
    # Cells of one string literal are written as an argument in place (`table.cell("…")`),
    # as markup (`[#"…"]`) through `pmg-table`: quotes and backslashes too.
    tables = [_table(f"<thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>{words}</td>"
                     f'<td class="number">1,5%</td></tr><tr class="total"><th>T "1" \\ 2</th>'
                     '<td class="number">2 de 3</td></tr><tr><td class="number">4 5</td>'
                     '<td><strong>x</strong></td></tr></tbody>'),
              _table(f"<tbody><tr><th>Campo</th><td>{words}</td></tr></tbody>", "plain"),
              _table(f'<tbody class="together"><tr><th rowspan="2" class="stage">1</th>'
                     f"<td>{words}</td></tr><tr><td>b</td></tr></tbody>", "cuadro"),
              _table(f'<tbody class="together"><tr><td>{words}</td><td>a</td></tr>'
                     "<tr><td>b</td><td>c</td></tr></tbody>", "splits"),
              # Paragraphs in a cell: bounded too (heights.py), each a `pmg-p("cell")`.
              _table("<thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>Campo</td>"
                     "<td><p>—</p><p>dos <strong>tres</strong></p></td></tr></tbody>")]
    html = ("<!DOCTYPE html><html><head><title>T</title></head><body>"
            + "".join(tables) + "</body></html>")
    source, root, _writer = typst_source(html)
    assert source.main.count("#block(..pmg-") == len(tables) and "#pmg-table(" not in source.main
    assert 'table.cell(fill: pmg-fills.total, breakable: false, pmg-th("T \\"1\\" \\\\ 2"))' \
        in source.main
    assert 'table.cell(align: right, breakable: false, pmg-nowrap("4 5"))' in source.main
    unbounded = MarkupWriter([templates_dir()], root, None)
    blocks = unbounded.blocks(lxml.html.document_fromstring(html).find("body"))
    assert blocks.count("#pmg-table(") == len(tables) and "#block(..pmg-" not in blocks
    head = source.main[:source.main.index("\n#", source.main.index("#import")) + 1]
    # The document's own texts come after its blocks (preamble.closing).
    tail = source.main[source.main.rindex("#set document("):]
    measured = replace(source, main=head + blocks + "\n" + tail)
    assert compile_pdf(measured, root, DEFAULT_VARIANT) == compile_pdf(source, root,
                                                                       DEFAULT_VARIANT)


def _grid_by_search(spans):
    """Where each cell lands, found as Grid first did: every taken square kept in a set and
    searched row by row for the row's width."""
    taken: set[tuple[int, int]] = set()
    covering: dict[tuple[int, int], int] = {}
    placed = []
    columns = 0
    for r, row in enumerate(spans):
        c = 0
        for rowspan, colspan in row:
            # HTML's reading: from 1, a row span at most the rows left.
            rowspan, colspan = max(1, min(rowspan, len(spans) - r)), max(1, colspan)
            while (r, c) in taken:
                c += 1
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken.add((r + dr, c + dc))
                    covering[(r + dr, c + dc)] = len(placed)
            placed.append((r, c, rowspan, colspan))
            c += colspan
        columns = max(columns, c, max((cc + 1 for rr, cc in taken if rr == r), default=0))
    return placed, covering, columns


# Spans of -1 and 0 too, and row spans past the table's end: read as HTML reads them.
@given(st.lists(st.lists(st.tuples(st.integers(-1, 3), st.integers(-1, 3)), max_size=5),
                min_size=1, max_size=6))
@settings(max_examples=300, deadline=None)
def test_the_grid_places_spanning_cells_as_a_search_of_every_square_does(spans):
    from pmg_docs.writers.html_tree import Grid

    rows = []
    for row_spans in spans:
        row = etree.Element("tr")
        for rowspan, colspan in row_spans:
            etree.SubElement(row, "td", rowspan=str(rowspan), colspan=str(colspan))
        rows.append((row, False))
    grid = Grid(rows)
    index = {id(p): i for i, p in enumerate(grid.placements)}
    placed = [(p.row, p.column, p.rowspan, p.colspan) for p in grid.placements]
    covering = {square: index[id(p)] for square, p in grid.covering.items()}
    assert (placed, covering, grid.columns) == _grid_by_search(spans)


def test_a_span_is_read_as_html_reads_it_and_bounded_before_it_is_paid():
    from pmg_docs.writers.html_tree import MAX_COLSPAN, Grid

    row = etree.Element("tr")
    etree.SubElement(row, "td", rowspan="1000000000", colspan="1000000000")
    etree.SubElement(row, "td", rowspan="x", colspan="2 columnas")
    grid = Grid([(row, False), (etree.Element("tr"), False)])
    assert [(p.rowspan, p.colspan) for p in grid.placements] == [(2, MAX_COLSPAN), (1, 2)]
    assert grid.columns == MAX_COLSPAN + 2
