"""Signed and archival PDFs: `pmg sign` (PAdES), `pmg verify` (who signed, whether
the bytes are intact) and the checks of what a PDF/A of ours must hold."""
