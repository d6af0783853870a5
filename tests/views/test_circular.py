"""The view of a circular: its date as the letter prints it, its text in parts around the
insertions, its distribution."""

from __future__ import annotations

import re

from tests.support.sources import example, view_of


def test_circular_39_letter_date_parts_and_distribution():
    view = view_of(example("circulars/circular-39-2011.md"))
    assert view["date"] == "15 SEP 2011"
    kinds = [part["kind"] for part in view["body"]]
    assert kinds == ["html", "instituciones", "html", "cuadro", "html", "cuadro", "html"]
    tables = [p for p in view["body"] if p["kind"] == "cuadro"]
    assert [(t["number"], t["insertion"]) for t in tables] == [
        (1, "cuadro-sistemas"), (2, "cuadro-expertos")]
    assert [g["label"] for g in tables[0]["groups"]] == [
        "1) Planificación y Control de Gestión", "2) Recursos Humanos",
        "3) Calidad de Atención a Usuarios", "4) Gestión de la Calidad"]
    # The list goes on after a Cuadro at its number: "5)" after the first.
    assert re.search(r'<ol start="5" class="paren-markers"', str(view["body"][4]["html"]))
    # Distribución: the minister's line ends in a colon, each head's in a period.
    first = view["distribution"][0]
    assert first["to"] == "Sr. Ministro de Economía:"
    assert all(head.endswith(".") for head in first["heads"])
