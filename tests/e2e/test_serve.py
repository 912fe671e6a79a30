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
    yield from _serve(tmp_path)


def _serve(tmp_path: Path, *options: str, **env_extra: str):
    """Run `dkg serve` until the test is done: (base URL, data dir, process)."""
    port = _free_port()
    data_dir = tmp_path / "data"
    env = {**os.environ, "DKG_DATA_DIR": str(data_dir), **env_extra}
    env.pop("DKG_NEO4J_URI", None)
    if "DKG_API_KEY" not in env_extra:
        env.pop("DKG_API_KEY", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "api.cli", "serve", "--port", str(port), *options],
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


ARTICLE = {"text": "ASTANA, May 3 -- Kazakh Foreign Minister Dana Serikova met Uzbek "
                   "Ambassador Bakhrom Aliyev in Astana on May 3, 2026."}


def test_a_public_address_without_an_api_key_closes_the_writes(tmp_path):
    for base, _, process in _serve(tmp_path, "--host", "0.0.0.0"):
        assert httpx.post(f"{base}/articles", json=ARTICLE).status_code == 403
        assert httpx.get(f"{base}/events").status_code == 200
        process.terminate()
        _, errors = process.communicate(timeout=30)
        assert "DKG_API_KEY" in errors


def test_a_public_address_with_an_api_key_takes_keyed_writes(tmp_path):
    for base, _, _ in _serve(tmp_path, "--host", "0.0.0.0", DKG_API_KEY="s3cret"):
        assert httpx.post(f"{base}/articles", json=ARTICLE).status_code == 401
        keyed = httpx.post(f"{base}/articles", json=ARTICLE, headers={"X-API-Key": "s3cret"},
                           timeout=120)
        assert keyed.status_code == 201
