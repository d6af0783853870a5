"""What Typst's own compile costs per document, and what each construct of the Typst writer adds.

    .venv/bin/python bench/typst_variants.py [--count 40] [--rounds 5] [--variant NAME ...]

Takes a fixed sample of bench/build_year.py's year (every fifth of its 200 formulations, the
first `--count`: 2011 and 2024 formats as the year mixes them), lays each out as HTML once and
writes its Typst source once (writers/typst.typst_source), all untimed. Then, in one warm
process and one warm compiler (as a pool worker), it compiles the sources `--rounds` times,
the variants in turn within a round (so that the load of a shared machine weighs on each
alike), and prints per variant the median over documents of each document's median CPU time
(time.process_time: every thread of the process) of the compile call alone, the pages, and
whether every document kept its page count. Each variant changes ONE thing of the source or of
the call, so that its difference from `baseline` is that thing's cost:

    baseline        the source and the call as write_pdf makes them (PDF/A-2a, tagged)
    no-standard     no PDF/A claim, still tagged (what PDF/A's checks cost)
    untagged        no PDF/A claim, no tags (the plain PDF's export)
    static-footer   a footer of fixed text: no `counter(page)` (diagnostic)
    no-footer       no running header or footer at all (diagnostic)
    plain-nowrap    `pmg-nowrap` without its `context measure()`
    no-measure      no cell or group of rows measured before it is kept on a page
    direct-tables   every cell a `table.cell`, every table without `layout`/`measure` (as
                    the writer writes in place a table proven to fit, tables.py)
    inline-th       a header cell's bold written as `text(weight: "bold")` in place
    no-tables       every table evaluated but none laid out (diagnostic)
    no-keep         no row kept on a page (diagnostic)
    no-repeat       header rows not repeated on each page (diagnostic)
    no-stroke       tables without rules (diagnostic)
    no-fill         header cells without shading (diagnostic)
    no-header       tables without header rows (diagnostic)
    one-file        the preamble's functions written in the document, one file of bytes (as
                    write_pdf passed it before), not imported from the module pmg.typ

Diagnostic variants change what a document shows: they are not cuts, they say where the time
goes. `--variant a+b` applies several; the default runs them all.

What it found (December 2026, typst 0.15.2, 2 shared cores; fastest round's median):
- Typst runs two layout passes per document, whatever the source: the footer's page total
  (`counter(page).final()`) needs the second; a `context` with `measure` in a table cell
  needs one too. The second pass costs ~0.5 ms (uprobes on layout_document_common): the
  first pass is memoised. static-footer saves ~1 ms.
- Per compile (~21 ms wall at that point): first layout pass ~12 ms, PDF export ~3.8 ms,
  the binding's `comemo::evict(10)` after every compile ~2.9 ms (it walks the cache of the
  last ten compiles), parsing and evaluation ~1.6 ms. The same source compiled twice in a
  row costs ~8 ms: the binding keeps Typst's caches between compiles. (That nothing of one
  document's layout served the next was not the new spans of each source, as first thought:
  it was the title and the running header, which held the service's name in the set rules
  every element is laid out with. Since they come after the blocks, preamble.closing, a
  formulation's compile in a year went from ~22 to ~15 ms; a paragraph inserted at the top
  of an otherwise equal document costs ~7 ms, the service's name in the header ~17 ms
  before and ~8 ms after.)
- Tables are ~80 % of the compile (no-tables). Before the cuts of this branch, `pmg-nowrap`
  (a `context` + `measure` per number cell, ~25 per document) cost ~20 % and the measuring
  of kept rows and groups (`pmg-table`'s `layout` callback) ~20 %; the writer now leaves
  out what cannot break or is proven shorter than a page (tables.py, heights.py), and a
  table with nothing to measure is written as `table.cell`s. Compile CPU per document went
  from ~41 ms to ~24 ms, with byte-identical PDFs.
- PDF/A-2a and tags cost ~1 ms (untagged); the preamble as an imported module ~1 ms less
  (applied since: compile.py, through the dictionary input the binding's README documents;
  `one-file` measures the difference); Arimo
  without hinting instructions ~0.6 ms less (not applied: changes the embedded fonts).
  Arimo's four faces (3301 glyphs, ~330 KB each) are read once per process; a document
  embeds subsets of the two or three it uses.
- What remains is Typst's own layout of ~120 cells per document: keeping rows on a page
  (no-keep) ~2 ms, repeated header rows ~1 ms, rules ~1 ms; none can go without changing
  the pages.

Later in December 2026 (branch s-typst; 48 documents of bench/synthetic_year.py's year, the
old and new sources compiled alternately in one process, 7 rounds, medians; PDFs compared
byte for byte, all identical):
- A cell's text as an argument of `table.cell` (`table.cell(..., "text")`, `pmg-th("text")`)
  rather than a content block of markup holding one string literal (`[#"text"]`): ~1.3 ms
  less per document (of ~22). The same for paragraphs, headings and `pmg-cell`s (~12 per
  document): no difference measured.
- The preamble's functions as the imported module pmg.typ (now the baseline; `one-file` is
  the former way): ~0.1-0.3 ms less per compile of a one-page document compiled 60 times in
  turn each way; within this sample's noise (~0.5 ms) over 40 documents.
- A table proven to fit written in place (Typst's `table` in a `block`) rather than through
  `pmg-table`: ~0.3-0.9 ms less in the `direct-tables` variant before it was applied.
- `box` instead of `pmg-nowrap`: ~3 per document are left, no difference measured.
- heights.py bounding cells of paragraphs too (the results' tables of verification means):
  ~1.1 ms less per results document; every table of the year now fits without measuring.
- Together (bench/markup_cpu.py's `ab` against the checkout before, 48 documents of the
  year, 9 rounds): Typst's compile ~25.5 -> ~21.9 ms, the markup ~3.5 -> ~3.0 ms, the writer
  in all ~33.1 -> ~28.7 ms CPU per document, every PDF the same.
"""

from __future__ import annotations

import argparse
import io
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _sources(count: int) -> list[tuple[str, Path, str]]:
    """(Typst source as one file, root, variant) of `count` documents of build_year.py's
    year: the preamble's functions written where the document imports them (`_one_file`), so
    that each variant changes one text; `_modular` splits it again as write_pdf passes it."""
    from build_year import make_year

    from pmg_docs.checks import check_path
    from pmg_docs.load import CatalogRegistry
    from pmg_docs.render.long_words import break_long_words
    from pmg_docs.render.pipeline import RenderOptions, lay_out
    from pmg_docs.writers.pdf_metadata import DEFAULT_VARIANT, document_metadata
    from pmg_docs.writers.typst import typst_source

    work = Path(tempfile.mkdtemp(prefix="pmg-typst-variants-"))
    try:
        files = make_year(work / "year", 200)[::5][:count]
        registry = CatalogRegistry()
        found = []
        for path in files:
            document, _ = check_path(path, registry, None)
            html, _files, _notes = lay_out(document, RenderOptions())
            metadata = document_metadata(document.kind, document.catalog, document.model,
                                         path.read_bytes(), document.format.name)
            source, root, _writer = typst_source(break_long_words(html), (), metadata)
            found.append((_one_file(source), root, DEFAULT_VARIANT))
        return found
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _split(source: str) -> tuple[str, str]:
    """The preamble (up to its last definition) and the document's blocks."""
    end = source.index("\n#heading(") + 1 if "\n#heading(" in source else 0
    return source[:end], source[end:]


def _sub(pattern: str, replacement: str, flags: int = re.S) -> Callable[[str], str]:
    def change(source: str) -> str:
        changed, count = re.subn(pattern, replacement, source, count=1, flags=flags)
        if not count:
            raise SystemExit(f"variant pattern not found: {pattern}")
        return changed
    return change


def _no_tables(source: str) -> str:
    """Every table's cells are still written and evaluated, none laid out (a table written in
    place is an argument of a function that drops it)."""
    preamble, blocks = _split(source)
    return (preamble + "#let pmg-table(..cells) = none\n#let pmg-dropped(..args) = none\n"
            + blocks.replace("#block(..pmg-", "#pmg-dropped(..pmg-"))


def _no_header(source: str) -> str:
    """No header rows: `pmg-table` makes none, and a table written in place spreads none."""
    preamble, blocks = _split(source)
    preamble = _sub(r"\.\.if head\.len\(\) > 0 \{[^}]*\}, ", "")(preamble)
    return (preamble + "#let pmg-no-header(..cells) = ()\n"
            + blocks.replace("table.header(repeat: true, ", "..pmg-no-header("))


_CELL = re.compile(r"pmg-cell\(((?:[^()]|\([^()]*\))*)\)")
_DIRECT_TABLE = """#let pmg-direct(plain: false, together: false, fits: false, columns: (),
    header: (), ..cells) = {
  let outer = if plain { 0pt } else { (y: pmg-rule / 2) }
  block(below: 3mm, width: if plain { 100% } else { 100% - pmg-rule }, inset: outer,
    table(columns: columns,
      stroke: if plain { none } else { pmg-rule + rgb("#7F7F7F") }, inset: pmg-inset(plain),
      ..if header.len() > 0 { (table.header(repeat: true, ..header),) }, ..cells))
}
"""


def _direct_cell(found: re.Match) -> str:
    options = [o for o in re.split(r", (?![^()]*\))", found.group(1)) if o
               and not o.startswith(("share:", "rows:", "measure:", "keep:"))]
    if "keep: true" in found.group(1):
        options.append("breakable: false")
    return f"table.cell({', '.join(options)})"


def _direct_tables(source: str) -> str:
    """Every cell a `table.cell` written out, every table a `table` in a block: no closure per
    cell, no `layout` or `measure` (what no table needs that fits on a page)."""
    preamble, blocks = _split(source)
    blocks = _CELL.sub(_direct_cell, blocks).replace("#pmg-table(", "#pmg-direct(")
    return preamble + _DIRECT_TABLE + blocks


# name -> (change of the source, keyword arguments of the compile call)
VARIANTS: dict[str, tuple[Callable[[str], str], dict]] = {
    "baseline": (lambda s: s, {}),
    "no-standard": (lambda s: s, {"pdf_standards": []}),
    "untagged": (lambda s: s, {"pdf_standards": [], "pdf_tags": False}),
    "static-footer": (_sub(r"footer: context align\(right, text\(([^\n]*)\n    [^\n]*\n",
                           r'footer: align(right, text(\1 "Página 1 de 1")),\n'), {}),
    "no-footer": (_sub(r"  header: .*?footer-descent: [^\n]*\)\n",
                       "  header: none, footer: none)\n"), {}),
    "plain-nowrap": (_sub(r"#let pmg-nowrap\(body\) = [^\n]*\n", "#let pmg-nowrap(body) = body\n"),
                     {}),
    "no-measure": (lambda s: re.sub(r"rows: \(\d+, \d+\), |, measure: true", "", s), {}),
    "direct-tables": (_direct_tables, {}),
    "inline-th": (lambda s: s.replace("#pmg-th[", '#text(weight: "bold")['), {}),
    "no-tables": (_no_tables, {}),
    "no-keep": (lambda s: _sub(r"if c.keep and not breakable \{ false \} else \{ auto \}", "auto")(
        s).replace(", breakable: false)[", ")["), {}),
    "no-repeat": (lambda s: s.replace("table.header(repeat: true,", "table.header(repeat: false,"),
                  {}),
    "no-stroke": (_sub(r"(#let pmg-ruled = arguments\(stroke: )[^,]*,", r"\1none,"), {}),
    "no-fill": (lambda s: _split(s)[0] + "#let pmg-fills = (header: none, body-header: none, "
                "total: none)\n" + _split(s)[1], {}),
    "no-header": (_no_header, {}),
}


def _one_file(source) -> str:
    """A writers/typst TypstSource as one text: its functions where the document imports them."""
    from pmg_docs.writers.typst.preamble import DEFINITIONS

    return source.main.replace(f'#import "{DEFINITIONS}": *\n', source.definitions, 1)


def _modular(text: str) -> dict[str, bytes]:
    """One text (`_one_file`, changed by a variant) as the binding's files: the preamble's
    functions (every `#let` of the preamble and its body) in the module the document imports."""
    from pmg_docs.writers.typst.compile import TypstSource
    from pmg_docs.writers.typst.preamble import DEFINITIONS

    preamble, blocks = _split(text)
    start = preamble.index("#let pmg-roles")
    head, definitions = preamble[:start], preamble[start:]
    return TypstSource(head + f'#import "{DEFINITIONS}": *\n' + blocks, definitions).files()


def _pages(data: bytes) -> int:
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)


def _call(typst, name: str, source: str, root: Path, variant: str) -> Callable[[], bytes]:
    """The compile of one document as the variant `name` (names joined by +) makes it."""
    from pmg_docs.writers.pdf_metadata import tagged
    from pmg_docs.writers.typst.compile import standards, timestamp

    options = {"pdf_standards": standards(variant), "timestamp": timestamp(),
               "pdf_tags": tagged(variant)}
    changed = source
    for part in name.split("+"):
        if part != "one-file":
            change, more = VARIANTS[part]
            changed = change(changed)
            options.update(more)
    data = changed.encode("utf-8") if "one-file" in name.split("+") else _modular(changed)
    return lambda: typst.compile(data, format="pdf", root=str(root), **options)


Calls = dict[str, list[Callable[[], bytes]]]


def _timed(calls: Calls, rounds: int) -> dict[str, list[list[float]]]:
    """CPU seconds of each call, per variant and document, `rounds` times."""
    names = list(calls)
    times: dict[str, list[list[float]]] = {name: [[] for _ in calls[name]] for name in names}
    for round_ in range(rounds):
        # Every document of one variant, then of the next (the order alternates): a document
        # compiled right after another variant of the same source would find its layout in
        # Typst's caches (the binding keeps what the last 10 compiles used).
        for name in names if round_ % 2 == 0 else names[::-1]:
            for index, compile_call in enumerate(calls[name]):
                cpu = time.process_time()
                compile_call()
                times[name][index].append(time.process_time() - cpu)
    return times


def main() -> None:
    from pmg_docs.writers.typst.compile import compiler

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--variant", action="append",
                        help="a variant's name, or names joined by + (applied in turn)")
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    if args.list:
        print("\n".join([*VARIANTS, "one-file"]))
        return
    names = args.variant or [*VARIANTS, "one-file"]
    if "baseline" not in names:
        names.insert(0, "baseline")
    started = time.process_time()
    documents = _sources(args.count)
    print(f"{len(documents)} documents laid out and written as Typst in "
          f"{time.process_time() - started:.1f} s CPU")
    typst = compiler()
    calls = {name: [_call(typst, name, *document) for document in documents] for name in names}
    pages = {}
    for name in names:  # every variant once, untimed: warm, and its pages
        try:
            pages[name] = [_pages(c()) for c in calls[name]]
        except Exception as exc:
            raise SystemExit(f"{name}: {exc}") from None
    times = _timed(calls, args.rounds)
    base = statistics.median(statistics.median(t) for t in times["baseline"])
    low = statistics.median(min(t) for t in times["baseline"])
    width = max(len(name) for name in names)
    print(f"{'variant':<{width}} {'ms CPU/doc':>10} {'vs base':>8} {'fastest':>8} {'vs base':>8} "
          f"{'pages':>6}  same pages")
    for name in names:
        median = statistics.median(statistics.median(t) for t in times[name])
        fastest = statistics.median(min(t) for t in times[name])
        same = pages[name] == pages["baseline"]
        print(f"{name:<{width}} {median * 1000:10.1f} {median / base:8.2f} {fastest * 1000:8.1f} "
              f"{fastest / low:8.2f} {sum(pages[name]):6d}  {'yes' if same else 'NO'}")


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    main()
