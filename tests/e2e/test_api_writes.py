"""POST and DELETE /articles over HTTP, on every available store: ingest, retract, and the
rails around them (API key, closed writes, body size, unreadable bodies)."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings

MEETING = {
    "title": "Serikova meets Aliyev in Astana",
    "published": "2026-05-04",
    "text": "ASTANA, May 3 -- Kazakh Foreign Minister Dana Serikova met Uzbek Ambassador "
            "Bakhrom Aliyev in Astana on May 3, 2026 to prepare the Caspian Media Forum, "
            "organized by the Aral News Agency.",
}
SAME_MEETING = {
    "title": "Aliyev and Serikova discuss media ties",
    "published": "2026-05-05",
    "text": "TASHKENT, May 4 -- Uzbek Ambassador Bakhrom Aliyev met Kazakh Foreign Minister "
            "Dana Serikova in Astana on May 3, 2026, the Aral News Agency reported. They "
            "agreed to hold a youth exchange in Samarkand.",
}
PLAIN = ("Title: Mongolian envoy visits Almaty\nPublished: 2026-06-02\n\n"
         "ALMATY, June 1 -- Mongolian Ambassador Batbayar Ochirkhuu visited Almaty on "
         "June 1, 2026 and met the mayor.")


def _client(store, nlp, **settings) -> TestClient:
    app = create_app(Settings(**settings), store=store, nlp=nlp,
                     writes_enabled=settings.pop("writes_enabled", True))
    return TestClient(app, base_url="http://127.0.0.1")


@pytest.fixture
def client(store, nlp) -> Iterator[TestClient]:
    with _client(store, nlp) as test_client:
        yield test_client


def test_posting_an_article_adds_it_and_lists_what_it_created(client):
    response = client.post("/articles", json=MEETING)
    body = response.json()
    assert response.status_code == 201 and body["events"] >= 1
    kinds = {ref["kind"] for ref in body["created"]}
    assert {"Article", "Event", "Country", "Person"} <= kinds and body["touched"] == []
    article = client.get(f"/articles/{body['article']}").json()
    assert article["title"] == MEETING["title"] and article["events"]


def test_posting_the_same_article_again_changes_nothing(client):
    first = client.post("/articles", json=MEETING).json()
    counts = client.get("/stats").json()
    again = client.post("/articles", json=MEETING)
    assert again.status_code == 200 and again.json()["article"] == first["article"]
    assert again.json()["created"] == [] and again.json()["touched"] == []
    assert client.get("/stats").json() == counts


def test_a_second_report_touches_the_shared_nodes(client):
    client.post("/articles", json=MEETING)
    body = client.post("/articles", json=SAME_MEETING).json()
    touched = {ref["id"] for ref in body["touched"]}
    assert {"KAZ", "UZB", "person:dana-serikova:kaz", "person:bakhrom-aliyev:uzb"} <= touched


def test_plain_text_with_a_header_is_an_article_when_the_key_is_sent(store, nlp):
    with _client(store, nlp, api_key="s3cret") as client:
        response = client.post("/articles", content=PLAIN,
                               headers={"content-type": "text/plain", "X-API-Key": "s3cret"})
        assert response.status_code == 201
        article = client.get(f"/articles/{response.json()['article']}").json()
    assert article["title"] == "Mongolian envoy visits Almaty"
    assert article["published"] == "2026-06-02"


def test_plain_text_without_a_key_is_refused_as_a_form_could_send_it(client):
    response = client.post("/articles", content=PLAIN, headers={"content-type": "text/plain"})
    assert response.status_code == 415 and "application/json" in response.json()["detail"]
    assert client.get("/stats").json()["nodes"] == {}


@pytest.mark.parametrize(("content", "content_type", "status"), [
    (b'{"text": ""}', "application/json", 422),
    (b'{"title": "no text"}', "application/json", 422),
    (b'{"text": "x", "colour": "red"}', "application/json", 422),
    (b"{not json", "application/json", 422),
    (b"Title: only a header\n\n", "text/plain", 415),
    (b"\xff\xfe\x00", "text/plain", 422),
    (b"[" * 100_000, "application/json", 422),
    (b'["a list"]', "application/json", 422),
    (b'{"text": 5}', "application/json", 422),
    (b"<p>hello</p>", "application/xml", 415),
])
def test_unreadable_bodies_are_refused_with_a_reason(client, content, content_type, status):
    counts = client.get("/stats").json()["nodes"]
    response = client.post("/articles", content=content, headers={"content-type": content_type})
    assert response.status_code == status and response.json()["detail"]
    assert client.get("/stats").json()["nodes"] == counts


def test_a_body_over_the_limit_is_413(store, nlp):
    with _client(store, nlp, max_body_bytes=1000) as client:
        response = client.post("/articles", json={"text": "word " * 400})
    assert response.status_code == 413 and "1000" in response.json()["detail"]


def test_a_streamed_body_over_the_limit_is_413(store, nlp):
    def chunks():
        for _ in range(10):
            yield b"x" * 500

    with _client(store, nlp, max_body_bytes=1000) as client:
        response = client.post("/articles", content=chunks(),
                               headers={"content-type": "text/plain"})
    assert response.status_code == 413


@pytest.mark.parametrize(("headers", "status"), [
    ({}, 401), ({"X-API-Key": "wrong"}, 401), ({"X-API-Key": "s3cret"}, 201)])
def test_writes_need_the_api_key_when_one_is_set(store, nlp, headers, status):
    with _client(store, nlp, api_key="s3cret") as client:
        assert client.post("/articles", json=MEETING, headers=headers).status_code == status
        assert client.get("/events").status_code == 200  # reads stay open


def test_retracting_needs_the_api_key_too(store, nlp):
    with _client(store, nlp, api_key="s3cret") as client:
        article = client.post("/articles", json=MEETING,
                              headers={"X-API-Key": "s3cret"}).json()["article"]
        assert client.delete(f"/articles/{article}").status_code == 401
        assert client.delete(f"/articles/{article}",
                             headers={"X-API-Key": "s3cret"}).status_code == 200


def test_closed_writes_answer_403(store, nlp):
    with _client(store, nlp, writes_enabled=False) as client:
        response = client.post("/articles", json=MEETING)
    assert response.status_code == 403 and "DKG_API_KEY" in response.json()["detail"]


def test_cors_is_off_by_default_and_on_when_configured(store, nlp):
    origin = {"Origin": "https://analyst.example"}
    with _client(store, nlp) as client:
        assert "access-control-allow-origin" not in client.get("/health", headers=origin).headers
    with _client(store, nlp, cors_origins=["https://analyst.example"]) as client:
        allowed = client.get("/health", headers=origin).headers
    assert allowed["access-control-allow-origin"] == "https://analyst.example"


def test_retracting_a_report_keeps_what_another_article_supports(client):
    first = client.post("/articles", json=MEETING).json()["article"]
    second = client.post("/articles", json=SAME_MEETING).json()["article"]
    response = client.delete(f"/articles/{first}")
    assert response.status_code == 200
    deleted = {ref["id"] for ref in response.json()["deleted"]}
    assert "person:dana-serikova:kaz" not in deleted and "KAZ" not in deleted
    assert client.get(f"/articles/{first}").status_code == 404
    for summary in client.get("/events").json()["items"]:
        event = client.get(f"/events/{summary['id']}").json()
        assert {a["id"] for a in event["articles"]} == {second}
        facts = event["countries"] + event["participants"] + event["organizers"]
        assert all(e["article"] == second for fact in facts for e in fact["evidence"])


def test_retracting_every_article_leaves_an_empty_graph(client):
    ids = [client.post("/articles", json=body).json()["article"]
           for body in (MEETING, SAME_MEETING)]
    for article in ids:
        assert client.delete(f"/articles/{article}").status_code == 200
    assert client.get("/stats").json()["nodes"] == {}


def test_retracting_an_unknown_article_is_404(client):
    response = client.delete("/articles/article:0000000000000000")
    assert response.status_code == 404 and "article:0000000000000000" in response.text
