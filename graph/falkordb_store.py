"""The embedded default store: FalkorDB started and stopped by the project (graph/embedded.py)."""

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from redis.exceptions import RedisError

from cypher import load_query
from graph.embedded import EmbeddedServer
from graph.errors import QueryFailed, QueryTimeout, StoreUnavailable
from graph.model import WriteSummary
from graph.store import GraphStore, Row
from graph.vocabulary import Label

logger = logging.getLogger(__name__)

GRAPH_NAME = "dkg"


class FalkorDBStore(GraphStore):
    """Graph store on an embedded FalkorDB server that lives in `data_dir`."""

    engine = "falkordb"

    def __init__(self, data_dir: Path, *, graph_name: str = GRAPH_NAME,
                 read_timeout: float | None = None) -> None:
        """`read_timeout`: seconds after which the server stops a read query."""
        self.data_dir = data_dir
        self._read_timeout_ms = max(1, round(read_timeout * 1000)) if read_timeout else None
        self._server = EmbeddedServer(data_dir)
        self._server.start()
        self._graph = self._server.connection().select_graph(graph_name)

    def _read(self, name: str, statement: str, params: Mapping[str, Any]) -> list[Row]:
        result = self._run(name, statement, params, read_only=True)
        columns = [column[1] for column in result.header]
        return [dict(zip(columns, map(_plain, row), strict=True)) for row in result.result_set]

    def _write(self, name: str, statement: str, params: Mapping[str, Any]) -> WriteSummary:
        result = self._run(name, statement, params, read_only=False)
        return WriteSummary(
            nodes_created=result.nodes_created, relationships_created=result.relationships_created,
            nodes_deleted=result.nodes_deleted,
            relationships_deleted=result.relationships_deleted,
        )

    def _run(self, name: str, statement: str, params: Mapping[str, Any], *, read_only: bool):
        params = _without_nul(dict(params))
        try:
            if read_only:
                return self._graph.ro_query(statement, params,
                                            timeout=self._read_timeout_ms)
            return self._graph.query(statement, params)
        except (ConnectionError, OSError) as e:
            raise StoreUnavailable(
                f"embedded FalkorDB in {self.data_dir} is unreachable: {e}"
            ) from e
        except RedisError as e:
            if "timed out" in str(e).lower():
                raise QueryTimeout(name, str(e)) from e
            raise QueryFailed(name, str(e)) from e

    def apply_schema(self) -> None:
        for statement in load_query("schema", self.engine).splitlines():
            try:
                self._graph.query(statement)
            except RedisError as e:
                if "already indexed" not in str(e):
                    raise QueryFailed("schema", str(e)) from e
        existing = {
            (c["label"], tuple(c["properties"]))
            for c in self._graph.list_constraints()
            if c["type"] == "UNIQUE"
        }
        for label in Label:
            if (label.value, ("id",)) not in existing:
                self._graph.create_node_unique_constraint(label.value, "id")

    def after_ingest(self) -> None:
        """Rewrite the append-only file so the next start does not replay every MERGE."""
        self._server.rewrite_aof()

    def close(self) -> None:
        self._server.stop()


def _without_nul(value: Any) -> Any:
    """The client sends parameters as quoted text ahead of the query, where a NUL character
    ends the query early; it becomes U+FFFD, which no stored value contains."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd") if "\x00" in value else value
    if isinstance(value, dict):
        return {k: _without_nul(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_without_nul(v) for v in value]
    return value


def _plain(value: Any) -> Any:
    """FalkorDB already answers with Python values; maps come back as OrderedDicts."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
