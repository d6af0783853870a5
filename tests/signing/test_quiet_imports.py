"""`pmg sign` and `pmg verify` print nothing of their libraries' own housekeeping."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.slow
def test_importing_the_signing_code_warns_nothing():
    # sign.py and verify.py import pyHanko inside their functions; the package pmg_docs.signing
    # is always loaded first. -W default shows every warning once.
    done = subprocess.run([sys.executable, "-W", "default", "-c",
                           "import pmg_docs.signing; import pyhanko.sign.signers, "
                           "pyhanko.sign.validation"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "Warning" not in done.stderr, done.stderr
