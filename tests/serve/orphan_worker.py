"""A stand-in for the preview worker in the middle of a render that runs away: it watches its
parent as the worker does, then keeps the CPU busy until it is ended (tests/serve/
test_worker_parent.py)."""

from __future__ import annotations

from pmg_docs.build.lifetime import end_with_parent


def run_away() -> None:
    end_with_parent()
    while True:
        pass
