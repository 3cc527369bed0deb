"""The common base of every model in the file formats."""

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    """Rejects unknown keys: a typo in a field name must not pass silently."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=False)
