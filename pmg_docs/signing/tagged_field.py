"""The signature field, added before signing so that it is part of the document's structure.

A tagged PDF (PDF/UA-1, 7.18.1; PDF/A-2a) reaches every annotation from its structure tree: the
signature's widget gets a `Form` structure element that points to it (an object reference,
OBJR) under the document's element, and the parent tree entry that leads back from the widget
(`/StructParent`). The page says its annotations are visited in structure order (`/Tabs /S`).
An invisible signature's widget (a zero rectangle) still carries an empty appearance: PDF/A-1
asks one of every annotation but links.

All of it goes into the signature's own incremental update, so the signature covers it.
"""

from __future__ import annotations

# What a reader of the structure (and a screen reader) is told the field is; document text,
# Spanish whatever the command line's language.
FIELD_DESCRIPTION = "Firma electrónica"


def add_tagged_field(writer, spec) -> None:
    """Append the empty signature field `spec` (a pyHanko SigFieldSpec) and link its widget
    into the structure tree when the document has one."""
    from pyhanko.pdf_utils import generic
    from pyhanko.sign.fields import append_signature_field

    append_signature_field(writer, spec)
    widget_ref = _field_ref(writer, spec.sig_field_name)
    widget = widget_ref.get_object()
    if "/AP" not in widget:
        widget[generic.NameObject("/AP")] = generic.DictionaryObject(
            {generic.NameObject("/N"): writer.add_object(_empty_form())})
    page_ref = widget.raw_get("/P")
    if "/StructTreeRoot" not in writer.root:
        return
    tree = writer.root["/StructTreeRoot"]
    key = _next_parent_key(tree)
    if key is None:  # a parent tree split in /Kids: not one pmg writes; left untouched
        return
    document_ref = tree.raw_get("/K")
    if isinstance(document_ref, generic.ArrayObject):
        document_ref = document_ref.raw_get(0)
    element_ref = writer.add_object(generic.DictionaryObject({
        generic.NameObject("/Type"): generic.NameObject("/StructElem"),
        generic.NameObject("/S"): generic.NameObject("/Form"),
        generic.NameObject("/P"): document_ref,
        generic.NameObject("/Pg"): page_ref,
        generic.NameObject("/Alt"): generic.TextStringObject(FIELD_DESCRIPTION),
        generic.NameObject("/K"): generic.DictionaryObject({
            generic.NameObject("/Type"): generic.NameObject("/OBJR"),
            generic.NameObject("/Obj"): widget_ref,
            generic.NameObject("/Pg"): page_ref}),
    }))
    document = document_ref.get_object()
    kids = document.raw_get("/K") if "/K" in document else None
    if not isinstance(kids, generic.ArrayObject):
        kids = generic.ArrayObject([] if kids is None else [kids])
        document[generic.NameObject("/K")] = kids
    kids.append(element_ref)
    writer.mark_update(document_ref)
    parent_tree_ref = tree.raw_get("/ParentTree")
    parent_tree_ref.get_object()["/Nums"].extend([generic.NumberObject(key), element_ref])
    _mark(writer, parent_tree_ref)
    tree[generic.NameObject("/ParentTreeNextKey")] = generic.NumberObject(key + 1)
    _mark(writer, writer.root.raw_get("/StructTreeRoot"))
    widget[generic.NameObject("/StructParent")] = generic.NumberObject(key)
    writer.mark_update(widget_ref)
    page_ref.get_object()[generic.NameObject("/Tabs")] = generic.NameObject("/S")
    writer.mark_update(page_ref)


def _mark(writer, ref) -> None:
    from pyhanko.pdf_utils import generic

    if isinstance(ref, generic.IndirectObject):
        writer.mark_update(ref)
    else:  # held directly in its container
        writer.update_root()


def _field_ref(writer, name: str):
    # pyHanko's arrays resolve references when indexed; raw_get keeps them.
    fields = writer.root["/AcroForm"]["/Fields"]
    for index in range(len(fields)):
        ref = fields.raw_get(index)
        if ref.get_object().get("/T") == name:
            return ref
    raise LookupError(name)  # pyHanko just added it


def _next_parent_key(tree) -> int | None:
    """The parent tree's next free key: ParentTreeNextKey, or one past its largest key."""
    if "/ParentTreeNextKey" in tree:
        return int(tree["/ParentTreeNextKey"])
    parent_tree = tree["/ParentTree"]
    if "/Nums" not in parent_tree:
        return None
    keys = [int(k) for k in list(parent_tree["/Nums"])[0::2]]
    return max(keys, default=-1) + 1


def _empty_form():
    from pyhanko.pdf_utils import generic

    return generic.StreamObject({
        generic.NameObject("/Type"): generic.NameObject("/XObject"),
        generic.NameObject("/Subtype"): generic.NameObject("/Form"),
        generic.NameObject("/BBox"): generic.ArrayObject([generic.NumberObject(0)] * 4)},
        stream_data=b"")
