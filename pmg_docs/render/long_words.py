"""Text that cannot break, made breakable: layout stays linear in the length of a word.

WeasyPrint lays out a line by measuring the text that remains; a word longer than its line (a
hostile 199 000-letter "word", a string of digits) is measured again, whole, for every line it
is cut into, which grows with the square of its length (10 000 letters: 2 s, 40 000: 20 s,
199 000: past 8 minutes). A zero-width space every `STEP` characters of such a word gives the
line breaker a place to break within every line, even in a narrow column, so each line measures
only a few characters; it prints nothing. Only the PDF writer needs it (Word lays out its own
pages), and only words longer than `LONG`, which no real text has (Spanish words, codes and web
addresses are far shorter), are touched: the text of every real document is unchanged. Words past
1 000 characters never get here: they are refused at their field (checks/words.py).
"""

from __future__ import annotations

import re

LONG = 200
# Fits in the narrowest column of our templates (about 40 pt at 9.5 pt).
STEP = 8
ZERO_WIDTH_SPACE = "\u200b"

# A tag (left as it is), or a run of more than LONG characters that offers no break: no white
# space, and no `&` so that no character reference is ever cut.
_TAG_OR_RUN = re.compile(r"(<[^>]*>)|([^\s<>&\u200b]{%d,})" % (LONG + 1))


# Where a run longer than LONG starts: a character that ends one (or a tag's bracket) and LONG + 1
# that offer no break. Looked for from the characters that may come before a run, the search
# reads each word once; `_TAG_OR_RUN`'s search reads the rest of the word again from each of
# its letters, and calls `_split` for every tag: about 1 ms for a 15 kB document.
_RUN_START = re.compile(r"[\s<>&\u200b][^\s<>&\u200b]{%d}" % (LONG + 1))


def _run_outside_tags(html: str) -> bool:
    """Whether `html` holds a run longer than LONG that `_TAG_OR_RUN` would break: one that is
    not inside a tag (a tag's long values, the style sheet's `data:` URL, stay as they are)."""
    # A "\n" first, so that a run at the very start has a character before it.
    for match in _RUN_START.finditer("\n" + html):
        start = match.start()  # where the run starts in `html`
        # Inside a tag when a "<" opens after the last ">" before it and a ">" closes after it:
        # `_TAG_OR_RUN` reads that "<" as a tag that runs to that ">", over the run.
        opened = html.find("<", html.rfind(">", 0, start) + 1, start) != -1
        if not opened or html.find(">", start) == -1:
            return True
    return False


def _split(match: re.Match[str]) -> str:
    tag: str | None = match.group(1)
    if tag:
        return tag
    run: str = match.group(2)
    return ZERO_WIDTH_SPACE.join(run[i:i + STEP] for i in range(0, len(run), STEP))


def break_long_words(html: str) -> str:
    """`html` with a break opportunity every STEP characters of its words longer than LONG."""
    if not _run_outside_tags(html):
        return html  # what the substitution would give: every tag as it is
    return _TAG_OR_RUN.sub(_split, html)
