"""Copy one store's graph into another, in batches: the engine behind `dkg push`.

    report = copy_graph(embedded, neo4j, batch_size=1000)

Nodes first (one `copy_<label>_nodes` query per label), then relationships (the template
`copy_relationships` rendered for each pattern), each a batch of rows unwound and merged by
id, with a SET of exactly the source's properties: copying again changes nothing, and a
node that changed in the source is brought up to date. Dates travel as ISO strings and are
stored as dates again. Nothing is deleted in the target: a node or relationship the source
no longer holds stays there.
"""

import datetime as dt
import logging
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from pydantic import BaseModel

from graph.errors import UnknownQuery
from graph.model import Statement, WriteSummary
from graph.store import GraphStore, Row
from graph.vocabulary import RELATIONSHIP_PATTERNS, Label, node_copy_query, pattern_slots

logger = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 1000

# A copy query: a file's name and, for a template, its slots.
Query = tuple[str, tuple[tuple[str, str], ...]]

_NODE_QUERIES: dict[str, Query] = {label.value: (node_copy_query(label), ())
                                   for label in Label}
_RELATIONSHIP_QUERIES: dict[tuple[str, str, str], Query] = {
    (rel_type.value, start.value, end.value): ("copy_relationships",
                                               pattern_slots(rel_type, start, end))
    for rel_type, start, end in RELATIONSHIP_PATTERNS
}


class CopyProgress(BaseModel):
    """How far a copy has got: rows written so far and rows the source holds."""

    nodes: int = 0
    relationships: int = 0
    nodes_total: int = 0
    relationships_total: int = 0


class CopyReport(BaseModel):
    nodes: int  # rows written (created or brought up to date)
    relationships: int
    nodes_created: int
    relationships_created: int
    batches: int
    seconds: float


def copy_graph(source: GraphStore, target: GraphStore, *,
               batch_size: int = DEFAULT_BATCH_SIZE,
               on_progress: Callable[[CopyProgress], None] | None = None) -> CopyReport:
    """Write every node and relationship of `source` into `target`, `batch_size` rows per
    statement, after applying the target's schema (its constraints make MERGE by id fast)."""
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    started = time.perf_counter()
    target.apply_schema()
    counts = source.counts()
    progress = CopyProgress(nodes_total=sum(counts["nodes"].values()),
                            relationships_total=sum(counts["relationships"].values()))
    summary, batches = WriteSummary(), 0
    nodes, relationships = source.iter_export()
    for kind, rows in (("nodes", _node_rows(nodes)),
                       ("relationships", _relationship_rows(relationships))):
        for (name, slots), batch in _batches(rows, batch_size):
            summary += target.write(Statement(name, {"rows": batch}, slots))
            batches += 1
            setattr(progress, kind, getattr(progress, kind) + len(batch))
            if on_progress is not None:
                on_progress(progress)
    target.after_ingest()
    report = CopyReport(nodes=progress.nodes, relationships=progress.relationships,
                        nodes_created=summary.nodes_created,
                        relationships_created=summary.relationships_created,
                        batches=batches, seconds=time.perf_counter() - started)
    logger.info("copied %d nodes and %d relationships in %d batches, %.2f s", report.nodes,
                report.relationships, report.batches, report.seconds)
    return report


def _node_rows(nodes: Iterable[Row]) -> Iterator[tuple[Query, Row]]:
    for node in nodes:
        label = node["labels"][0]
        if label not in _NODE_QUERIES:
            raise UnknownQuery(f"no copy query for label {label!r} (node {node['id']!r})")
        yield _NODE_QUERIES[label], {"id": node["id"],
                                     "properties": _with_iso_dates(node["properties"])}


def _relationship_rows(relationships: Iterable[Row]) -> Iterator[tuple[Query, Row]]:
    for rel in relationships:
        rel_type, start, end = pattern = (rel["type"], rel["start_label"], rel["end_label"])
        if pattern not in _RELATIONSHIP_QUERIES:
            raise UnknownQuery(f"no copy query for ({start})-[:{rel_type}]->({end})")
        yield _RELATIONSHIP_QUERIES[pattern], {
            "start": rel["start"], "end": rel["end"],
            "properties": _with_iso_dates(rel["properties"])}


def _batches(rows: Iterable[tuple[Query, Row]], size: int
             ) -> Iterator[tuple[Query, list[Row]]]:
    """Rows grouped by query, `size` at a time; what is left of each group at the end."""
    pending: dict[Query, list[Row]] = defaultdict(list)
    for query, row in rows:
        pending[query].append(row)
        if len(pending[query]) == size:
            yield query, pending.pop(query)
    for query, rest in pending.items():
        yield query, rest


def _with_iso_dates(properties: dict[str, Any]) -> dict[str, Any]:
    """Dates as ISO strings: the embedded engine's client cannot send date parameters."""
    return {key: value.isoformat() if isinstance(value, dt.date) else value
            for key, value in properties.items()}
