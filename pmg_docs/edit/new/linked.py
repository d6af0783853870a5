"""What the scaffolds of sources written about a formulation (results, work plan) share."""

from __future__ import annotations

from .common import Request, Scaffold, q


def linked_scaffold(request: Request, kind: str, title: str, body: str) -> Scaffold:
    catalog = request.known_catalog()
    lines = [f"# yaml-language-server: $schema={request.schema_ref}"] if request.schema_ref else []
    lines += [f"# {title} {catalog.mechanism} {catalog.year}, written by `pmg new {kind}`.",
              "# Then check it with `pmg validate FILE`.",
              f"kind: {kind}", f"catalog: {q(catalog.id)}", body]
    return Scaffold("\n".join(lines), request.decisions)
