"""The embedded default store: FalkorDB started and stopped by the project (graph/embedded.py).

A transaction is one query: the plan's statements (facts, then what derives from them)
become `CALL { ... }` subqueries of it, which FalkorDB applies whole or (on any error) not
at all, and which the append-only file records whole or, cut short by a crash, not at all.
(Not MULTI/EXEC: FalkorDB crashes replaying a long query inside one while a client knocks.)
Writers do not lock: each reads the graph's version before planning, and its query starts
by bumping that version only if it is still the one read (cypher/falkordb/begin_write);
when another writer got there first nothing runs, and it plans again on the new graph.

Should the server go away (killed, crashed), the next call starts it again once (the
append-only file is loaded again) before giving up with StoreUnavailable.
"""

import logging
import random
import re
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import redis
from redis.exceptions import RedisError

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
# What a call to a server that went away raises.
_GONE = (ConnectionError, OSError, redis.ConnectionError, redis.TimeoutError)


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
        self._graph_name = graph_name
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
        for attempt in (1, 2):
            try:
                if read_only:
                    return self._graph.ro_query(statement, params,
                                                timeout=self._read_timeout_ms)
                return self._graph.query(statement, params)
            except _GONE as e:
                self._reconnect(e, attempt)
            except RedisError as e:
                if "timed out" in str(e).lower():
                    raise QueryTimeout(name, str(e)) from e
                raise QueryFailed(name, str(e)) from e
        raise AssertionError("unreachable")

    def _reconnect(self, error: Exception, attempt: int) -> None:
        """After a lost connection: start the server again (first time), else give up."""
        if attempt > 1:
            raise self._unreachable(error) from error
        logger.warning("lost the embedded store in %s (%s); starting it again", self.data_dir,
                       error)
        try:
            self._server.restart()
        except StoreUnavailable as e:
            raise self._unreachable(e) from e
        self._graph = self._server.connection().select_graph(self._graph_name)

    def _unreachable(self, error: Exception) -> StoreUnavailable:
        return StoreUnavailable(
            f"the embedded FalkorDB in {self.data_dir} is unreachable ({error}); check that "
            f"its server can run, see {self._server.log_path}")

    def _transact(self, plan: Callable[[Reader], P]) -> tuple[P, WriteSummary]:
        for attempt in range(TRANSACTION_ATTEMPTS):
            version = self._write_version()
            update = plan(self)
            statements = [*update.statements, *update.derived]
            if not statements:
                return update, WriteSummary()
            query, params = self._guarded(statements, version)
            result = self._run("+".join(dict.fromkeys(s.name for s in statements)), query,
                               params, read_only=False)
            if result.result_set:
                self._server.compact()
                return update, WriteSummary(
                    nodes_created=result.nodes_created,
                    relationships_created=result.relationships_created,
                    nodes_deleted=result.nodes_deleted,
                    relationships_deleted=result.relationships_deleted)
            logger.debug("another writer changed the graph; planning again (%d)", attempt)
            time.sleep(random.uniform(0, 0.005 * (attempt + 1)))
        raise StoreBusy(f"the graph in {self.data_dir} kept changing under this write "
                        f"({TRANSACTION_ATTEMPTS} attempts); try again")

    def _write_version(self) -> int:
        rows = self.query("get_write_version")
        if not rows:  # a graph emptied whole (delete_all): its schema again
            self.apply_schema()
            rows = self.query("get_write_version")
        return int(rows[0]["version"])

    def _guarded(self, statements: list[Statement], version: int) -> tuple[str, dict[str, Any]]:
        """One query: the version check of begin_write, then every statement as a
        subquery with its own parameters (it runs only if the check passed)."""
        gate = load_query("begin_write", self.engine)
        opening, returning = gate.rsplit("RETURN", 1)
        parts, params = [opening.rstrip()], {"version": version}
        for n, statement in enumerate(statements):
            text = _PARAMETER.sub(lambda m, n=n: f"$s{n}_{m.group(1)}",
                                  self.statement_text(statement))
            parts.append(f"CALL {{\nWITH dkg_lock\n{text}\n}}")
            params.update({f"s{n}_{k}": v for k, v in statement.params.items()})
        parts.append(f"RETURN{returning}")
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
