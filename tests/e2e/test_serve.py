"""`dkg serve` as a user runs it, and `dkg ingest` from a second process while it runs."""

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
import redis

from tests.conftest import SAMPLES
from tests.e2e.conftest import run_dkg, run_dkg_server


@pytest.fixture
def server(tmp_path: Path):
    yield from run_dkg_server(tmp_path)


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
    for base, _, process in run_dkg_server(tmp_path, "--host", "0.0.0.0"):
        assert httpx.post(f"{base}/articles", json=ARTICLE).status_code == 403
        assert httpx.get(f"{base}/events").status_code == 200
        process.terminate()
        _, errors = process.communicate(timeout=30)
        assert "DKG_API_KEY" in errors


def test_a_public_address_with_an_api_key_takes_keyed_writes(tmp_path):
    for base, _, _ in run_dkg_server(tmp_path, "--host", "0.0.0.0", DKG_API_KEY="s3cret"):
        assert httpx.post(f"{base}/articles", json=ARTICLE).status_code == 401
        keyed = httpx.post(f"{base}/articles", json=ARTICLE, headers={"X-API-Key": "s3cret"},
                           timeout=120)
        assert keyed.status_code == 201


# -- interruptions ---------------------------------------------------------------------------


def _server_pid(data_dir: Path) -> int:
    client = redis.Redis(unix_socket_path=str(data_dir / "falkordb.sock"))
    try:
        return int(client.info("server")["process_id"])
    finally:
        client.close()


def test_sigterm_stops_the_server_within_seconds_while_it_extracts(tmp_path):
    long_text = " ".join([ARTICLE["text"]] * 300)  # some seconds of extraction
    for base, _, process in run_dkg_server(tmp_path):
        posting = threading.Thread(target=_post_quietly, args=(base, long_text), daemon=True)
        posting.start()
        time.sleep(1.0)
        started = time.monotonic()
        process.terminate()
        process.wait(timeout=30)
        assert time.monotonic() - started < 6.0


def _post_quietly(base: str, text: str) -> None:
    try:
        httpx.post(f"{base}/articles", json={"text": text}, timeout=60)
    except httpx.HTTPError:
        pass  # the server went away under it, as intended


def test_a_killed_store_is_started_again_by_the_next_request(tmp_path):
    for base, data_dir, _ in run_dkg_server(tmp_path):
        assert httpx.post(f"{base}/articles", json=ARTICLE, timeout=120).status_code == 201
        time.sleep(1.1)  # the append-only file is synced every second
        os.kill(_server_pid(data_dir), signal.SIGKILL)
        health = httpx.get(f"{base}/health", timeout=30)
        assert health.status_code == 200 and health.json()["nodes"]["Article"] == 1


def test_a_store_that_cannot_start_again_answers_503(tmp_path):
    for base, data_dir, _ in run_dkg_server(tmp_path):
        os.kill(_server_pid(data_dir), signal.SIGKILL)
        manifest = data_dir / "appendonlydir" / "appendonly.aof.manifest"
        time.sleep(0.3)
        manifest.write_text("not a manifest\n")
        response = httpx.get(f"{base}/health", timeout=30)
        assert response.status_code == 503
        assert response.headers["content-type"] == "application/json"
        assert "unreachable" in response.json()["detail"]


def test_stopping_serve_leaves_an_attached_ingest_to_finish(tmp_path):
    for _, data_dir, process in run_dkg_server(tmp_path):
        ingest = subprocess.Popen(
            [sys.executable, "-m", "api.cli", "ingest", str(SAMPLES)],
            env={**os.environ, "DKG_DATA_DIR": str(data_dir)}, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True)
        time.sleep(1.5)  # the ingest has joined the server and is extracting
        process.terminate()
        process.wait(timeout=30)
        output, errors = ingest.communicate(timeout=300)
        assert ingest.returncode == 0, errors
        assert "Traceback" not in errors and "ingested 11 articles" in output
    stats = run_dkg(["stats"], data_dir=data_dir)
    assert "Article 11" in stats.stdout


def test_a_port_in_use_is_an_error_before_any_url_is_printed(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = run_dkg(["serve", "--port", str(port)], data_dir=tmp_path / "data")
    assert done.returncode == 2
    assert "cannot listen" in done.stderr and "http://" not in done.stdout
