"""The tests, a package mirroring `pmg_docs/`; shared helpers are in `tests.support`."""
