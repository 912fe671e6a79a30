"""Entity resolution over a closure: which stored units a change reaches, and where every
unit of it goes (graph/closure.py).

A blocking key brings pairs together only while at most MAX_BLOCK units share it
(graph/entity_resolution.py); how many do is counted in the store, key by key, before and
after the change, and a key whose state flips takes every unit holding it into the
closure, since pairs among them appear or vanish.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from graph.closure import Change, Closure, Decision, Row
from graph.entity_resolution import (
    MAX_BLOCK,
    Curation,
    EntityRecord,
    blocking_keys,
    cluster_units,
)
from graph.entity_resolution import linked as entities_linked
from graph.entity_resolution import representative as entity_representative
from graph.mentions import ArticleMentions, EntityMention
from graph.names import fold, slug
from graph.store import Reader
from graph.vocabulary import Label

RESOLVED = (Label.PERSON, Label.ORGANIZATION)


def entity_node_id(label: Label, name: str, country: str | None) -> str:
    """The id of the node a group of mentions becomes, from the name and country of the unit
    it takes its name from: no two groups can get the same one."""
    prefix = "person" if label == Label.PERSON else "org"
    return f"{prefix}:{slug(name)}" + (f":{country.lower()}" if country else "")


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


class EntityClosure(Closure):
    """The closure of entity units. A blocking key brings pairs together only while at most
    MAX_BLOCK units share it (entity_resolution): how many do is counted in the store, key by
    key, before and after the change; a key whose state flips takes every unit holding it
    into the closure, since pairs among them appear or vanish."""

    def __init__(self, reader: Reader, change: Change, curation: Curation | None) -> None:
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

    def resolve(self) -> Decision:
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

    def _decide(self, closure: set[UnitKey]) -> Decision:
        decision = Decision()
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


