"""Writers: the same HTML as a PDF (WeasyPrint) or a DOCX (python-docx)."""
