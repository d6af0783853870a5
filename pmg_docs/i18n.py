"""The language of messages: Spanish (es-CL) by default, English on request.

Every user-facing string is written in Spanish in the code and wrapped in `_()` (or `ngettext`
for counts); gettext looks it up in the message catalog of the chosen language under
`pmg_docs/locale/`, and a string with no translation prints as written, in Spanish. English is
chosen with `PMG_LANG=en`, or by the locale (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`) when
PMG_LANG is not set.

The catalogs are managed with Babel's tools (`scripts/messages.py` runs extract, update and
compile); the compiled `.mo` files are committed beside their `.po` so that an editable install
and a wheel both carry them (a test checks they are compiled from the `.po` as it stands).

Click's own messages ("Usage:", "Error: Missing argument …") are English in click's code and
marked for gettext; the domain `click` holds their Spanish translation, and `use_for_click`
makes click look them up in the language chosen here.
"""

from __future__ import annotations

import gettext as _gettext
import os
from functools import cache
from pathlib import Path

DOMAIN = "pmg"
# Click's messages, whose source language is English: translated into Spanish.
CLICK_DOMAIN = "click"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
SOURCE_LANGUAGE = "es"
LANGUAGES = ("es", "en")


def language() -> str:
    """`es` or `en`: PMG_LANG first, then the usual locale variables."""
    for variable in ("PMG_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return "en" if value.lower().startswith("en") else SOURCE_LANGUAGE
        if variable == "PMG_LANG" and value:
            break
    return SOURCE_LANGUAGE


@cache
def _translations(domain: str, lang: str) -> _gettext.NullTranslations:
    source = SOURCE_LANGUAGE if domain == DOMAIN else "en"
    if lang == source:
        return _gettext.NullTranslations()
    return _gettext.translation(domain, LOCALE_DIR, languages=[lang], fallback=True)


def _(message: str) -> str:
    return _translations(DOMAIN, language()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _translations(DOMAIN, language()).ngettext(singular, plural, count)


def N_(message: str) -> str:  # noqa: N802 (the name Babel's extractor looks for)
    """Marks a message to translate where it is declared (a registry entry, a model's field
    title) and returns it as written: it is translated with `_()` where it is read, in the
    language chosen then."""
    return message


def click_gettext(message: str) -> str:
    return _translations(CLICK_DOMAIN, language()).gettext(message)


def click_ngettext(singular: str, plural: str, count: int) -> str:
    return _translations(CLICK_DOMAIN, language()).ngettext(singular, plural, count)


def use_for_click() -> None:
    """Point click's modules at our catalog of its messages.

    Click's modules bind `from gettext import gettext as _` (and `ngettext`) at import: the
    global gettext domain, whose language comes from the environment alone. Rebinding those
    names to our lookups makes click's words follow PMG_LANG like ours. Run before any click
    type is built (types such as click.Path translate their names when created).
    """
    import importlib
    import sys

    for name in CLICK_MODULES + (("_winconsole",) if sys.platform == "win32" else ()):
        module = importlib.import_module(f"click.{name}")
        if getattr(module, "_", None) is _gettext.gettext:
            setattr(module, "_", click_gettext)  # noqa: B010 - a name mypy's click stubs lack
        if getattr(module, "ngettext", None) is _gettext.ngettext:
            setattr(module, "ngettext", click_ngettext)  # noqa: B010 - likewise


# Click's modules that take messages from gettext (a test checks the list against click's code).
CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "shell_completion",
                 "termui", "types", "utils", "_termui_impl")
