"""`dkg serve` as a user runs it, and `dkg ingest` from a second process while it runs."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import SAMPLES
from tests.e2e.conftest import run_dkg


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(tmp_path: Path):
    port = _free_port()
    data_dir = tmp_path / "data"
    env = {**os.environ, "DKG_DATA_DIR": str(data_dir)}
    env.pop("DKG_NEO4J_URI", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "api.cli", "serve", "--port", str(port)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail(f"dkg serve did not answer: {process.stderr.read()}")
    yield base, data_dir, process
    process.terminate()
    process.wait(timeout=30)


def test_serve_prints_urls_to_try(server):
    _, _, process = server
    process.terminate()
    output, _ = process.communicate(timeout=30)
    assert "/events?country=Kazakhstan" in output and "/docs" in output


def test_ingest_while_serving_reaches_the_running_server(server):
    base, data_dir, _ = server
    assert httpx.get(f"{base}/health").json()["nodes"] == {}
    result = run_dkg(["ingest", str(SAMPLES)], data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    health = httpx.get(f"{base}/health").json()
    assert health["nodes"]["Article"] == 11
    events = httpx.get(f"{base}/events", params={"country": "Kazakh"}).json()
    assert events["total"] >= 3


def test_stopping_the_server_stops_the_embedded_store(server):
    _, data_dir, process = server
    process.terminate()
    assert process.wait(timeout=30) in (0, 143)  # 143: ended by SIGTERM, cleanly
    assert not (data_dir / "falkordb.sock").exists()
    log = (data_dir / "falkordb.log").read_text()
    assert "ready to exit" in log.splitlines()[-1]
