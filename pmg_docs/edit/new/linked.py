"""What the scaffolds of sources written about a formulation (results, work plan) share."""

from __future__ import annotations

from ...i18n import _
from .common import Request, Scaffold, q


def linked_scaffold(request: Request, kind: str, title: str, body: str) -> Scaffold:
    catalog = request.known_catalog()
    lines = [f"# yaml-language-server: $schema={request.schema_ref}"] if request.schema_ref else []
    lines += ["# " + _("{title} {mechanism} {year}, escrito por `pmg new {kind}`.").format(
                  title=title, mechanism=catalog.mechanism, year=catalog.year, kind=kind),
              "# " + _("Luego revíselo con `pmg validate ARCHIVO`."),
              f"kind: {kind}", f"catalog: {q(catalog.id)}", body]
    return Scaffold("\n".join(lines), request.decisions)
