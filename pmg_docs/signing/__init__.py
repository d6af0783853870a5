"""Signed and archival PDFs: `pmg sign` (PAdES), `pmg verify` (who signed, whether
the bytes are intact) and the checks of what a PDF/A of ours must hold."""

import warnings

from cryptography.utils import CryptographyDeprecationWarning

# pyHanko imports cryptography's DSA names, which cryptography now marks deprecated: a note for
# pyHanko's maintainers, not for the person signing or verifying, whose terminal would show it
# on every `pmg sign` and `pmg verify`. Only warnings raised from pyHanko's own modules are
# silenced.
warnings.filterwarnings("ignore", category=CryptographyDeprecationWarning, module=r"pyhanko\.")
