"""Loading sources: text -> YAML with the line of every value -> typed model, with its catalog.

`load_document` is the one entry point; the modules below it are its steps: `text` (a file's
text, size-limited, UTF-8), `located_yaml` (safe YAML with positions; `yaml_problems` words the
reader's complaints), `front_matter` (Markdown sources), `model_errors` (pydantic's errors as
located messages; `number_hints` for numbers typed the Chilean way), `partial` (what of a source
with shape errors can still be checked), `catalogs` (catalogs by id), `from_text` (the same
steps from a text: git blobs, `pmg fmt`).
"""

from .catalogs import CatalogRegistry
from .sources import Document, iter_source_files, load_document, load_source, parse_document

__all__ = ["CatalogRegistry", "Document", "iter_source_files", "load_document", "load_source",
           "parse_document"]
