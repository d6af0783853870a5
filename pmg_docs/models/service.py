"""The service a formulation (or any document of a service) is about, as its header prints it."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import StringConstraints, field_validator

from .base import Id, Model, Text

BUDGET_CODE_PATTERN = r"^\d{2,3}$"
BudgetCode = Annotated[str, StringConstraints(pattern=BUDGET_CODE_PATTERN)]
# What `pmg new` writes for a budget code it was not given: a code of the right shape, so that
# the new source parses and formats, but one no service has ("00" is a real chapter), so that
# checks/placeholders.py can refuse it until it is filled in.
NO_CODE = "000"


class Service(Model):
    ministry: Text
    partida: BudgetCode
    name: Text
    chapter: BudgetCode

    @field_validator("partida", "chapter", mode="before")
    @classmethod
    def _pad_number(cls, value: object) -> object:
        # `partida: 08` reads as the number 8 in YAML; the budget code is the two digits "08".
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 1000:
            return f"{value:02d}"
        return value


class FormulationHeader(Model):
    """What every format of formulation opens with: what it is, against which catalog, by which
    service. Each format adds its sections after these fields."""

    kind: Literal["formulation"]
    catalog: Id
    service: Service
