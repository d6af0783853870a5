"""Jinja templates -> the HTML that both writers read.

Autoescape is on everywhere, undefined names are errors, and templates run in Jinja's sandbox
with limits (sandbox.py): a template (ours, or one a user points to with --templates) cannot
reach Python internals, files outside its folders, or run without end. User text never goes
through Jinja as a template; it arrives as data.

The template contract (documented in the README, "Writing templates"): every document template
receives `catalog` (the catalog model), `document` (the validated source model, raw values),
`view` (ids resolved, numbers printed), `spec` (the catalog's declaration of the document:
format, template, title, running title), `annexes` and `fields` (the fields that declaration
declares, typed), and may use the filters and functions below.
"""

from __future__ import annotations

import os
import re
import threading
from collections import OrderedDict
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from jinja2 import (
    StrictUndefined,
    TemplateNotFound,
    TemplateRuntimeError,
    pass_context,
    select_autoescape,
)
from jinja2 import nodes as jinja_nodes
from jinja2.loaders import split_template_path
from jinja2.runtime import Context

from ..i18n import _
from ..numbers import (
    format_count,
    format_letter_date,
    format_long_date,
    format_number,
    roman,
)
from ..resources import TEMPLATE_SUFFIX, templates_dir
from ..richtext import render_markdown
from ..views.requirements import requirement_rows
from ..writers.chart_svg import chart_html
from .sandbox import ConfinedLoader, LimitedSandbox, TemplateLimits, render_limited

if TYPE_CHECKING:
    from ..style.model import Style


@pass_context
def _number(context: Context, value: float, decimals: int = 2) -> str:
    """`{{ 12608049 | number(0) }}` -> `12.608.049` in the catalog's number style."""
    return format_number(value, decimals, context["catalog"].number_style)


@pass_context
def _count(context: Context, value: float) -> str:
    """A quantity as written: `15`, `2.5` (decimals only where it has them)."""
    return format_count(value, context["catalog"].number_style)


# A space before a number in a heading: "AÑO 2024", "N° 39".
_SPACE_BEFORE_NUMBER = re.compile(r" (?=\d)")


def _heading(text: str) -> str:
    """A heading whose numbers stay on the line of the word before them (a non-breaking space
    in every writer): "…DE LA GESTIÓN AÑO" / "2024" is never split."""
    return _SPACE_BEFORE_NUMBER.sub("\u00a0", text)


FILTERS = {
    "number": _number,
    "heading": _heading,                # AÑO 2024 kept on one line
    "count": _count,
    "long_date": format_long_date,      # 15 de septiembre de 2011
    "letter_date": format_letter_date,  # 15 SEP 2011
    "markdown": render_markdown,        # the Markdown subset, as HTML of the subset
    "roman": roman,                     # 4 -> IV
    "chart": chart_html,                # a chart of the view: SVG in the PDF, Word chart in DOCX
    # A stage objective of the catalog -> its requirements' rows, a note merged requirements
    # share printed once (views/requirements.py): a template that draws requirements from the
    # catalog prints them as the guide does.
    "requirement_rows": requirement_rows,
}


class _Assets:
    """`asset("styles/document.css")`: the URL of a file beside the templates, the user's
    folder first; the files used are what an incremental build must watch."""

    def __init__(self, folders: list[Path]):
        self.folders = folders
        self.used: list[Path] = []

    def __call__(self, name: str) -> str:
        for folder in self.folders:
            root = folder.resolve()
            candidate = (root / name).resolve()
            if candidate.is_relative_to(root) and candidate.is_file():
                if candidate not in self.used:
                    self.used.append(candidate)
                return candidate.as_uri()
        raise TemplateRuntimeError(_("no existe el archivo «{name}» junto a las plantillas").format(
            name=name))


def _folders(extra_dir: Path | None) -> list[Path]:
    return ([Path(extra_dir)] if extra_dir else []) + [templates_dir()]


class _ListedSandbox(LimitedSandbox):
    """The sandbox, remembering which templates each template it parses to compile names:
    `template_files` lists a template after rendering it, and parsing it again only to list
    it cost about 7 ms per template a process renders."""

    def _parse(self, source: str, name: str | None,
               filename: str | None) -> jinja_nodes.Template:
        tree = super()._parse(source, name, filename)
        # Read before the compiler works on the tree; by the source, which is all it depends on.
        _remember(source, _referenced(tree))
        return tree


@cache
def environment(extra_dir: Path | None = None,
                limits: TemplateLimits = TemplateLimits()) -> LimitedSandbox:
    env = _ListedSandbox(
        limits,
        loader=ConfinedLoader([str(folder) for folder in _folders(extra_dir)]),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters.update(FILTERS)
    env.limited_filters()
    return env


_REFERENCES = (jinja_nodes.Extends, jinja_nodes.Include, jinja_nodes.Import,
               jinja_nodes.FromImport)
_Reference = jinja_nodes.Extends | jinja_nodes.Include | jinja_nodes.Import | \
    jinja_nodes.FromImport


def _referenced(tree: jinja_nodes.Template) -> list[str]:
    """The names of the templates a template names as constants (`{% include "x" %}`, and each
    name of `{% include ["a", "b"] %}`); names computed while rendering are not known here."""
    names: list[str] = []
    for node in tree.find_all(_REFERENCES):
        # find_all yields nodes of the types asked for; mypy sees only their common base.
        target = cast(_Reference, node).template
        values: list[jinja_nodes.Expr] = target.items \
            if isinstance(target, (jinja_nodes.List, jinja_nodes.Tuple)) else [target]
        names += [v.value for v in values
                  if isinstance(v, jinja_nodes.Const) and isinstance(v.value, str)]
    return names


# The listings `template_files` made, by (template, user's folder), newest last. Parsing the
# templates only to list them cost 4 to 10 ms per document; a listing is reused while every
# path its walk looked at, found or not, in every folder searched, is as it was (size,
# modification time, inode): an edited, added, removed or shadowing template is seen.
_Stamp = tuple[tuple[str, tuple[int, int, int] | None], ...]
_LISTINGS: OrderedDict[tuple[str, Path | None], tuple[_Stamp, list[Path]]] = OrderedDict()
_LISTINGS_LOCK = threading.Lock()
# Far more than the templates of every kind and user folder a process renders with.
MAX_LISTINGS = 256


# The names each template source refers to, as `_referenced` read them when the environment
# parsed that source to compile it; newest last, and bounded like the listings (a template
# edited under `pmg serve` is a new source).
_NAMES_IN: OrderedDict[str, list[str]] = OrderedDict()


def _remember(source: str, names: list[str]) -> None:
    with _LISTINGS_LOCK:
        _NAMES_IN[source] = names
        _NAMES_IN.move_to_end(source)
        while len(_NAMES_IN) > MAX_LISTINGS:
            _NAMES_IN.popitem(last=False)


def _references(env: LimitedSandbox, source: str) -> list[str]:
    """The names of the templates `source` refers to: remembered from its compiling, else
    read from a parse of its own (a template no render has reached)."""
    with _LISTINGS_LOCK:
        known = _NAMES_IN.get(source)
    return list(known) if known is not None else _referenced(env.parse(source))


def _state(path: str) -> tuple[int, int, int] | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_size, info.st_mtime_ns, info.st_ino


def _candidates(loader: ConfinedLoader, name: str) -> list[str]:
    """Every path the loader may read `name` from, in search order."""
    try:
        pieces = split_template_path(name)
    except TemplateNotFound:
        return []
    return [os.path.join(folder, *pieces) for folder in loader.searchpath]


def template_files(name: str, extra_dir: Path | None = None) -> list[Path]:
    """The template files a template is made of (itself, and what it extends, includes or
    imports by name). A name that does not exist is left out: a branch that is never taken may
    name one, and rendering says where when a taken one does."""
    env = environment(extra_dir)
    loader = env.loader
    assert isinstance(loader, ConfinedLoader)  # environment() always gives one
    key = (name, extra_dir)
    with _LISTINGS_LOCK:
        kept = _LISTINGS.get(key)
    if kept is not None and all(_state(path) == state for path, state in kept[0]):
        with _LISTINGS_LOCK:
            if key in _LISTINGS:
                _LISTINGS.move_to_end(key)
        return list(kept[1])
    stamp: list[tuple[str, tuple[int, int, int] | None]] = []
    seen: list[Path] = []
    pending = [f"{name}{TEMPLATE_SUFFIX}"]
    while pending:
        current = pending.pop()
        # Taken before reading: a file changed meanwhile makes the listing stale, not wrong.
        stamp += [(path, _state(path)) for path in _candidates(loader, current)]
        try:
            source, filename, _uptodate = loader.get_source(env, current)
        except TemplateNotFound:
            continue
        path = Path(filename)
        if path in seen:
            continue
        seen.append(path)
        pending.extend(_references(env, source))
    with _LISTINGS_LOCK:
        _LISTINGS[key] = (tuple(stamp), list(seen))
        while len(_LISTINGS) > MAX_LISTINGS:
            _LISTINGS.popitem(last=False)
    return seen


# The stylesheet URL of the last style used, with that style: load_style hands back the same
# object while the style's files are unchanged, so a worker builds the URL once, not for every
# document (it encodes the whole sheet; hashing a Style would cost about as much).
_SHEET: tuple[Style, str] | None = None


def _style_sheet(style: Style) -> str:
    global _SHEET
    from ..style.css import style_sheet_url

    kept = _SHEET
    if kept is not None and kept[0] is style:
        return kept[1]
    url = style_sheet_url(style)
    _SHEET = (style, url)
    return url


def render_html(template: str, context: dict[str, Any], extra_dir: Path | None = None,
                limits: TemplateLimits = TemplateLimits()) -> tuple[str, list[Path]]:
    """The HTML of `template` with `context`, and the asset and style files it used. Raises
    TemplateFailure (located at the template's line) when the template fails or reaches a
    limit, and InputError when the style file has mistakes."""
    from ..style import load_style, style_files

    assets = _Assets(_folders(extra_dir))
    # The style in force (the package's, with the user's folder's overrides): the templates
    # link its values as a stylesheet and read its header; its files are inputs like the assets.
    style = load_style(extra_dir)
    html = render_limited(environment(extra_dir, limits), f"{template}{TEMPLATE_SUFFIX}",
                          {**context, "asset": assets, "estilo": style,
                           "style_sheet": _style_sheet(style)})
    return html, assets.used + [path for path in style_files(extra_dir)
                                if path not in assets.used]
