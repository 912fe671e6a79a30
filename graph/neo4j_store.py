"""The production store: Neo4j through the official driver."""

import logging
from collections.abc import Mapping
from typing import Any

import neo4j
from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable

from cypher import load_query
from graph.errors import QueryFailed, QueryTimeout, StoreUnavailable
from graph.model import WriteSummary
from graph.store import GraphStore, Row

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
        return WriteSummary(
            nodes_created=summary.counters.nodes_created,
            relationships_created=summary.counters.relationships_created,
            nodes_deleted=summary.counters.nodes_deleted,
            relationships_deleted=summary.counters.relationships_deleted,
        )

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
