"""Records the stores take and give: named write statements and what they changed."""

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel


@dataclass(frozen=True)
class Statement:
    """One named write query with its parameters; `slots` fill a template's labels and
    relationship types (`cypher/templates/`)."""

    name: str
    params: dict[str, Any]
    slots: tuple[tuple[str, str], ...] = ()


class WriteSummary(BaseModel):
    nodes_created: int = 0
    relationships_created: int = 0
    nodes_deleted: int = 0
    relationships_deleted: int = 0

    def __add__(self, other: "WriteSummary") -> "WriteSummary":
        return WriteSummary(**{name: getattr(self, name) + getattr(other, name)
                               for name in WriteSummary.model_fields})
