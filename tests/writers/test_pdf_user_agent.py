"""The PDF writer's user-agent stylesheet: WeasyPrint's own, with its universal pseudo-element
rules scoped to the HTML subset (markers only on `li`; no footnotes or notes)."""

from __future__ import annotations

from weasyprint.html import UA

from pmg_docs.writers.pdf import _UNIVERSAL_PSEUDO_RULES


def test_each_rule_scoped_is_in_weasyprints_stylesheet_once():
    """A new WeasyPrint whose stylesheet words these rules differently must be looked at again,
    not silently keep the cost (or lose a rule)."""
    lines = UA.splitlines()
    for start, _scoped in _UNIVERSAL_PSEUDO_RULES:
        assert sum(line.startswith(start) for line in lines) == 1, start


def test_no_other_universal_pseudo_element_rule_is_left():
    from pmg_docs.writers.pdf import _subset_ua_stylesheet

    scoped = {start for start, _ in _UNIVERSAL_PSEUDO_RULES}
    left = [line for line in UA.splitlines()
            if line.startswith("::") and line.split(" ")[0] + " {" not in scoped]
    assert left == []
    assert _subset_ua_stylesheet() is _subset_ua_stylesheet()
