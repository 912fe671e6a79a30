"""The production store: Neo4j through the official driver.

A transaction is one managed write transaction: it first takes the graph's write lock (a
MERGE on one lock node, held until commit, so writers plan one after another), then reads
and plans, then runs the plan's statements; the driver retries it whole on transient
errors, and Neo4j commits all of it or none.
"""

import logging
from collections.abc import Callable, Mapping
from typing import Any

import neo4j
from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable

from cypher import load_query
from graph.errors import QueryFailed, QueryTimeout, StoreUnavailable
from graph.model import WriteSummary
from graph.store import GraphStore, P, Reader, Row

logger = logging.getLogger(__name__)


class Neo4jStore(GraphStore):
    """Graph store on a Neo4j server: reads in read transactions, writes in write ones."""

    engine = "neo4j"

    def __init__(
        self, uri: str, *, user: str = "neo4j", password: str = "", database: str | None = None,
        read_timeout: float | None = None,
    ) -> None:
        """`read_timeout`: seconds after which the server stops a read transaction."""
        self.uri = uri
        self.database = database
        self.read_timeout = read_timeout
        try:
            self._driver = neo4j.GraphDatabase.driver(uri, auth=(user, password))
            self._driver.verify_connectivity()
        except AuthError as e:
            raise StoreUnavailable(
                f"Neo4j at {uri} refused the credentials: check DKG_NEO4J_USER and "
                "DKG_NEO4J_PASSWORD"
            ) from e
        except (ServiceUnavailable, OSError, ValueError) as e:
            raise StoreUnavailable(
                f"cannot reach Neo4j at {uri}: {e}. Check DKG_NEO4J_URI and that the server runs"
            ) from e

    def _read(self, name: str, statement: str, params: Mapping[str, Any]) -> list[Row]:
        records = self._run(name, statement, params, routing=neo4j.RoutingControl.READ).records
        return [{key: _plain(value) for key, value in record.items()} for record in records]

    def _write(self, name: str, statement: str, params: Mapping[str, Any]) -> WriteSummary:
        summary = self._run(name, statement, params, routing=neo4j.RoutingControl.WRITE).summary
        return _summary(summary.counters)

    def _run(self, name: str, statement: str, params: Mapping[str, Any], *, routing):
        timeout = self.read_timeout if routing == neo4j.RoutingControl.READ else None
        try:
            return self._driver.execute_query(
                neo4j.Query(statement, timeout=timeout), parameters_=dict(params),
                routing_=routing, database_=self.database,
            )
        except ServiceUnavailable as e:
            raise StoreUnavailable(f"Neo4j at {self.uri} is unreachable: {e}") from e
        except Neo4jError as e:
            if "TimedOut" in (e.code or ""):
                raise QueryTimeout(name, str(e)) from e
            raise QueryFailed(name, str(e)) from e

    def _transact(self, plan: Callable[[Reader], P]) -> tuple[P, WriteSummary]:
        def work(tx: neo4j.ManagedTransaction) -> tuple[P, WriteSummary]:
            tx.run(load_query("lock_writes", self.engine)).consume()
            update = plan(_TransactionReader(tx, self.engine))
            summary = WriteSummary()
            for statement in [*update.statements, *update.derived]:
                counters = tx.run(self.statement_text(statement), statement.params).consume()
                summary += _summary(counters.counters)
            return update, summary

        try:
            with self._driver.session(database=self.database) as session:
                return session.execute_write(work)
        except ServiceUnavailable as e:
            raise StoreUnavailable(f"Neo4j at {self.uri} is unreachable: {e}") from e
        except Neo4jError as e:
            raise QueryFailed("transaction", str(e)) from e

    def apply_schema(self) -> None:
        for statement in load_query("schema", self.engine).splitlines():
            self._write("schema", statement, {})

    def close(self) -> None:
        self._driver.close()


def _plain(value: Any) -> Any:
    """Turn driver values (neo4j.time.Date and friends) into plain Python ones."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "to_native"):
        return value.to_native()
    return value


class _TransactionReader:
    """Reads inside a write transaction (they see what the lock protects)."""

    def __init__(self, tx: neo4j.ManagedTransaction, engine: str) -> None:
        self._tx, self._engine = tx, engine

    def query(self, name: str, **params: Any) -> list[Row]:
        result = self._tx.run(load_query(name, self._engine), params)
        return [{key: _plain(value) for key, value in record.items()} for record in result]


def _summary(counters: Any) -> WriteSummary:
    return WriteSummary(nodes_created=counters.nodes_created,
                        relationships_created=counters.relationships_created,
                        nodes_deleted=counters.nodes_deleted,
                        relationships_deleted=counters.relationships_deleted)

