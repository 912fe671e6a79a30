"""From articles in and out to one graph update: resolution against what the graph holds.

    update = plan_update(store, add=extractions)          # ingest
    update = plan_update(store, remove=["article:…"])     # retract
    update = plan_update(store, refresh=ids)              # rebuild from stored extractions

The graph is a function of the set of articles it holds: whatever the order, grouping or
repetition of ingests and retractions, the same articles give the same graph. Resolution
makes that hold incrementally. Mentions and reports that change (those of the articles
added or removed) are *seeds*; the seeds' *closure* is every stored unit and report joined
to them by a chain of links (`linked` in entity and event resolution), before or after the
change. Clustering only ever joins along such links, so clustering the closure alone gives
what clustering everything again would, and everything outside it stays as it is. Articles
whose mentions land on other nodes than before are written again (their old support taken
away, their footprint added), so every relationship points where global resolution says.

Reads go through `reader.query(name, **params)`; the update is a list of named statements
the store runs as one atomic unit (GraphStore.transact).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from extract.models import ArticleExtraction
from graph.closure import Change, Decision, StoredArticle, stored_articles
from graph.entity_closure import EntityClosure, entity_node_id
from graph.entity_resolution import Curation
from graph.event_closure import EventClosure, event_node_id
from graph.footprint import Footprint, article_footprint
from graph.model import Statement
from graph.store import Reader
from graph.vocabulary import (
    RELATIONSHIP_PATTERNS,
    Label,
    RelType,
    node_merge_query,
    pattern_slots,
)

__all__ = ["GraphUpdate", "entity_node_id", "event_node_id", "plan_update"]

Row = dict[str, Any]


@dataclass
class GraphUpdate:
    """What one transaction writes, and what it means for the articles involved."""

    statements: list[Statement] = field(default_factory=list)  # the facts
    derived: list[Statement] = field(default_factory=list)  # what follows from them
    added: list[str] = field(default_factory=list)  # article ids written for the first time
    known: list[str] = field(default_factory=list)  # asked to add, already in the graph
    removed: list[str] = field(default_factory=list)
    rewritten: list[str] = field(default_factory=list)  # stored articles written again
    written_nodes: list[str] = field(default_factory=list)  # ids the statements write
    existing_nodes: list[str] = field(default_factory=list)  # of those, the ones there before


# -- the plan ------------------------------------------------------------------------------


def plan_update(reader: Reader, *, add: Iterable[ArticleExtraction] = (),
                remove: Iterable[str] = (), refresh: Iterable[str] = (),
                curation: Curation | None = None) -> GraphUpdate:
    """The statements that add `add`, remove the articles `remove` names and write the
    stored articles `refresh` names again, leaving the graph as resolving everything at
    once would."""
    add = list({x.article.id: x for x in reversed(list(add))}.values())[::-1]
    asked = [x.article.id for x in add] + list(remove) + list(refresh)
    stored_ids = {row["id"] for row in reader.query("get_article_ids", ids=asked)}
    update = GraphUpdate(known=[x.article.id for x in add if x.article.id in stored_ids])
    added = [x for x in add if x.article.id not in stored_ids]
    removed = sorted(set(remove) & stored_ids)
    refreshed = sorted((set(refresh) & stored_ids) - set(removed))
    old = stored_articles(reader, [*removed, *refreshed])
    change = Change(
        added=[*added, *(old[a].extraction for a in refreshed)],
        removed=[old[a] for a in [*removed, *refreshed]],
    )
    entities = EntityClosure(reader, change, curation).resolve()
    events = EventClosure(reader, change).resolve()
    moved = (entities.moved_articles | events.moved_articles) - set(removed)
    rewritten = sorted((moved - {x.article.id for x in added}) | set(refreshed))
    old.update(stored_articles(reader, [a for a in rewritten if a not in old]))
    footprints = [article_footprint(x, _Placement(x, entities, events, None)) for x in added]
    footprints += [article_footprint(old[a].extraction,
                                     _Placement(old[a].extraction, entities, events, old[a]))
                   for a in rewritten]
    retracted = [*removed, *rewritten]
    around, touched = _support(reader, retracted)
    touched |= entities.old_nodes | events.old_nodes
    update.added = [x.article.id for x in added]
    update.removed, update.rewritten = removed, rewritten
    update.statements = _statements(
        retracted=retracted, around=sorted(around), removed=removed,
        node_rows={**entities.node_rows, **events.node_rows}, footprints=footprints)
    update.derived = _derived(sorted(touched)) if update.statements else []
    written = sorted({*entities.nodes_written, *events.nodes_written,
                      *(n for f in footprints for _, n in f.nodes())})
    update.written_nodes = written
    update.existing_nodes = sorted(
        {row["id"] for row in reader.query("get_nodes_by_id", ids=written)})
    return update


def _support(reader: Reader, articles: list[str]) -> tuple[set[str], set[str]]:
    """The nodes the articles' relationships hang from, and every node their support
    touches (both ends, and the member countries of regions among them)."""
    if not articles:
        return set(), set()
    around = {i for row in reader.query("list_article_neighbourhoods", ids=articles)
              for i in row["around"]}
    touched = {row["id"] for row in reader.query(
        "list_supported_ends", articles=articles, ids=sorted(around))}
    return around, around | touched


# -- placement of one article's mentions ---------------------------------------------------


class _Placement:
    """Where one article's units and reports go: the closure's decision, else (for a
    stored article written again) where they already were."""

    def __init__(self, extraction: ArticleExtraction, entities: Decision, events: Decision,
                 stored: StoredArticle | None) -> None:
        self.article = extraction.article.id
        self.entities, self.events, self.stored = entities, events, stored

    def entity(self, label: Label, unit: str) -> tuple[str, str]:
        placed = self.entities.placements.get((label, unit))
        if placed is None and self.stored is not None:
            placed = self.stored.entities.get((label, unit))
        if placed is None:
            raise LookupError(f"{self.article}: no node for {label.value} unit {unit!r}")
        return placed

    def event(self, index: int) -> str:
        key = f"{self.article}#{index}"
        if key in self.events.placements:
            return self.events.placements[key][0]
        if self.stored is not None and index in self.stored.reports:
            return self.stored.reports[index]
        raise LookupError(f"{self.article}: no node for event report {index}")


# -- statements ----------------------------------------------------------------------------


_SINGLE_ARTICLE = (RelType.MENTIONS, RelType.REPORTS)


def _statements(*, retracted: list[str], around: list[str], removed: list[str],
                node_rows: dict[Label, list[Row]], footprints: list[Footprint]
                ) -> list[Statement]:
    """The facts: support taken away, nodes and relationships written."""
    statements: list[Statement] = []
    if retracted:
        statements += [
            Statement("retract_article_support", {"articles": retracted, "ids": around}),
            Statement("delete_unsupported_relationships", {"ids": around}),
        ]
    if removed:
        statements.append(Statement("delete_articles", {"ids": removed}))
    rows = {label: list(node_rows.get(label, [])) for label in Label}
    countries: dict[str, Row] = {}
    places: dict[str, set[str]] = {}
    regions: dict[str, str] = {}
    for footprint in footprints:
        rows[Label.ARTICLE].append(footprint.article)
        for iso3, country in footprint.countries.items():
            known = countries.setdefault(iso3, {"id": iso3, "name": country["name"],
                                                "aliases": []})
            known["aliases"] = sorted({*known["aliases"], *country["aliases"]})
        for pid, spellings in footprint.places.items():
            places.setdefault(pid, set()).update(spellings)
        regions.update(footprint.regions)
    rows[Label.COUNTRY] = sorted(countries.values(), key=lambda r: r["id"])
    rows[Label.PLACE] = [_place_row(pid, spellings) for pid, spellings in sorted(places.items())]
    rows[Label.REGION] = [{"id": k, "name": v} for k, v in sorted(regions.items())]
    for label in Label:
        if rows[label]:
            statements.append(Statement(node_merge_query(label),
                                        {"rows": sorted(rows[label], key=lambda r: r["id"])}))
    statements += _relationship_statements(footprints)
    return statements


def _place_row(pid: str, spellings: set[str]) -> Row:
    """A place under the longest of the spellings articles used (ties: the alphabetically
    first), the others as aliases, sorted."""
    name = min(spellings, key=lambda n: (-len(n), n))
    return {"id": pid, "name": name, "aliases": sorted(spellings - {name})}


def _derived(touched: list[str]) -> list[Statement]:
    """What follows from the facts, for the nodes whose support changed: nodes left with
    nothing go, names and titles are rebuilt from the support that remains. (A separate
    step: it must see the relationships the facts created.)"""
    if not touched:
        return []
    return [Statement(name, {"ids": touched}) for name in (
        "delete_unsupported_regions", "delete_unsupported_nodes", "refresh_country_aliases",
        "refresh_place_names", "refresh_affiliation_titles")]


def _relationship_statements(footprints: list[Footprint]) -> list[Statement]:
    """One merge per relationship pattern: a row per relationship with every article of
    the batch that supports it, their sentences, and (single-article relationships) their
    properties."""
    grouped: dict[tuple[RelType, Label, Label], dict[tuple[str, str], Row]] = defaultdict(dict)
    for footprint in footprints:
        for c in footprint.contributions.values():
            row = grouped[(c.type, c.start[0], c.end[0])].setdefault(
                (c.start[1], c.end[1]),
                {"start": c.start[1], "end": c.end[1], "articles": [], "evidence": [],
                 "title": None, "props": {}})
            if c.article is not None:
                row["articles"] = sorted({*row["articles"], c.article})
            row["evidence"] = sorted({*map(tuple, row["evidence"]), *c.evidence.items()})
            if c.type in _SINGLE_ARTICLE:
                row["props"] = dict(c.props)
            if c.title:
                row["title"] = min(filter(None, (c.title, row["title"])),
                                   key=lambda t: (-len(t), t))
    statements = []
    for pattern in RELATIONSHIP_PATTERNS:
        rows = grouped.get(pattern)
        if not rows:
            continue
        ordered = [{**row, "evidence": [list(p) for p in row["evidence"]]}
                   for _, row in sorted(rows.items())]
        statements.append(Statement("merge_relationships", {"rows": ordered},
                                    slots=pattern_slots(*pattern)))
    return statements
