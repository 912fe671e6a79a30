"""Shared fixtures: the spaCy pipeline (loaded once), stores to run integration tests on,
and the shared corpora when they are present."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.store import GraphStore

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "api" / "samples"
NEO4J_SKIP_REASON = (
    "DKG_NEO4J_URI is not set: Neo4j tests need a running server "
    "(see README, 'Running the tests against Neo4j')"
)


@pytest.fixture(scope="session")
def nlp():
    from extract.pipeline import load_nlp

    return load_nlp()


def _open_falkordb(tmp_path: Path) -> GraphStore:
    from graph.falkordb_store import FalkorDBStore

    return FalkorDBStore(tmp_path / "falkordb")


def _open_neo4j(tmp_path: Path) -> GraphStore:
    uri = os.environ.get("DKG_NEO4J_URI")
    if not uri:
        pytest.skip(NEO4J_SKIP_REASON)
    from graph.neo4j_store import Neo4jStore

    store = Neo4jStore(
        uri,
        user=os.environ.get("DKG_NEO4J_USER", "neo4j"),
        password=os.environ.get("DKG_NEO4J_PASSWORD", ""),
        database=os.environ.get("DKG_NEO4J_DATABASE"),
    )
    store.execute("delete_all")
    return store


STORE_OPENERS = {"falkordb": _open_falkordb, "neo4j": _open_neo4j}


def with_samples(store: GraphStore, nlp) -> Iterator[GraphStore]:
    """For a fixture: `store` with its schema and the bundled samples ingested (the report
    kept as `store.samples_report`), closed when the fixture ends."""
    from api.ingest import ingest_paths

    try:
        store.apply_schema()
        store.samples_report = ingest_paths([SAMPLES], store=store, nlp=nlp)
        yield store
    finally:
        store.close()


@pytest.fixture(params=sorted(STORE_OPENERS))
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    """An empty store with its schema, once per available engine."""
    opened = STORE_OPENERS[request.param](tmp_path)
    opened.apply_schema()
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def shared_seeds() -> Path:
    folder = SHARED / "seeds"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent: the shared seed articles are not on this machine")
    return folder
