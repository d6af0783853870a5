"""Views: what a template needs, with ids resolved to the catalog's items and numbers printed in
the catalog's number style. No words: every word a document prints comes from its template or
its catalog.

Each format has its view module (objetivos, areas, indicadores, circular, guide), named in the
kind registry (`pmg_docs.kinds`) as `view(document) -> dict` (`kinds.View`: the loaded document
carries its model, its catalog and the sources it names); annexes have theirs (annex.py).
Templates receive the view as `view`, beside `catalog`, `document` and `spec`.
"""
