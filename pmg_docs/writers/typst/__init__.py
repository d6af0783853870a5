"""HTML (the subset of writers/subset.py) -> PDF with Typst, the default PDF engine.

A third writer of the templates' HTML (WeasyPrint's writers/pdf.py lays it out as CSS, the DOCX
writer as Word styles): it walks the HTML as the DOCX writer does and writes Typst markup whose
look comes from one preamble, then compiles it in this process. Installs from a wheel on every
desktop (no Pango); tagged PDF/A-2a written by Typst itself.

    preamble.py  the look (the style file's values, document.css's rules) and the preamble
    markup.py    headings, paragraphs, emphasis, lists, page breaks, images, charts
    tables.py    tables
    heights.py   bounds of a kept cell's height, which spare Typst measuring what surely fits
    compile.py   the warm compiler, fonts from the package only, reproducible bytes; the
                 document and the module of the preamble's functions as in-memory files
    finish.py    the information dictionary and XMP packet pmg writes (xmp.py), row headers TH
    incremental.py  those changes appended to Typst's bytes as an incremental update

Nothing a user wrote becomes Typst code: text goes in as string literals (markup.literal).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from lxml import etree

from ...resources import templates_dir
from ..html_tree import UnsupportedHtml, classes, collapse
from ..pdf_metadata import DEFAULT_VARIANT, NO_VARIANT, PdfMetadata, claim, tagged
from .compile import TypstSource, anchors, compile_pdf, compiler, signature_places
from .heights import Heights
from .markup import MarkupWriter, literal
from .preamble import closing, definitions, preamble, style_look

__all__ = ["UnsupportedHtml", "anchor_pages", "release_fonts", "typst_source", "warm_up",
           "write_pdf"]

# lxml's HTML parser without lxml.html's element classes: the same tree (libxml2's parser,
# the same options), but each element reached is a plain lxml element, not one whose class
# a Python lookup picks (a call for every element touched, tens of thousands per year).
_PARSER = etree.HTMLParser()


def _root(folders: Sequence[Path]) -> Path:
    """The folder the compiler may read files below: the one the allowed folders (resolved)
    share. Only paths this writer checked (markup.MarkupWriter.image) are ever named in the
    source."""
    return Path(os.path.commonpath([str(folder) for folder in folders]))


def _foreign_links(root_element, folders: Sequence[Path]) -> list[str]:
    """The stylesheets a template links that are not files of the templates folders (resolved):
    Typst reads no stylesheet, but the WeasyPrint writer refuses these and the user is told the
    same whichever engine runs."""
    from urllib.parse import unquote, urlparse

    foreign = []
    for link in root_element.iter("link"):
        href = link.get("href") or ""
        if href.startswith("data:"):
            continue  # as below, without parsing a URL as long as the style sheet it holds
        url = urlparse(href)
        if url.scheme == "data":
            # The style's values (base.html.j2's `style_sheet`), which this writer reads from
            # the style file itself; WeasyPrint's fetcher serves `data:` URLs too.
            continue
        path = Path(unquote(url.path)).resolve() if url.scheme == "file" else None
        if path is None or not any(path.is_relative_to(folder) for folder in folders):
            foreign.append(href)
    return foreign


def typst_source(html: str, extra_allowed: Sequence[Path] = (),
                 metadata: PdfMetadata | None = None) -> tuple[TypstSource, Path, MarkupWriter]:
    """The Typst source of `html` (the document and the preamble's functions it imports), the
    root it reads images below, and the writer that made it (what it refused, where its header
    cells are). The first of `extra_allowed` is the user's templates folder (as the render
    passes it), whose style file restyles the document."""
    root_element = etree.fromstring(html, _PARSER)
    if root_element is None:
        raise etree.ParserError("Document is empty")  # as lxml.html.document_fromstring
    body = root_element.find("body")
    own = classes(body)
    allowed = [templates_dir(), *extra_allowed]
    # Resolved once for both uses below (each resolution asks the file system).
    folders = [Path(folder).resolve() for folder in allowed]
    root = _root(folders)
    look = style_look(Path(extra_allowed[0]) if extra_allowed else None)
    landscape = "landscape" in own
    writer = MarkupWriter(allowed, root,
                          Heights(look["heights"], landscape or look["page"]["landscape"]))
    writer.anchor(body)
    running = body.find("div[@class='running-header']")
    header = None
    if running is not None:
        # Its text and the style's logo, as the template wrote them from the style file.
        header = writer.inline(running)
    title = collapse(root_element.findtext(".//title") or "").strip()
    start = preamble(landscape=landscape, circular="circular" in own,
                     header=header is not None, look=look)
    content = writer.blocks(body)
    end = closing(
        header=header, title=literal(title) if title else None,
        author=literal(metadata.issuer) if metadata and metadata.issuer else None,
        description=(literal(metadata.description)
                     if metadata and metadata.description else None),
        keywords=[literal(k) for k in metadata.keywords()] if metadata else [])
    writer.refused[:0] = _foreign_links(root_element, folders)
    return TypstSource(start + content + "\n" + end, definitions(look)), root, writer


def write_pdf(html: str, extra_allowed: Sequence[Path] = (), metadata: PdfMetadata | None = None,
              variant: str = DEFAULT_VARIANT) -> tuple[bytes, list[str]]:
    """Lay out `html` as A4 pages; return the PDF bytes and the URLs that were refused (as
    writers/pdf.py's write_pdf)."""
    source, root, writer = typst_source(html, extra_allowed, metadata)
    data = compile_pdf(source, root, variant)
    places = signature_places(source, root) if writer.places else []
    if metadata is not None or tagged(variant) or places:
        from .finish import finish

        data = finish(data, metadata, claim(variant), writer.header_cells, places)
    return data, writer.refused


def anchor_pages(html: str, extra_allowed: Sequence[Path] = ()) -> dict[str, int]:
    """The page (from 1) on which each element a link may point to (a section heading, a note)
    starts once `html` is laid out: the page numbers of a table of contents, for the DOCX
    writer to print as the PDF does (as writers/pdf.py's anchor_pages)."""
    source, root, writer = typst_source(html, extra_allowed)
    if not writer.placed:
        return {}
    by_label = {name: found for found, name in writer.labels.items() if name in writer.placed}
    pages = ", ".join(f"({literal(name)}, locate(label({literal(name)})).page())"
                      for name in sorted(by_label))
    # One invisible element at the end that holds every label's page, for the query.
    source = replace(source, main=source.main + (
        f"#context [#metadata(({pages},)) <pmg-anchors>]\n"))
    found = anchors(source, root)
    return {by_label[name]: page for name, page in found if name in by_label}


def warm_up() -> None:
    """Make the compiler and lay out one page, so the fonts are read before the first document."""
    compile_pdf(TypstSource('#set text(font: "Arimo")\npmg', ""), templates_dir(), NO_VARIANT)
    compiler()


def release_fonts() -> None:
    """Nothing to release: the compiler holds the fonts in memory, no copies on disk."""
