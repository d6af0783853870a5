"""Consistency of the technical requirements of a catalog's systems.

A code such as `E1-02-RT4` names the stage (1), the objective (02) and the requirement (4), as the
catalog's pattern says (`requirement_code:`, models/requirement_code.py). DIPRES
sometimes publishes codes that do not follow where they sit (merged or renumbered requirements);
the catalog keeps them as published, but only when it says so with `published_exception`, so that
a typo is never mistaken for an exception.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..diagnostics import Diagnostic, FieldPath
from ..i18n import _
from ..load.sources import Document
from ..models.catalog import Catalog, Requirement, System
from ..models.requirement_code import example, form, parse_code, prefix
from .wording import twice


def check_requirements(document: Document[Catalog]) -> Iterable[Diagnostic]:
    for index, system in enumerate(document.model.systems):
        yield from _check_system(document, ("systems", index), system)


def _check_system(document: Document[Catalog], base: FieldPath,
                  system: System) -> Iterable[Diagnostic]:
    first_seen: dict[str, FieldPath] = {}
    for j, stage in enumerate(system.stages):
        for k, objective in enumerate(stage.objectives):
            path = base + ("stages", j, "objectives", k, "requirements")
            by_code = {req.code: (r, req) for r, req in enumerate(objective.requirements)}
            for r, requirement in enumerate(objective.requirements):
                here = path + (r,)
                code = requirement.code
                if code in first_seen:
                    yield document.diagnostic(here + ("code",), twice(
                        code, document.line_of(first_seen[code] + ("code",))))
                first_seen.setdefault(code, here)
                yield from _check_code(document, here, requirement, stage.number, objective.number)
                yield from _check_merge(document, here, r, requirement, by_code)


def _check_code(document: Document[Catalog], here: FieldPath, requirement: Requirement, stage: int,
                objective: int) -> Iterable[Diagnostic]:
    pattern = document.model.requirement_code
    parsed = parse_code(pattern, requirement.code)
    if parsed is None:
        yield document.diagnostic(here + ("code",), _(
            "el código «{code}» no está bien formado; se espera {form}, como {example} (el "
            "patrón «{pattern}» de `requirement_code` del catálogo)").format(
            code=requirement.code, form=form(pattern), example=example(pattern),
            pattern=pattern))
        return
    matches = parsed[:2] == (stage, objective)
    if not matches and requirement.published_exception is None:
        starts = prefix(pattern, stage, objective)
        expected = _("un código que empiece con {start}").format(start=starts) if starts else \
            _("un código como {example}").format(example=example(pattern, stage, objective))
        yield document.diagnostic(here + ("code",), _(
            "el código {code} nombra la etapa {code_stage}, objetivo {code_objective}, pero está "
            "bajo la etapa {stage}, objetivo {objective}; se espera {expected}, o "
            "`published_exception: <por qué>` si DIPRES lo publicó así").format(
            code=requirement.code, code_stage=parsed[0], code_objective=parsed[1],
            stage=stage, objective=objective, expected=expected))
    elif matches and requirement.published_exception is not None:
        yield document.diagnostic(here + ("published_exception",), _(
            "el código {code} corresponde a donde está (etapa {stage}, objetivo {objective}), así "
            "que no es una excepción; se espera published_exception solo en un código publicado "
            "que no corresponde a su lugar").format(code=requirement.code, stage=stage,
                                                   objective=objective))


def _check_merge(document: Document[Catalog], here: FieldPath, index: int, requirement: Requirement,
                 by_code: dict[str, tuple[int, Requirement]]) -> Iterable[Diagnostic]:
    for m, other_code in enumerate(requirement.merged_with):
        where = here + ("merged_with", m)
        other_index, other = by_code.get(other_code, (None, None))
        if other_code == requirement.code:
            yield document.diagnostic(where, _(
                "{code} se nombra a sí mismo; se espera los códigos de los otros requisitos con "
                "que se fusionó").format(code=other_code))
        elif other is None:
            known = ", ".join(c for c in by_code if c != requirement.code)
            message = _("no hay un requisito {code} en este objetivo; se espera uno de: "
                        "{known}") if known else \
                _("no hay un requisito {code} en este objetivo, y el objetivo no tiene otro; "
                  "se espera un requisito de este objetivo")
            yield document.diagnostic(where, message.format(code=other_code, known=known))
        elif requirement.code not in other.merged_with:
            yield document.diagnostic(where, _(
                "{other} no nombra a {code} en su merged_with; se espera que los requisitos "
                "fusionados se nombren entre sí").format(other=other_code, code=requirement.code))
        elif other.note != requirement.note and other_index is not None and other_index < index:
            # Reported once, at the later of the two.
            yield document.diagnostic(here + ("note",), _(
                "la nota difiere de la de {other}, con el que se fusionó; se espera que los "
                "requisitos fusionados compartan una nota técnica").format(other=other_code))
