"""Graphs for tests, written the way the project writes them.

    add_extractions(store, extraction_a, extraction_b)    # resolved as an ingest would
    write_graph(store, nodes, relationships)              # a hand-built graph, as given

Both go through the store's one write path (`GraphStore.transact`) and the project's own
merge statements.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from extract.models import ArticleExtraction
from graph.entity_resolution import Curation
from graph.model import Statement, WriteSummary
from graph.resolver import GraphUpdate, plan_update
from graph.store import GraphStore
from graph.vocabulary import (
    RELATIONSHIP_PATTERNS,
    Label,
    RelType,
    node_merge_query,
    pattern_slots,
)

# What each label's merge statement expects besides the id.
NODE_DEFAULTS: dict[Label, dict[str, Any]] = {
    Label.ARTICLE: {"title": None, "url": None, "source": None, "path": None,
                    "published": None, "extraction": None},
    Label.COUNTRY: {"name": None, "aliases": []},
    Label.ORGANIZATION: {"aliases": [], "alias_keys": [], "block_keys": []},
    Label.PERSON: {"aliases": [], "alias_keys": [], "block_keys": [], "titles": []},
    Label.EVENT: {"type": "meeting", "plover": "CONSULT", "date": None, "end_date": None,
                  "block_keys": []},
    Label.PLACE: {"aliases": []},
    Label.REGION: {},
}


@dataclass
class Node:
    label: Label
    id: str
    properties: dict[str, Any] = field(default_factory=dict)


@dataclass
class Rel:
    """A relationship one article supports with one sentence (or, with `article=None`, a
    fact no article needs)."""

    type: RelType
    start: tuple[Label, str]
    end: tuple[Label, str]
    article: str | None = "article:a1"
    evidence: str | None = None
    props: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Plan:
    statements: list[Statement]
    derived: list[Statement] = field(default_factory=list)


def add_extractions(store: GraphStore, *extractions: ArticleExtraction,
                    curation: Curation | None = None) -> tuple[GraphUpdate, WriteSummary]:
    """Add extractions to the store exactly as an ingest does (resolution included)."""
    return store.transact(lambda reader: plan_update(reader, add=list(extractions),
                                                     curation=curation))


def write_graph(store: GraphStore, nodes: list[Node], relationships: list[Rel]) -> WriteSummary:
    """Write a hand-built graph in one transaction."""
    by_label: dict[Label, list[dict]] = defaultdict(list)
    for node in nodes:
        by_label[node.label].append({**NODE_DEFAULTS[node.label], "name": None,
                                     **node.properties, "id": node.id})
    statements = [Statement(node_merge_query(label), {"rows": rows})
                  for label, rows in by_label.items()]
    by_pattern: dict[tuple, dict[tuple[str, str], dict]] = defaultdict(dict)
    for rel in relationships:
        row = by_pattern[(rel.type, rel.start[0], rel.end[0])].setdefault(
            (rel.start[1], rel.end[1]), {"start": rel.start[1], "end": rel.end[1],
                                         "articles": [], "evidence": [], "title": None,
                                         "props": {}})
        if rel.article is not None:
            row["articles"] = sorted({*row["articles"], rel.article})
            if rel.evidence is not None:
                span = f"{rel.article}:0-{len(rel.evidence)}"
                row["evidence"] = sorted([*row["evidence"], [span, rel.evidence]])
        row["props"].update(rel.props)
    for pattern in RELATIONSHIP_PATTERNS:
        if pattern in by_pattern:
            statements.append(Statement(
                "merge_relationships", {"rows": list(by_pattern[pattern].values())},
                slots=pattern_slots(*pattern)))
    _, summary = store.transact(lambda reader: _Plan(statements))
    return summary
