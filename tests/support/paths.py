"""Where the tests find the repository and the inputs they read."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Inputs the tests read: broken files with their answers, golden texts, and copies of the
# seed documents (../shared/seeds) so that the tests need nothing outside the repository.
DATA = ROOT / "tests" / "data"
SEEDS = DATA / "seeds"
