"""A store with the bundled samples ingested, shared by the HTTP tests of a module, on
every available engine (embedded FalkorDB always; Neo4j when DKG_NEO4J_URI is set)."""

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.ingest import IngestReport
from graph.store import GraphStore
from tests.conftest import STORE_OPENERS, with_samples


@pytest.fixture(scope="module", params=sorted(STORE_OPENERS))
def samples_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
                  nlp) -> Iterator[GraphStore]:
    yield from with_samples(STORE_OPENERS[request.param](tmp_path_factory.mktemp("samples")), nlp)


@pytest.fixture(scope="module")
def samples_report(samples_store) -> IngestReport:
    return samples_store.samples_report


@pytest.fixture(scope="module")
def client(samples_store) -> Iterator[TestClient]:
    with TestClient(create_app(store=samples_store), base_url="http://127.0.0.1") as test_client:
        yield test_client


def run_dkg(args: list[str], *, data_dir: Path):
    """Run the `dkg` console script in a subprocess, as a user would."""
    env = {**os.environ, "DKG_DATA_DIR": str(data_dir)}
    env.pop("DKG_NEO4J_URI", None)
    command = [sys.executable, "-m", "api.cli", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_dkg_server(tmp_path: Path, *options: str, command: str = "serve", **env_extra: str
                   ) -> Iterator[tuple[str, Path, subprocess.Popen]]:
    """Run `dkg serve` (or `dkg demo`) on the embedded store of a fresh data folder until the
    test is done: yields (base URL, data folder, process)."""
    port = _free_port()
    data_dir = tmp_path / "data"
    env = {**os.environ, "DKG_DATA_DIR": str(data_dir), **env_extra}
    env.pop("DKG_NEO4J_URI", None)
    if "DKG_API_KEY" not in env_extra:
        env.pop("DKG_API_KEY", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "api.cli", command, "--port", str(port), *options],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            if process.poll() is not None:
                break
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail(f"dkg {command} did not answer: {process.stderr.read()}")
    if process.poll() is not None:
        pytest.fail(f"dkg {command} exited: {process.stderr.read()}")
    yield base, data_dir, process
    process.terminate()
    process.wait(timeout=30)
