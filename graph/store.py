"""The one interface every graph store implements, and what all of them share.

A store runs named queries from cypher/ with parameters. Writes that must land together
(everything one ingest or retraction changes) go through `transact`: the plan is computed
from what the store holds and applied as one atomic unit, on a graph no other writer
changed in between (engines retry the plan when one did). Subclasses supply how a
statement reaches their engine (`_read`, `_write`, `_transact`) and how the schema is
applied.
"""

import logging
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Mapping
from typing import Any, ClassVar, Protocol, Self, TypeVar

from cypher import load_query, render_query
from graph.model import Statement, WriteSummary

logger = logging.getLogger(__name__)

EXPORT_PAGE_SIZE = 5000

Row = dict[str, Any]


class Plan(Protocol):
    """What a transaction writes: its statements in order, then the derived ones (which
    must see everything the first wrote)."""

    statements: list[Statement]
    derived: list[Statement]


class Reader(Protocol):
    def query(self, name: str, **params: Any) -> list[Row]: ...


P = TypeVar("P", bound=Plan)


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
    def _transact(self, plan: Callable[[Reader], P]) -> tuple[P, WriteSummary]:
        """Run `plan` against the graph and apply its statements atomically, with no other
        writer in between (run `plan` again when another writer got there first)."""

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
        return self.write(Statement(name, params))

    def write(self, statement: Statement) -> WriteSummary:
        """Run one write statement on its own (a template's with its slots filled)."""
        return self._write(statement.name, self.statement_text(statement), statement.params)

    def transact(self, plan: Callable[[Reader], P]) -> tuple[P, WriteSummary]:
        """Compute `plan(reader)` from the graph as it is and apply its statements as one
        unit: all of them or, if anything fails or the process dies, none."""
        return self._transact(plan)

    def statement_text(self, statement: Statement) -> str:
        """The Cypher a statement of a plan runs on this engine."""
        if statement.slots:
            return render_query(statement.name, self.engine, statement.slots)
        return load_query(statement.name, self.engine)

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

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
