"""Growing the set of stored items a change can reach, and what resolution decides for it.

A change (articles added, removed or written again) alters some entity units and event
reports: the *seeds*. Their *closure* is every stored unit or report joined to them by a
chain of candidate links, before or after the change: clustering never joins along
anything else, so clustering the closure alone gives what clustering every article again
would, and nothing outside it moves. `Closure` grows it, asking the store as it goes;
graph/entity_closure.py and graph/event_closure.py say what a link is for each.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from extract.models import ArticleExtraction
from graph.store import Reader
from graph.vocabulary import Label

Row = dict[str, Any]


@dataclass
class StoredArticle:
    """An article as the graph holds it: its extraction, and where its mentions went."""

    id: str
    extraction: ArticleExtraction
    entities: dict[tuple[Label, str], tuple[str, str]]  # (label, unit) -> (node, reason)
    reports: dict[int, str]  # report index -> node


def stored_articles(reader: Reader, ids: list[str]) -> dict[str, StoredArticle]:
    """The stored articles of `ids` (unknown ones left out)."""
    if not ids:
        return {}
    found = {}
    for row in reader.query("list_article_states", ids=sorted(ids)):
        found[row["id"]] = StoredArticle(
            id=row["id"], extraction=ArticleExtraction.model_validate_json(row["extraction"]),
            entities={(Label(m["label"]), m["unit"]): (m["node"], m["resolution"])
                      for m in row["mentions"] if m["unit"] is not None},
            reports={r["index"]: r["node"] for r in row["reports"] if r["index"] is not None})
    return found


@dataclass
class Change:
    """What changes: extractions that come in, stored articles that go (an article written
    again is both)."""

    added: list[ArticleExtraction]
    removed: list[StoredArticle]

    @property
    def removed_ids(self) -> set[str]:
        return {a.id for a in self.removed}


class Closure(ABC):
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
class Decision:
    """Where the closure's mentions (or reports) now go, and what to write for it."""

    placements: dict[Any, tuple[str, str]] = field(default_factory=dict)
    node_rows: dict[Label, list[Row]] = field(default_factory=dict)
    old_nodes: set[str] = field(default_factory=set)
    moved_articles: set[str] = field(default_factory=set)

    @property
    def nodes_written(self) -> set[str]:
        return {row["id"] for rows in self.node_rows.values() for row in rows}


