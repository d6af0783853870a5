"""Jinja templates -> the HTML that both writers read.

Autoescape is on everywhere, undefined names are errors, and templates run in Jinja's sandbox:
a template (ours, or one a user points to with --templates) cannot reach Python internals.
User text never goes through Jinja as a template; it arrives as data.

The template contract (documented in the README, "Writing templates"): every document template
receives `catalog` (the catalog model), `document` (the validated source model, raw values),
`view` (ids resolved, numbers printed) and `spec` (the catalog's declaration of the document:
format, template, title, running title), and may use the filters and functions below.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import (
    FileSystemLoader,
    StrictUndefined,
    TemplateRuntimeError,
    meta,
    pass_context,
    select_autoescape,
)
from jinja2.sandbox import SandboxedEnvironment

from ..charts import chart_html
from ..i18n import _
from ..numbers import format_count, format_letter_date, format_long_date, format_number
from ..resources import TEMPLATE_SUFFIX, templates_dir
from ..richtext import render_markdown

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


@pass_context
def _number(context, value, decimals: int = 2) -> str:
    """`{{ 12608049 | number(0) }}` -> `12.608.049` in the catalog's number style."""
    return format_number(value, decimals, context["catalog"].number_style)


@pass_context
def _count(context, value) -> str:
    """A quantity as written: `15`, `2.5` (decimals only where it has them)."""
    return format_count(value, context["catalog"].number_style)


def _roman(value: int) -> str:
    return ROMAN[int(value) - 1]


FILTERS = {
    "number": _number,
    "count": _count,
    "long_date": format_long_date,      # 15 de septiembre de 2011
    "letter_date": format_letter_date,  # 15 SEP 2011
    "markdown": render_markdown,        # the Markdown subset, as HTML of the subset
    "roman": _roman,                    # 4 -> IV
    "chart": chart_html,                # a chart of the view: SVG in the PDF, Word chart in DOCX
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


@cache
def environment(extra_dir: Path | None = None) -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        loader=FileSystemLoader([str(folder) for folder in _folders(extra_dir)]),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters.update(FILTERS)
    return env


def template_files(name: str, extra_dir: Path | None = None) -> list[Path]:
    """The template files a template is made of (itself, and what it extends, includes or
    imports)."""
    env = environment(extra_dir)
    seen: list[Path] = []
    pending = [f"{name}{TEMPLATE_SUFFIX}"]
    while pending:
        current = pending.pop()
        source, filename = env.loader.get_source(env, current)[:2]
        path = Path(filename)
        if path in seen:
            continue
        seen.append(path)
        pending.extend(ref for ref in meta.find_referenced_templates(env.parse(source)) if ref)
    return seen


def render_html(template: str, context: dict,
                extra_dir: Path | None = None) -> tuple[str, list[Path]]:
    """The HTML of `template` with `context`, and the asset files it used."""
    assets = _Assets(_folders(extra_dir))
    html = environment(extra_dir).get_template(f"{template}{TEMPLATE_SUFFIX}").render(
        **context, asset=assets)
    return html, assets.used
