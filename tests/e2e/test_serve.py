"""`dkg serve` as a user runs it, and `dkg ingest` from a second process while it runs."""

from pathlib import Path

import httpx
import pytest

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
