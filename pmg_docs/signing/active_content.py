"""What in a PDF makes it unfit to sign: encryption, JavaScript, actions that run by themselves
(/OpenAction, /AA), actions that launch or send something, and embedded files.

Links (/URI, /GoTo actions a reader follows only when clicked) are what pmg's own documents
carry and are allowed.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from ..i18n import _

# Actions that run code, open other programs or send or load data.
_ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/ResetForm",
                   "/Rendition", "/Sound", "/Movie", "/RichMediaExecute"}


class ActiveContent(Exception):
    """The PDF cannot be looked into: encrypted, or not a PDF."""


@dataclass(frozen=True)
class Found:
    what: str  # in the user's words
    obj: str  # "12 0", the object that holds it


def find_active_content(pdf_bytes: bytes) -> Found | None:
    """The first object that makes the PDF unfit to sign, or None. Raises ActiveContent for
    an encrypted or unreadable PDF."""
    import pikepdf

    try:
        pdf = pikepdf.open(io.BytesIO(pdf_bytes))
    except pikepdf.PasswordError:
        raise ActiveContent(_("el PDF está protegido con contraseña; no se firma un PDF "
                              "cifrado")) from None
    except pikepdf.PdfError as exc:
        raise ActiveContent(_("no es un PDF legible: {error}").format(error=exc)) from None
    with pdf:
        if pdf.is_encrypted:
            raise ActiveContent(_("el PDF está cifrado; no se firma un PDF cifrado"))
        for obj in pdf.objects:
            what = _inside(obj)
            if what:
                return Found(what, f"{obj.objgen[0]} {obj.objgen[1]}")
    return None


def _inside(obj) -> str | None:
    """What `obj` or a dictionary written inside it (not a reference: every indirect object
    is looked at on its own) holds. An action is usually such a direct dictionary."""
    import pikepdf

    if isinstance(obj, pikepdf.Array):
        children = list(obj)
    elif isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
        what = _what(obj)
        if what:
            return what
        children = list(obj.values()) if isinstance(obj, pikepdf.Dictionary) else \
            list(obj.stream_dict.values())
    else:
        return None
    for child in children:
        if isinstance(child, (pikepdf.Dictionary, pikepdf.Array)) and not child.is_indirect:
            what = _inside(child)
            if what:
                return what
    return None


def _what(obj) -> str | None:
    if "/JS" in obj or obj.get("/S") == "/JavaScript" or "/JavaScript" in obj:
        return _("el PDF contiene JavaScript")
    if "/OpenAction" in obj:
        return _("el PDF ejecuta una acción al abrirse (/OpenAction)")
    if "/AA" in obj:
        return _("el PDF tiene acciones automáticas (/AA)")
    if obj.get("/S") in _ACTIVE_ACTIONS:
        return _("el PDF tiene una acción {action}").format(action=str(obj.get("/S")))
    if "/EmbeddedFiles" in obj or obj.get("/Type") == "/EmbeddedFile" \
            or obj.get("/Subtype") == "/FileAttachment":
        return _("el PDF lleva archivos incrustados")
    return None
