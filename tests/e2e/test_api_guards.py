"""The rails in front of the API, in process: the Host a request names, cross-site writes,
plain-text writes without a key, API keys of any length, article size, and extraction
within a time limit while reads go on."""

import asyncio
import time
from collections.abc import Iterator

import httpx
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.extraction_worker import ExtractionWorker
from api.guards import allowed_hosts
from api.settings import Settings
from extract.models import Article
from graph.falkordb_store import FalkorDBStore

ARTICLE = {"text": "ASTANA, May 3 -- Kazakh Foreign Minister Dana Serikova met Uzbek "
                   "Ambassador Bakhrom Aliyev in Astana on May 3, 2026."}


@pytest.fixture
def store(tmp_path) -> Iterator[FalkorDBStore]:
    with FalkorDBStore(tmp_path / "data") as opened:
        opened.apply_schema()
        yield opened


def _client(store, nlp=None, *, base_url: str = "http://127.0.0.1:8000",
            listen_host: str | None = "127.0.0.1", **settings) -> TestClient:
    app = create_app(Settings(**settings), store=store, nlp=nlp, listen_host=listen_host)
    return TestClient(app, base_url=base_url)


# -- the Host ----------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "[::1]:8000",
                                  "127.0.0.1", "LOCALHOST"])
def test_loopback_hosts_are_answered(store, host):
    with _client(store) as client:
        assert client.get("/health", headers={"host": host}).status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example"])
def test_a_host_name_pointed_at_loopback_by_another_site_is_refused(store, host):
    with _client(store) as client:
        response = client.get("/health", headers={"host": host})
    assert response.status_code == 400 and "DKG_ALLOWED_HOSTS" in response.json()["detail"]


def test_allowed_hosts_add_names(store):
    with _client(store, allowed_hosts=["graph.lan"]) as client:
        assert client.get("/health", headers={"host": "graph.lan:8000"}).status_code == 200


def test_a_server_on_every_interface_answers_any_name():
    assert allowed_hosts("0.0.0.0", []) is None and allowed_hosts("::", []) is None
    assert allowed_hosts("127.0.0.1", ["*"]) is None


# -- cross-site writes -------------------------------------------------------------------


@pytest.mark.parametrize("headers", [
    {"Origin": "https://evil.example"},
    {"Origin": "http://127.0.0.1:9999"},  # another port is another origin
    {"Origin": "null"},
    {"Sec-Fetch-Site": "cross-site"},
])
def test_a_cross_site_write_is_refused_and_writes_nothing(store, nlp, headers):
    with _client(store, nlp) as client:
        response = client.post("/articles", json=ARTICLE, headers=headers)
        deleted = client.delete("/articles/article:0000000000000000", headers=headers)
        counts = client.get("/stats").json()["nodes"]
    assert response.status_code == 403 and "cross-site" in response.json()["detail"]
    assert deleted.status_code == 403
    assert counts == {}


def test_a_write_from_the_servers_own_page_goes_in(store, nlp):
    with _client(store, nlp) as client:
        response = client.post("/articles", json=ARTICLE,
                               headers={"Origin": "http://127.0.0.1:8000"})
    assert response.status_code == 201


def test_a_write_from_a_listed_origin_goes_in(store, nlp):
    with _client(store, nlp, cors_origins=["https://analyst.example"]) as client:
        response = client.post("/articles", json=ARTICLE,
                               headers={"Origin": "https://analyst.example"})
    assert response.status_code == 201


def test_reads_from_another_site_are_answered_without_cors_headers(store):
    with _client(store) as client:
        response = client.get("/health", headers={"Origin": "https://evil.example"})
    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers


# -- keys and sizes ------------------------------------------------------------------------


@pytest.mark.parametrize("length", [1, 200, 201, 4096])
def test_an_api_key_of_any_length_works(store, nlp, length):
    key = "k" * length
    with _client(store, nlp, api_key=key) as client:
        assert client.post("/articles", json=ARTICLE, headers={"X-API-Key": key}
                           ).status_code == 201
        assert client.post("/articles", json=ARTICLE, headers={"X-API-Key": key + "x"}
                           ).status_code == 401


def test_an_article_longer_than_extraction_takes_is_422_and_writes_nothing(store, nlp):
    with _client(store, nlp, max_article_chars=500) as client:
        response = client.post("/articles", json={"text": "word " * 200})
        counts = client.get("/stats").json()["nodes"]
    assert response.status_code == 422 and "DKG_MAX_ARTICLE_CHARS" in response.json()["detail"]
    assert counts == {}


# -- extraction off the event loop, within a time limit --------------------------------------


def _slow(seconds: float):
    def extract(articles):
        time.sleep(seconds)
        raise AssertionError("an abandoned extraction's result must never be used")
    return extract


def test_an_extraction_over_the_time_limit_is_503_and_reads_go_on(store):
    app = create_app(Settings(), store=store, listen_host="127.0.0.1")
    app.state.extraction = ExtractionWorker(_slow(1.5), timeout=0.5)

    async def scenario():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as http:
            post = asyncio.create_task(http.post("/articles", json=ARTICLE))
            await asyncio.sleep(0.1)
            started = time.monotonic()
            health = await http.get("/health")
            read_s = time.monotonic() - started
            return await post, health, read_s

    with TestClient(app, base_url="http://127.0.0.1"):  # runs the lifespan
        response, health, read_s = asyncio.run(scenario())
        time.sleep(1.2)  # the abandoned extraction ends; nothing of it may be written
        assert store.counts()["nodes"] == {}
    assert response.status_code == 503 and "DKG_EXTRACTION_TIMEOUT" in response.json()["detail"]
    assert health.status_code == 200 and read_s < 0.4


def test_a_full_worker_answers_busy_rather_than_queueing_forever():
    worker = ExtractionWorker(_slow(1.0), capacity=1, timeout=0.3)
    article = Article(id="article:slow", text="slow")

    async def scenario():
        first = asyncio.create_task(worker(article))
        await asyncio.sleep(0.05)
        return await asyncio.gather(first, worker(article), return_exceptions=True)

    first, second = asyncio.run(scenario())
    assert type(first).__name__ == "ExtractionTimeout"
    assert type(second).__name__ == "ExtractionBusy"
