"""Nodes and relationships as the stores write them: records keyed by project-computed ids."""

from typing import Any

from pydantic import BaseModel, Field

from graph.vocabulary import Label, RelType


class NodeRecord(BaseModel):
    label: Label
    id: str
    properties: dict[str, Any] = Field(default_factory=dict)


class RelationshipRecord(BaseModel):
    type: RelType
    start_label: Label
    start: str
    end_label: Label
    end: str
    properties: dict[str, Any] = Field(default_factory=dict)


class GraphBatch(BaseModel):
    """What one ingest adds to the graph. Writing it twice changes nothing."""

    nodes: list[NodeRecord] = Field(default_factory=list)
    relationships: list[RelationshipRecord] = Field(default_factory=list)


class WriteSummary(BaseModel):
    nodes_created: int = 0
    relationships_created: int = 0
    nodes_deleted: int = 0
    relationships_deleted: int = 0

    def __add__(self, other: "WriteSummary") -> "WriteSummary":
        return WriteSummary(**{name: getattr(self, name) + getattr(other, name)
                               for name in WriteSummary.model_fields})
