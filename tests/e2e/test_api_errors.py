"""The error contract when the store fails: JSON, the right status, never a bare 500 for
the user's input; and the store's own rails (read-only reads, read timeout)."""

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.errors import QueryFailed, QueryTimeout, StoreUnavailable
from graph.falkordb_store import FalkorDBStore
from graph.model import WriteSummary
from graph.store import GraphStore, Row


class FailingStore(GraphStore):
    """A store whose every query raises `error`."""

    engine = "falkordb"

    def __init__(self, error: Exception) -> None:
        self.error = error

    def _read(self, name: str, statement: str, params: Mapping[str, Any]) -> list[Row]:
        raise self.error

    def _write(self, name: str, statement: str, params: Mapping[str, Any]) -> WriteSummary:
        raise self.error

    def _transact(self, plan):
        raise self.error

    def apply_schema(self) -> None:
        pass


@pytest.mark.parametrize("error", [
    StoreUnavailable("embedded FalkorDB in /tmp/x is unreachable"),
    QueryTimeout("list_events", "Query timed out"),
])
@pytest.mark.parametrize("path", ["/health", "/events?country=KAZ", "/search?q=kazakh",
                                  "/graph/neighborhood/KAZ"])
def test_an_unreachable_or_slow_store_is_a_json_503(error, path):
    with TestClient(create_app(store=FailingStore(error)), base_url="http://127.0.0.1") as client:
        response = client.get(path)
    assert response.status_code == 503
    assert response.json()["detail"]


def test_reads_cannot_write(tmp_path: Path):
    with FalkorDBStore(tmp_path / "data") as store:
        store.apply_schema()
        with pytest.raises(QueryFailed, match="delete_all"):
            store.query("delete_all")


def test_a_read_over_the_timeout_is_stopped(tmp_path: Path):
    with FalkorDBStore(tmp_path / "data", read_timeout=0.001) as store:
        store.apply_schema()
        with pytest.raises(QueryTimeout):
            store._read("slow", "UNWIND range(1, 50000000) AS x RETURN count(x) AS n", {})


def test_writes_are_not_held_to_the_read_timeout(tmp_path: Path):
    with FalkorDBStore(tmp_path / "data", read_timeout=0.001) as store:
        store._write("slow", "UNWIND range(1, 200000) AS x WITH count(x) AS n "
                             "CREATE (:Probe {n: n})", {})
        assert store.counts()["nodes"] == {"Probe": 1}
