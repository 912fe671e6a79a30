"""Retracting an article: the graph becomes what ingesting every other article would give.

    report = retract_article(store, "article:84d178aca44c1c32")

Facts only that article supported disappear (and nodes left with nothing), shared ones lose
it as a source and its sentences, names are rebuilt from the articles that remain, and the
mentions it shared a node with are resolved again without it (graph/resolver.py).
"""

from pydantic import BaseModel

from api.errors import NotFound
from api.schemas import KindedRef
from graph.entity_resolution import Curation
from graph.resolver import plan_update
from graph.store import GraphStore


class RetractionReport(BaseModel):
    article: str
    deleted: list[KindedRef]
    updated: list[KindedRef]


def retract_article(store: GraphStore, article_id: str, *, curation: Curation | None = None
                    ) -> RetractionReport:
    """Remove an article and everything that rested on it alone."""
    rows = store.query("list_article_neighbourhoods", ids=[article_id])
    if not rows:
        raise NotFound(f"no article with id {article_id!r}")
    around = sorted(set(rows[0]["around"]))
    ends = {row["id"] for row in store.query("list_supported_ends", articles=[article_id],
                                              ids=around)}
    touched = sorted((ends | set(around)) - {article_id})
    before = {row["id"]: KindedRef(**row) for row in store.query("get_nodes_by_id", ids=touched)}
    update, _ = store.transact(
        lambda reader: plan_update(reader, remove=[article_id], curation=curation))
    if not update.removed:
        raise NotFound(f"no article with id {article_id!r}")
    remaining = {row["id"] for row in store.query("get_nodes_by_id", ids=touched)}
    return RetractionReport(article=article_id,
                            deleted=[before[i] for i in touched if i not in remaining],
                            updated=[before[i] for i in touched if i in remaining])
