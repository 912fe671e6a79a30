"""The one interface every graph store implements, and what all of them share.

A store runs named queries from cypher/ with parameters. Subclasses supply only how a
statement reaches their engine (`_read`, `_write`) and how the schema is applied.
"""

import logging
from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, Self

from cypher import load_query
from graph.model import GraphBatch, NodeRecord, RelationshipRecord, WriteSummary
from graph.vocabulary import Label, node_merge_query, relationship_merge_query

logger = logging.getLogger(__name__)

WRITE_BATCH_SIZE = 1000
EXPORT_PAGE_SIZE = 5000

Row = dict[str, Any]


class GraphStore(ABC):
    """A graph database reached through named Cypher queries."""

    engine: ClassVar[str]

    # -- what each engine provides -------------------------------------------------------

    @abstractmethod
    def _read(self, name: str, statement: str, params: Mapping[str, Any]) -> list[Row]:
        """Run a read-only statement and return its rows as dicts of plain Python values."""

    @abstractmethod
    def _write(self, name: str, statement: str, params: Mapping[str, Any]) -> WriteSummary:
        """Run a write statement in a write transaction and report what it created."""

    @abstractmethod
    def apply_schema(self) -> None:
        """Create constraints and indexes; safe to call on every start."""

    def close(self) -> None:
        """Release connections (and stop a server the store started)."""

    def after_ingest(self) -> None:
        """Housekeeping after a bulk write; engines that need none do nothing."""

    # -- shared behaviour ----------------------------------------------------------------

    def query(self, name: str, **params: Any) -> list[Row]:
        """Run the read query `cypher/<name>.cypher` with `params`."""
        return self._read(name, load_query(name, self.engine), params)

    def execute(self, name: str, **params: Any) -> WriteSummary:
        """Run the write query `cypher/<name>.cypher` with `params`."""
        return self._write(name, load_query(name, self.engine), params)

    def write(self, batch: GraphBatch) -> WriteSummary:
        """Merge a batch: all nodes first (label by label), then relationships."""
        summary = WriteSummary()
        nodes_by_label: dict[Label, list[NodeRecord]] = defaultdict(list)
        for node in batch.nodes:
            nodes_by_label[node.label].append(node)
        for label, nodes in nodes_by_label.items():
            rows = [{"id": node.id, **node.properties} for node in nodes]
            summary += self._write_in_chunks(node_merge_query(label), rows)
        rels_by_pattern: dict[tuple, list[RelationshipRecord]] = defaultdict(list)
        for rel in batch.relationships:
            rels_by_pattern[(rel.type, rel.start_label, rel.end_label)].append(rel)
        for (rel_type, start, end), rels in rels_by_pattern.items():
            rows = _relationship_rows(rels)
            summary += self._write_in_chunks(relationship_merge_query(rel_type, start, end), rows)
        return summary

    def counts(self) -> dict[str, dict[str, int]]:
        """Node counts per label and relationship counts per type."""
        return {
            "nodes": {row["label"]: row["count"] for row in self.query("count_nodes_by_label")},
            "relationships": {
                row["type"]: row["count"] for row in self.query("count_relationships_by_type")
            },
        }

    def iter_export(self) -> tuple[Iterator[Row], Iterator[Row]]:
        """Every node and every relationship, fetched a page at a time."""
        return self._pages("export_nodes"), self._pages("export_relationships")

    def _pages(self, name: str) -> Iterator[Row]:
        skip = 0
        while True:
            rows = self.query(name, skip=skip, limit=EXPORT_PAGE_SIZE)
            yield from rows
            if len(rows) < EXPORT_PAGE_SIZE:
                return
            skip += EXPORT_PAGE_SIZE

    def _write_in_chunks(self, name: str, rows: list[Row]) -> WriteSummary:
        summary = WriteSummary()
        statement = load_query(name, self.engine)
        for i in range(0, len(rows), WRITE_BATCH_SIZE):
            summary += self._write(name, statement, {"rows": rows[i : i + WRITE_BATCH_SIZE]})
        return summary

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _relationship_rows(rels: list[RelationshipRecord]) -> list[Row]:
    """One row per (start, end): the supporting articles, and each sentence with its span
    ("<article>:<start>-<end>", which says which article it was read in) side by side, of
    every record for that relationship (an engine need not see a relationship it created
    earlier in the same statement)."""
    rows: dict[tuple[str, str], Row] = {}
    for rel in rels:
        props = dict(rel.properties)
        article, evidence, span = (props.pop(k, None) for k in ("article", "evidence", "span"))
        row = rows.setdefault((rel.start, rel.end), {
            "start": rel.start, "end": rel.end, "props": {}, "articles": [], "evidence": [],
            "spans": []})
        row["props"].update(props)
        if article is not None and article not in row["articles"]:
            row["articles"].append(article)
        if evidence is not None and span is not None and span not in row["spans"]:
            row["evidence"].append(evidence)
            row["spans"].append(span)
    return list(rows.values())
