"""The consolidated year is drawn from sources already checked one by one (year/consolidate.py
gathers their findings); the document itself adds no rule."""

from __future__ import annotations


def check(document, catalog):
    return ()
