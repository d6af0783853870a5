"""docs/campos.md: the Spanish reference of every field of every source and of what each kind's
template receives, generated so that it cannot drift from the code. It is in Spanish whatever
language pmg speaks (PMG_LANG): it is a file of the project, not a message.

The fields are read off the models (kinds.models(): the catalog and every written format), each
with its title (models/vocabulary.py), its type, whether it is required and its default. What a
template receives is read off the views themselves: each format's view is run on one example of
the package's `examples/` (a guide: one system, and the whole marco), and its keys are listed
with the type of their values. `scripts/field_reference.py` writes the file; a test regenerates
it and compares (tests/edit/test_field_reference.py).
"""

from __future__ import annotations

import datetime
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from .. import kinds
from .template_keys import key_words

# The file, relative to the project's root, and what the «campo desconocido» message names.
REFERENCE = "docs/campos.md"
# Nested models are listed to this depth: deeper than any model of the package (a catalog's
# requirement is 5 levels down), so that a model that held itself could not loop.
MAX_DEPTH = 8
# Nested dicts and lists of a view are described to this depth.
MAX_VIEW_DEPTH = 3

HEADER = """\
<!-- Generado por scripts/field_reference.py a partir de los modelos y las vistas de pmg-docs;
     no lo edite a mano: una prueba (tests/edit/test_field_reference.py) lo compara. -->
# Referencia de campos

Cada campo que admite cada fuente (catálogo, formulación en cada formato, circular, programa de
trabajo, informes, documentos en prosa), con su nombre en los mensajes de pmg, qué significa y
qué escribir en él, su tipo, si es obligatorio y su valor por omisión; y, al final, lo que
recibe la plantilla de cada tipo de documento. Las mismas explicaciones aparecen como ayuda al
pasar el cursor sobre un campo en un editor con la extensión YAML (VS Code), gracias a los
schemas de `schemas/`.

Una ruta `a.b` es el campo `b` dentro de la sección `a`; `a[].b`, el campo `b` de cada
elemento de la lista `a` (cada elemento empieza con `- `); `a{}.b`, el de cada valor del mapeo
`a` (bajo un nombre que usted elige, como `decreto:` en `documents:`). Un campo obligatorio sin
valor por omisión debe escribirse siempre; los demás pueden omitirse. Un campo que no está aquí
es un «campo desconocido».
"""


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _args(annotation: Any) -> tuple[Any, ...]:
    return typing.get_args(annotation)


def _strip_optional(annotation: Any) -> tuple[Any, bool]:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        others = [a for a in _args(annotation) if a is not type(None)]
        if len(others) < len(_args(annotation)):
            rest = others[0] if len(others) == 1 else typing.Union[tuple(others)]  # noqa: UP007
            return rest, True
    return annotation, False


def type_words(annotation: Any) -> str:
    """The type of a field as the reference prints it, in Spanish."""
    annotation, _optional = _strip_optional(annotation)
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return type_words(_args(annotation)[0])
    if origin is Literal:
        return "uno de: " + ", ".join(_literal(value) for value in _args(annotation))
    if origin in (list, tuple):
        return ("lista de {item}").format(item=type_words(_args(annotation)[0]))
    if origin is dict:
        return ("mapeo de {key} a {value}").format(key=type_words(_args(annotation)[0]),
                                                    value=type_words(_args(annotation)[1]))
    if origin in (typing.Union, types.UnionType):
        return " o ".join(type_words(a) for a in _args(annotation))
    if _is_model(annotation):
        return ("sección")
    words = {str: ("texto"), int: ("número entero"), float: ("número"),
             bool: ("sí o no (`true`, `false`)"), datetime.date: ("fecha (AAAA-MM-DD)")}
    return words.get(annotation, getattr(annotation, "__name__", str(annotation)))


def _literal(value: object) -> str:
    # An empty text and a space would not show between backquotes.
    shown = {"": "«» (vacío)", " ": "« » (espacio)"}
    return shown[value] if isinstance(value, str) and value in shown else f"`{value}`"


def _limits(info: FieldInfo) -> str:
    """The range a number must fall in, as the model bounds it: «de 0 a 100»."""
    bounds = {}
    for item in info.metadata:
        for name in ("ge", "gt", "le", "lt"):
            if getattr(item, name, None) is not None:
                bounds[name] = getattr(item, name)
    low = (f"desde {bounds['ge']}" if "ge" in bounds else
           f"mayor que {bounds['gt']}" if "gt" in bounds else "")
    high = (f"hasta {bounds['le']}" if "le" in bounds else
            f"menor que {bounds['lt']}" if "lt" in bounds else "")
    return ", ".join(part for part in (low, high) if part)


def _inner(annotation: Any) -> tuple[type[BaseModel] | None, str]:
    """The model a field's value is made of, and how the path goes into it ("", "[]", "{}")."""
    annotation, _optional = _strip_optional(annotation)
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _inner(_args(annotation)[0])
    if _is_model(annotation):
        return annotation, ""
    if origin in (list, tuple):
        found, _suffix = _inner(_args(annotation)[0])
        return found, "[]"
    if origin is dict:
        found, _suffix = _inner(_args(annotation)[1])
        return found, "{}"
    if origin in (typing.Union, types.UnionType):
        for argument in _args(annotation):
            found, suffix = _inner(argument)
            if found is not None:
                return found, suffix
    return None, ""


def _default(info: FieldInfo) -> str:
    if info.is_required():
        return ""
    value = info.default
    if value is PydanticUndefined:
        value = info.default_factory() if info.default_factory else None  # type: ignore[call-arg]
    if value is None or value == [] or value == {}:
        return ""
    if isinstance(value, BaseModel):
        return ""
    if isinstance(value, bool):
        return "`true`" if value else "`false`"
    return f"`{value}`"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def field_rows(model: type[BaseModel], prefix: str = "",
               depth: int = 0) -> Iterator[tuple[str, str, str, str, str, str]]:
    """(path, title, description, type, required, default) of every field of `model`, nested
    ones after the field that holds them."""
    if depth > MAX_DEPTH:
        return
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        # The msgids: the reference is Spanish whatever language pmg speaks (PMG_LANG).
        title = info.title or ""
        required = ("sí") if info.is_required() else ""
        kind = type_words(info.annotation)
        limits = _limits(info)
        yield (path, title, info.description or "", f"{kind} ({limits})" if limits else kind,
               required, _default(info))
        inner, suffix = _inner(info.annotation)
        if inner is not None:
            yield from field_rows(inner, f"{path}{suffix}.", depth + 1)


def _fields_section(title: str, model: type[BaseModel]) -> list[str]:
    lines = [f"## {title}", "",
             "| campo | en los mensajes | qué es y qué escribir | tipo | obligatorio | "
             "por omisión |",
             "| --- | --- | --- | --- | --- | --- |"]
    for path, words, description, kind, required, default in field_rows(model):
        lines.append(f"| `{path}` | {_cell(words)} | {_cell(description)} | {_cell(kind)} | "
                     f"{required} | {_cell(default)} |")
    return [*lines, ""]


def _source_title(schema: str) -> str:
    """«Catálogo (`kind: catalog`)», «Formulación, formato objetivos (…)»."""
    if kinds.is_catalog(schema):
        return "Catálogo (`kind: catalog`)"
    for name, entry in kinds.KINDS.items():
        for fmt in entry.formats.values():
            if fmt.model is not None and kinds.schema_name(name, fmt) == schema:
                noun = kinds.KINDS[name].noun
                noun = noun[:1].upper() + noun[1:]
                declared = entry.declared_format(fmt)
                if declared:
                    return ("{noun}, formato {format} (`kind: {kind}`)").format(
                        noun=noun, format=declared, kind=name)
                return f"{noun} (`kind: {name}`)"
    return schema


# What a view's values are, as the reference prints them.
def value_words(value: Any, depth: int = 0) -> list[tuple[str, str]]:
    """(relative path, type) of a view's value and of what it holds."""
    if isinstance(value, BaseModel):
        return [("", ("el modelo {model} (sus campos, arriba)").format(
            model=type(value).__name__))]
    if isinstance(value, dict):
        found: list[tuple[str, str]] = [("", ("mapeo"))]
        if depth < MAX_VIEW_DEPTH:
            for key in value:
                found += [(f".{key}{path}", words)
                          for path, words in value_words(value[key], depth + 1)]
        return found
    if isinstance(value, list | tuple):
        found = [("", ("lista"))]
        if value and depth < MAX_VIEW_DEPTH:
            first = value[0]
            found += [(f"[]{path}", words) for path, words in value_words(first, depth + 1)
                      if path]
            if isinstance(first, dict | BaseModel | list | tuple):
                found.insert(1, ("[]", value_words(first, depth + 1)[0][1]))
        return found
    return [("", _scalar_words(value))]


def _scalar_words(value: Any) -> str:
    if value is None:
        return "nada, o un valor"
    for kind, words in ((bool, "sí o no"), (int | float, "número"),
                        (str, "texto (o HTML ya diagramado)"), (datetime.date, "fecha")):
        if isinstance(value, kind):
            return words
    return type(value).__name__


def _examples(root: Path) -> dict[tuple[str, str], Any]:
    """One checked document of each kind and format, from the examples under `root`; drawn
    kinds from the catalog (the guide) and the year (the report)."""
    from ..checks import check_path
    from ..load import CatalogRegistry, iter_source_files
    from ..render.pipeline import guide_document
    from ..render.report import report_document

    registry = CatalogRegistry()
    found: dict[tuple[str, str], Any] = {}
    for path in iter_source_files([root / "examples"])[0]:
        document, _diagnostics = check_path(path, registry)
        if document is None or kinds.is_catalog(document.kind):
            continue
        found.setdefault((document.kind, document.laid_out()[0].name), document)
    guide = kinds.KINDS[kinds.GUIDE]
    with_requirements = "calidad-de-servicio-y-experiencia-usuaria"
    found[(kinds.GUIDE, next(iter(guide.formats)))] = guide_document(
        with_requirements, "pmg-2024", registry)
    found[(kinds.GUIDE, "--all")] = guide_document(None, "pmg-2024", registry)
    year = kinds.subject(kinds.REPORT, root / "examples" / "2024", registry)[1]
    found[(kinds.REPORT, next(iter(kinds.KINDS[kinds.REPORT].formats)))] = report_document(year)
    return found


def template_rows(root: Path) -> Iterator[tuple[tuple[str, str], str, str, str | None]]:
    """(document, path, type, what it is) of every key of every view, run on the examples
    under `root`; what it is from template_keys.py, None where that module has no words."""
    for (kind, fmt), document in sorted(_examples(root).items()):
        entry = kinds.KINDS[kind]
        view = entry.formats[fmt if fmt in entry.formats else next(iter(entry.formats))]
        built = view.view.load()(document)
        for path, words in value_words(built)[1:]:
            yield (kind, fmt), path, words, key_words((kind, fmt), path)


def _template_section(root: Path) -> list[str]:
    lines = ["## Lo que recibe la plantilla de cada documento", "",
             ("Toda plantilla recibe `catalog` (el catálogo: sus campos, arriba), `document` "
               "(la fuente validada: sus campos, arriba; en una guía, el sistema, o "
               "`id` y `systems` en la de todo el marco; en los resultados del año, el año), "
               "`spec` (la entrada `documents:` del catálogo para ese documento: `title`, "
               "`running_title`, `template`), `fields` (los campos que esa entrada declara, "
               "con el valor que la fuente les dio, por su nombre: `fields.numero`), "
               "`annexes` (los anexos pedidos con --annex, cada uno `{template, view}`) y "
               "`view`, lo que prepara su formato, con los ids resueltos a nombres y los "
               "números impresos al estilo del catálogo. Las claves de `view` de cada tipo y "
               "formato, leídas de un ejemplo de `examples/`, con su tipo y qué son:"), ""]
    rows: dict[tuple[str, str], list[str]] = {}
    for document, path, words, meaning in template_rows(root):
        rows.setdefault(document, []).append(
            f"| `view{path}` | {_cell(words)} | {_cell(meaning or '')} |")
    for (kind, fmt), keys in rows.items():
        entry = kinds.KINDS[kind]
        noun = entry.noun
        label = (("{noun}, todo el marco (`pmg guide --all`)").format(noun=noun)
                 if fmt == "--all" else
                 ("{noun}, formato {format}").format(noun=noun, format=fmt)
                 if entry.declared_format(entry.formats[fmt]) else noun)
        declared = entry.declared_format(entry.formats.get(fmt, next(iter(entry.formats.values()))))
        head = f"{kind}/{declared}" if declared else kind
        lines += [f"### {label[:1].upper()}{label[1:]} (`{{#- pmg: {head} -#}}`)", "",
                  "| clave | tipo | qué es |", "| --- | --- | --- |", *keys, ""]
    return lines


def reference_text(root: Path) -> str:
    """The whole of docs/campos.md, its sources' fields from the models and its templates' keys
    from the views run on the examples under `root` (the project's folder)."""
    lines = [HEADER]
    models = kinds.models()
    for schema in sorted(models, key=lambda name: (not kinds.is_catalog(name), name)):
        lines += _fields_section(_source_title(schema), models[schema])
    lines += _template_section(root)
    return "\n".join(lines).rstrip("\n") + "\n"
