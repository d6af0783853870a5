"""The words for the models' fields: what messages, `pmg diff` and editors call each field.

Every field of every model has a title (pydantic's `title`): the word below for its name,
given to each model by the base configuration (`field_title`), or its own `Field(title=…)`
where a format calls a field otherwise (a work plan's `unit` is the «unidad responsable»).
Titles are Spanish msgids marked with `N_()`: they are stored as written and translated when
read (`title()`, `word()`), so the language chosen at run time (PMG_LANG) applies. Places in
messages (diagnostics/places.py), the words of checks (checks/wording.py), `pmg diff` and the JSON
Schema's titles all read them from here.
"""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..i18n import N_, _

# A field's title by its name, shared by every model that has a field of that name.
WORDS: dict[str, str] = {
    "service": N_("Servicio"), "ministry": N_("ministerio"), "partida": N_("partida"),
    "name": N_("nombre"), "chapter": N_("capítulo"), "weight": N_("ponderación"),
    "target": N_("meta"), "numerator": N_("numerador"), "denominator": N_("denominador"),
    "value": N_("valor"), "measure_only": N_("solo mide"), "stage": N_("etapa"),
    "stages": N_("etapas"), "weights": N_("ponderaciones"), "priority": N_("prioridad"),
    "type": N_("tipo"), "justification": N_("justificación"), "description": N_("descripción"),
    "kind": N_("tipo"), "definition": N_("definición"), "formula": N_("fórmula"),
    "scale": N_("escala"), "unit": N_("unidad"), "product": N_("producto"),
    "verification": N_("medios de verificación"), "notes": N_("nota técnica"),
    "numerator_description": N_("descripción del numerador"),
    "denominator_description": N_("descripción del denominador"),
    "target_decimals": N_("decimales de la meta"), "objectives": N_("objetivos"),
    "indicators": N_("indicadores"), "systems": N_("sistemas"),
    "exemptions": N_("exenciones y modificaciones"), "gender_measures": N_("medidas de género"),
    "catalog": N_("catálogo"), "sex_disaggregation": N_("desagregación por sexo"),
    "territorial": N_("gestión territorial"), "number": N_("número"), "text": N_("texto"),
    "id": N_("id"), "code": N_("código"), "area": N_("área"), "marco": N_("marco"),
    "objective": N_("objetivo"), "system": N_("sistema"), "indicator": N_("indicador"),
    "institution": N_("institución"), "title": N_("título"), "body": N_("texto"),
    "registry": N_("Reg. N°"), "antecedent": N_("ANT."), "subject": N_("MAT."),
    "place": N_("lugar"), "date": N_("fecha"), "sender": N_("DE"), "addressee": N_("A"),
    "closing": N_("despedida"), "signatory": N_("firma"), "to": N_("destinatario"),
    "recipients": N_("Distribución"), "heads": N_("jefaturas de servicio"),
    "general_objective": N_("objetivo general"), "experts": N_("red de expertos"),
    "requirements": N_("requisitos técnicos"), "note": N_("nota técnica"),
    "ministries": N_("ministerios"), "areas": N_("áreas"),
    "effective": N_("resultado efectivo"), "achieved": N_("objetivos logrados"),
    "external_causes": N_("causas externas"), "commitment": N_("compromiso"),
    "accepted": N_("aceptada"), "formulation": N_("formulación"),
    "activities": N_("actividades"), "activity": N_("actividad"), "start": N_("inicio"),
    "end": N_("término"), "evidence": N_("medios de verificación"), "measure": N_("medida"),
    # What real reports add to a result (issue 25).
    "state": N_("estado"), "by_sex": N_("por sexo"), "men": N_("H"), "women": N_("M"),
    "other_weights": N_("otras ponderaciones"), "obtained": N_("ponderación obtenida"),
    "periods": N_("serie"), "validated": N_("etapa validada"),
    "accumulation": N_("acumulación"),
    "enero": N_("Enero"), "febrero": N_("Febrero"), "marzo": N_("Marzo"), "abril": N_("Abril"),
    "mayo": N_("Mayo"), "junio": N_("Junio"), "julio": N_("Julio"), "agosto": N_("Agosto"),
    "septiembre": N_("Septiembre"), "octubre": N_("Octubre"), "noviembre": N_("Noviembre"),
    "diciembre": N_("Diciembre"), "t1": N_("Primer trimestre"), "t2": N_("Segundo trimestre"),
    "t3": N_("Tercer trimestre"), "t4": N_("Cuarto trimestre"),
    # The catalog's own fields.
    "year": N_("año"), "mechanism": N_("mecanismo"), "mechanism_name": N_("nombre del mecanismo"),
    "version": N_("versión"), "publisher": N_("quien publica"),
    "documents": N_("documentos"), "format": N_("formato"),
    "template": N_("plantilla"), "running_title": N_("título de página"),
    "required": N_("obligatorio"), "label": N_("rótulo"), "fields": N_("campos declarados"),
    "document": N_("documento"),
    "annexes": N_("anexos"), "number_style": N_("formato de los números"),
    "decimal": N_("separador decimal"), "group": N_("separador de miles"),
    "rules": N_("reglas"), "total_weight": N_("ponderación total"),
    "weight_decimals": N_("decimales de la ponderación"),
    "weights_add_up": N_("las ponderaciones suman"), "compliance": N_("cumplimiento"),
    "excluding": N_("excepto"), "committed": N_("comprometido"),
    "stage_at_least": N_("etapa mínima"), "last_stage": N_("última etapa"),
    "priority_at_least": N_("prioridad mínima"), "weight_at_least": N_("ponderación mínima"),
    "source": N_("fuente"), "met_at": N_("se cumple desde"), "decimals": N_("decimales"),
    "descending": N_("descendentes"), "bands": N_("tramos del incentivo"),
    "at_least": N_("desde"), "share": N_("parte del incentivo"), "increment": N_("incremento"),
    "indicator_types": N_("tipos de indicador"),
    "gender_measure_kinds": N_("tipos de medida de género"), "marcos": N_("marcos"),
    "priorities": N_("prioridades"), "level": N_("nivel"), "institutions": N_("instituciones"),
    "fixed_denominator": N_("denominador fijo"),
    "counts_gender_measures": N_("cuenta las medidas de género"),
    "size_label": N_("tamaño"), "experts_table_name": N_("nombre del cuadro de expertos"),
    "merged_with": N_("fusionado con"), "published_exception": N_("excepción publicada"),
    "goal": N_("meta"), "background": N_("antecedentes"),
    "requirement_code": N_("patrón de los códigos de requisito"),
    # The options of a circular's insertion ([[cuadro-sistemas]]).
    "columns": N_("encabezados de las columnas"),
}

# What one item of a list field is called ("objetivo 2", "actividad 1" in `pmg diff`).
ITEMS: dict[str, str] = {
    "objectives": N_("objetivo"), "objective": N_("objetivo"), "indicators": N_("indicador"),
    "systems": N_("sistema"), "stages": N_("etapa"), "gender_measures": N_("medida de género"),
    "exemptions": N_("exención"), "recipients": N_("destinatario"), "heads": N_("jefatura"),
    "requirements": N_("requisito"), "ministries": N_("ministerio"),
    "institutions": N_("institución"), "areas": N_("área"), "marcos": N_("marco"),
    "priorities": N_("prioridad"), "gender_measure_kinds": N_("tipo de medida de género"),
    "indicator_types": N_("tipo de indicador"), "verification": N_("medio de verificación"),
    "experts": N_("institución experta"), "title": N_("línea del título"),
    "merged_with": N_("requisito fusionado"), "activities": N_("actividad"),
    "achieved": N_("objetivo logrado"), "external_causes": N_("causa externa"),
    "evidence": N_("medio de verificación"), "weights": N_("ponderación"),
    "excluding": N_("sistema excluido"), "descending": N_("indicador descendente"),
    "bands": N_("tramo"), "annexes": N_("anexo"), "other_weights": N_("ponderación"),
}

# What a field that holds an id of the catalog refers to, with its article, as messages name it
# («"x" no es un sistema del catálogo pmg-2024»).
REFERENCES: dict[str, str] = {
    "system": N_("un sistema"), "objective": N_("un objetivo de gestión"),
    "indicator": N_("un indicador"), "kind": N_("un tipo de medida de género"),
    "area": N_("un área"), "marco": N_("un marco"), "priority": N_("una prioridad"),
    "ministry": N_("un ministerio"), "institution": N_("una institución"),
    "stage": N_("una etapa"), "requirement": N_("un requisito técnico"),
}


def field_title(name: str, _info: Any) -> str:
    """Pydantic's `field_title_generator` for every model: the shared word for the field's
    name (a msgid). A field without one fails at import, so that none goes without a title."""
    return WORDS[name]


def word(name: str) -> str | None:
    """The shared word for a field name, translated; None for a name no model has."""
    found = WORDS.get(name)
    return _(found) if found is not None else None


def item(name: str) -> str | None:
    """What one item of the list field `name` is called, translated."""
    found = ITEMS.get(name)
    return _(found) if found is not None else None


def reference(key: str) -> str:
    """What a field holding a catalog's id refers to, with its article, translated."""
    return _(REFERENCES[key])


def title(model: type[BaseModel] | None, name: str) -> str | None:
    """The title of field `name` of `model`, translated; the shared word when the model has no
    such field (a section of another format, a model not known); None when no model has it."""
    info = model.model_fields.get(name) if model is not None else None
    if info is not None and info.title is not None:
        return _(info.title)
    return word(name)


def inner_model(model: type[BaseModel] | None, name: str) -> type[BaseModel] | None:
    """The model the value of `model`'s field `name` is made of: the field's own model, or its
    items' (a list), or its values' (a mapping); None for a plain value or an unknown field."""
    info: FieldInfo | None = model.model_fields.get(name) if model is not None else None
    return _model_in(info.annotation) if info is not None else None


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in typing.get_args(annotation):
        found = _model_in(argument)
        if found is not None:
            return found
    return None
