"""The Typst writer's bound of a kept cell's height (writers/typst/heights.py): never below the
height Typst lays the cell out at, so a row it proves short is one Typst would have kept; and
tight enough that the tables of real documents are written without measuring."""

from __future__ import annotations

import json
import random
from dataclasses import replace

import typst

from pmg_docs.resources import fonts_dir
from pmg_docs.writers.typst import typst_source

WORDS = ("Gestión", "de", "la", "Información", "año", "N°", "2024", "12.50", "%", "usuarios/as",
         "Subsecretaría", "—", "«ciudadanía»", "MINISTERIO", "W", "mmmmmmmm", "E1-02-RT4", "y",
         "Ñandú", "fiscalización,", "(PMG)", "https://www.gob.cl/servicio/indicadores")


def _html(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>P</title></head><body>{body}</body></html>"


def _cell(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.choice((1, 3, 12, 40, 90)))]
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words) + 1), "<br>")
    if rng.random() < 0.3:
        words[0] = f"<strong>{words[0]}</strong>"
    if rng.random() < 0.2:
        words.append("x" * rng.choice((45, 120)))  # broken into boxes (markup._breakable)
    if rng.random() < 0.4:
        # Paragraphs (the preamble's `pmg-p("cell")`, spaced below, and `pmg-cell-end`).
        cuts = sorted(rng.sample(range(len(words) + 1), min(rng.choice((0, 1, 2)),
                                                            len(words) + 1)))
        parts = [words[a:b] for a, b in zip([0, *cuts], [*cuts, len(words)], strict=True)]
        return "".join(f"<p>{' '.join(part)}</p>" for part in parts)
    return " ".join(words)


def _table(share: int, cell: str, header: bool) -> str:
    tag = "th" if header else "td"
    return (f'<table><colgroup><col style="width: {share}%"><col style="width: {100 - share}%">'
            f"</colgroup><tbody><tr><{tag}>{cell}</{tag}><td></td></tr></tbody></table>")


def test_the_bound_is_never_below_the_height_typst_lays_out():
    rng = random.Random(7)
    cases = [(rng.choice((6, 12, 20, 43, 68, 95)), _cell(rng), rng.random() < 0.3)
             for _ in range(80)]
    assert sum("<p>" in cell for _share, cell, _header in cases) >= 20
    written = [typst_source(_html(_table(*case))) for case in cases]
    source, root, writer = written[0]
    head = source.main[:source.main.index("\n", source.main.index("#import")) + 1]
    measuring = []
    for number, (table_source, _root, _writer) in enumerate(written):
        # Each table (one block, written in place when proven to fit, through `pmg-table`
        # when measured; lines of its own when a cell holds paragraphs), as laid out on the
        # page's width, measured by Typst.
        # (What follows the blocks is the document's own title: preamble.closing.)
        main = table_source.main
        table = main[len(head):main.rindex("#set document(")].strip()
        assert table.startswith(("#pmg-table(", "#block(..pmg-"))
        assert table.count("#pmg-table(") + table.count("#block(..pmg-") == 1
        measuring.append(f"#layout(size => [#metadata((n: {number}, h: measure(width: "
                         f"size.width, {table[1:]}).height / 1mm)) <h>])")
    files = replace(source, main=head + "\n".join(measuring) + "\n").files()
    # The stub knows no dictionary of files (compile.py), nor binds `font_paths`'s type.
    query = typst.Compiler(files, root=str(root),  # type: ignore[misc]
                           font_paths=[str(fonts_dir())], ignore_system_fonts=True)
    measured = {found["n"]: found["h"] for found in json.loads(query.query("<h>", field="value"))}
    import lxml.html

    heights = writer.heights
    assert heights is not None
    for number, (share, cell, header) in enumerate(cases):
        element = lxml.html.fragment_fromstring(_table(share, cell, header)).find(".//tr")[0]
        bound = heights.cell(element, share / 100)
        assert bound is not None
        # The table's height is its one row and half a rule above and below.
        assert bound + heights.rule >= measured[number] - 1e-6, (share, cell)
        if len(cell) < 40 and share >= 20 and "<p>" not in cell:
            assert bound < 2 * measured[number], (share, cell)


def test_short_kept_rows_are_not_measured_and_a_row_taller_than_a_page_is():
    groups = "".join(f'<tr><th rowspan="2">Etapa {n}</th><td>Objetivo {n}: texto breve</td>'
                     f'<td class="number">5%</td></tr><tr><td>otro</td><td class="number">'
                     f"10%</td></tr>" for n in (1, 2))
    short = f"<table><tbody>{groups}</tbody></table>"
    tall = "<table><tbody><tr><th>Campo</th><td>" + "palabra " * 3000 + "</td></tr></tbody></table>"
    in_list = f"<ul><li>{short}</li></ul>"
    source = typst_source(_html(short + tall + in_list))[0].main
    tables = [line for line in source.split("\n") if "#pmg-table(" in line or "#block(..pmg-"
              in line]
    assert len(tables) == 3
    # Proven to fit: written in place, a `table` of `table.cell`s, nothing measured.
    assert tables[0].startswith("#block(..pmg-ruled-block, table(") and "rows: (" not in tables[0]
    assert "#pmg-table(" in tables[1] and "measure: true" in tables[1]
    # In a list item the table is narrower than the page: Typst measures it.
    assert "#pmg-table(" in tables[2] and "rows: (" in tables[2]
