"""Jinja templates -> the HTML that both writers read.

Autoescape is on everywhere, undefined names are errors, and templates run in Jinja's sandbox:
a template (ours, or one a user points to with --templates) cannot reach Python internals.
User text never goes through Jinja as a template; it arrives as data.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined, select_autoescape
from jinja2.sandbox import SandboxedEnvironment

from ..resources import templates_dir


@cache
def environment(extra_dir: Path | None = None) -> SandboxedEnvironment:
    search = [str(extra_dir)] if extra_dir else []
    search.append(str(templates_dir()))
    return SandboxedEnvironment(
        loader=FileSystemLoader(search),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def template_files(name: str, extra_dir: Path | None = None) -> list[Path]:
    """The files a template is made of (itself, what it extends or includes, its stylesheet)."""
    env = environment(extra_dir)
    seen: list[Path] = []
    pending = [f"{name}.html.j2"]
    while pending:
        current = pending.pop()
        source, filename, _ = env.loader.get_source(env, current)
        path = Path(filename)
        if path in seen:
            continue
        seen.append(path)
        from jinja2 import meta

        pending.extend(ref for ref in meta.find_referenced_templates(env.parse(source)) if ref)
    seen.append(templates_dir() / "styles" / "document.css")
    return seen


def render_html(template: str, view: dict, extra_dir: Path | None = None) -> str:
    return environment(extra_dir).get_template(f"{template}.html.j2").render(doc=view)
