"""Writing and keeping sources: `pmg fmt` (the canonical layout), `pmg new` (a source
to start from), `pmg import xlsx`, `pmg catalog` and the JSON Schemas editors
complete with."""
