"""The embedded default store: FalkorDB started and stopped by the project (graph/embedded.py).

A transaction is one statement: the plan's statements become `CALL { ... }` subqueries of
a single query, which FalkorDB applies whole or (on any error) not at all, and which its
append-only file records whole or not at all. Writers do not lock: each watches a version
key while it reads and plans, and its write (which bumps the version) is refused when
another writer's landed first; it then plans again on the new graph.
"""

import logging
import random
import re
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import redis
from falkordb.query_result import QueryResult
from redis.exceptions import RedisError, WatchError

from cypher import load_query
from graph.embedded import EmbeddedServer
from graph.errors import QueryFailed, QueryTimeout, StoreBusy, StoreUnavailable
from graph.model import Statement, WriteSummary
from graph.store import GraphStore, P, Reader, Row
from graph.vocabulary import Label

logger = logging.getLogger(__name__)

GRAPH_NAME = "dkg"
TRANSACTION_ATTEMPTS = 50
_PARAMETER = re.compile(r"\$(\w+)")


class FalkorDBStore(GraphStore):
    """Graph store on an embedded FalkorDB server that lives in `data_dir`."""

    engine = "falkordb"

    def __init__(self, data_dir: Path, *, graph_name: str = GRAPH_NAME,
                 read_timeout: float | None = None, startup_timeout: float = 60.0) -> None:
        """`read_timeout`: seconds after which the server stops a read query;
        `startup_timeout`: seconds to wait for the server to answer."""
        self.data_dir = data_dir
        self._read_timeout_ms = max(1, round(read_timeout * 1000)) if read_timeout else None
        self._server = EmbeddedServer(data_dir, startup_timeout=startup_timeout)
        self._server.start()
        self._graph = self._server.connection().select_graph(graph_name)
        self._version_key = f"dkg:version:{graph_name}"

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
        except (ConnectionError, OSError, redis.ConnectionError, redis.TimeoutError) as e:
            raise self._unreachable(e) from e
        except RedisError as e:
            if "timed out" in str(e).lower():
                raise QueryTimeout(name, str(e)) from e
            raise QueryFailed(name, str(e)) from e

    def _unreachable(self, error: Exception) -> StoreUnavailable:
        return StoreUnavailable(
            f"the embedded FalkorDB in {self.data_dir} is unreachable ({error}); check that "
            f"its server is running, see {self._server.log_path}")

    def _transact(self, plan: Callable[[Reader], P]) -> tuple[P, WriteSummary]:
        client = self._server.connection().connection
        for attempt in range(TRANSACTION_ATTEMPTS):
            try:
                with client.pipeline() as pipe:
                    pipe.watch(self._version_key)
                    update = plan(self)
                    if not update.statements:
                        return update, WriteSummary()
                    pipe.multi()
                    for statements in (update.statements, update.derived):
                        if statements:
                            query, params = self._one_statement(statements)
                            pipe.execute_command(
                                "GRAPH.QUERY", self._graph.name,
                                self._graph._build_params_header(params) + query, "--compact")
                    pipe.incr(self._version_key)
                    replies = pipe.execute(raise_on_error=False)
            except WatchError:
                logger.debug("another writer changed the graph; planning again (%d)", attempt)
                time.sleep(random.uniform(0, 0.005 * (attempt + 1)))
                continue
            except (ConnectionError, OSError, redis.ConnectionError, redis.TimeoutError) as e:
                raise self._unreachable(e) from e
            return update, self._summary(update, replies[:-1])
        raise StoreBusy(f"the graph in {self.data_dir} kept changing under this write "
                        f"({TRANSACTION_ATTEMPTS} attempts); try again")

    def _summary(self, update: P, replies: list[Any]) -> WriteSummary:
        """What the transaction's queries did; a failed one raises (the facts fail whole,
        and derived statements only ever follow facts that landed)."""
        summary = WriteSummary()
        for statements, reply in zip([s for s in (update.statements, update.derived) if s],
                                     replies, strict=True):
            if isinstance(reply, Exception):
                names = "+".join(dict.fromkeys(s.name for s in statements))
                raise QueryFailed(names, str(reply))
            result = QueryResult(self._graph, reply)
            summary += WriteSummary(
                nodes_created=result.nodes_created,
                relationships_created=result.relationships_created,
                nodes_deleted=result.nodes_deleted,
                relationships_deleted=result.relationships_deleted)
        return summary

    def _one_statement(self, statements: list[Statement]) -> tuple[str, dict[str, Any]]:
        """The statements as subqueries of one query, each with its own parameters."""
        parts, params = [], {}
        for n, statement in enumerate(statements):
            text = _PARAMETER.sub(lambda m, n=n: f"$s{n}_{m.group(1)}",
                                  self.statement_text(statement))
            parts.append(f"CALL {{\n{text}\n}}")
            params.update({f"s{n}_{k}": v for k, v in statement.params.items()})
        return "\n".join(parts), _without_nul(params)

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
