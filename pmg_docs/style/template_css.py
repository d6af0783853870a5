"""`pmg validate`'s warning for CSS in a user's templates that only the WeasyPrint engine reads.

The look every engine shares is the style file (styles/estilo.yaml). A template may still carry
CSS of its own: a `<style>` element, a `style=` attribute beyond the column and image widths of
the HTML subset, a stylesheet linked besides the derived one, or a `styles/document.css` of its
own. WeasyPrint lays that out; the Typst engine lays out the HTML subset and the style file and
ignores the rest, so the user is told where, before a PDF looks different between engines.

It also warns of a template that writes the document's `<head>` (a user's own base.html.j2)
without linking the style's values (`{{ style_sheet }}`): document.css reads every look value
from that sheet, so such a PDF would lose them all.

The templates are read as text: what Jinja would compute is not known here, and the place to
point at is the template's own line.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..diagnostics import Diagnostic, InputError, Severity, display_name
from ..i18n import _
from ..load.text import read_text
from ..resources import TEMPLATE_SUFFIX

# A folder of templates holds tens of files; past this many the rest are not read.
MAX_TEMPLATES = 500

_STYLE_ELEMENT = re.compile(r"<style\b", re.IGNORECASE)
_STYLE_ATTRIBUTE = re.compile(r"""\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
# The subset's own use of `style=`: a column's width in %, an image's in mm (subset.py).
_SUBSET_WIDTH = re.compile(r"^\s*width:\s*(?:[\d.]+|\{\{[^}]*\}\})\s*(?:%|mm)\s*;?\s*$")
_LINK = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
# The two stylesheets every template links (base.html.j2): the style's values and the rules.
_DERIVED = re.compile(r"^\{\{\s*(?:style_sheet|asset\(\s*['\"]styles/document\.css['\"]\s*\))"
                      r"\s*\}\}$")
_STYLE_SHEET = re.compile(r"^\{\{\s*style_sheet\s*\}\}$")
_HEAD = re.compile(r"<head\b", re.IGNORECASE)


def _warning(path: Path, line: int | None, what: str) -> Diagnostic:
    return Diagnostic(display_name(path), line, (), _(
        "{what} es CSS que el motor Typst no lee (el CSS arbitrario es propio del motor "
        "WeasyPrint); para cambiar el aspecto en el PDF de ambos motores y en el DOCX, use "
        "styles/estilo.yaml").format(what=what), Severity.WARNING)


def _unstyled_head(path: Path, line: int) -> Diagnostic:
    return Diagnostic(display_name(path), line, (), _(
        "esta plantilla escribe el <head> del documento y no enlaza los valores del estilo: "
        "sin ellos el PDF pierde la página, la letra, los tamaños y los colores de "
        "styles/estilo.yaml; escriba {link} en el <head>, antes de styles/document.css").format(
        link='<link rel="stylesheet" href="{{ style_sheet }}">'), Severity.WARNING)


def _href(link: str) -> str:
    href = _HREF.search(link)
    if href is None:
        return ""
    return (href.group(1) if href.group(1) is not None else href.group(2)).strip()


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _template_warnings(path: Path, text: str) -> list[Diagnostic]:
    """The warnings of one template's text."""
    found = [_warning(path, _line(text, match.start()), _("un elemento <style>"))
             for match in _STYLE_ELEMENT.finditer(text)]
    for match in _STYLE_ATTRIBUTE.finditer(text):
        value = match.group(1) if match.group(1) is not None else match.group(2)
        if not _SUBSET_WIDTH.match(value):
            found.append(_warning(path, _line(text, match.start()), _(
                "el atributo style=\"{value}\"").format(value=value.strip()[:60])))
    links = [(match, _href(match.group())) for match in _LINK.finditer(text)]
    for match, target in links:
        if not _DERIVED.match(target):
            found.append(_warning(path, _line(text, match.start()), _(
                "la hoja de estilo «{href}»").format(href=target[:80])))
    head = _HEAD.search(text)
    if head and not any(_STYLE_SHEET.match(target) for _match, target in links):
        found.append(_unstyled_head(path, _line(text, head.start())))
    return found


def template_css_warnings(templates: Path | None) -> list[Diagnostic]:
    """A warning, at its line, for each piece of CSS in the templates of the user's folder
    `templates` that the Typst engine would ignore, and for each `<head>` there that does not
    link the style's sheet."""
    if templates is None:
        return []
    folder = Path(templates)
    found: list[Diagnostic] = []
    own_rules = folder / "styles" / "document.css"
    if own_rules.is_file():
        found.append(_warning(own_rules, None, _("una hoja de estilo propia")))
    for path in sorted(folder.glob(f"*{TEMPLATE_SUFFIX}"))[:MAX_TEMPLATES]:
        try:
            text = read_text(path)
        except InputError as exc:
            found.extend(exc.diagnostics)
            continue
        found.extend(_template_warnings(path, text))
    return found
