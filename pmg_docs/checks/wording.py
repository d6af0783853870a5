"""The words every check uses for the two commonest findings: a reference to something the
catalog does not have, and something that must appear once appearing twice.

One wording everywhere (`diagnostics.unknown`, `diagnostics.repeated`), so that every message of
the kind reads the same and names what was expected.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..diagnostics import repeated, unknown
from ..i18n import _
from ..models.vocabulary import reference


def noun(key: str) -> str:
    """The thing a field refers to, with its article, as messages name it (from the models'
    vocabulary)."""
    return reference(key)


def not_in_catalog(key: str, got: object, known: Iterable[str],
                   catalog_id: str | None = None) -> str:
    """`«x» no es un sistema del catálogo pmg-2024; se espera uno de: a, b`."""
    where = _("del catálogo {catalog}").format(catalog=catalog_id) if catalog_id \
        else _("de este catálogo")
    return unknown(noun(key), got, known, where)


def twice(label: str | int, first_line: int | None) -> str:
    """`«estado-verde» aparece dos veces (también en la línea 12); se espera una sola vez`."""
    return repeated(f"«{label}»", first_line)


def no_stage(system_name: str, stage: int, known: Iterable[int]) -> str:
    """`el sistema «Estado Verde» no tiene etapa 5; se espera una de: 1, 2, 3, 4`."""
    return _("el sistema «{system}» no tiene etapa {stage}; se espera una de: {known}").format(
        system=system_name, stage=stage, known=", ".join(str(k) for k in known))
