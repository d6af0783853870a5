"""What a marco requires of the systems a service commits, as data (2012 circular, paragraph 6).

Each requirement names one system, or (`default`) every system but those it excepts. These are
stated in the catalog so that documents can print them and rules can check them from one source;
the 2012 circular only renders them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .base import Id, Model, Weight

Priority = Literal["ALTA", "MEDIANA", "MENOR"]


class MarcoRequirement(Model):
    # Exactly one of `system` (the system it is about) and `default` (every other system).
    system: Id | None = None
    default: Literal["last_stage"] | None = None
    # With `default`: the systems it does not apply to.
    except_: list[Id] = Field(default=[], alias="except")
    # The service commits every objective of the system.
    all_objectives: bool = False
    min_priority: Priority | None = None
    # Weight (ponderación) of the system, in percent, at least this.
    min_weight: Weight | None = None
    # The service commits at least the objectives of this stage.
    min_stage: int | None = Field(default=None, ge=1, le=9)
    # The service decides whether to commit the system at all.
    voluntary: bool = False

    @model_validator(mode="after")
    def _one_target(self):
        if (self.system is None) == (self.default is None):
            raise ValueError("give either `system: ID` or `default: last_stage`, not both "
                             "and not neither")
        if self.except_ and self.default is None:
            raise ValueError("`except` goes with `default`; a requirement on one system "
                             "excepts nothing")
        return self
