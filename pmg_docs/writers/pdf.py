"""HTML -> PDF with WeasyPrint, fetching nothing but the package's own files.

Fonts come with the package (pmg_docs/fonts, made by scripts/make_fonts.py from a pinned PyPI
package), so the PDF does not depend on the machine's fonts: Arimo, whose glyphs are as wide as
Arial's, the font the DOCX names, so both formats break lines alike. The
URL fetcher refuses the network and any file outside the allowed folders; what it refuses is
reported back to the caller, which decides whether that is a warning or an error.
"""

from __future__ import annotations

import atexit
import mimetypes
import os
import threading
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from ..resources import fonts_dir, templates_dir
from .pdf_metadata import DEFAULT_VARIANT, NO_VARIANT, PdfMetadata, claim, tagged

# Every font file is stamped with this time, not the clock, so that equal inputs give equal
# bytes (fontTools reads it while subsetting). 2000-01-01T00:00:00Z.
REPRODUCIBLE_EPOCH = "946684800"

_FACES = (
    ("normal", "normal", "Arimo-Regular.ttf"),
    ("bold", "normal", "Arimo-Bold.ttf"),
    ("normal", "italic", "Arimo-Italic.ttf"),
    ("bold", "italic", "Arimo-BoldItalic.ttf"),
)


class PackageOnlyFetcher(URLFetcher):
    """Serves `data:` URLs and files below the allowed folders; refuses everything else."""

    def __init__(self, allowed_dirs: list[Path]):
        super().__init__(allowed_protocols={"data", "file"}, allow_redirects=False)
        self.allowed = [d.resolve() for d in allowed_dirs]
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if url.startswith("file:"):
            path = Path(URLFetcherResponse(url).path or "").resolve()
            if any(path.is_relative_to(folder) for folder in self.allowed) and path.is_file():
                kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                # WeasyPrint ignores a stylesheet that is not served as text/css.
                return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": kind})
        self.refused.append(url)
        raise ValueError(f"pmg-docs fetches no resource outside the package: {url}")


def _font_css() -> str:
    folder = fonts_dir()
    rules = []
    for weight, style, filename in _FACES:
        rules.append(
            '@font-face { font-family: "Arimo"; '
            f"font-weight: {weight}; font-style: {style}; "
            f"src: url({(folder / filename).as_uri()}); }}")
    return "\n".join(rules)


# A process that renders many documents loads the fonts once: one font configuration and its
# parsed @font-face rules per thread (Pango's font map is not thread-safe), kept until
# release_fonts(). The bytes are the same as with a configuration per document.
_fonts = threading.local()


def _font_setup() -> tuple[FontConfiguration, CSS]:
    if getattr(_fonts, "setup", None) is None:
        config = FontConfiguration()
        fetcher = PackageOnlyFetcher([fonts_dir()])
        _fonts.setup = (config, CSS(string=_font_css(), font_config=config, url_fetcher=fetcher))
    return _fonts.setup


def warm_up() -> None:
    """Load the fonts and parse the stylesheets every document uses, before the first one."""
    _font_setup()
    _subset_ua_stylesheet()


def release_fonts() -> None:
    """Drop this thread's font configuration (WeasyPrint then removes its temporary copies of
    the font files)."""
    _fonts.setup = None


# A process that ends normally removes the copies; a pool worker, which ends without running
# atexit, calls release_fonts itself (pmg_docs.build.worker).
atexit.register(release_fonts)


class _SubsetHTML(HTML):
    """WeasyPrint's user-agent stylesheet gives every element of a document a `::marker` style
    and five footnote and note pseudo-element styles (`::marker`, `::footnote-call`, …, all
    without a tag), so the style cascade computes seven styles per element. The HTML subset
    (writers/subset.py) has markers only on `li` and no footnotes or notes: scoped to what it
    can contain, the same stylesheet gives the same bytes with a quarter less cascade work."""

    def _ua_stylesheets(self, forms=False):
        return [_subset_ua_stylesheet()]


_UNIVERSAL_PSEUDO_RULES = (
    ("::marker {", "li::marker {"),
    *((f"::{name} {{", None) for name in ("footnote-call", "footnote-marker", "note-call",
                                           "note-marker", "note-callback")),
)


@cache
def _subset_ua_stylesheet() -> CSS:
    from weasyprint.html import UA

    lines = []
    for line in UA.splitlines():
        for start, scoped in _UNIVERSAL_PSEUDO_RULES:
            if line.startswith(start):
                line = "" if scoped is None else scoped + line[len(start):]
        lines.append(line)
    return CSS(string="\n".join(lines))


def write_pdf(html: str, extra_allowed: Sequence[Path] = (), metadata: PdfMetadata | None = None,
              variant: str = DEFAULT_VARIANT) -> tuple[bytes, list[str]]:
    """Lay out `html` as A4 pages; return the PDF bytes and the URLs that were refused.

    `variant` is the standard the PDF claims (pdf_metadata.VARIANTS); `metadata`, what it says
    about the document besides its title (see xmp.py)."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", REPRODUCIBLE_EPOCH)
    fetcher = PackageOnlyFetcher([templates_dir(), fonts_dir(), *extra_allowed])
    fonts, font_faces = _font_setup()
    document = _SubsetHTML(string=html, base_url=str(templates_dir()) + os.sep,
                           url_fetcher=fetcher)
    rendered = document.render(stylesheets=[font_faces], font_config=fonts)
    _remember_anchors(html, rendered)
    options = {"pdf_variant": None if variant == NO_VARIANT else variant,
               "pdf_tags": tagged(variant)}
    if metadata is not None:
        from .pdf_finish import finisher, set_information

        set_information(rendered.metadata, metadata)
        options["finisher"] = finisher(metadata, claim(variant))
    return rendered.write_pdf(**options), fetcher.refused


# The pages of the ids of the last document laid out, by its HTML's digest: the DOCX of a
# document with a table of contents, made right after its PDF, prints the same page numbers
# without laying the document out a second time. One entry: memory stays bounded.
_last_anchors: tuple[str, dict[str, int]] | None = None


def _digest(html: str) -> str:
    import hashlib

    return hashlib.sha256(html.encode("utf-8", "surrogatepass")).hexdigest()


def _remember_anchors(html: str, rendered) -> dict[str, int]:
    global _last_anchors
    pages: dict[str, int] = {}
    for number, page in enumerate(rendered.pages, start=1):
        for name in page.anchors:
            pages.setdefault(name, number)
    _last_anchors = (_digest(html), pages)
    return pages


def anchor_pages(html: str, extra_allowed: Sequence[Path] = ()) -> dict[str, int]:
    """The page (from 1) on which each element with an `id` starts once `html` is laid out as
    the PDF is: the page numbers a DOCX table of contents prints (writers/docx/toc.py)."""
    if _last_anchors is not None and _last_anchors[0] == _digest(html):
        return _last_anchors[1]
    fetcher = PackageOnlyFetcher([templates_dir(), fonts_dir(), *extra_allowed])
    fonts, font_faces = _font_setup()
    document = _SubsetHTML(string=html, base_url=str(templates_dir()) + os.sep,
                           url_fetcher=fetcher)
    return _remember_anchors(html, document.render(stylesheets=[font_faces], font_config=fonts))
