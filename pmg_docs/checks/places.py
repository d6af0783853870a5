"""Where a problem is, named as the document names it: "Objetivo N°3 › Indicador «Transformación
Digital» › meta", counted from 1, beside the file and line of every diagnostic.

Each format has a describer (`describe(path, data, catalog)`, named in the kind registry) that
says how its lists' items are called; this module holds what they share: the words for fields,
and the walk along a field path through the source's raw data. The walk reads the data as
written (it also names the place of a shape error, where no model exists) and never fails: what
it cannot name it leaves as the key the file uses.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from ..i18n import _

if TYPE_CHECKING:
    from ..models.catalog import Catalog

# Where a value is in a source's data: keys and list indexes, counted from 0
# (`("objectives", 2, "weight")`).
FieldPath = tuple[str | int, ...]
# (the list's item, its index, the catalog) -> how the document calls it. The item is the raw
# data as written, which may not have validated: any value. A namer reads it as it expects and
# `_name` falls back to the item's number where it cannot (the walk never fails). The catalog is
# None where the source names none that loads.
ItemNamer = Callable[[Any, int, "Catalog | None"], str]
SEPARATOR = " › "


def field_labels() -> dict[str, str]:
    """The words for the fields every format shares."""
    return {
        "service": _("Servicio"), "ministry": _("ministerio"), "partida": _("partida"),
        "name": _("nombre"), "chapter": _("capítulo"), "weight": _("ponderación"),
        "target": _("meta"), "numerator": _("numerador"), "denominator": _("denominador"),
        "value": _("valor"), "measure_only": _("solo mide"), "stage": _("etapa"),
        "stages": _("etapas"), "weights": _("ponderaciones"), "priority": _("prioridad"),
        "type": _("tipo"), "justification": _("justificación"), "description": _("descripción"),
        "kind": _("tipo"), "definition": _("definición"), "formula": _("fórmula"),
        "scale": _("escala"), "unit": _("unidad"), "product": _("producto"),
        "verification": _("medios de verificación"), "notes": _("nota técnica"),
        "numerator_description": _("descripción del numerador"),
        "denominator_description": _("descripción del denominador"),
        "target_decimals": _("decimales de la meta"), "objectives": _("objetivos"),
        "indicators": _("indicadores"), "systems": _("sistemas"),
        "exemptions": _("exenciones y modificaciones"), "gender_measures": _("medidas de género"),
        "catalog": _("catálogo"), "sex_disaggregation": _("desagregación por sexo"),
        "territorial": _("gestión territorial"), "number": _("número"), "text": _("texto"),
        "id": _("id"), "code": _("código"), "area": _("área"), "marco": _("marco"),
        "objective": _("objetivo"), "system": _("sistema"), "indicator": _("indicador"),
        "institution": _("institución"), "title": _("título"), "body": _("texto"),
        "registry": _("Reg. N°"), "antecedent": _("ANT."), "subject": _("MAT."),
        "place": _("lugar"), "date": _("fecha"), "sender": _("DE"), "addressee": _("A"),
        "closing": _("despedida"), "signatory": _("firma"), "to": _("destinatario"),
        "recipients": _("Distribución"), "heads": _("jefaturas de servicio"),
        "general_objective": _("objetivo general"), "experts": _("red de expertos"),
        "requirements": _("requisitos técnicos"), "note": _("nota técnica"),
        "ministries": _("ministerios"), "areas": _("áreas"),
        "effective": _("resultado efectivo"), "achieved": _("objetivos logrados"),
        "external_causes": _("causas externas"), "commitment": _("compromiso"),
        "accepted": _("aceptada"), "formulation": _("formulación"),
        "activities": _("actividades"), "activity": _("actividad"), "start": _("inicio"),
        "end": _("término"), "evidence": _("medios de verificación"), "measure": _("medida"),
    }


def describe_path(path: FieldPath, data: object, catalog: Catalog | None,
                  items: Mapping[str, ItemNamer],
                  labels: dict[str, str] | None = None,
                  identities: frozenset[str] = frozenset()) -> str | None:
    """`path` in the document's words. `items` names the items of each list field (by the
    field's name); `labels` adds words for the format's own fields; a trailing field in
    `identities` (the id that names the item, like `indicator`) is left out, since the item's
    name already shows it. None for the top of the file."""
    words = {**field_labels(), **(labels or {})}
    parts: list[str] = []
    node = data
    parent_key: str | int | None = None
    for index, part in enumerate(path):
        last = index == len(path) - 1
        if isinstance(part, int) and isinstance(node, list) and 0 <= part < len(node):
            node = node[part]
            namer = items.get(parent_key) if isinstance(parent_key, str) else None
            if namer is not None:
                parts[-1:] = [_name(namer, node, part, catalog)]
            else:
                parts.append(_("N°{number}").format(number=part + 1))
            continue
        if last and part in identities and parts:
            break
        label = words.get(part) if isinstance(part, str) else None
        parts.append(label if label is not None else f"`{part}`")
        node = node.get(part) if isinstance(node, dict) else None
        parent_key = part
    return SEPARATOR.join(parts) or None


def _name(namer: ItemNamer, item: object, index: int, catalog: Catalog | None) -> str:
    try:
        return namer(item, index, catalog)
    except (AttributeError, KeyError, TypeError, ValueError):
        # Data that did not validate: the item's place in its list still names it.
        return _("N°{number}").format(number=index + 1)


def named(kind: str, item: object, key: str,
          lookup: Callable[[str], object] | None = None) -> str:
    """`Indicador «Transformación Digital»`: the catalog's name of the id under `key` in a raw
    item, or the id as written."""
    ident = item.get(key) if isinstance(item, dict) else None
    found = lookup(ident) if lookup is not None and isinstance(ident, str) else None
    name = getattr(found, "name", None) or ident
    return f"{kind} «{name}»" if name is not None else kind
