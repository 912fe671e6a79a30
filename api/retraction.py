"""Retracting an article: the facts only it supported disappear, shared ones lose it as a
source, and the names of the people and organizations it mentioned are rebuilt from the
articles that remain.

    report = retract_article(store, "article:84d178aca44c1c32")
"""

from itertools import chain

from pydantic import BaseModel

from api.errors import NotFound
from api.schemas import KindedRef
from graph.entity_resolution import EntityRecord, blocking_keys
from graph.names import fold
from graph.resolver import canonical_name
from graph.store import GraphStore, Row
from graph.vocabulary import Label

# How many passes of delete_unsupported_nodes can cascade: node, then region, then country.
MAX_CLEANUP_PASSES = 3


class RetractionReport(BaseModel):
    article: str
    deleted: list[KindedRef]
    updated: list[KindedRef]


def retract_article(store: GraphStore, article_id: str) -> RetractionReport:
    """Remove an article and everything that rested on it alone."""
    rows = store.query("get_article_footprint", id=article_id)
    if not rows:
        raise NotFound(f"no article with id {article_id!r}")
    touched = sorted(set(rows[0]["ids"]))
    before = {row["id"]: KindedRef(**row) for row in store.query("get_nodes_by_id", ids=touched)}
    store.execute("retract_article_support", id=article_id, prefix=f"{article_id}:",
                  ids=touched)
    store.execute("delete_unsupported_relationships", ids=touched)
    store.execute("delete_article", id=article_id)
    for _ in range(MAX_CLEANUP_PASSES):
        if store.execute("delete_unsupported_nodes", ids=touched).nodes_deleted == 0:
            break
    remaining = {row["id"] for row in store.query("get_nodes_by_id", ids=touched)}
    renamed = [_names_from_mentions(row)
               for row in store.query("list_entity_mentions", ids=sorted(remaining))
               if row["surfaces"]]
    if renamed:
        store.execute("set_entity_names", rows=renamed)
    return RetractionReport(article=article_id,
                            deleted=[before[i] for i in touched if i not in remaining],
                            updated=[before[i] for i in touched if i in remaining])


def _names_from_mentions(row: Row) -> Row:
    """Name, aliases, titles and lookup keys of an entity, from the names the articles
    that still mention it used."""
    aliases = list(dict.fromkeys(chain.from_iterable(row["surfaces"])))
    name = row["name"] if row["name"] in aliases else _canonical(aliases)
    label = Label(row["kind"])
    record = EntityRecord(key=row["id"], label=label, name=name, aliases=tuple(aliases))
    return {
        "id": row["id"], "name": name, "aliases": aliases,
        "titles": list(dict.fromkeys(chain.from_iterable(t or [] for t in row["titles"]))),
        "alias_keys": sorted({fold(a) for a in aliases}),
        "block_keys": sorted(blocking_keys(record)),
    }


def _canonical(names: list[str]) -> str:
    name = names[0]
    for other in names[1:]:
        name = canonical_name(name, other)
    return name
