"""The service a formulation (or any document of a service) is about, as its header prints it."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator

from ..i18n import N_
from .base import Id, Model, Text

BUDGET_CODE_PATTERN = r"^\d{2,3}$"
BudgetCode = Annotated[str, StringConstraints(pattern=BUDGET_CODE_PATTERN)]
# What `pmg new` writes for a budget code it was not given: a code of the right shape, so that
# the new source parses and formats, but one no service has ("00" is a real chapter), so that
# checks/placeholders.py can refuse it until it is filled in.
NO_CODE = "000"


class Service(Model):
    ministry: Text = Field(description=N_(
        "Ministerio del que depende o con el que se relaciona el servicio: «Ministerio de "
        "Hacienda»."))
    partida: BudgetCode = Field(description=N_(
        "Partida presupuestaria del ministerio en la Ley de Presupuestos, en dos o tres "
        "dígitos: `08`."))
    name: Text = Field(description=N_(
        "Nombre oficial del servicio: «Servicio Nacional de Aduanas»."))
    chapter: BudgetCode = Field(description=N_(
        "Capítulo presupuestario del servicio dentro de la partida, en dos o tres dígitos: "
        "`04`."))

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

    kind: Literal["formulation"] = Field(description=N_(
        "Siempre `formulation`: el archivo es la formulación de un servicio."))
    catalog: Id = Field(description=N_(
        "El id del catálogo (Programa Marco) contra el que se formula: `pmg-2024`."))
    service: Service = Field(description=N_(
        "El servicio que formula, como lo imprime el encabezado: ministerio, partida, nombre y "
        "capítulo."))
