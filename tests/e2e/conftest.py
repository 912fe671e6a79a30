"""A store with the bundled samples ingested, shared by the HTTP tests of a module, on
every available engine (embedded FalkorDB always; Neo4j when DKG_NEO4J_URI is set)."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.ingest import IngestReport, ingest_paths
from graph.store import GraphStore
from tests.conftest import SAMPLES, STORE_OPENERS


@pytest.fixture(scope="module", params=sorted(STORE_OPENERS))
def samples_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
                  nlp) -> Iterator[GraphStore]:
    store = STORE_OPENERS[request.param](tmp_path_factory.mktemp("samples"))
    store.apply_schema()
    store.samples_report = ingest_paths([SAMPLES], store=store, nlp=nlp)
    yield store
    store.close()


@pytest.fixture(scope="module")
def samples_report(samples_store) -> IngestReport:
    return samples_store.samples_report


@pytest.fixture(scope="module")
def client(samples_store) -> Iterator[TestClient]:
    with TestClient(create_app(store=samples_store)) as test_client:
        yield test_client


def run_dkg(args: list[str], *, data_dir: Path):
    """Run the `dkg` console script in a subprocess, as a user would."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "DKG_DATA_DIR": str(data_dir)}
    env.pop("DKG_NEO4J_URI", None)
    command = [sys.executable, "-m", "api.cli", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
