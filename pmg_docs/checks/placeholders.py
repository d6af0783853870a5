"""What `pmg new` left to fill in and is still there: an error, so that no document is issued
saying «POR DEFINIR» or a budget code no service has.

`pmg new` writes TO_FILL where only the person can say what goes (a ministry, a description, a
product) and NO_CODE for a budget code it was not given (both in models/); each must parse,
so that the new source can be formatted and previewed. This check finds them in any written
source, at their place, and says what to write instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from ..diagnostics import Diagnostic, FieldPath
from ..i18n import _
from ..models.base import TO_FILL
from ..models.service import BUDGET_CODE_PATTERN, NO_CODE
from ..models.vocabulary import inner_model

if TYPE_CHECKING:
    from ..load.document import Document


def _is_budget_code(model: type[BaseModel] | None, path: FieldPath) -> bool:
    """Whether the field at `path` of `model` (list indexes skipped) is a budget code."""
    keys = [part for part in path if isinstance(part, str)]
    for key in keys[:-1]:
        model = inner_model(model, key)
    info = model.model_fields.get(keys[-1]) if model is not None and keys else None
    return info is not None and any(getattr(meta, "pattern", None) == BUDGET_CODE_PATTERN
                                    for meta in info.metadata)


def check_placeholders(document: Document[Any]) -> Iterable[Diagnostic]:
    """An error at each value of the source that is still what `pmg new` wrote for it."""
    fmt = document.format
    model = fmt.model.load() if fmt is not None and fmt.model is not None else None
    for path, text in document.source.texts():
        if text.strip() == TO_FILL:
            yield document.diagnostic(path, _(
                "dice «{placeholder}», lo que `pmg new` deja por completar; se espera el texto "
                "que el documento lleva en este lugar").format(placeholder=TO_FILL))
        elif text == NO_CODE and _is_budget_code(model, path):
            yield document.diagnostic(path, _(
                "dice \"{placeholder}\", lo que `pmg new` deja por completar; se espera el "
                "código presupuestario, de dos o tres dígitos entre comillas, como \"08\"").format(
                placeholder=NO_CODE))
