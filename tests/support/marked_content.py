"""Marked content a reader of the structure tree never reaches: each MCID a page's content
marks, looked up among those the structure tree's elements claim for that page."""

from __future__ import annotations

from pathlib import Path

import pikepdf


def content_mcids(pdf: pikepdf.Pdf) -> set[tuple[int, int]]:
    """(page index, MCID) of every `/Tag <</MCID n>> BDC` in the pages' content."""
    found = set()
    for index, page in enumerate(pdf.pages):
        for operands, operator in pikepdf.parse_content_stream(page):
            if (str(operator) == "BDC" and isinstance(operands[1], pikepdf.Dictionary)
                    and "/MCID" in operands[1]):
                found.add((index, int(operands[1].MCID)))
    return found


def tree_mcids(pdf: pikepdf.Pdf) -> set[tuple[int, int]]:
    """(page index, MCID) of every marked-content reference the structure tree holds."""
    pages = {page.objgen: index for index, page in enumerate(pdf.pages)}
    found: set[tuple[int, int]] = set()
    seen: set[tuple[int, int]] = set()
    pending = [(pdf.Root.StructTreeRoot.K, None)]
    while pending:
        node, page = pending.pop()
        if isinstance(node, pikepdf.Array):
            pending.extend((kid, page) for kid in node)
        elif isinstance(node, pikepdf.Dictionary):
            if node.is_indirect:
                if node.objgen in seen:
                    continue
                seen.add(node.objgen)
            page = pages[node.Pg.objgen] if "/Pg" in node else page
            if node.get("/Type") == "/MCR":
                found.add((page, int(node.MCID)))
            elif node.get("/Type") != "/OBJR" and "/K" in node:
                pending.append((node.K, page))
        else:
            found.add((page, int(node)))
    return found


def orphaned(path: Path) -> tuple[int, list[tuple[int, int]]]:
    """How many marked-content sequences the pages hold, and those the tree never reaches."""
    with pikepdf.open(path) as pdf:
        marked = content_mcids(pdf)
        return len(marked), sorted(marked - tree_mcids(pdf))


def structure_elements(element):
    """Every structure element below `element` (a structure tree root or element), depth first."""
    kids = element.get("/K")
    kids = [kids] if isinstance(kids, pikepdf.Dictionary) else (kids or [])
    for kid in kids:
        if isinstance(kid, pikepdf.Dictionary):
            yield kid
            yield from structure_elements(kid)
