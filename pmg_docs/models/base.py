"""What every model shares: unknown keys are errors and values are not silently coerced."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

# Strict: "20" is not a number and 1 is not a text. Unknown keys are errors, so a typo in a key
# is reported instead of silently ignored.
STRICT = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False, frozen=True)


class Model(BaseModel):
    model_config = STRICT


# Ids are short lowercase slugs: they appear in file names, diffs and command lines.
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$")]
Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
RichText = Annotated[str, StringConstraints(min_length=1, max_length=200_000)]
Weight = Annotated[float, Field(ge=0, le=100)]
