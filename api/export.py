"""The whole graph as one JSON document: what `dkg export` writes.

    text = export_json(store)

Nodes in id order, relationships by (start, type, end), each with every property (dates as
ISO strings). The graph is a function of its articles, so two stores holding the same
articles give byte-identical text, however they were filled.
"""

import json
from typing import Any

from graph.store import GraphStore


def export_document(store: GraphStore) -> dict[str, list[dict[str, Any]]]:
    nodes, relationships = store.iter_export()
    return {
        "nodes": [{"id": n["id"], "labels": n["labels"], "properties": _jsonable(n["properties"])}
                  for n in nodes],
        "relationships": [{"type": r["type"], "start": r["start"], "end": r["end"],
                           "properties": _jsonable(r["properties"])} for r in relationships],
    }


def export_json(store: GraphStore) -> str:
    return json.dumps(export_document(store), ensure_ascii=False, indent=2)


def _jsonable(properties: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in properties.items()}
