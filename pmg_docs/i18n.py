"""The language of messages: Spanish (es-CL) by default, English on request.

Every user-facing string is written in Spanish in the code and wrapped in `_()` (or `ngettext`
for counts); gettext looks it up in the message catalog of the chosen language under
`pmg_docs/locale/`, and a string with no translation prints as written, in Spanish. English is
chosen with `PMG_LANG=en`, or by the locale (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`) when
PMG_LANG is not set.
"""

from __future__ import annotations

import gettext as _gettext
import os
from functools import cache
from pathlib import Path

DOMAIN = "pmg"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
SOURCE_LANGUAGE = "es"


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
def _translations(lang: str) -> _gettext.NullTranslations:
    if lang == SOURCE_LANGUAGE:
        return _gettext.NullTranslations()
    return _gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def _(message: str) -> str:
    return _translations(language()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _translations(language()).ngettext(singular, plural, count)
