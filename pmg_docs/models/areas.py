"""A formulation by marco and área (the 2011 format).

Systems are committed directly, each at one stage with a priority and a weight; the catalog says
which marco and área each belongs to. Systems exempted ("Eximir") or whose stage is modified
("Modificar") are listed with their justification.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Id, Model, RichText, Text, Weight
from .service import FormulationHeader


class StageCommitment(Model):
    """A system committed at one stage, with its priority and weight."""

    system: Id
    stage: int = Field(ge=1, le=9)
    # An id of the catalog's priorities; plain text here so that `ALTA` as printed gets the
    # check's message listing the ids, not a pattern error.
    priority: Text
    weight: Weight


class Exemption(Model):
    """A system exempted ("Eximir") or a stage modified ("Modificar")."""

    system: Id
    type: Literal["eximir", "modificar"]
    # The modified stage; an exemption covers the whole system and names none.
    stage: int | None = Field(default=None, ge=1, le=9)
    justification: RichText | None = None


class Formulation(FormulationHeader):
    systems: list[StageCommitment] = Field(min_length=1)
    exemptions: list[Exemption] = []
