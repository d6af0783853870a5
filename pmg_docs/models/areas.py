"""A formulation by marco and área (the 2011 format).

Systems are committed directly, each at one stage with a priority and a weight; the catalog says
which marco and área each belongs to. Systems exempted ("Eximir") or whose stage is modified
("Modificar") are listed with their justification.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..i18n import N_
from .base import Id, Model, RichText, Text, Weight
from .service import FormulationHeader


class StageCommitment(Model):
    """A system committed at one stage, with its priority and weight."""

    system: Id = Field(description=N_(
        "El id del sistema del catálogo que se compromete: `seguridad-de-la-informacion`."))
    stage: int = Field(ge=1, le=9, description=N_(
        "La etapa comprometida (1 a 4; el formulario la imprime I, II, III, IV)."))
    # An id of the catalog's priorities; plain text here so that `ALTA` as printed gets the
    # check's message listing the ids, not a pattern error.
    priority: Text = Field(description=N_(
        "Prioridad asignada al sistema: un id de `priorities` del catálogo (`alta`, "
        "`mediana`, `menor`)."))
    weight: Weight = Field(description=N_(
        "Ponderación del sistema, en por ciento; las de todos los sistemas suman 100."))


class Exemption(Model):
    """A system exempted ("Eximir") or a stage modified ("Modificar")."""

    system: Id = Field(description=N_(
        "El id del sistema del catálogo que se exime o cuya etapa se modifica."))
    type: Literal["eximir", "modificar"] = Field(description=N_(
        "`eximir`: el servicio no compromete el sistema; `modificar`: compromete la etapa con "
        "objetivos modificados."))
    # The modified stage; an exemption covers the whole system and names none.
    stage: int | None = Field(default=None, ge=1, le=9, description=N_(
        "La etapa modificada; una exención cubre todo el sistema y no nombra etapa."))
    justification: RichText | None = Field(default=None, description=N_(
        "Justificación de la exención o modificación, en Markdown, como la imprime el "
        "formulario."))


class Formulation(FormulationHeader):
    systems: list[StageCommitment] = Field(min_length=1, description=N_(
        "Los sistemas comprometidos, cada uno en una etapa, con su prioridad y ponderación."))
    exemptions: list[Exemption] = Field(default=[], description=N_(
        "Sistemas eximidos («Eximir») o con etapa modificada («Modificar»), con su "
        "justificación."))
