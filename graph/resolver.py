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

import datetime as dt
from abc import ABC, abstractmethod
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from extract.models import ArticleExtraction
from graph.entity_resolution import (
    MAX_BLOCK,
    Curation,
    EntityRecord,
    blocking_keys,
    cluster_units,
)
from graph.entity_resolution import linked as entities_linked
from graph.entity_resolution import representative as entity_representative
from graph.event_resolution import DATE_SLACK, EventRecord, cluster_events
from graph.event_resolution import blocking_keys as event_blocking_keys
from graph.event_resolution import linked as events_linked
from graph.event_resolution import representative as event_representative
from graph.footprint import Footprint, article_footprint
from graph.mentions import ArticleMentions, EntityMention, EventReport, event_reports
from graph.model import Statement
from graph.names import digest, fold, slug
from graph.store import Reader
from graph.vocabulary import RELATIONSHIP_PATTERNS, Label, RelType, node_merge_query

RESOLVED = (Label.PERSON, Label.ORGANIZATION)
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

    @property
    def empty(self) -> bool:
        return not self.statements


def entity_node_id(label: Label, name: str, country: str | None) -> str:
    """The id of the node a group of mentions becomes, from the name and country of the unit
    it takes its name from: no two groups can get the same one."""
    prefix = "person" if label == Label.PERSON else "org"
    return f"{prefix}:{slug(name)}" + (f":{country.lower()}" if country else "")


def event_node_id(report_key: str) -> str:
    """The id of the event a group of reports becomes, from the report it takes its name
    from."""
    return f"event:{digest('event', report_key)}"


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
    old = _stored_articles(reader, [*removed, *refreshed])
    change = _Change(
        added=[*added, *(old[a].extraction for a in refreshed)],
        removed=[old[a] for a in [*removed, *refreshed]],
    )
    entities = _EntityClosure(reader, change, curation).resolve()
    events = _EventClosure(reader, change).resolve()
    moved = (entities.moved_articles | events.moved_articles) - set(removed)
    rewritten = sorted((moved - {x.article.id for x in added}) | set(refreshed))
    old.update(_stored_articles(reader, [a for a in rewritten if a not in old]))
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


@dataclass
class _StoredArticle:
    id: str
    extraction: ArticleExtraction
    entities: dict[tuple[Label, str], tuple[str, str]]  # (label, unit) -> (node, reason)
    reports: dict[int, str]  # report index -> node


def _stored_articles(reader: Reader, ids: list[str]) -> dict[str, _StoredArticle]:
    if not ids:
        return {}
    found = {}
    for row in reader.query("list_article_states", ids=sorted(ids)):
        found[row["id"]] = _StoredArticle(
            id=row["id"], extraction=ArticleExtraction.model_validate_json(row["extraction"]),
            entities={(Label(m["label"]), m["unit"]): (m["node"], m["resolution"])
                      for m in row["mentions"] if m["unit"] is not None},
            reports={r["index"]: r["node"] for r in row["reports"] if r["index"] is not None})
    return found


@dataclass
class _Change:
    added: list[ArticleExtraction]
    removed: list[_StoredArticle]

    @property
    def removed_ids(self) -> set[str]:
        return {a.id for a in self.removed}


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


# -- the closure -----------------------------------------------------------------------


class _Closure(ABC):
    """Grows a set of items (entity units, event reports) from seeds to everything linked
    to them, before or after the change, asking the store for candidates as it goes.

    Subclasses say what to ask for in each state (`lookups`: blocking keys and names, each
    a string), how to fetch what answers (`fetch`: registers stored items with `stored`),
    an item as it was (`before`) and as it will be (`after`), a record or None when it does
    not exist then, and which records are linked in each state (`linked`). Items a
    subclass finds must join whatever the links say are returned by `joining`."""

    def __init__(self) -> None:
        self.node_of: dict[Any, tuple[str, str]] = {}  # stored item -> (node, reason)
        self.items_of_node: dict[str, set[Any]] = defaultdict(set)
        self.index: dict[str, set[Any]] = defaultdict(set)  # lookup -> stored items
        self.asked: set[str] = set()

    @abstractmethod
    def lookups(self, record: Any, *, after: bool) -> set[str]:
        """What to ask the store for to see every stored item `record` may link to in that
        state."""

    def index_lookups(self, record: Any) -> set[str]:
        """Under what a stored item is found again (by default its lookups as stored)."""
        return self.lookups(record, after=False)

    @abstractmethod
    def fetch(self, lookups: set[str], node_ids: set[str]) -> None:
        """Ask the store; register what answers with `stored`."""

    @abstractmethod
    def before(self, item: Any) -> Any:
        """The item as stored, or None."""

    @abstractmethod
    def after(self, item: Any) -> Any:
        """The item once the change is made, or None."""

    @abstractmethod
    def linked(self, a: Any, b: Any, *, after: bool) -> bool:
        """Whether clustering may join the two records directly in that state."""

    def joining(self) -> set[Any]:
        """Stored items that must be in the closure whatever the links say."""
        return set()

    def stored(self, item: Any, node: str, reason: str) -> None:
        """Register a stored item found by `fetch`."""
        self.node_of[item] = (node, reason)
        self.items_of_node[node].add(item)
        for lookup in self.index_lookups(self.before(item)):
            self.index[lookup].add(item)

    def grow(self, seeds: set[Any], node_ids: set[str]) -> set[Any]:
        closure: set[Any] = set()
        expanded: set[Any] = set()
        checked: set[tuple[Any, Any, bool]] = set()
        pending = set(seeds)
        self._ask(seeds, node_ids)
        while pending:
            closure |= pending
            for item in list(pending):
                if item in self.node_of:
                    closure |= self.items_of_node[self.node_of[item][0]]
            self._ask(closure - expanded, set())
            pending = self.joining() - closure
            for item in closure:
                for after in (True, False):
                    record = self.after(item) if after else self.before(item)
                    if record is None:
                        continue
                    for lookup in self.lookups(record, after=after):
                        for other in self.index.get(lookup, ()):
                            if other in closure or (item, other, after) in checked:
                                continue
                            checked.add((item, other, after))
                            candidate = self.after(other) if after else self.before(other)
                            if candidate is not None and self.linked(record, candidate,
                                                                     after=after):
                                pending.add(other)
            expanded |= closure
        return closure

    def _ask(self, items: set[Any], node_ids: set[str]) -> None:
        lookups: set[str] = set()
        for item in items:
            for after in (False, True):
                record = self.after(item) if after else self.before(item)
                if record is not None:
                    lookups |= self.lookups(record, after=after)
        lookups -= self.asked
        self.asked |= lookups
        if lookups or node_ids:
            self.fetch(lookups, node_ids)


@dataclass
class _Decision:
    """Where the closure's mentions (or reports) now go, and what to write for it."""

    placements: dict[Any, tuple[str, str]] = field(default_factory=dict)
    node_rows: dict[Label, list[Row]] = field(default_factory=dict)
    old_nodes: set[str] = field(default_factory=set)
    moved_articles: set[str] = field(default_factory=set)

    @property
    def nodes_written(self) -> set[str]:
        return {row["id"] for rows in self.node_rows.values() for row in rows}


# -- entity resolution over the closure --------------------------------------------------

UnitKey = tuple[Label, str]  # (label, unit)


@dataclass
class _Unit:
    """Every mention of one unit: per article, its names (own name first) and titles."""

    label: Label
    unit: str
    mentions: dict[str, tuple[list[str], list[str]]] = field(default_factory=dict)

    @property
    def country(self) -> str | None:
        return self.unit.rsplit("|", 1)[1] or None

    def record(self) -> EntityRecord | None:
        if not self.mentions:
            return None
        names = [surfaces[0] for surfaces, _ in self.mentions.values()]
        name = min(names, key=lambda n: (-len(n), n))
        aliases = sorted({s for surfaces, _ in self.mentions.values() for s in surfaces} - {name})
        return EntityRecord(key=f"{self.label.value}|{self.unit}", label=self.label, name=name,
                            aliases=tuple(aliases), country=self.country,
                            articles=frozenset(self.mentions))


class _EntityClosure(_Closure):
    """The closure of entity units. A blocking key brings pairs together only while at most
    MAX_BLOCK units share it (entity_resolution): how many do is counted in the store, key by
    key, before and after the change; a key whose state flips takes every unit holding it
    into the closure, since pairs among them appear or vanish."""

    def __init__(self, reader: Reader, change: _Change, curation: Curation | None) -> None:
        super().__init__()
        self.reader, self.change, self.curation = reader, change, curation or Curation()
        self.old: dict[UnitKey, _Unit] = {}
        self.new: dict[UnitKey, _Unit] = {}
        self.added: dict[UnitKey, list[EntityMention]] = defaultdict(list)
        for extraction in change.added:
            for mention in ArticleMentions(extraction).mentions:
                self.added[(mention.label, mention.unit)].append(mention)
        self.fetched: dict[Label, set[str]] = {label: set() for label in RESOLVED}
        self._records: dict[tuple[UnitKey, bool], EntityRecord | None] = {}
        self.delta: Counter[tuple[Label, str]] = Counter()  # units holding a key: change
        self.count: dict[tuple[Label, str], int | None] = {}  # before; None: too many
        self.flipped: set[UnitKey] = set()

    def resolve(self) -> _Decision:
        seeds = set(self.added) | {key for a in self.change.removed for key in a.entities}
        node_ids = {node for a in self.change.removed for node, _ in a.entities.values()}
        names = {f"{label.value} n:{unit.rsplit('|', 1)[0]}" for label, unit in seeds}
        self.asked |= names
        self.fetch(names, node_ids)  # the seeds as stored, to count how their keys change
        for seed in seeds:
            old, new = self.before(seed), self.after(seed)
            for record, sign in ((old, -1), (new, 1)):
                for key in blocking_keys(record) if record else ():
                    self.delta[(seed[0], key)] += sign
        return self._decide(self.grow(seeds, set()))

    # -- which keys count ----------------------------------------------------------------

    def active(self, label: Label, key: str, *, after: bool) -> bool:
        self._count({(label, key)})
        count = self.count[(label, key)]
        if count is None:
            return False
        return count + (self.delta[(label, key)] if after else 0) <= MAX_BLOCK

    def _count(self, keys: set[tuple[Label, str]]) -> None:
        """How many stored units hold each key: the nodes holding it are counted first, and
        only where few enough to matter are their units fetched and counted."""
        unknown = keys - self.count.keys()
        for label in RESOLVED:
            mine = sorted(key for lab, key in unknown if lab == label)
            if not mine:
                continue
            query = ("count_person_nodes_by_keys" if label == Label.PERSON
                     else "count_organization_nodes_by_keys")
            nodes = {row["key"]: row["nodes"] for row in self.reader.query(query, keys=mine)}
            small = [k for k in mine
                     if nodes.get(k, 0) <= MAX_BLOCK + max(0, -self.delta[(label, k)])]
            for key in set(mine) - set(small):
                self.count[(label, key)] = None
            self._fetch_units(label, keys=small)
            for key in small:
                holders = self.index.get(f"{label.value} k:{key}", set())
                self.count[(label, key)] = len(holders)
                if self.active(label, key, after=True) != self.active(label, key, after=False):
                    self.flipped |= holders

    def joining(self) -> set[UnitKey]:
        return set(self.flipped)

    # -- the closure's questions -------------------------------------------------------------

    def lookups(self, record: EntityRecord, *, after: bool) -> set[str]:
        label = record.label
        keys = blocking_keys(record)
        self._count({(label, k) for k in keys})
        asks = {f"{label.value} k:{k}" for k in keys if self.active(label, k, after=after)}
        names = {fold(n) for n in record.names}
        asks |= {f"{label.value} n:{n}" for n in names}
        for curated, x, y in self.curation.must_merge:
            if curated == label:
                asks |= {f"{label.value} n:{fold(b)}" for a, b in ((x, y), (y, x))
                         if fold(a) in names}
        return asks

    def index_lookups(self, record: EntityRecord) -> set[str]:
        label = record.label.value
        return ({f"{label} k:{k}" for k in blocking_keys(record)}
                | {f"{label} n:{fold(n)}" for n in record.names})

    def fetch(self, lookups: set[str], node_ids: set[str]) -> None:
        """Units by name and by node id (those by key come with their count, `_count`)."""
        for label in RESOLVED:
            names = sorted(a.split(" n:", 1)[1] for a in lookups
                           if a.startswith(f"{label.value} n:"))
            prefix = "person:" if label == Label.PERSON else "org:"
            ids = sorted(i for i in node_ids if i.startswith(prefix))
            if names or ids:
                self._fetch_units(label, names=names, ids=ids)

    def _fetch_units(self, label: Label, *, keys: list[str] = (), names: list[str] = (),
                     ids: list[str] = ()) -> None:
        if not (keys or names or ids):
            return
        query = "list_person_units" if label == Label.PERSON else "list_organization_units"
        for row in self.reader.query(query, ids=list(ids), keys=list(keys), names=list(names),
                                     known=sorted(self.fetched[label])):
            self.fetched[label].add(row["node"])
            key = (label, row["unit"])
            unit = _Unit(label, row["unit"])
            for article, surfaces, titles in zip(row["articles"], row["surfaces"],
                                                 row["titles"], strict=True):
                unit.mentions[article] = (list(surfaces or []), list(titles or []))
            self.old[key] = unit
            self.new.pop(key, None)
            self._records = {k: v for k, v in self._records.items() if k[0] != key}
            self.stored(key, row["node"], row["resolution"])

    def unit(self, key: UnitKey, *, after: bool) -> _Unit | None:
        if not after:
            return self.old.get(key)
        if key not in self.new:
            old = self.old.get(key)
            unit = _Unit(*key, mentions=dict(old.mentions) if old else {})
            for article in self.change.removed_ids:
                unit.mentions.pop(article, None)
            for mention in self.added.get(key, ()):
                unit.mentions[mention.article] = (mention.surfaces, list(mention.titles))
            self.new[key] = unit
        return self.new[key]

    def _record(self, key: UnitKey, *, after: bool) -> EntityRecord | None:
        if (key, after) not in self._records:
            unit = self.unit(key, after=after)
            self._records[(key, after)] = unit.record() if unit else None
        return self._records[(key, after)]

    def before(self, key: UnitKey) -> EntityRecord | None:
        return self._record(key, after=False)

    def after(self, key: UnitKey) -> EntityRecord | None:
        return self._record(key, after=True)

    def linked(self, a: EntityRecord, b: EntityRecord, *, after: bool) -> bool:
        return entities_linked(a, b, self.curation,
                               active=lambda label, key: self.active(label, key, after=after))

    def _decide(self, closure: set[UnitKey]) -> _Decision:
        decision = _Decision()
        live = {key: record for key in closure if (record := self.after(key)) is not None}
        by_record = {record.key: key for key, record in live.items()}
        groups = cluster_units(list(live.values()), curation=self.curation,
                               active=lambda label, key: self.active(label, key, after=True))
        decision.old_nodes = {self.node_of[k][0] for k in closure if k in self.node_of}
        rows: dict[Label, list[Row]] = defaultdict(list)
        for group in {id(g): g for g in groups.values()}.values():
            rep = entity_representative(group)
            node = entity_node_id(rep.label, rep.name, rep.country)
            rep_names = {fold(n) for n in rep.names}
            for member in group:
                if member.key == rep.key or len(group) == 1:
                    reason = "own node"
                elif {fold(n) for n in member.names} & rep_names:
                    reason = "same name"
                else:
                    reason = "matched by name variants"
                decision.placements[by_record[member.key]] = (node, reason)
            units = [self.unit(by_record[m.key], after=True) for m in group]
            rows[rep.label].append(_entity_row(node, rep, [u for u in units if u]))
        decision.node_rows = dict(rows)
        for key in live:
            if self.node_of.get(key) != decision.placements[key]:
                decision.moved_articles |= set(self.unit(key, after=True).mentions)
        return decision


def _entity_row(node: str, rep: EntityRecord, units: list[_Unit]) -> Row:
    aliases = sorted({s for u in units for names, _ in u.mentions.values() for s in names})
    row: Row = {
        "id": node, "name": rep.name, "aliases": aliases,
        "alias_keys": sorted({fold(a) for a in aliases}),
        "block_keys": sorted({k for u in units if (r := u.record())
                              for k in blocking_keys(r, generic=True)}),
    }
    if rep.label == Label.PERSON:
        row["titles"] = sorted({t for u in units for _, titles in u.mentions.values()
                                for t in titles})
    return row


# -- event resolution over the closure ----------------------------------------------------


class _EventClosure(_Closure):
    def __init__(self, reader: Reader, change: _Change) -> None:
        super().__init__()
        self.reader, self.change = reader, change
        self.old: dict[str, EventReport] = {}
        self.added = {r.key: r for x in change.added for r in event_reports(x)}
        self.fetched: set[str] = set()
        self.asked_words: set[str] = set()

    def resolve(self) -> _Decision:
        seeds = set(self.added)
        for article in self.change.removed:
            seeds |= {f"{article.id}#{index}" for index in article.reports}
        node_ids = {node for a in self.change.removed for node in a.reports.values()}
        return self._decide(self.grow(seeds, node_ids))

    def lookups(self, record: EventRecord, *, after: bool) -> set[str]:
        """A blocking word on the days a dated report may pair with (and undated reports),
        or on any day for an undated one: the store is asked for the word, the candidates
        are looked for only where their date lets them link."""
        words = event_blocking_keys(record.name)
        if record.date is None:
            return {f"{w}|*" for w in words}
        days = [(record.date + dt.timedelta(days=n)).isoformat()
                for n in range(-DATE_SLACK.days, DATE_SLACK.days + 1)]
        return {f"{w}|{day}" for w in words for day in [*days, "-"]}

    def index_lookups(self, record: EventRecord) -> set[str]:
        day = record.date.isoformat() if record.date else "-"
        return {f"{w}|{tag}" for w in event_blocking_keys(record.name) for tag in (day, "*")}

    def fetch(self, lookups: set[str], node_ids: set[str]) -> None:
        words = {lookup.split("|", 1)[0] for lookup in lookups} - self.asked_words
        self.asked_words |= words
        if not (words or node_ids):
            return
        for row in self.reader.query("list_event_reports", ids=sorted(node_ids),
                                     keys=sorted(words), known=sorted(self.fetched)):
            self.fetched.add(row["node"])
            report = EventReport(
                article=row["article"], index=row["index"], name=row["name"], type=row["type"],
                date=_date(row["date"]), end_date=_date(row["end_date"]), place=row["place"],
                place_country=row["place_country"])
            self.old[report.key] = report
            self.stored(report.key, row["node"], "")

    def report(self, key: str, *, after: bool) -> EventReport | None:
        if after:
            if key in self.added:
                return self.added[key]
            if key.rsplit("#", 1)[0] in self.change.removed_ids:
                return None
        return self.old.get(key)

    def before(self, key: str) -> EventRecord | None:
        report = self.report(key, after=False)
        return _event_record(report) if report else None

    def after(self, key: str) -> EventRecord | None:
        report = self.report(key, after=True)
        return _event_record(report) if report else None

    def linked(self, a: EventRecord, b: EventRecord, *, after: bool) -> bool:
        return events_linked(a, b)

    def _decide(self, closure: set[str]) -> _Decision:
        decision = _Decision()
        reports = {k: r for k in closure if (r := self.report(k, after=True)) is not None}
        groups = cluster_events([_event_record(r) for r in reports.values()])
        decision.old_nodes = {self.node_of[k][0] for k in closure if k in self.node_of}
        rows = []
        for group in {id(g): g for g in groups.values()}.values():
            rep = reports[event_representative(group).key]
            node = event_node_id(rep.key)
            members = [reports[m.key] for m in group]
            for member in members:
                decision.placements[member.key] = (node, "")
            rows.append(_event_row(node, rep, members))
        decision.node_rows = {Label.EVENT: rows} if rows else {}
        for key, report in reports.items():
            if self.node_of.get(key) != decision.placements[key]:
                decision.moved_articles.add(report.article)
        return decision


def _event_record(report: EventReport) -> EventRecord:
    return EventRecord(key=report.key, name=report.name, type=report.type, date=report.date,
                       articles=frozenset({report.article}), place_country=report.place_country)


def _event_row(node: str, rep: EventReport, members: list[EventReport]) -> Row:
    dates = sorted(m.date for m in members if m.date)
    ends = sorted(m.end_date for m in members if m.end_date)
    date = rep.date or (dates[0] if dates else None)
    end = rep.end_date or (ends[-1] if ends else None)
    return {"id": node, "name": rep.name, "type": rep.type,
            "date": date.isoformat() if date else None,
            "end_date": end.isoformat() if end else None,
            "block_keys": sorted({k for m in members for k in event_blocking_keys(m.name)})}


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


# -- placement of one article's mentions ---------------------------------------------------


class _Placement:
    """Where one article's units and reports go: the closure's decision, else (for a
    stored article written again) where they already were."""

    def __init__(self, extraction: ArticleExtraction, entities: _Decision, events: _Decision,
                 stored: _StoredArticle | None) -> None:
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
    places: dict[str, str] = {}
    regions: dict[str, str] = {}
    for footprint in footprints:
        rows[Label.ARTICLE].append(footprint.article)
        for iso3, country in footprint.countries.items():
            known = countries.setdefault(iso3, {"id": iso3, "name": country["name"],
                                                "aliases": []})
            known["aliases"] = sorted({*known["aliases"], *country["aliases"]})
        for pid, name in footprint.places.items():
            places[pid] = min((name, places.get(pid, name)), key=lambda n: (-len(n), n))
        regions.update(footprint.regions)
    rows[Label.COUNTRY] = sorted(countries.values(), key=lambda r: r["id"])
    rows[Label.PLACE] = [{"id": k, "name": v} for k, v in sorted(places.items())]
    rows[Label.REGION] = [{"id": k, "name": v} for k, v in sorted(regions.items())]
    for label in Label:
        if rows[label]:
            statements.append(Statement(node_merge_query(label),
                                        {"rows": sorted(rows[label], key=lambda r: r["id"])}))
    statements += _relationship_statements(footprints)
    return statements


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
        rel_type, start, end = pattern
        ordered = [{**row, "evidence": [list(p) for p in row["evidence"]]}
                   for _, row in sorted(rows.items())]
        statements.append(Statement("merge_relationships", {"rows": ordered}, slots=(
            ("type", rel_type.value), ("start", start.value), ("end", end.value))))
    return statements


def mentioned_entities(extraction: ArticleExtraction) -> list[EntityMention]:
    """The entity mentions resolution sees in one article (for tools and tests)."""
    return ArticleMentions(extraction).mentions
